/**
 * Scratch folders for tests: each made under the OS temp dir and removed when the test process
 * exits. One exit listener serves them all, however many test files run in the process.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const folders: string[] = [];

/** A new empty folder named `graphslice-<purpose>-…`, removed at exit. */
export function scratchDir(purpose: string): string {
  if (!folders.length) process.once("exit", () => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const dir = mkdtempSync(join(tmpdir(), `graphslice-${purpose}-`));
  folders.push(dir);
  return dir;
}
