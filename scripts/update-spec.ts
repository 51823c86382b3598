/**
 * `npm run update-spec -- <full description: file or URL>... [--config graphslice.config.json]`
 *
 * Given a newer full Graph OpenAPI description, re-slices it with the committed config (each slice's
 * include patterns), rewrites the slices' OpenAPI files under spec/ in the verbatim style (every kept
 * path item and component copied unchanged), regenerates, and prints the API diff against the
 * previous generation as markdown for the pull request. The CSDL files are left as they are.
 * Several files (a module and its `*.Actions.yml` / `*.Functions.yml` companions; `.br` files are read
 * decompressed) are read as one description, each kept block copied from the file it is in.
 * Every slice is computed before anything is written: a pattern that matches nothing changes nothing;
 * and when regeneration from the new cut fails, the spec files are put back as they were.
 */
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig, openApiFiles } from "../generator/config.js";
import { compareSlices } from "../generator/diff/compare.js";
import { makeReport, renderMarkdown } from "../generator/diff/report.js";
import type { Manifest } from "../generator/emit/manifest.js";
import { generate } from "../generator/index.js";
import { isBrotli, isUrl, readSource } from "../generator/load/read-source.js";
import { mergeDescriptions } from "./update-spec/merge-descriptions.js";
import { readFullDescription, sliceYaml } from "./update-spec/slice-yaml.js";

const USAGE = "usage: npm run update-spec -- <full OpenAPI description: file or URL>... [--config graphslice.config.json] [--date YYYY-MM-DD]";
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export async function updateSpec(argv: string[]): Promise<number> {
  const { sources, configPath, date } = parseArgs(argv);
  const config = await loadConfig(configPath);
  const baseDir = dirname(configPath);
  const outDir = resolve(baseDir, config.output);
  const before = await readManifest(join(outDir, "manifest.json"));

  const texts = await Promise.all(sources.map((source) => readSource(source, "full OpenAPI description")));
  const full = mergeDescriptions(sources.map((source, i) => readFullDescription(source, texts[i]!)));
  const targets = new Map<string, string[]>(); // one spec file may serve several slices: union of their patterns
  for (const slice of config.slices) {
    const files = openApiFiles(slice);
    if (files.length > 1) throw new Error(`${configPath}: slice "${slice.name}" reads ${files.length} OpenAPI files; update-spec writes one cut file per slice, so give it one`);
    if (isUrl(files[0]!)) throw new Error(`${configPath}: slice "${slice.name}" reads its OpenAPI from a URL; update-spec writes files, so give it a path`);
    if (isBrotli(files[0]!)) throw new Error(`${configPath}: slice "${slice.name}" reads ${files[0]}; update-spec writes a plain YAML cut, so give it a .yaml path`);
    const file = resolve(baseDir, files[0]!);
    targets.set(file, [...new Set([...(targets.get(file) ?? []), ...slice.include])]);
  }
  const sourceName = sources.map((source) => (isUrl(source) ? source : basename(source)));
  const written: [string, string][] = [];
  for (const [file, include] of targets) {
    written.push([file, sliceYaml(full, { sourceName, include, extractedOn: date })]);
  }
  // The cut files are written, then regenerated from; if regeneration fails (an overlay that no
  // longer applies, a type the model cannot build), every file is put back as it was, so a failed
  // update leaves spec/ and the output untouched (the generator writes its output only when done).
  const previous = await Promise.all(written.map(async ([file]) => [file, existsSync(file) ? await readFile(file) : undefined] as const));
  let result: Awaited<ReturnType<typeof generate>>;
  try {
    for (const [file, text] of written) await writeFile(file, text);
    result = await generate({ configPath });
  } catch (error) {
    for (const [file, content] of previous) await (content === undefined ? rm(file, { force: true }) : writeFile(file, content));
    const shown = previous.map(([file]) => relative(process.cwd(), file)).join(", ");
    throw new Error(`${(error as Error).message}\nnothing updated: regenerating from the new cut failed, so ${shown} ${previous.length === 1 ? "is" : "are"} left as ${previous.length === 1 ? "it was" : "they were"}`);
  }
  for (const [file, text] of written) console.error(`wrote ${relative(process.cwd(), file)} (${text.length} characters)`);
  for (const slice of config.slices) if (slice.csdl) console.error(`left ${slice.csdl} as it is (update-spec slices the OpenAPI description only)`);

  console.error(`regenerated ${result.files.length} files in ${relative(process.cwd(), result.outDir) || "."}/`);
  const after = await readManifest(join(outDir, "manifest.json"));
  if (!before) {
    console.log(`No previous ${relative(process.cwd(), join(outDir, "manifest.json"))}: nothing to compare with.`);
    return 0;
  }
  const version = (JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  const report = makeReport(`${config.output}/manifest.json (before)`, `${config.output}/manifest.json (after)`, compareSlices(before.slices, after!.slices), version);
  process.stdout.write(renderMarkdown(report));
  return 0;
}

function parseArgs(argv: string[]): { sources: string[]; configPath: string; date: string } {
  const sources: string[] = [];
  let config = "graphslice.config.json";
  let date = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--config" || arg === "--date") {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value\n${USAGE}`);
      if (arg === "--config") config = value;
      else date = value;
    } else if (arg.startsWith("--")) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
    else if (sources.includes(arg)) throw new Error(`"${arg}" is given twice`);
    else sources.push(arg);
  }
  if (sources.length === 0) throw new Error(USAGE);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    throw new Error(`--date must be a real date as YYYY-MM-DD, got "${date}"`);
  }
  return { sources, configPath: resolve(config), date };
}

async function readManifest(path: string): Promise<Manifest | undefined> {
  return existsSync(path) ? (JSON.parse(await readFile(path, "utf8")) as Manifest) : undefined;
}

updateSpec(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`update-spec: ${error.message}`);
    process.exitCode = 1;
  },
);
