/**
 * readSource's downloads when the server misbehaves (all on 127.0.0.1): one that never answers is
 * given up after the deadline, a body cut off mid-download, a redirect loop and an HTML page served
 * with 200 each fail with the URL and the reason, not a bare "terminated" or "fetch failed".
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { downloadMaxBytes, downloadTimeoutMs, readSource } from "../../generator/load/read-source.js";
import { REPO } from "../golden/fixtures.js";
import { rejectsWith } from "../helpers/rejects.js";
import { scratchDir } from "../helpers/scratch.js";

const SPEC = readFileSync(join(REPO, "spec/graph-beta-configurationPolicies-assignments.openapi.yaml"));

/** 8 MB of zeros as 8 KB of gzip. */
const BOMB = gzipSync(Buffer.alloc(8 * 1024 * 1024));

const test = suite<{ server: Server; url: string }>("load: readSource downloads");
test.before(async (ctx) => {
  ctx.server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/hang.yaml") return; // never answers
    if (path === "/slow-body.yaml") {
      res.writeHead(200, { "content-type": "application/yaml", "content-length": String(SPEC.length) });
      res.write(SPEC.subarray(0, 100)); // headers at once, the rest never
      return;
    }
    if (path === "/cut.yaml") {
      res.writeHead(200, { "content-type": "application/yaml", "content-length": String(SPEC.length) });
      res.write(SPEC.subarray(0, 3000));
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    if (path === "/loop.yaml") return void res.writeHead(302, { location: "/loop.yaml" }).end();
    if (path === "/html") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><html><body>Please sign in</body></html>");
    if (path === "/html-as-yaml.yaml") return void res.writeHead(200, { "content-type": "application/yaml" }).end("\n  <!DOCTYPE html>\n<html lang=en><body>Sign in</body></html>");
    if (path === "/endless.yaml") {
      // Without end, faster than any deadline: only a size limit stops it.
      res.writeHead(200, { "content-type": "application/yaml" });
      const chunk = Buffer.alloc(64 * 1024, "a: b\n");
      const more = () => {
        while (res.write(chunk));
        res.once("drain", more);
      };
      res.on("close", () => res.removeAllListeners("drain"));
      return more();
    }
    if (path === "/bomb.yaml") return void res.writeHead(200, { "content-type": "application/yaml", "content-encoding": "gzip" }).end(BOMB);
    if (path === "/latin1.yaml") return void res.writeHead(200, { "content-type": "application/yaml" }).end(Buffer.from("info:\n  title: Caf\xe9\n", "latin1"));
    if (path === "/spec.yaml") return void res.writeHead(200, { "content-type": "application/yaml" }).end(SPEC);
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => ctx.server.listen(0, "127.0.0.1", done));
  ctx.url = `http://127.0.0.1:${(ctx.server.address() as AddressInfo).port}`;
});
test.after(async (ctx) => {
  ctx.server?.closeAllConnections();
  await new Promise((done) => ctx.server?.close(done));
});

test("a server that never answers is given up after the deadline, naming the URL", async ({ url }) => {
  const started = Date.now();
  await rejectsWith(() => readSource(`${url}/hang.yaml`, "OpenAPI description", { timeoutMs: 300 }), new RegExp(`^${url}/hang\\.yaml: no complete answer within 300 ms while downloading the OpenAPI description`));
  assert.ok(Date.now() - started < 5000);
});

test("the deadline covers the body too: headers sent, the rest never", async ({ url }) => {
  await rejectsWith(() => readSource(`${url}/slow-body.yaml`, "OpenAPI description", { timeoutMs: 300 }), new RegExp(`^${url}/slow-body\\.yaml: no complete answer within 300 ms`));
});

