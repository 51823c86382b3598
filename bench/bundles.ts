/**
 * esbuild helpers. Consumer bundles for (a) are ESM, minified, for the browser and for node; everything run as a child
 * process ((b) workers, (c) codec workers, (d) cold-start entries, the loopback server) is bundled
 * for node into bench/.work/ so that each child starts from plain JS with no TypeScript loader.
 */
import { mkdirSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { build, type Metafile } from "esbuild";
import { operationIndexOf } from "../templates/operation-index.js";
import { BENCH_DIR, WORK_DIR } from "./clients.js";

const ENTRY_NAME = "consumer-entry.ts";

export interface MinifiedBundle {
  code: Uint8Array;
  metafile: Metafile;
}

/**
 * Bundle `entrySource` (an ES module given as text, resolved from bench/), minified, in memory.
 * Code-split as browser bundlers do by default: what counts is the entry chunk and the chunks it
 * imports statically, i.e. what a page loads for the call; a dynamic `import()` that the call never
 * reaches (graphslice's batching runtime) is a chunk of its own and is not counted. A chunk the call
 * does load on first use (graphslice's validation tables) is counted when `loadsLazily` says so.
 */
export async function bundleMinified(entrySource: string, platform: "browser" | "node" = "browser", loadsLazily: (chunk: Metafile["outputs"][string]) => boolean = () => false): Promise<MinifiedBundle> {
  const result = await build({
    stdin: { contents: entrySource, resolveDir: BENCH_DIR, loader: "ts", sourcefile: ENTRY_NAME },
    bundle: true,
    minify: true,
    format: "esm",
    splitting: true,
    outdir: join(WORK_DIR, "split"),
    platform,
    target: platform === "node" ? "node20" : "es2022",
    write: false,
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  // Chunks that are imported dynamically have an entry point too; the app's is its stdin.
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint?.endsWith(ENTRY_NAME));
  if (!entry) throw new Error("esbuild produced no entry chunk");
  const loaded = new Set<string>();
  const visit = (name: string): void => {
    if (loaded.has(name) || !outputs[name]) return;
    loaded.add(name);
    for (const imported of outputs[name]!.imports) {
      const chunk = outputs[imported.path];
      if (imported.kind === "import-statement" || (imported.kind === "dynamic-import" && chunk && loadsLazily(chunk))) visit(imported.path);
    }
  };
  visit(entry);
  const files = result.outputFiles.filter((f) => loaded.has(relative(process.cwd(), f.path)));
  if (files.length !== loaded.size) throw new Error(`esbuild chunks not found: ${[...loaded].join(", ")}`);
  const code = Buffer.concat(files.map((f) => f.contents));
  const metafile = { ...result.metafile, outputs: Object.fromEntries([...loaded].map((name) => [name, outputs[name]!])) };
  return { code, metafile };
}

/**
 * graphslice's validation tables that a call of `operation` (its key in the routes) sending a body
 * of `bodyType` loads on first use (unless validation is off): the list of the slice's operation
 * indexes (`operation-indexes.ts`), the index that holds the operation (`operation-indexes/<n>.ts`),
 * the validator (`runtime/validate.ts`) and that type's table (`schema/<bodyType>.ts`).
 */
export function validationTablesOf(operation: string, bodyType: string): (chunk: Metafile["outputs"][string]) => boolean {
  const holdsOperation = (index: string, n: number) => {
    const count = readdirSync(dirname(index)).filter((file) => /^\d+\.ts$/.test(file)).length;
    return operationIndexOf(operation, count) === n;
  };
  return (chunk) =>
    Object.keys(chunk.inputs).some((input) => {
      const index = /\/operation-indexes\/(\d+)\.ts$/.exec(input);
      if (index) return holdsOperation(resolve(input), Number(index[1]));
      return input.endsWith("/operation-indexes.ts") || input.endsWith("/runtime/validate.ts") || input.endsWith(`/schema/${bodyType}.ts`);
    });
}

/** The tables the seed PATCH (an assignment) loads. */
export const SEED_VALIDATION_TABLES = validationTablesOf("deviceManagement/configurationPolicies/{}/assignments/{}/patch", "DeviceManagementConfigurationPolicyAssignment");

/**
 * Bundle `entrySource` for node (ESM) into bench/.work/<name>.mjs and return its path. With
 * `externalPackages`, npm packages stay imports resolved from bench/node_modules at run time.
 */
export async function bundleForNode(name: string, entrySource: string, minify = false, externalPackages = false): Promise<string> {
  const outfile = join(WORK_DIR, `${name}.mjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    stdin: { contents: entrySource, resolveDir: BENCH_DIR, loader: "ts", sourcefile: `${name}.entry.ts` },
    bundle: true,
    minify,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile,
    ...(externalPackages ? { packages: "external" as const } : {}),
    // Some CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: 'import { createRequire as __benchCreateRequire } from "node:module"; const require = __benchCreateRequire(import.meta.url);' },
    legalComments: "none",
    logLevel: "silent",
  });
  return outfile;
}

/** Bundle a TypeScript file of bench/ as a node program (e.g. the loopback server). */
export function bundleFileForNode(name: string, file: string): Promise<string> {
  return bundleForNode(name, `import ${JSON.stringify(join(BENCH_DIR, file))};`);
}

/** The import line of a consumer as an entry module sees it. */
export function importConsumer(consumerFile: string, binding = "createPatcher"): string {
  return `import { ${binding} } from ${JSON.stringify(consumerFile)};`;
}
