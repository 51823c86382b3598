/**
 * (h) Does one call cost the same whatever SDK it comes from? The same one-call PATCH app bundled
 * against graphslice SDKs of growing size: the `assignments` slice, the `configuration-policies`
 * slice (19 paths and the settings catalog), the whole beta DeviceManagement module (generated here
 * from spec/graph-modules/…/DeviceManagement.yml.br with the published command), that module with its
 * bound actions and functions (`.Actions.yml.br`, `.Functions.yml.br`), and (in a full run, not
 * `--quick`) all 38 beta modules of 2023-01 as one SDK. Ratios are to the assignments bundle. A
 * second app makes one more call (GET of the same assignment): its extra bytes are what a further
 * operation costs in each SDK. Each app is measured as written (validation on: the slice's
 * validation tables, which the call loads on first use, count) and with `validate: false` (the
 * tables are never loaded).
 *
 * (i) The whole-module consumer type-check: a file importing the whole DeviceManagement SDK (its
 * generated sources, as `graphslice generate --out src/graph` leaves them; the same generated with
 * `--skip-type-check`; and built declarations, as a package ships them) and making the one call,
 * against the bare-fetch consumer, interleaved.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleMinified, SEED_VALIDATION_TABLES } from "./bundles.js";
import { REPO_DIR, WORK_DIR } from "./clients.js";
import { runMeasured } from "./process-metrics.js";
import { SEED_REQUEST } from "./seed.js";
import { median, ratio } from "./stats.js";

export const MODULE_SPEC = "spec/graph-modules/2023-01/beta/DeviceManagement.yml.br";
const MODULE_DIR = join(WORK_DIR, "module-sdk");
/** The same module generated with `--skip-type-check`. */
const UNCHECKED_MODULE_DIR = join(WORK_DIR, "module-sdk-unchecked");
/** The module with its bound actions and functions, as the module sweep's "DeviceManagement trio". */
const TRIO_SPECS = [MODULE_SPEC, MODULE_SPEC.replace(".yml", ".Actions.yml"), MODULE_SPEC.replace(".yml", ".Functions.yml")];
const TRIO_DIR = join(WORK_DIR, "trio-sdk");
/** Every beta module of 2023-01, merged into one SDK: all of Graph beta as Microsoft described it then. */
const ALL_BETA_DIR = join(WORK_DIR, "all-beta-sdk");
export const ALL_BETA_SDK = "all 38 beta modules as one SDK";

/** One module's share of the one-call app (its minified bytes in the loaded code). */
export interface AppPart {
  module: string;
  minified: number;
}

export interface SdkBundle {
  sdk: string;
  /** Paths and operations the SDK has (from its client), for the reader. */
  builders: number;
  /** The one-call app as written (validation on): its bundle plus the validation tables the call loads. */
  oneCallGzip: number;
  twoCallGzip: number;
  /** One-call gzip / the assignments slice's one-call gzip. */
  ratio: number;
  /** What the second call added, gzip bytes. */
  furtherCallGzip: number;
  /** The same app with `validate: false`: the tables are never loaded. */
  unvalidatedGzip: number;
  /** unvalidatedGzip / the assignments slice's unvalidatedGzip. */
  unvalidatedRatio: number;
  /** What the `validate: false` app is made of, by module, largest first. */
  unvalidatedParts: AppPart[];
  error?: string;
}

interface Timed {
  wallMs: number[];
  maxRssMiB: number[];
  medianWallMs: number;
  medianMaxRssMiB: number;
}

export interface ModuleTypecheckVariant extends Timed {
  /** "generated sources" (what `graphslice generate --out` leaves) or "built declarations" (.d.ts, as a package ships). */
  variant: string;
  lines: string;
  memoryUsed: string;
  /** Median of the per-pair wall ratios to the bare-fetch consumer. */
  wallRatio: number;
}

export interface ModuleTypecheck {
  sdk: string;
  variants: ModuleTypecheckVariant[];
  bare: Timed;
  /** Any "excessively deep" (TS2589) or other error, verbatim. */
  error?: string;
}

/** The documented PATCH body, written literally into each generated app. */
const SEED_BODY = JSON.stringify(SEED_REQUEST, null, 2);

/** Generates the whole-module SDK into bench/.work/module-sdk (about 5 s) and returns its index. */
export function prepareModuleSdk(): string {
  return generateSdk([MODULE_SPEC], MODULE_DIR);
}

/** Generates an SDK of every path of `specs` (merged) into `dir` with the published command; returns its index. */
function generateSdk(specs: string[], dir: string, flags: string[] = []): string {
  const index = join(dir, "api", "index.ts");
  const cli = join(REPO_DIR, "generator", "cli.ts");
  const spec = specs.flatMap((file) => ["--spec", join(REPO_DIR, file)]);
  execFileSync(process.execPath, ["--import", "tsx", cli, "generate", ...spec, "--include", "/**", "--out", dir, "--quiet", ...flags], { cwd: REPO_DIR, stdio: "ignore" });
  if (!existsSync(index)) throw new Error(`generating ${specs.join(" + ")} wrote no ${index}`);
  return index;
}

