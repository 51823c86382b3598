/**
 * The real tarball, made once per test run: `npm run build`, then `npm pack`. And the SDK's runtime
 * dependencies as tarballs packed from this repo's own node_modules (`npm pack <folder>` works
 * offline), so a consumer installs everything with `npm install --offline` and never needs the network.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { scratchDir } from "../helpers/scratch.js";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const run = promisify(execFile);

/** One scratch folder per test process, removed when it exits. */
export const SCRATCH = scratchDir("package");

/**
 * The environment for a child npm or node: without the `npm_*` variables `npm test` sets, above all
 * `npm_config_local_prefix`, which would make an `npm install` in a consumer install into this repo.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== "INIT_CWD") env[key] = value;
  return { ...env, ...extra };
}

export interface PackedTarball {
  path: string;
  /** Compressed size in bytes. */
  size: number;
  unpackedSize: number;
  /** Paths inside the package, sorted. */
  files: string[];
}

interface NpmPackEntry {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

export async function npmPack(args: string[], destination: string): Promise<NpmPackEntry[]> {
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", destination, ...args], {
    cwd: ROOT,
    env: childEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as NpmPackEntry[];
}

let tarball: Promise<PackedTarball> | undefined;

/** Builds dist/ and packs the package, once per process. */
export function packedTarball(): Promise<PackedTarball> {
  tarball ??= (async () => {
    await run("npm", ["run", "build"], { cwd: ROOT, env: childEnv(), maxBuffer: 16 * 1024 * 1024 });
    const [entry] = await npmPack([], SCRATCH);
    if (!entry) throw new Error("npm pack printed no tarball");
    return {
      path: join(SCRATCH, entry.filename),
      size: entry.size,
      unpackedSize: entry.unpackedSize,
      files: entry.files.map((f) => f.path).sort(),
    };
  })();
  return tarball;
}

let dependencies: Promise<string[]> | undefined;

/** The package's runtime dependencies and theirs, packed from ./node_modules, once per process. */
export function runtimeDependencyTarballs(): Promise<string[]> {
  dependencies ??= (async () => {
    const folders = dependencyClosure(ROOT, new Set());
    if (folders.length === 0) return [];
    const entries = await npmPack(folders, SCRATCH);
    return entries.map((e) => join(SCRATCH, e.filename));
  })();
  return dependencies;
}

function dependencyClosure(packageDir: string, seen: Set<string>): string[] {
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  const found: string[] = [];
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    if (seen.has(name)) continue;
    seen.add(name);
    const folder = join(ROOT, "node_modules", name);
    found.push(folder, ...dependencyClosure(folder, seen));
  }
  return found;
}
