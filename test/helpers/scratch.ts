/**
 * Scratch folders for tests: each made under the OS temp dir (or under `parent`) and removed when
 * the test process exits. One exit listener serves them all, however many test files run in the
 * process.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "../golden/fixtures.js";

const folders: string[] = [];

/** A new empty folder named `graphslice-<purpose>-…` in `parent` (made if missing), removed at exit. */
export function scratchDir(purpose: string, parent = tmpdir()): string {
  if (!folders.length) process.once("exit", () => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, `graphslice-${purpose}-`));
  folders.push(dir);
  return dir;
}

/** A scratch folder in the repo's `node_modules/.cache`, beside the repo's packages, removed at exit. */
export function repoScratchDir(purpose: string): string {
  return scratchDir(purpose, join(REPO, "node_modules/.cache"));
}
