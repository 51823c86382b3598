/**
 * Test entry point (`npm test`): runs every uvu suite under test/ in one process and ends with the
 * plain summary line CI reads: `N passed, N failed`.
 *
 * Usage: `npm test` runs everything; `npm test -- runtime` runs only files whose path contains "runtime".
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
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
const queue = (globalThis as unknown as { UVU_QUEUE: unknown[][] }).UVU_QUEUE;
for (const [index, file] of files.entries()) {
  (globalThis as { UVU_INDEX?: number }).UVU_INDEX = index;
  queue.push([relative(root, file)]);
  await import(pathToFileURL(file).href);
}
await uvu.exec(false);

const plain = printed.replace(/\x1b\[[0-9;]*m/g, "");
const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? 0);
const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? 0);
process.stdout.write = write;
console.log(`${passed} passed, ${total - passed} failed`);
if (total === 0) process.exitCode = 1;
