/**
 * `npm run build`: writes dist/ from generated/ (the SDK, ESM + CommonJS + declarations for both)
 * and from generator/ (the command line). Never reads anything but this repository.
 *
 *   dist/index.{js,cjs,d.ts,d.cts}            the package root: the main slice
 *   dist/<slice>/…, dist/runtime/…            every slice and the shared runtime, file by file
 *   dist/manifest.json                        what was generated from what (for `graphslice diff`)
 *   dist/bin.js, dist/cli.js                  the `graphslice` command
 */
import { copyFile, readdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCli } from "./build/cli.js";
import { buildDeclarations } from "./build/declarations.js";
import { buildSdk } from "./build/sdk.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GENERATED = join(ROOT, "generated");
const DIST = join(ROOT, "dist");

const started = performance.now();
await rm(DIST, { recursive: true, force: true });
const sources = (await readdir(GENERATED, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name.endsWith(".ts"))
  .map((e) => join(e.parentPath, e.name))
  .sort();
await buildSdk(sources, GENERATED, DIST);
await buildDeclarations(ROOT, "tsconfig.build.json", DIST);
await copyFile(join(GENERATED, "manifest.json"), join(DIST, "manifest.json"));
await buildCli(ROOT, DIST);
console.log(`built dist/ from ${sources.length} generated files and the generator in ${(performance.now() - started).toFixed(0)} ms`);
