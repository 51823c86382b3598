/**
 * spec/graph-modules/ holds Microsoft's descriptions brotli-compressed; SHA256SUMS lists the sha256
 * and size of every file uncompressed. Every file is decompressed the way the load stage reads it
 * (readSource) and checked, and every listed file must be there and every `.br` listed: the copies
 * are the originals, byte for byte. All of them, about 77 MB decompressed: well under a second.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readSource } from "../../generator/load/read-source.js";
import { REPO } from "../golden/fixtures.js";

const DIR = join(REPO, "spec/graph-modules");
const test = suite("spec/graph-modules: SHA256SUMS");

const listed = readFileSync(join(DIR, "SHA256SUMS"), "utf8")
  .trimEnd()
  .split("\n")
  .map((line) => {
    const match = /^([0-9a-f]{64}) {2}(\d+) {2}(\S.*)$/.exec(line);
    if (!match) throw new Error(`SHA256SUMS: cannot read the line "${line}"`);
    return { sha256: match[1]!, bytes: Number(match[2]), path: match[3]! };
  });

test("every .br file is listed and every listed file has its .br", () => {
  const files = readdirSync(DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".br"))
    .map((e) => relative(DIR, join(e.parentPath, e.name)).split(sep).join("/").replace(/\.br$/, ""))
    .sort();
  assert.equal(files, listed.map((l) => l.path).sort());
  assert.ok(listed.length >= 80, `${listed.length} files`);
  for (const must of ["2023-01/beta/DeviceManagement.yml", "2023-01/v1.0/DeviceManagement.yml", "2022-03/beta/DeviceManagement.yml", "csdl/graph-v1.0.csdl.xml"]) {
    assert.ok(listed.some((l) => l.path === must), must);
  }
});

test("every file decompresses to the listed size and sha256", async () => {
  const start = performance.now();
  const wrong: string[] = [];
  for (const { sha256, bytes, path } of listed) {
    const raw = brotliDecompressSync(readFileSync(join(DIR, `${path}.br`)));
    if (raw.length !== bytes) wrong.push(`${path}: ${raw.length} bytes, listed ${bytes}`);
    else if (createHash("sha256").update(raw).digest("hex") !== sha256) wrong.push(`${path}: sha256 differs`);
  }
  assert.equal(wrong, []);
  assert.ok(performance.now() - start < 10_000, `${(performance.now() - start).toFixed(0)} ms`);
});

test("the load stage's reader gives exactly those bytes (as text) for a YAML module and the CSDL", async () => {
  for (const path of ["2023-01/beta/Users.yml", "csdl/graph-v1.0.csdl.xml"]) {
    const text = await readSource(join(DIR, `${path}.br`), "spec");
    assert.is(createHash("sha256").update(text).digest("hex"), listed.find((l) => l.path === path)!.sha256, path);
  }
});

test.run();
