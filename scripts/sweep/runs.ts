/**
 * The runs of the module sweep: every whole module of `spec/graph-modules/2023-01` (beta, v1.0,
 * v1.0 with the full v1.0 CSDL), and the DeviceManagement trio as one slice. The compressed files
 * are decompressed once into `node_modules/.cache/sweep/specs/`.
 */
import { brotliDecompressSync } from "node:zlib";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const MODULES = join(ROOT, "spec/graph-modules");
const CACHE = join(ROOT, "node_modules/.cache/sweep");

export interface ModuleRun {
  label: string;
  specs: string[];
  csdl?: string;
}

/** The decompressed copy of `spec/graph-modules/<relative>.br`. */
export function moduleFile(relative: string): string {
  const target = join(CACHE, "specs", relative);
  if (!existsSync(target)) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, brotliDecompressSync(readFileSync(join(MODULES, `${relative}.br`))));
  }
  return target;
}

function modulesOf(version: string): string[] {
  return readdirSync(join(MODULES, "2023-01", version)).filter((f) => f.endsWith(".yml.br")).map((f) => f.slice(0, -".yml.br".length)).sort();
}

export function moduleRuns(): ModuleRun[] {
  const csdl = moduleFile("csdl/graph-v1.0.csdl.xml");
  const runs: ModuleRun[] = [];
  for (const version of ["beta", "v1.0"]) {
    for (const name of modulesOf(version)) runs.push({ label: `${version} ${name}`, specs: [moduleFile(`2023-01/${version}/${name}.yml`)] });
  }
  for (const name of modulesOf("v1.0")) runs.push({ label: `v1.0 ${name} + CSDL`, specs: [moduleFile(`2023-01/v1.0/${name}.yml`)], csdl });
  for (const version of ["beta", "v1.0"]) {
    const trio = ["DeviceManagement", "DeviceManagement.Actions", "DeviceManagement.Functions"];
    if (trio.every((m) => modulesOf(version).includes(m))) runs.push({ label: `${version} DeviceManagement trio`, specs: trio.map((m) => moduleFile(`2023-01/${version}/${m}.yml`)) });
  }
  return runs;
}

/** Where a run writes its SDK: inside the repo, so `openapi-fetch` resolves for tsc. */
export function outDirOf(run: ModuleRun): string {
  return join(CACHE, "out", run.label.replace(/[^A-Za-z0-9.]+/g, "-"));
}
