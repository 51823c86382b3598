/**
 * Temporary consumer projects: a folder with its own package.json into which the real tarball is
 * installed with `npm install --offline` (its runtime dependencies come packed from this repo's
 * node_modules; see pack.ts). Packages a consumer needs only for development (TypeScript types, the
 * generator's toolchain) are linked from this repo's node_modules instead of installed.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { childEnv, packedTarball, ROOT, runtimeDependencyTarballs, SCRATCH } from "./pack.js";

const run = promisify(execFile);

export interface ConsumerOptions {
  /** package.json `type`; omitted means CommonJS. */
  type?: "module" | "commonjs";
  /** Packages to link from this repo's node_modules (dev-only tools and types). */
  link?: string[];
  /** More install specs (local folders), installed together with the tarball. */
  alongside?: string[];
}

export async function installConsumer(name: string, options: ConsumerOptions = {}): Promise<string> {
  const dir = join(SCRATCH, name);
  await mkdir(dir, { recursive: true });
  const pkg = { name: `consumer-${name}`, version: "0.0.0", private: true, ...(options.type ? { type: options.type } : {}) };
  await writeFile(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  const tarballs = [(await packedTarball()).path, ...(await runtimeDependencyTarballs()), ...(options.alongside ?? [])];
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-save", ...tarballs], {
    cwd: dir,
    env: childEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  if (!existsSync(join(dir, "node_modules", "graphslice", "package.json"))) throw new Error(`${dir}: graphslice was not installed`);
  for (const linked of options.link ?? []) await linkFromRepo(dir, linked);
  return dir;
}

export async function linkFromRepo(dir: string, name: string): Promise<void> {
  const target = join(ROOT, "node_modules", name);
  if (!existsSync(target)) throw new Error(`${name} is not in ${ROOT}/node_modules: run npm install`);
  const link = join(dir, "node_modules", name);
  await mkdir(dirname(link), { recursive: true });
  if (!existsSync(link)) await symlink(target, link, "dir");
}

/** Runs a command in a consumer; resolves with its output even when it fails. */
export async function runIn(dir: string, command: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(command, args, { cwd: dir, env: childEnv(env), maxBuffer: 16 * 1024 * 1024, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string };
    return { code: typeof e.code === "number" ? e.code : 1, stdout: e.stdout ?? "", stderr: e.stderr ?? String(error) };
  }
}
