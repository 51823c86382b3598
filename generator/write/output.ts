/**
 * Write stage: put the generated files on disk, or (`--check`) compare them with what is there and
 * list every stale, missing and orphaned file without writing anything.
 *
 * The output folder may hold the user's own files (`--out src` next to `src/mine.ts`). So the writer
 * removes only files that the previous manifest lists and this generation no longer writes, logs
 * each one it removes, and refuses to write over a file that no manifest lists.
 */
import { mkdir, readdir, readFile, rm, rmdir, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { OutputFile } from "../emit/runtime-files.js";
import { compareStrings } from "../util/order.js";
import { MANIFEST, previousFiles } from "./previous-manifest.js";

export interface Drift {
  changed: string[];
  missing: string[];
  /** Files the previous manifest lists that this generation does not write, still on disk. */
  orphaned: string[];
}

export interface WriteResult {
  /** Files written because they were new or different. */
  written: string[];
  /** Files of the previous generation removed because this one does not write them. */
  removed: string[];
}

export async function writeOutput(dir: string, files: OutputFile[], log: (line: string) => void = () => {}): Promise<WriteResult> {
  const previous = await previousFiles(dir);
  const existing = new Map<string, string | undefined>();
  for (const file of files) existing.set(file.path, await readIfExists(join(dir, file.path)));
  const foreign = files.filter((f) => f.path !== MANIFEST && !previous.has(f.path) && existing.get(f.path) !== undefined && existing.get(f.path) !== f.content);
  if (foreign.length > 0) {
    throw new Error(`${dir}: would write over ${foreign.length} file(s) that no graphslice manifest there lists, so they may be yours: ${foreign.map((f) => f.path).join(", ")}. Move them, or delete them if they are generated; nothing was written`);
  }

  const wanted = new Set(files.map((f) => f.path));
  const removed: string[] = [];
  for (const orphan of await orphansOf(dir, previous, wanted)) {
    await rm(join(dir, orphan));
    await removeEmptyParents(dir, orphan);
    log(`removed ${orphan} (the previous generation wrote it; this one does not)`);
    removed.push(orphan);
  }
  const written: string[] = [];
  for (const file of files) {
    if (existing.get(file.path) === file.content) continue;
    const target = join(dir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
    written.push(file.path);
  }
  return { written, removed };
}

export async function checkOutput(dir: string, files: OutputFile[]): Promise<Drift> {
  const drift: Drift = { changed: [], missing: [], orphaned: [] };
  for (const file of files) {
    const existing = await readIfExists(join(dir, file.path));
    if (existing === undefined) drift.missing.push(file.path);
    else if (existing !== file.content) drift.changed.push(file.path);
  }
  drift.orphaned = await orphansOf(dir, await previousFiles(dir), new Set(files.map((f) => f.path)));
  return drift;
}

/** Listed by the previous manifest, not written now, and still there (the folder itself is never walked). */
async function orphansOf(dir: string, previous: Set<string>, wanted: Set<string>): Promise<string[]> {
  const orphans: string[] = [];
  for (const path of previous) if (!wanted.has(path) && (await isFile(join(dir, path)))) orphans.push(path);
  return orphans.sort(compareStrings);
}

/** A slice that is gone leaves no empty folder behind; folders with anything else in them stay. */
async function removeEmptyParents(dir: string, file: string): Promise<void> {
  for (let folder = dirname(file); folder !== "." && folder !== ""; folder = dirname(folder)) {
    if ((await readdir(join(dir, folder))).length > 0) return;
    await rmdir(join(dir, folder));
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
