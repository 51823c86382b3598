/**
 * `generate --skip-type-check` (config `skipTypeCheck: true`): every generated file but the index
 * files carries `// @ts-nocheck`, nothing else changes, and a consumer's compiler still reports the
 * consumer's own mistakes (the generated types are used, only the generated files go unchecked).
 */
import { execFile } from "node:child_process";
import { appendFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkConfig } from "../../generator/config.js";
import { repoScratchDir } from "../helpers/scratch.js";
import { REPO, runCli } from "./run-cli.js";

const run = promisify(execFile);
const TSC = join(REPO, "node_modules/typescript/bin/tsc");
const NOCHECK = /^\/\/ @ts-nocheck$/m;

const test = suite<{ out: string }>("cli: generate --skip-type-check", { out: "" });
test.before(async (ctx) => {
  // Under node_modules/.cache, so the consumer resolves the SDK's packages (openapi-fetch) as the repo does.
  ctx.out = join(repoScratchDir("skip-type-check"), "sdk");
  const generated = await runCli(["generate", "--out", ctx.out, "--skip-type-check", "--quiet"]);
  if (generated.code !== 0) throw new Error(generated.stderr);
});

const tsFiles = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith(".ts")).sort();
const isIndex = (name: string) => name === "index.ts" || name.endsWith("/index.ts");

test("every generated file but the index files has @ts-nocheck; without the two header lines, the output is the committed one", ({ out }) => {
  const names = tsFiles(out);
  assert.equal(names, tsFiles(join(REPO, "generated")), "the same files");
  assert.ok(names.some((name) => name.startsWith("runtime/")) && names.some((name) => name.endsWith("/client.ts")));
  for (const name of names) {
    const text = readFileSync(join(out, name), "utf8");
    const committed = readFileSync(join(REPO, "generated", name), "utf8");
    assert.not.match(committed, NOCHECK, `${name}: the default output is checked`);
    if (isIndex(name)) {
      assert.is(text, committed, `${name}: an index file is always checked`);
      continue;
    }
    // A pragma counts only among the file's leading comments: it must come before the first statement.
    const leading = text.slice(0, text.search(/^(?!\/\/)/m));
    assert.match(leading, NOCHECK, `${name}: @ts-nocheck among the leading comments`);
    assert.is(text.replace(/^\/\/ Generated with skipTypeCheck.*\n\/\/ @ts-nocheck\n/m, ""), committed, name);
  }
});

/** tsc --noEmit over one consumer file importing the generated SDK; its diagnostics. */
async function typecheck(out: string, source: string): Promise<string[]> {
  const dir = join(out, "..");
  writeFileSync(join(dir, "consumer.ts"), source.replace("SDK", `./${relative(dir, out)}/index.js`));
  const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022", "DOM"], types: [], strict: true, skipLibCheck: true, noEmit: true };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["consumer.ts"] }));
  const stdout = await run(process.execPath, [TSC, "-p", dir, "--pretty", "false"], { cwd: dir }).then(
    (r) => r.stdout,
    (e: { stdout: string }) => e.stdout,
  );
  return stdout.split("\n").filter((line) => /error TS\d+/.test(line));
}

const CALL = `import { createGraphClient } from "SDK";
const graph = createGraphClient({ token: "t" });
export const patched = graph.deviceManagement.configurationPolicies.byId("p").assignments.byId("a").patch({ target: { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: GROUP } });
`;

test("a consumer still gets the generated types: a correct call compiles, a wrong one is an error in the consumer's file", async ({ out }) => {
  assert.equal(await typecheck(out, CALL.replace("GROUP", `"g1"`)), []);
  const errors = await typecheck(out, CALL.replace("GROUP", "42"));
  assert.is(errors.length, 1, errors.join("\n"));
  assert.match(errors[0]!, /consumer\.ts\(3,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/);
});

test("the generated files themselves are not checked: an error inside one goes unreported, and reported once the directive is gone", async ({ out }) => {
  const models = join(out, "assignments/models.ts");
  const original = readFileSync(models, "utf8");
  appendFileSync(models, `\nconst notANumber: number = "text";\n`);
  try {
    assert.equal(await typecheck(out, CALL.replace("GROUP", `"g1"`)), []);
    writeFileSync(models, readFileSync(models, "utf8").replace(NOCHECK, ""));
    const errors = await typecheck(out, CALL.replace("GROUP", `"g1"`));
    assert.ok(errors.some((line) => line.includes("models.ts") && line.includes("TS2322")), errors.join("\n"));
  } finally {
    writeFileSync(models, original);
  }
});

test("the config key is a boolean, named in the error otherwise", () => {
  const base = { output: "out", slices: [{ name: "a", openapi: "a.yaml", include: ["/a"] }] };
  assert.is(checkConfig({ ...base, skipTypeCheck: true }, "c.json").skipTypeCheck, true);
  assert.is(checkConfig({ ...base, skipTypeCheck: false }, "c.json").skipTypeCheck, undefined);
  assert.throws(() => checkConfig({ ...base, skipTypeCheck: "yes" }, "c.json"), /c\.json: skipTypeCheck must be true or false, got "yes"/);
});

test.run();
