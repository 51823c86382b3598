/**
 * `graphslice` command line.
 *
 *   graphslice generate [--config graphslice.config.json] [--out dir] [--skip-type-check] [--check] [--quiet]
 *   graphslice generate --spec <file|url>... [--csdl <file|url>] --include <pattern>... [--overlay <file|url>...] --out <dir> [--name <slice>] [--prettier] [--skip-type-check] [--check] [--quiet]
 *   graphslice diff <old> <new> [--include <pattern>...] [--overlay <file|url>...] [--format markdown|json] [--current-version x.y.z] [--fail-on-breaking]
 *
 * Run from source with tsx (`npm run generate`), or built (`dist/cli.js`, started by `dist/bin.js`).
 */
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { checkConfig, type GeneratorConfig } from "./config.js";
import { diffApis, isSemver, renderMarkdown, SpecOnlyOptionError, type DiffReport } from "./diff/index.js";
import { generate, generateFromConfig, type GenerateResult } from "./index.js";
import { packageVersion, USAGE } from "./usage.js";

export class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "--version" || command === "-v") {
    console.log(await packageVersion());
    return 0;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    console.log(USAGE);
    return 0;
  }
  if (command === "generate") return generateCommand(rest);
  if (command === "diff") return diffCommand(rest);
  throw new UsageError(command ? `unknown command "${command}"` : "no command given");
}

async function generateCommand(args: string[]): Promise<number> {
  const flags = parseFlags(args, {
    config: "value", spec: "list", csdl: "value", include: "list", overlay: "list", name: "value", out: "value", check: "boolean", quiet: "boolean", prettier: "boolean", "skip-type-check": "boolean",
  });
  const skipTypeCheck = flags["skip-type-check"] === true;
  const log = flags.quiet === true ? undefined : (line: string) => console.error(line);
  const check = flags.check === true;
  let result: GenerateResult;
  if (flags.spec !== undefined) {
    if (flags.config !== undefined) throw new UsageError("give either --config or --spec, not both");
    const config = configFromFlags(flags.spec as string[], flags);
    result = await generateFromConfig(skipTypeCheck ? { ...config, skipTypeCheck } : config, process.cwd(), { check, log });
  } else {
    for (const only of ["csdl", "include", "overlay", "name", "prettier"]) if (flags[only] !== undefined) throw new UsageError(`--${only} goes with --spec`);
    result = await generate({ configPath: flags.config as string | undefined, outDir: flags.out as string | undefined, check, log, ...(skipTypeCheck ? { skipTypeCheck } : {}) });
  }
  return reportGenerate(result);
}

/** The `--spec` form: one slice, configured on the command line; several `--spec` files are merged. */
function configFromFlags(specs: string[], flags: Flags): GeneratorConfig {
  const include = (flags.include as string[] | undefined) ?? [];
  if (include.length === 0) throw new UsageError("--spec needs at least one --include <pattern>, such as --include '/deviceManagement/configurationPolicies/**'");
  for (const pattern of include) {
    if (!pattern.startsWith("/")) throw new UsageError(`--include ${JSON.stringify(pattern)}: a path pattern starts with "/" (* matches within a segment, ** across segments)`);
  }
  if (typeof flags.out !== "string") throw new UsageError("--spec needs --out <dir>");
  const name = typeof flags.name === "string" ? flags.name : sliceNameFor(include[0]!);
  const overlays = flags.overlay as string[] | undefined;
  const slice = { name, openapi: specs.length === 1 ? specs[0]! : specs, include, ...(typeof flags.csdl === "string" ? { csdl: flags.csdl } : {}), ...(overlays ? { overlays } : {}) };
  try {
    return checkConfig({ output: flags.out, main: name, slices: [slice], ...(flags.prettier === true ? { format: "prettier" } : {}) }, "command line");
  } catch (error) {
    const message = (error as Error).message.replace("command line: slices[0].name", "--name").replace(/command line: slices\[0\]\.openapi(\[\d+\])?/, "--spec").replace(/command line: slices\[0\]\.overlays(\[\d+\])?/, "--overlay");
    throw new UsageError(message);
  }
}

