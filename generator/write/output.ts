/**
 * Write stage: put the generated files on disk, or (`--check`) compare them with what is there and
 * list every stale, missing and orphaned file without writing anything.
 *
 * The output folder may hold the user's own files (`--out src` next to `src/mine.ts`). So the writer
 * removes only files that the previous manifest lists and this generation no longer writes, logs
 * each one it removes, and refuses to write over a file that no manifest lists.
 *
 * Nothing goes through a symbolic link inside the folder, and nothing is written until every target
 * is known to be writable (no folder where a file goes, no file where a folder goes). The new files are
 * staged in full in a temporary folder inside the output, then moved into place, the old ones set
 * aside; a failure puts the old ones back. Either the previous output or the new one is on disk. The
 * staging folder of a writer that was killed is removed by the next one.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
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
  // Before anything is read, written or removed: no path goes through a symbolic link, and nothing
  // stands where a file or a folder must go (a folder in place of index.ts, a file in place of src/).
  await checkFolder(dir);
  await removeStaleStaging(dir, log);
  await checkPath(dir, MANIFEST, "write", new Set());
  const previous = await previousFiles(dir);
  const wanted = new Set(files.map((f) => f.path));
  for (const path of previous) if (!wanted.has(path)) await checkPath(dir, path, "remove", new Set());
  const orphans = await orphansOf(dir, previous, wanted);
  for (const file of files) await checkPath(dir, file.path, "write", new Set(orphans));

  const existing = new Map<string, string | undefined>();
  for (const file of files) existing.set(file.path, await readIfExists(join(dir, file.path)));
  const foreign = files.filter((f) => f.path !== MANIFEST && !previous.has(f.path) && existing.get(f.path) !== undefined && existing.get(f.path) !== f.content);
  if (foreign.length > 0) {
    throw new Error(`${dir}: would write over ${foreign.length} file(s) that no graphslice manifest there lists, so they may be yours: ${foreign.map((f) => f.path).join(", ")}. Move them, or delete them if they are generated; nothing was written`);
  }
  // The manifest goes in last: until it does, the previous one still describes what is there.
  const changed = files.filter((f) => existing.get(f.path) !== f.content).sort((x, y) => Number(x.path === MANIFEST) - Number(y.path === MANIFEST));
  if (changed.length === 0 && orphans.length === 0) return { written: [], removed: [] };

  await mkdir(dir, { recursive: true });
  const staging = await mkdtemp(join(dir, `${STAGING_PREFIX}${process.pid}-`));
  try {
    // Every new file is written in full first; only then are files moved into place, each old one set
    // aside, so a failure at any step puts the previous output back as it was.
    for (const file of changed) {
      const staged = join(staging, "new", file.path);
      await mkdir(dirname(staged), { recursive: true });
      await writeFile(staged, file.content);
    }
    const undo: (() => Promise<void>)[] = [];
    try {
      for (const orphan of orphans) await setAside(dir, staging, orphan, undo);
      for (const file of changed) {
        if (existing.get(file.path) !== undefined) await setAside(dir, staging, file.path, undo);
        const target = join(dir, file.path);
        await mkdirFor(dir, file.path, undo);
        await rename(join(staging, "new", file.path), target);
        undo.push(() => rm(target, { force: true }));
      }
    } catch (error) {
      for (const step of undo.reverse()) await step().catch(() => {});
      throw new Error(`${dir}: could not put the generated files in place (${(error as Error).message}); the previous output was put back, nothing changed`);
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  for (const orphan of orphans) {
    await removeEmptyParents(dir, orphan);
    log(`removed ${orphan} (the previous generation wrote it; this one does not)`);
  }
  return { written: files.filter((f) => existing.get(f.path) !== f.content).map((f) => f.path), removed: orphans };
}

/** A staging folder's name: the prefix, the writing process's id, a random part. */
const STAGING_PREFIX = ".graphslice-staging-";

/**
 * Removes the staging folders of writers that were killed (whose process no longer runs): what they
 * staged is generated output, which this generation writes again, and a staging folder left inside
 * the output would be compiled with it. A live writer's folder, or one of another naming, stays.
 */