function appSource(index: string, calls: 1 | 2, body = SEED_BODY, validate = true): string {
  return `import { createGraphClient } from ${JSON.stringify(index)};
const graph = createGraphClient({ baseUrl: "https://graph.microsoft.com/beta", token: "bench-token"${validate ? "" : ", validate: false"} });
const item = graph.deviceManagement.configurationPolicies.byId("policy-1").assignments.byId("1f069921-9921-1f06-2199-061f2199061f");
item.patch(${body}).then((assignment) => console.log(assignment));
${calls === 2 ? "item.get().then((assignment) => console.log(assignment));\n" : ""}`;
}

/** What the app loads: its bundle and, when it validates, the tables its call loads on first use. */
async function gzipOf(source: string, validates = true): Promise<number> {
  return (await measureApp(source, validates)).gzip;
}

async function measureApp(source: string, validates: boolean): Promise<{ gzip: number; parts: AppPart[] }> {
  const bundle = await bundleMinified(source, "browser", validates ? SEED_VALIDATION_TABLES : undefined);
  const parts = new Map<string, number>();
  for (const output of Object.values(bundle.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      // generated/runtime/transport.ts → runtime/transport.ts; the slice's own files by their slice.
      const module = input.replace(/^.*\/(runtime\/[^/]+|[^/]+\/[^/]+)$/, "$1");
      parts.set(module, (parts.get(module) ?? 0) + bytesInOutput);
    }
  }
  const list = [...parts].map(([module, minified]) => ({ module, minified })).filter((p) => p.minified > 0);
  return { gzip: gzipSync(bundle.code, { level: 9 }).byteLength, parts: list.sort((a, b) => b.minified - a.minified) };
}

function allBetaSpecs(): string[] {
  const dir = "spec/graph-modules/2023-01/beta";
  return readdirSync(join(REPO_DIR, dir)).filter((f) => f.endsWith(".yml.br")).sort().map((f) => `${dir}/${f}`);
}

/** `allOfBeta`: also the SDK of every beta module (about 20 s and 1 GB to generate; left out of quick runs). */
export async function measureSdkScaling(options: { log?: (line: string) => void; allOfBeta?: boolean }): Promise<SdkBundle[]> {
  const sdks: Array<[string, () => string]> = [
    ["assignments slice", () => join(REPO_DIR, "generated", "assignments", "index.ts")],
    ["configuration-policies slice", () => join(REPO_DIR, "generated", "configuration-policies", "index.ts")],
    ["whole beta DeviceManagement module", prepareModuleSdk],
    ["the module with its actions and functions", () => generateSdk(TRIO_SPECS, TRIO_DIR)],
    ...(options.allOfBeta ? [[ALL_BETA_SDK, () => generateSdk(allBetaSpecs(), ALL_BETA_DIR)] as [string, () => string]] : []),
  ];
  const results: SdkBundle[] = [];
  for (const [sdk, locate] of sdks) {
    try {
      const index = locate();
      const client = join(index, "..", "client.ts");
      const builders = Number(execFileSync("grep", ["-c", "extends RequestBuilder", client], { encoding: "utf8" }).trim());
      const oneCallGzip = await gzipOf(appSource(index, 1));
      const twoCallGzip = await gzipOf(appSource(index, 2));
      const unvalidated = await measureApp(appSource(index, 1, SEED_BODY, false), false);
      const unvalidatedGzip = unvalidated.gzip;
      results.push({ sdk, builders, oneCallGzip, twoCallGzip, ratio: Number.NaN, furtherCallGzip: twoCallGzip - oneCallGzip, unvalidatedGzip, unvalidatedRatio: Number.NaN, unvalidatedParts: unvalidated.parts });
      options.log?.(`  ${sdk}: one call ${oneCallGzip} B gzip (${unvalidatedGzip} B with validate: false), two calls ${twoCallGzip} B`);
    } catch (error) {
      results.push({ sdk, builders: Number.NaN, oneCallGzip: Number.NaN, twoCallGzip: Number.NaN, ratio: Number.NaN, furtherCallGzip: Number.NaN, unvalidatedGzip: Number.NaN, unvalidatedRatio: Number.NaN, unvalidatedParts: [], error: String(error).slice(0, 400) });
    }
  }
  for (const r of results) {
    r.ratio = ratio(r.oneCallGzip, results[0]?.oneCallGzip);
    r.unvalidatedRatio = ratio(r.unvalidatedGzip, results[0]?.unvalidatedGzip);
  }
  return results;
}

