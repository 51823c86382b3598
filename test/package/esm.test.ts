/**
 * An ES module consumer of the real tarball, installed offline: `import` from the package root and
 * the `graphslice/configuration-policies` subpath, PATCH against the local server.
 */
import { createRequire } from "node:module";
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { startGraphServer, type GraphServer } from "../server/graph-server.js";
import { installConsumer, runIn } from "./consumer.js";
import { assertPatched, DOCUMENTED_TARGET, seed } from "./scenario.js";

const test = suite<{ server: GraphServer; dir: string }>("package: ESM consumer");

test.before(async (ctx) => {
  ctx.server = await startGraphServer();
  ctx.dir = await installConsumer("esm", { type: "module" });
  await copyFile(new URL("./fixtures/patch-assignment.mjs", import.meta.url), join(ctx.dir, "patch-assignment.mjs"));
});
test.after(async (ctx) => ctx.server?.close());

test("the consumer sees only what it installed: the package and its one runtime dependency", ({ dir }) => {
  const require = createRequire(join(dir, "package.json"));
  assert.ok(require.resolve("graphslice/package.json").startsWith(join(dir, "node_modules", "graphslice")));
  assert.ok(require.resolve("openapi-fetch").startsWith(join(dir, "node_modules", "openapi-fetch")));
  for (const devOnly of ["typescript", "tsx", "ts-morph"]) assert.throws(() => require.resolve(devOnly), /Cannot find module/, devOnly);
});

test("import { createGraphClient } from 'graphslice' PATCHes the documented example", async ({ server, dir }) => {
  const seeded = seed(server, "esm");
  const { code, stdout, stderr } = await runIn(dir, process.execPath, ["patch-assignment.mjs"], seeded.env);
  assert.is(code, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.target, DOCUMENTED_TARGET);
  assert.equal(result.notFound, { isGraphError: true, status: 404, code: "ResourceNotFound" });
  assert.is(result.lowLevelCollectionId, "Collection Id value");
  assert.is(result.policyId, seeded.policyId);
  assert.is(result.oneRuntime, true, "both subpaths share one runtime (one GraphError class)");
  assertPatched(server, seeded, "Bearer esm-token");
});

test.run();