async function removeStaleStaging(dir: string, log: (line: string) => void): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  for (const entry of entries) {
    const pid = entry.isDirectory() && entry.name.startsWith(STAGING_PREFIX) ? Number(/^(\d+)-/.exec(entry.name.slice(STAGING_PREFIX.length))?.[1]) : Number.NaN;
    if (!Number.isSafeInteger(pid) || isRunning(pid)) continue;
    await rm(join(dir, entry.name), { recursive: true, force: true });
    log(`removed ${entry.name}, left by a generation that was stopped before it finished`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user's process.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Moves `path` into the staging folder's `old/`, with the step that moves it back. */
async function setAside(dir: string, staging: string, path: string, undo: (() => Promise<void>)[]): Promise<void> {
  const from = join(dir, path);
  const to = join(staging, "old", path);
  await mkdir(dirname(to), { recursive: true });
  await rename(from, to);
  undo.push(async () => {
    await mkdir(dirname(from), { recursive: true });
    await rename(to, from);
  });
}

/** Creates the folders `path` needs, each with the step that removes it again. */
async function mkdirFor(dir: string, path: string, undo: (() => Promise<void>)[]): Promise<void> {
  const missing: string[] = [];
  for (let folder = dirname(path); folder !== "." && folder !== ""; folder = dirname(folder)) {
    if (await kindOf(join(dir, folder))) break;
    missing.unshift(folder);
  }
  for (const folder of missing) {
    await mkdir(join(dir, folder));
    undo.push(() => rmdir(join(dir, folder)));
  }
}

/** The output folder is a folder, or does not exist yet. */
async function checkFolder(dir: string): Promise<void> {
  const kind = await kindOf(dir, true);
  if (kind !== undefined && kind !== "directory") throw new Error(`${dir}: is a file, not a folder to write the generated files in; nothing was written`);
}

/**
 * Every step from `dir` to `path`: none is a symbolic link (which would carry a write or a removal out
 * of the folder), the folders on the way are folders (or do not exist yet, or are orphans about to
 * go), and a file to write is not a folder.
 */
async function checkPath(dir: string, path: string, action: "write" | "remove", goingAway: Set<string>): Promise<void> {
  const parts = path.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const step = parts.slice(0, i).join("/");
    const kind = await kindOf(join(dir, step));
    if (kind === undefined) return;
    if (kind === "link") throw new Error(`${join(dir, step)}: is a symbolic link inside the output folder; graphslice does not ${action} through links (it could reach outside ${dir}). Replace it with a real ${i < parts.length ? "folder" : "file"} or remove it; nothing was written`);
    if (action === "write" && i < parts.length && kind !== "directory" && !goingAway.has(step)) throw new Error(`${join(dir, step)}: is a file where the folder for ${path} must go; move it, nothing was written`);
    if (i === parts.length && action === "write" && kind === "directory") throw new Error(`${join(dir, path)}: is a folder where the generated file ${path} must go; move it, nothing was written`);
  }
}

async function kindOf(path: string, follow = false): Promise<"file" | "directory" | "link" | "other" | undefined> {
  try {
    const stats = follow ? await stat(path) : await lstat(path);
    return stats.isSymbolicLink() ? "link" : stats.isDirectory() ? "directory" : stats.isFile() ? "file" : "other";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw new Error(`${path}: ${(error as Error).message}`);
  }
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
  for (const path of previous) if (!wanted.has(path) && (await isPlainFile(dir, path))) orphans.push(path);
  return orphans.sort(compareStrings);
}

/** A slice that is gone leaves no empty folder behind; folders with anything else in them stay. */
async function removeEmptyParents(dir: string, file: string): Promise<void> {
  for (let folder = dirname(file); folder !== "." && folder !== ""; folder = dirname(folder)) {
    if ((await kindOf(join(dir, folder))) !== "directory" || (await readdir(join(dir, folder))).length > 0) return;
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

/** A regular file reached without going through a symbolic link. */
async function isPlainFile(dir: string, path: string): Promise<boolean> {
  const parts = path.split("/");
  for (let i = 1; i <= parts.length; i++) {
    const kind = await kindOf(join(dir, parts.slice(0, i).join("/"))).catch(() => undefined);
    if (kind !== (i < parts.length ? "directory" : "file")) return false;
  }
  return true;
}
