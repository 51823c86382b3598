/**
 * Runs the type tests: `tsc --noEmit` over test/types/*.ts against generated/. Each file states what
 * must compile, and with `// @ts-expect-error` what must not (an expected error that does not happen
 * is itself an error, TS2578). One uvu test per file.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const dir = fileURLToPath(new URL(".", import.meta.url));
const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));

function diagnostics(project: string): string[] {
  try {
    execFileSync(process.execPath, [tsc, "-p", project, "--pretty", "false"], { encoding: "utf8" });
    return [];
  } catch (error) {
    return String((error as { stdout?: string }).stdout).split("\n").filter((l) => /error TS\d+/.test(l));
  }
}

const test = suite("types");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort();
let all: string[] | undefined;
for (const file of files) {
  test(`${file} type-checks as its comments say`, () => {
    all ??= diagnostics(join(dir, "tsconfig.json"));
    const mine = all.filter((l) => l.includes(`${file}(`));
    assert.equal(mine, [], mine.join("\n"));
  });
}
test("the harness fails when an expected error does not happen", () => {
  // Inside the repo's node_modules, so the scratch project resolves @types/node like the real one.
  const cache = fileURLToPath(new URL("../../node_modules/.cache/", import.meta.url));
  mkdirSync(cache, { recursive: true });
  const scratch = mkdtempSync(join(cache, "graphslice-types-"));
  try {
    const source = readFileSync(join(dir, "request-bodies.ts"), "utf8").replace("// @ts-expect-error misspelled property on a known type\n", "");
    writeFileSync(join(scratch, "broken.ts"), source.replaceAll("../../generated/", `${join(dir, "../../generated/")}`));
    writeFileSync(join(scratch, "tsconfig.json"), JSON.stringify({ extends: join(dir, "tsconfig.json"), include: ["./*.ts"] }));
    const found = diagnostics(join(scratch, "tsconfig.json"));
    assert.ok(found.some((l) => l.includes("colectionId")), `expected the misspelling to be reported, got:\n${found.join("\n")}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
test.run();
