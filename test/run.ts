/**
 * Test entry point (`npm test`): runs every uvu suite under test/ in one process and ends with the
 * plain summary line CI reads: `N passed, N failed`. It exits non-zero, and prints why, when any test
 * fails, any test file fails to load, or any suite's set-up (`before`) throws; uvu alone would swallow
 * the last two and exit 0.
 *
 * Usage: `npm test` runs everything; `npm test -- runtime` runs only files whose path contains "runtime".
 * GRAPHSLICE_TEST_DIR runs the suites of another directory (the runner's own test uses it).
 */
import { readdirSync, statSync } from "node:fs";
import { register } from "node:module";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inspect } from "node:util";

const root = process.env.GRAPHSLICE_TEST_DIR ? resolve(process.env.GRAPHSLICE_TEST_DIR) : fileURLToPath(new URL(".", import.meta.url));
const filters = process.argv.slice(2);

function findTestFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === "fixtures" ? [] : findTestFiles(path);
      return name.endsWith(".test.ts") ? [path] : [];
    });
}

const files = findTestFiles(root).filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));

// Every test file's "uvu" becomes strict-uvu.ts, which records set-up failures.
register(new URL("./helpers/uvu-resolve.mjs", import.meta.url));

// uvu prints "Total: N" and "Passed: N" itself; keep a copy of what it writes to derive the summary line.
let printed = "";
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
  printed += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString();
  if (printed.length > 1_000_000) printed = printed.slice(-10_000);
  return write(chunk, ...rest);
}) as typeof process.stdout.write;

(globalThis as { UVU_DEFER?: number }).UVU_DEFER = 1;
const uvu = await import("uvu");
const { setupFailures, takeUnrunTests } = await import("./helpers/strict-uvu.js");
const queue = (globalThis as unknown as { UVU_QUEUE: unknown[][] }).UVU_QUEUE;
const loadFailures: Array<{ file: string; error: unknown }> = [];
const late: ReturnType<typeof takeUnrunTests> = [];
for (const [index, file] of files.entries()) {
  (globalThis as { UVU_INDEX?: number }).UVU_INDEX = index;
  queue.push([relative(root, file)]);
  try {
    await import(pathToFileURL(file).href);
    late.push(...takeUnrunTests());
  } catch (error) {
    loadFailures.push({ file: relative(root, file), error });
    takeUnrunTests();
  }
}
await uvu.exec(false);

const plain = printed.replace(/\x1b\[[0-9;]*m/g, "");
const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? 0);
const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? 0);
process.stdout.write = write;
const show = (error: unknown) => (error instanceof Error ? (error.stack ?? String(error)) : inspect(error));
for (const { file, error } of loadFailures) console.error(`\n  LOAD FAILED  ${file}: its tests did not run\n${show(error)}`);
for (const { suite, error } of setupFailures) console.error(`\n  SET-UP FAILED  "${suite}" (before): its tests did not run\n${show(error)}`);
for (const { suite, test } of late) console.error(`\n  REGISTERED AFTER run()  "${suite}": "${test}" never runs; move it above the suite's run()`);
// A file that failed to load counts as one failure: its tests are unknown, not zero. So does each test that never runs.
const failed = total - passed + loadFailures.length + late.length;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || total + loadFailures.length === 0 ? 1 : 0;