/** What `read` gives with the environment variable `name` set to `value` (unset for undefined); the variable is restored after. */
function withEnv<T>(name: string, value: string | undefined, read: () => T): T {
  const saved = process.env[name];
  try {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
    return read();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

test("the deadline is 60 s, or GRAPHSLICE_DOWNLOAD_TIMEOUT_MS (checked)", () => {
  const name = "GRAPHSLICE_DOWNLOAD_TIMEOUT_MS";
  assert.is(withEnv(name, undefined, downloadTimeoutMs), 60_000);
  assert.is(withEnv(name, "1500", downloadTimeoutMs), 1500);
  assert.throws(() => withEnv(name, "soon", downloadTimeoutMs), /GRAPHSLICE_DOWNLOAD_TIMEOUT_MS must be a positive whole number of milliseconds, got "soon"/);
});

test("a body cut off mid-download names the URL and says so", async ({ url }) => {
  await rejectsWith(() => readSource(`${url}/cut.yaml`, "OpenAPI description"), new RegExp(`^${url}/cut\\.yaml: the download of the OpenAPI description was cut off before its end`));
});

test("a redirect loop names the URL and says too many redirects", async ({ url }) => {
  await rejectsWith(() => readSource(`${url}/loop.yaml`, "OpenAPI description"), new RegExp(`^${url}/loop\\.yaml: cannot download the OpenAPI description: too many redirects`));
});

test("an HTML page served with 200 (by its content type, or by its first bytes) is refused", async ({ url }) => {
  await rejectsWith(() => readSource(`${url}/html`, "OpenAPI description"), new RegExp(`^${url}/html answered an HTML page, not an OpenAPI description`));
  await rejectsWith(() => readSource(`${url}/html-as-yaml.yaml`, "CSDL document"), new RegExp(`^${url}/html-as-yaml\\.yaml answered an HTML page, not a CSDL document`));
});

test("a good download still reads, within a short deadline", async ({ url }) => {
  assert.is(await readSource(`${url}/spec.yaml`, "OpenAPI description", { timeoutMs: 10_000 }), SPEC.toString("utf8"));
});

test("a body without end, or a gzip bomb, stops at the size limit, naming the URL and the limit", async ({ url }) => {
  await rejectsWith(() => readSource(`${url}/endless.yaml`, "OpenAPI description", { maxBytes: 1_000_000 }), new RegExp(`^${url}/endless\\.yaml: the OpenAPI description is larger than 1000000 bytes \\(GRAPHSLICE_DOWNLOAD_MAX_BYTES\\); not read`));
  await rejectsWith(() => readSource(`${url}/bomb.yaml`, "OpenAPI description", { maxBytes: 1_000_000 }), new RegExp(`^${url}/bomb\\.yaml: the OpenAPI description is larger than 1000000 bytes`));
});

test("the size limit is 512 MiB, or GRAPHSLICE_DOWNLOAD_MAX_BYTES (checked); a brotli file is held to it once decompressed", async () => {
  const name = "GRAPHSLICE_DOWNLOAD_MAX_BYTES";
  assert.is(withEnv(name, undefined, downloadMaxBytes), 512 * 1024 * 1024);
  assert.is(withEnv(name, "2000", downloadMaxBytes), 2000);
  assert.throws(() => withEnv(name, "big", downloadMaxBytes), /GRAPHSLICE_DOWNLOAD_MAX_BYTES must be a positive whole number of bytes, got "big"/);
  const dir = scratchDir("read-source");
  const file = join(dir, "big.yaml.br");
  writeFileSync(file, brotliCompressSync(Buffer.alloc(4 * 1024 * 1024, "a")));
  await rejectsWith(() => readSource(file, "OpenAPI description", { maxBytes: 1_000_000 }), new RegExp(`^${file.replace(/[.\\]/g, "\\$&")}: the OpenAPI description is larger than 1000000 bytes`));
});

test("text that is not UTF-8 is refused, naming the file or URL and the line (it was read with U+FFFD in place of what it held)", async ({ url }) => {
  await rejectsWith(() => readSource(`${url}/latin1.yaml`, "OpenAPI description"), new RegExp(`^${url}/latin1\\.yaml: the OpenAPI description is not valid UTF-8 \\(line 2\\)`));
  const file = join(scratchDir("read-source"), "latin1.yaml");
  writeFileSync(file, Buffer.from("a: 1\nb: 2\nc: \xff\n", "latin1"));
  await rejectsWith(() => readSource(file, "overlay"), /latin1\.yaml: the overlay is not valid UTF-8 \(line 3\)/);
  // A byte-order mark is UTF-8 too.
  writeFileSync(file, Buffer.from("\ufeffa: 1\n", "utf8"));
  assert.is(await readSource(file, "overlay"), "\ufeffa: 1\n");
});

test.run();
