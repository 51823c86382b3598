/**
 * A CommonJS consumer of the real tarball, installed offline: `require` from the package root and
 * the `graphslice/configuration-policies` subpath, PATCH against the local server; and the modules
 * the runtime loads on demand, which CommonJS reaches by `require`.
 */
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { startGraphServer, type GraphServer } from "../server/graph-server.js";
import { installConsumer, runIn } from "./consumer.js";
import { assertPatched, DOCUMENTED_TARGET, seed } from "./scenario.js";

const test = suite<{ server: GraphServer; dir: string }>("package: CommonJS consumer");

test.before(async (ctx) => {
  ctx.server = await startGraphServer();
  ctx.dir = await installConsumer("cjs", { type: "commonjs" });
  await copyFile(new URL("./fixtures/patch-assignment.cjs", import.meta.url), join(ctx.dir, "patch-assignment.cjs"));
  await copyFile(new URL("./fixtures/lazy-modules.cjs", import.meta.url), join(ctx.dir, "lazy-modules.cjs"));
});
test.after(async (ctx) => ctx.server?.close());

test("require('graphslice') PATCHes the documented example", async ({ server, dir }) => {
  const seeded = seed(server, "cjs");
  const { code, stdout, stderr } = await runIn(dir, process.execPath, ["patch-assignment.cjs"], seeded.env);
  assert.is(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.target, DOCUMENTED_TARGET);
  assert.equal(result.notFound, { isGraphError: true, status: 404, code: "ResourceNotFound" });
  assert.is(result.lowLevelCollectionId, "Collection Id value");
  assert.is(result.policyId, seeded.policyId);
  assert.is(result.oneRuntime, true, "both subpaths share one runtime (one GraphError class)");
  assertPatched(server, seeded, "Bearer cjs-token");
});

test("modules loaded on demand work from require: a 429's Retry-After, a CAE claims challenge, a batch", async ({ server, dir }) => {
  const seeded = seed(server, "cjs-lazy");
  const claims = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';
  const challenge = `Bearer realm="", error="insufficient_claims", claims="${Buffer.from(claims).toString("base64")}"`;
  // A POST is retried after a 429 only by way of the Retry-After reader: a network-error retry would not repeat it.
  server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "POST" });
  server.faults.push({ kind: "status", status: 401, headers: { "www-authenticate": challenge } }, { method: "GET" });
  const { code, stdout, stderr } = await runIn(dir, process.execPath, ["lazy-modules.cjs"], seeded.env);
  assert.is(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.posted, [{ status: 201, attempts: 2 }]);
  assert.is(result.listed, 2);
  assert.ok(result.claims.includes(claims), `the claims reached the token source: ${JSON.stringify(result.claims)}`);
  assert.equal(result.batch, ["fulfilled"]);
});

test.run();
