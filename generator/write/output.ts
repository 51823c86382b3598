/**
 * Write stage: put the generated files on disk, or (`--check`) compare them with what is there and
 * list every stale, missing and orphaned file without writing anything.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import type { OutputFile } from "../emit/runtime-files.js";
import { compareStrings } from "../util/order.js";

export interface Drift {
  changed: string[];
  missing: string[];
  orphaned: string[];
}

export async function writeOutput(dir: string, files: OutputFile[]): Promise<void> {
  const wanted = new Set(files.map((f) => f.path));
  for (const orphan of (await listFiles(dir)).filter((p) => !wanted.has(p))) await rm(join(dir, orphan));
  for (const file of files) {
    const target = join(dir, file.path);
    await mkdir(dirname(target), { recursive: true });
    if ((await readIfExists(target)) !== file.content) await writeFile(target, file.content);
  }
}

export async function checkOutput(dir: string, files: OutputFile[]): Promise<Drift> {
  const drift: Drift = { changed: [], missing: [], orphaned: [] };
  const wanted = new Set(files.map((f) => f.path));
  for (const file of files) {
    const existing = await readIfExists(join(dir, file.path));
    if (existing === undefined) drift.missing.push(file.path);
    else if (existing !== file.content) drift.changed.push(file.path);
  }
  drift.orphaned = (await listFiles(dir)).filter((p) => !wanted.has(p));
  return drift;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort(compareStrings);
}
