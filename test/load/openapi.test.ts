/**
 * The load stage's OpenAPI reader on its own: plain and brotli (`.br`) files and URLs give the same
 * document, errors name the file as the user gave it, and the real 2023-01 modules load in reasonable
 * time.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadOpenApi } from "../../generator/load/openapi.js";
import { isBrotli, readSource } from "../../generator/load/read-source.js";
import { serveFolder, type FileServer } from "../cli/file-server.js";
import { REPO } from "../golden/fixtures.js";
import { rejectsWith } from "../helpers/rejects.js";
import { scratchDir } from "../helpers/scratch.js";

const PLAIN = join(REPO, "spec/graph-beta-configurationPolicies-assignments.openapi.yaml");
const MODULES = join(REPO, "spec/graph-modules/2023-01/beta");
const scratch = scratchDir("load");
writeFileSync(join(scratch, "assignments.yaml.br"), brotliCompressSync(readFileSync(PLAIN)));
writeFileSync(join(scratch, "broken.yml.br"), brotliCompressSync("openapi: 3.0.1\ninfo: {title: x, version: '1'\npaths: {}\n"));
writeFileSync(join(scratch, "not-brotli.yml.br"), readFileSync(PLAIN));

const test = suite<{ files: FileServer }>("load: OpenAPI");
test.before(async (ctx) => {
  ctx.files = await serveFolder(scratch);
});
test.after(async (ctx) => ctx.files?.close());

test("a .br file is read decompressed: the same text and the same document as the plain file", async () => {
  const br = join(scratch, "assignments.yaml.br");
  assert.is(await readSource(br, "spec"), readFileSync(PLAIN, "utf8"));
  const [plain, compressed] = await Promise.all([loadOpenApi(PLAIN), loadOpenApi(br)]);
  assert.equal(compressed.document, plain.document);
  assert.is(compressed.source, br);
});

test("a .br URL is read decompressed too", async ({ files }) => {
  const url = `${files.url}/assignments.yaml.br`;
  assert.equal((await loadOpenApi(url)).document, (await loadOpenApi(PLAIN)).document);
  assert.ok(files.asked.includes("/assignments.yaml.br"));
});

test("a .br URL served with Content-Encoding: br is decompressed once (fetch already undid the encoding)", async () => {
  const body = brotliCompressSync(readFileSync(PLAIN));
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/yaml", "content-encoding": "br" }).end(body));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/assignments.yaml.br`;
    assert.is(await readSource(url, "spec"), readFileSync(PLAIN, "utf8"));
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

test("errors name the .br file: bad YAML inside (with its line), bytes that are not brotli", async () => {
  await rejectsWith(() => loadOpenApi(join(scratch, "broken.yml.br")), /broken\.yml\.br: cannot be read as OpenAPI: .*\(3:1\)/);
  await rejectsWith(() => loadOpenApi(join(scratch, "not-brotli.yml.br")), /not-brotli\.yml\.br: cannot decompress the OpenAPI description \(a \.br name means brotli\)/);
  await rejectsWith(() => loadOpenApi(join(scratch, "missing.yml.br")), /missing\.yml\.br: cannot read the OpenAPI description: no such file/);
});

test("isBrotli looks at the name only, not at a query or fragment", () => {
  assert.ok(isBrotli("a/Users.yml.br"));
  assert.ok(isBrotli("https://x/Users.yml.br?sig=1"));
  assert.not.ok(isBrotli("https://x/Users.yml?f=a.br"));
  assert.not.ok(isBrotli("Users.yml"));
});

test("the largest modules load and validate in reasonable time: DeviceManagement, Calendar", async () => {
  for (const [name, paths] of [["DeviceManagement.yml.br", 371], ["Calendar.yml.br", 694]] as const) {
    const start = performance.now();
    const loaded = await loadOpenApi(join(MODULES, name));
    const ms = performance.now() - start;
    assert.is(Object.keys(loaded.document.paths).length, paths, name);
    assert.ok(ms < 10_000, `${name} loaded in ${ms.toFixed(0)} ms`);
  }
});

test.run();
