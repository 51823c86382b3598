/**
 * A CommonJS consumer of the real tarball, installed offline: `require` from the package root and
 * the `graphslice/configuration-policies` subpath, PATCH against the local server.
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

test.run();
