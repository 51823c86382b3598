/**
 * What the previous generation wrote: the `files` of `<out>/manifest.json`. The writer removes only
 * files listed there, so a file of the user's own in the output folder is never touched. A listed
 * path that leaves the folder (`../x`, `/etc/x`) is refused rather than followed.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, join, normalize, sep } from "node:path";

export const MANIFEST = "manifest.json";

/** The files the previous manifest lists; none when there is no manifest yet. */
export async function previousFiles(dir: string): Promise<Set<string>> {
  const path = join(dir, MANIFEST);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Set();
    throw new Error(`${path}: cannot read the previous manifest: ${(error as Error).message}`);
  }
  let manifest: { generator?: { name?: unknown }; files?: unknown };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch (error) {
    throw new Error(`${path}: is not JSON (${(error as Error).message}); graphslice writes its manifest there, so move this file or delete it`);
  }
  if (manifest?.generator?.name !== "graphslice" || typeof manifest.files !== "object" || manifest.files === null) {
    throw new Error(`${path}: is not a graphslice manifest (no generator.name "graphslice" and files); graphslice writes its manifest there, so move this file or delete it`);
  }
  const files = Object.keys(manifest.files);
  for (const file of files) {
    const normal = normalize(file);
    if (isAbsolute(file) || normal === ".." || normal.startsWith(`..${sep}`) || file.includes("\\")) {
      throw new Error(`${path}: files lists ${JSON.stringify(file)}, which is outside ${dir}; nothing was written or removed`);
    }
  }
  return new Set(files);
}
