/**
 * The TypeScript versions the README claims (issue 10, item 16), on the real tarball: the consumer of
 * test/package (strict, NodeNext, exactOptionalPropertyTypes, its @ts-expect-error lines) must type-check
 * with 5.4.5 with `skipLibCheck: false`, and with 5.0.4 only with `skipLibCheck: true`: below 5.4
 * openapi-fetch's own declarations fail (TS2344 in openapi-fetch/dist/index.d.mts), which is why 5.4 is
 * the minimum claimed without it. The versions are installed beforehand (versions.ts), never here.
 */
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { installConsumer, runIn } from "../package/consumer.js";
import { CLAIMED, tscOf } from "./versions.js";

const test = suite<{ dir: string }>("TypeScript versions the README claims");

test.before(async (ctx) => {
  const missing = CLAIMED.filter(({ version }) => !tscOf(version)).map(({ version }) => version);
  if (missing.length) throw new Error(`typescript ${missing.join(", ")} not installed: run \`npm run install-typescript-versions\` (\`npm install\` does, as its prepare step)`);
  ctx.dir = await installConsumer("ts-versions", { type: "module", link: ["@types/node", "@azure/core-auth"] });
  const fixtures = new URL("../package/fixtures/", import.meta.url);
  await copyFile(new URL("patch-assignment.ts.txt", fixtures), join(ctx.dir, "patch-assignment.ts"));
  const tsconfig = JSON.parse(await readFile(new URL("tsconfig.consumer.json", fixtures), "utf8"));
  for (const skipLibCheck of [false, true]) {
    await writeFile(join(ctx.dir, `tsconfig.${skipLibCheck ? "skip" : "strict"}.json`), JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, skipLibCheck, noEmit: true } }));
  }
});

const check = (dir: string, version: string, skipLibCheck: boolean) => runIn(dir, process.execPath, [tscOf(version)!, "-p", `tsconfig.${skipLibCheck ? "skip" : "strict"}.json`]);

for (const { version, strictLibCheck } of CLAIMED) {
  test(`TypeScript ${version}: the consumer type-checks with skipLibCheck: ${strictLibCheck ? "false" : "true"}`, async ({ dir }) => {
    const { code, stdout } = await check(dir, version, !strictLibCheck);
    assert.is(stdout.trim(), "", "tsc reported errors");
    assert.is(code, 0);
  });
  if (!strictLibCheck) {
    test(`TypeScript ${version} with skipLibCheck: false fails inside openapi-fetch's declarations (the README says so)`, async ({ dir }) => {
      const { code, stdout } = await check(dir, version, false);
      assert.is(code, 2, stdout);
      assert.match(stdout, /openapi-fetch\/dist\/index\.d\.mts\(\d+,\d+\): error TS2344/);
      assert.not.match(stdout, /patch-assignment\.ts/, "the consumer's own code type-checks");
    });
  }
}

test.run();
