/**
 * readSource's downloads when the server misbehaves (all on 127.0.0.1): one that never answers is
 * given up after the deadline, a body cut off mid-download, a redirect loop and an HTML page served
 * with 200 each fail with the URL and the reason, not a bare "terminated" or "fetch failed".
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { downloadTimeoutMs, readSource } from "../../generator/load/read-source.js";
import { REPO } from "../golden/fixtures.js";
import { rejectsWith } from "../helpers/rejects.js";

const SPEC = readFileSync(join(REPO, "spec/graph-beta-configurationPolicies-assignments.openapi.yaml"));

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

test("the deadline is 60 s, or GRAPHSLICE_DOWNLOAD_TIMEOUT_MS (checked)", () => {
  const saved = process.env.GRAPHSLICE_DOWNLOAD_TIMEOUT_MS;
  try {
    delete process.env.GRAPHSLICE_DOWNLOAD_TIMEOUT_MS;
    assert.is(downloadTimeoutMs(), 60_000);
    process.env.GRAPHSLICE_DOWNLOAD_TIMEOUT_MS = "1500";
    assert.is(downloadTimeoutMs(), 1500);
    process.env.GRAPHSLICE_DOWNLOAD_TIMEOUT_MS = "soon";
    assert.throws(() => downloadTimeoutMs(), /GRAPHSLICE_DOWNLOAD_TIMEOUT_MS must be a positive whole number of milliseconds, got "soon"/);
  } finally {
    if (saved === undefined) delete process.env.GRAPHSLICE_DOWNLOAD_TIMEOUT_MS;
    else process.env.GRAPHSLICE_DOWNLOAD_TIMEOUT_MS = saved;
  }
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

test.run();
