/**
 * `tsc --noEmit` over every hand-written TypeScript file, as part of `npm test`: the repo's
 * tsconfig.json (generator, scripts, templates, tests, and generated/), docs/tsconfig.json (the
 * API reference's entry points) and test/strictest/tsconfig.json (generated/ and the helpers under a
 * consumer's strictest options) must compile without a diagnostic, and together they must cover
 * every .ts file in those folders, so a new folder cannot slip out of the check.
 * Not covered here: the golden outputs under test/golden/<fixture>/ (generated, compared byte for
 * byte by the golden tests) and bench/, its own package whose dependencies `npm run bench` installs.
 */
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { REPO } from "./golden/fixtures.js";

const run = promisify(execFile);
const TSC = join(REPO, "node_modules/typescript/bin/tsc");
// test/strictest: the generated sources (what `graphslice generate --out` leaves in a consumer's
// project) and the helpers under the strictest common options, exactOptionalPropertyTypes included.
const PROJECTS = ["tsconfig.json", "docs/tsconfig.json", "test/strictest/tsconfig.json"];
const FOLDERS = ["generator", "scripts", "templates", "test", "docs/entry"];

/** The files a project compiles, and its diagnostics (none when it compiles). */
async function compile(project: string): Promise<{ files: string[]; errors: string[] }> {
  const args = [TSC, "--noEmit", "-p", join(REPO, project), "--listFiles", "--pretty", "false"];
  const { stdout, failed } = await run(process.execPath, args, { cwd: REPO, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ stdout: r.stdout, failed: false }),
    (e: { stdout: string }) => ({ stdout: e.stdout, failed: true }),
  );
  const lines = stdout.split("\n").filter(Boolean);
  const errors = lines.filter((l) => /error TS\d+/.test(l));
  if (failed && errors.length === 0) errors.push(`tsc failed on ${project}: ${stdout.slice(0, 500)}`);
  return { files: lines.filter((l) => !/error TS\d+/.test(l)).map((f) => relative(REPO, f).split(sep).join("/")), errors };
}

function handWritten(): string[] {
  return FOLDERS.flatMap((folder) =>
    readdirSync(join(REPO, folder), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(c|m)?tsx?$/.test(e.name))
      .map((e) => relative(REPO, join(e.parentPath, e.name)).split(sep).join("/"))
      .filter((path) => !/^test\/golden\/[^/]+\//.test(path)),
  ).sort();
}

const test = suite("tsc --noEmit over every hand-written file");

test("every project compiles, and together they cover every hand-written .ts file", async () => {
  const results = await Promise.all(PROJECTS.map(compile));
  results.forEach((r, i) => assert.equal(r.errors, [], `${PROJECTS[i]}:\n${r.errors.join("\n")}`));
  const compiled = new Set(results.flatMap((r) => r.files));
  const missing = handWritten().filter((f) => !compiled.has(f));
  assert.equal(missing, [], `not type-checked by ${PROJECTS.join(" or ")}: ${missing.join(", ")}`);
  for (const sample of ["generator/load/merge-openapi.ts", "scripts/update-spec.ts", "templates/runtime.ts", "test/golden/golden.test.ts", "test/types/type-tests.test.ts", "docs/entry/graphslice.ts"]) {
    assert.ok(compiled.has(sample), sample);
  }
});

test.run();
