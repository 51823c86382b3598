/**
 * `npm run build`: writes dist/ from generated/ and helpers/ (the SDK, ESM + CommonJS + declarations
 * for both) and from generator/ (the command line). Never reads anything but this repository.
 *
 *   dist/index.{js,cjs,d.ts,d.cts}            the package root: the main slice
 *   dist/<slice>/…, dist/runtime/…            every slice and the shared runtime, file by file
 *   dist/helpers/<slice>/…                    hand-written helpers; graphslice/<slice> when a slice has them
 *   dist/manifest.json                        what was generated from what (for `graphslice diff`)
 *   dist/bin.js, dist/cli.js                  the `graphslice` command
 */
import { copyFile, readdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCli } from "./build/cli.js";
import { buildDeclarations } from "./build/declarations.js";
import { buildSdk } from "./build/sdk.js";
import { stageSources } from "./build/stage.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const GENERATED = join(ROOT, "generated");
const DIST = join(ROOT, "dist");

const started = performance.now();
await rm(DIST, { recursive: true, force: true });
const stage = await stageSources(ROOT, DIST);
const sources = (await readdir(stage, { recursive: true, withFileTypes: true }))
  .filter((e) => e.isFile() && e.name.endsWith(".ts"))
  .map((e) => join(e.parentPath, e.name))
  .sort();
await buildSdk(sources, stage, DIST);
await buildDeclarations(stage, "tsconfig.json", DIST);
await copyFile(join(GENERATED, "manifest.json"), join(DIST, "manifest.json"));
await buildCli(ROOT, DIST);
console.log(`built dist/ from ${sources.length} generated and helper files and the generator in ${(performance.now() - started).toFixed(0)} ms`);
