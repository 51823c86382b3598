/**
 * Golden output: each fixture spec under spec/fixtures/ is generated and compared file by file with
 * test/golden/<fixture>/. `UPDATE_GOLDEN=1 npm test -- golden` rewrites the goldens (review the diff);
 * a golden file that nothing produces any more fails the test. The generated code must also compile,
 * and so must the consumer code of a fixture that has some (test/golden/consumers/<fixture>.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateFromConfig } from "../../generator/index.js";
import type { OutputFile } from "../../generator/emit/runtime-files.js";
import { FIXTURES, fixtureConfig, REPO } from "./fixtures.js";

const GOLDEN = fileURLToPath(new URL(".", import.meta.url));
const BUILD = join(REPO, "node_modules/.cache/graphslice-golden");
const update = process.env.UPDATE_GOLDEN === "1";
const test = suite("golden");
const outputs = new Map<string, OutputFile[]>();

for (const fixture of FIXTURES) {
  test(`${fixture.name}: generated files match test/golden/${fixture.name}/`, async () => {
    const result = await generateFromConfig(fixtureConfig(fixture, join(BUILD, fixture.name)), REPO, { check: true });
    outputs.set(fixture.name, result.files);
    const dir = join(GOLDEN, fixture.name);
    const produced = result.files.filter((f) => f.path.startsWith(`${fixture.name}/`)).map((f) => ({ name: f.path.slice(fixture.name.length + 1), content: f.content }));
    if (update) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const f of produced) {
        mkdirSync(dirname(join(dir, f.name)), { recursive: true });
        writeFileSync(join(dir, f.name), f.content);
      }
    }
    const goldenNames = existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/")).sort() : [];
    const orphans = goldenNames.filter((n) => !produced.some((f) => f.name === n));
    assert.equal(orphans, [], `golden files nothing produces any more: ${orphans.join(", ")}`);
    for (const f of produced) {
      const path = join(dir, f.name);
      assert.ok(existsSync(path), `missing golden ${fixture.name}/${f.name}; run UPDATE_GOLDEN=1 npm test -- golden`);
      assert.fixture(f.content, readFileSync(path, "utf8"), `${fixture.name}/${f.name}`);
    }
  });
}

test("every fixture's generated code type-checks with its runtime, and with its consumer's code (consumers/)", () => {
  rmSync(BUILD, { recursive: true, force: true });
  for (const [name, files] of outputs) {
    for (const f of files) {
      const target = join(BUILD, name, f.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, f.content);
    }
    // What a consumer relies on (test/golden/consumers/<fixture>.ts), checked against this output.
    const consumer = join(GOLDEN, "consumers", `${name}.ts`);
    if (existsSync(consumer)) {
      mkdirSync(join(BUILD, name, "consumers"), { recursive: true });
      writeFileSync(join(BUILD, name, "consumers", `${name}.ts`), readFileSync(consumer));
    }
  }
  writeFileSync(join(BUILD, "tsconfig.json"), JSON.stringify({ extends: join(REPO, "tsconfig.json"), include: ["./**/*.ts"], exclude: [] }));
  const tsc = join(REPO, "node_modules/typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", join(BUILD, "tsconfig.json"), "--pretty", "false"], { encoding: "utf8" });
  } catch (error) {
    assert.unreachable(String((error as { stdout?: string }).stdout));
  }
  assert.is(outputs.size, FIXTURES.length);
});
test.run();
