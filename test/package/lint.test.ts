/**
 * Package lint on the real tarball: publint (every level, warnings as errors) and
 * @arethetypeswrong/cli (strict profile: node10, node16 from CJS and from ESM, bundler) must report
 * nothing. Both read the .tgz that `npm pack` wrote, not the working tree.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { childEnv, packedTarball, ROOT } from "./pack.js";

const run = promisify(execFile);
const test = suite("package: lint");

test("publint reports nothing on the tarball (suggestions included, warnings as errors)", async () => {
  const { path } = await packedTarball();
  const bytes = await readFile(path);
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball }, level: "suggestion", strict: true });
  assert.equal(messages.map((m) => formatMessage(m, pkg, { color: false })), []);
});

test("@arethetypeswrong/cli reports no problem for any entry point under any resolution", async () => {
  const { path } = await packedTarball();
  const attw = join(createRequire(join(ROOT, "package.json")).resolve("@arethetypeswrong/cli/package.json"), "..", "dist", "index.js");
  let stdout: string;
  try {
    ({ stdout } = await run(process.execPath, [attw, path, "--format", "json", "--profile", "strict"], { env: childEnv(), maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    // attw exits 1 when it finds problems; its JSON says which.
    stdout = (error as { stdout?: string }).stdout ?? "";
    if (!stdout) throw error;
  }
  const report = JSON.parse(stdout) as { problems: unknown; analysis: { entrypoints: Record<string, unknown> } };
  assert.equal(report.problems, {}, JSON.stringify(report.problems, null, 2));
  assert.equal(Object.keys(report.analysis.entrypoints).sort(), [".", "./assignments", "./configuration-policies", "./package.json"]);
});

test.run();