/** The last literal segment of a pattern, in kebab case: `/a/*\/assignments/**` → `assignments`. */
export function sliceNameFor(pattern: string): string {
  // A key or a call's parameters in parentheses, `applications(appId='{appId}')`, are not part of the name.
  const literal = pattern.split("/").map((s) => s.replace(/\(.*$/, "")).filter((s) => s && !s.includes("*") && !s.includes("{"));
  const last = (literal.at(-1) ?? "api").replace(/^microsoft\.graph\./, "");
  const kebab = last.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase();
  return /^[a-z][a-z0-9-]*$/.test(kebab) ? kebab : "api";
}

function reportGenerate(result: GenerateResult): number {
  const shown = relative(process.cwd(), result.outDir) || ".";
  if (result.drift) {
    const { changed, missing, orphaned } = result.drift;
    const stale = [...changed.map((f) => `changed   ${f}`), ...missing.map((f) => `missing   ${f}`), ...orphaned.map((f) => `orphaned  ${f}`)];
    if (stale.length === 0) {
      console.log(`${shown}/ is up to date (${result.files.length} files)`);
      return 0;
    }
    console.log(`${shown}/ is stale; regenerate it:\n${stale.map((s) => `  ${s}`).join("\n")}`);
    return 1;
  }
  const removed = result.written?.removed ?? [];
  console.log(`wrote ${result.files.length} files to ${shown}/${removed.length > 0 ? `; removed ${removed.length} the previous generation wrote: ${removed.join(", ")}` : ""}`);
  return 0;
}

async function diffCommand(args: string[]): Promise<number> {
  const [oldSource, newSource, ...rest] = args;
  if (!oldSource || !newSource || oldSource.startsWith("--") || newSource.startsWith("--")) {
    throw new UsageError("diff needs two files or URLs first: graphslice diff <old> <new> [flags]");
  }
  const flags = parseFlags(rest, { include: "list", overlay: "list", format: "value", "current-version": "value", "fail-on-breaking": "boolean" });
  const format = (flags.format as string | undefined) ?? "markdown";
  if (format !== "markdown" && format !== "json") throw new UsageError(`--format must be markdown or json, got "${format}"`);
  const currentVersion = flags["current-version"] as string | undefined;
  if (currentVersion !== undefined && !isSemver(currentVersion)) throw new UsageError(`--current-version must be a semver version (x.y.z), got "${currentVersion}"`);
  let report: DiffReport;
  try {
    report = await diffApis(oldSource, newSource, {
      ...(flags.include ? { include: flags.include as string[] } : {}),
      ...(flags.overlay ? { overlays: flags.overlay as string[] } : {}),
      ...(currentVersion !== undefined ? { currentVersion } : {}),
    });
  } catch (error) {
    if (!(error instanceof SpecOnlyOptionError)) throw error;
    const flag = error.option === "include" ? "--include" : "--overlay";
    throw new UsageError(`${flag} applies to OpenAPI inputs, not to two manifests (${oldSource} and ${newSource} are already sliced and overlaid as their config said); compare the specs to use ${flag}`);
  }
  process.stdout.write(format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderMarkdown(report));
  return flags["fail-on-breaking"] === true && report.breaking > 0 ? 1 : 0;
}

type FlagKinds = Record<string, "value" | "boolean" | "list">;
type Flags = Record<string, string | string[] | boolean | undefined>;

/**
 * `--name value`, `--flag`, and lists: `--include a --include b` or `--include a b`
 * (a list takes every following argument up to the next `--flag`).
 */
export function parseFlags(args: string[], kinds: FlagKinds): Flags {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.replace(/^--/, "");
    if (!arg.startsWith("--") || !(name in kinds)) throw new UsageError(`unknown argument "${arg}"`);
    const kind = kinds[name];
    if (kind === "boolean") {
      flags[name] = true;
      continue;
    }
    const values: string[] = [];
    while (args[i + 1] !== undefined && !args[i + 1]!.startsWith("--") && (kind === "list" || values.length === 0)) values.push(args[++i]!);
    if (values.length === 0) throw new UsageError(`${arg} needs a value`);
    if (kind === "list") flags[name] = [...((flags[name] as string[] | undefined) ?? []), ...values];
    else if (flags[name] !== undefined) throw new UsageError(`${arg} is given twice`);
    else flags[name] = values[0];
  }
  return flags;
}


/** Runs the command line and sets the exit code: 0 done, 1 failed (or stale, or breaking with --fail-on-breaking), 2 usage. */
export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    const usage = error instanceof UsageError;
    console.error(usage ? `graphslice: ${(error as Error).message}\n${USAGE}` : `graphslice: ${(error as Error).message}`);
    process.exitCode = usage ? 2 : 1;
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntry) await run(process.argv.slice(2));
