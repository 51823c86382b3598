/**
 * TypeScript consumers of the real tarball under `strict` + `NodeNext` (+ `exactOptionalPropertyTypes`,
 * `noUncheckedIndexedAccess`, and `skipLibCheck: false`, so the shipped declarations are checked too):
 * one `"type": "module"` project (reads the `.d.ts`), one CommonJS project (reads the `.d.cts`).
 * The same file, fixtures/patch-assignment.ts.txt (stored as .txt so the repo's own tsc, which has no
 * built package to resolve "graphslice" against, skips it), must type-check in both — including an
 * `@azure/core-auth` TokenCredential passed as `credential` and three `@ts-expect-error` lines that
 * must stay errors — and its compiled output then PATCHes the local server.
 */
import { readFile, copyFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { startGraphServer, type GraphServer } from "../server/graph-server.js";
import { installConsumer, runIn } from "./consumer.js";
import { ROOT } from "./pack.js";
import { assertPatched, seed } from "./scenario.js";

const TSC = createRequire(join(ROOT, "package.json")).resolve("typescript/bin/tsc");
const KINDS = ["module", "commonjs"] as const;

const test = suite<{ server: GraphServer; dirs: Record<(typeof KINDS)[number], string>; checks: Record<string, { code: number; stdout: string }> }>(
  "package: TypeScript consumers",
);

test.before(async (ctx) => {
  ctx.server = await startGraphServer();
  ctx.dirs = {} as typeof ctx.dirs;
  ctx.checks = {};
  await Promise.all(
    KINDS.map(async (type) => {
      const dir = await installConsumer(`ts-${type}`, { type, link: ["@types/node", "@azure/core-auth"] });
      await copyFile(new URL("./fixtures/patch-assignment.ts.txt", import.meta.url), join(dir, "patch-assignment.ts"));
      await copyFile(new URL("./fixtures/tsconfig.consumer.json", import.meta.url), join(dir, "tsconfig.json"));
      ctx.dirs[type] = dir;
      ctx.checks[type] = await runIn(dir, process.execPath, [TSC, "-p", "tsconfig.json"]);
    }),
  );
});
test.after(async (ctx) => ctx.server?.close());

for (const type of KINDS) {
  test(`"type": "${type}": the consumer type-checks with no error, and its @ts-expect-error lines are errors`, ({ checks }) => {
    const { code, stdout } = checks[type]!;
    assert.is(stdout.trim(), "", "tsc reported errors");
    assert.is(code, 0);
  });

  test(`"type": "${type}": the compiled consumer PATCHes with the @azure/core-auth credential and the derived scope`, async ({ server, dirs }) => {
    const dir = dirs[type];
    const compiled = await readFile(join(dir, "out", "patch-assignment.js"), "utf8");
    assert.match(compiled, type === "module" ? /from "graphslice"/ : /require\("graphslice"\)/);
    const seeded = seed(server, `ts-${type}`);
    const { code, stdout, stderr } = await runIn(dir, process.execPath, ["out/patch-assignment.js"], seeded.env);
    assert.is(code, 0, stderr);
    assert.equal(JSON.parse(stdout), {
      collectionId: "Collection Id value",
      notFoundStatus: 404,
      lowLevelCollectionId: "Collection Id value",
      policyId: seeded.policyId,
      oneRuntime: true,
    });
    assertPatched(server, seeded, "Bearer ts-token-for-https://graph.microsoft.com/.default"); // the scope comes from the cloud, not the local base URL
  });
}

test.run();