function tscProject(name: string, source: string): string {
  const dir = join(WORK_DIR, "typecheck-module", name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "consumer.ts"), source);
  const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022", "DOM"], types: [], strict: true, skipLibCheck: true, noEmit: true, allowImportingTsExtensions: true };
  writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions, files: ["consumer.ts"] }, null, 2)}\n`);
  return dir;
}

/** The module SDK's declarations (tsc --declaration), as a published package would ship them. */
function buildModuleDeclarations(tsc: string): string {
  const out = join(WORK_DIR, "module-sdk-dts");
  const project = join(WORK_DIR, "typecheck-module", "build-declarations");
  mkdirSync(project, { recursive: true });
  const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022", "DOM"], types: [], strict: true, skipLibCheck: true, declaration: true, emitDeclarationOnly: true, rootDir: MODULE_DIR, outDir: out };
  writeFileSync(join(project, "tsconfig.json"), `${JSON.stringify({ compilerOptions, include: [join(MODULE_DIR, "**", "*.ts")] }, null, 2)}\n`);
  execFileSync(process.execPath, [tsc, "-p", project], { stdio: "ignore" });
  return join(out, "api", "index.js");
}

const timed = (): Timed => ({ wallMs: [], maxRssMiB: [], medianWallMs: Number.NaN, medianMaxRssMiB: Number.NaN });

export async function measureModuleTypecheck(options: { tsc: string; bareConsumer: string; reps: number; log?: (line: string) => void }): Promise<ModuleTypecheck> {
  const sources = existsSync(join(MODULE_DIR, "api", "index.ts")) ? join(MODULE_DIR, "api", "index.ts") : prepareModuleSdk();
  // The 2023 module knows no derived assignment targets: the call sends the base type's properties.
  const body = `{ "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment", target: { deviceAndAppManagementAssignmentFilterId: "filter", deviceAndAppManagementAssignmentFilterType: "include" } }`;
  const project = (name: string, index: string) => {
    const dir = tscProject(name, "");
    writeFileSync(join(dir, "consumer.ts"), appSource(relative(dir, index), 1, body));
    return dir;
  };
  const projects = new Map([
    ["generated sources", project("module-sources", sources)],
    ["generated sources, --skip-type-check", project("module-sources-unchecked", generateSdk([MODULE_SPEC], UNCHECKED_MODULE_DIR, ["--skip-type-check"]))],
    ["built declarations", project("module-declarations", buildModuleDeclarations(options.tsc))],
    ["bare", tscProject("bare-fetch", `export * from ${JSON.stringify(relative(join(WORK_DIR, "typecheck-module", "bare-fetch"), options.bareConsumer))};\n`)],
  ]);
  const result: ModuleTypecheck = { sdk: "whole beta DeviceManagement module", variants: [], bare: timed() };
  const variants = new Map<string, ModuleTypecheckVariant>();
  for (const name of projects.keys()) if (name !== "bare") variants.set(name, { variant: name, lines: "", memoryUsed: "", wallRatio: Number.NaN, ...timed() });
  const ratios = new Map<string, number[]>([...variants.keys()].map((k) => [k, []]));
  const names = [...projects.keys()];
  for (let rep = 0; rep < options.reps; rep++) {
    const wall = new Map<string, number>();
    // Rotate the order, so no one always runs on a warmer (or busier) machine.
    for (const name of names.map((_, i) => names[(i + rep) % names.length]!)) {
      const run = await runMeasured(process.execPath, [options.tsc, "-p", projects.get(name)!, "--noEmit", "--extendedDiagnostics"]);
      if (run.code !== 0) {
        result.error = `${name}: tsc exited ${run.code}: ${run.stdout.split("\n").filter((l) => l.includes("error TS")).slice(0, 3).join("\n").slice(0, 600)}`;
        return result;
      }
      const target = name === "bare" ? result.bare : variants.get(name)!;
      target.wallMs.push(run.wallMs);
      if (run.maxRssKiB !== undefined) target.maxRssMiB.push(run.maxRssKiB / 1024);
      if (name !== "bare") {
        const v = target as ModuleTypecheckVariant;
        const count = (what: string) => Number(new RegExp(`Lines of ${what}:\\s+(\\d+)`).exec(run.stdout)?.[1] ?? 0);
        v.lines = String(count("TypeScript") + count("Definitions"));
        v.memoryUsed = /Memory used:\s+(\S+)/.exec(run.stdout)?.[1] ?? "";
      }
      wall.set(name, run.wallMs);
    }
    for (const [name, list] of ratios) list.push(wall.get(name)! / wall.get("bare")!);
    options.log?.(`  module type-check rep ${rep + 1}/${options.reps}: ${names.map((n) => `${n} ${wall.get(n)!.toFixed(0)} ms`).join(", ")}`);
  }
  for (const t of [result.bare, ...variants.values()]) {
    t.medianWallMs = median(t.wallMs);
    t.medianMaxRssMiB = median(t.maxRssMiB);
  }
  for (const [name, v] of variants) v.wallRatio = median(ratios.get(name)!);
  result.variants = [...variants.values()];
  return result;
}
