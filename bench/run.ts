/**
 * `npm run bench`: runs every measurement of issue 5 side by side and writes bench/RESULTS.md,
 * results-ratios.svg, results-generator.svg and results.json.
 *
 *   tsx bench/run.ts                 full run (a–f), results into bench/
 *   tsx bench/run.ts --quick         small N, results into bench/.work/quick/ (RESULTS.md untouched)
 *   --only a,b,c,d,e,f,g,h,i,j       a subset of measurements (j: 100 PATCHes as single calls vs $batch)
 *   --clients bare-fetch,graphslice  a subset of clients (bare fetch is always kept: it is the baseline)
 *   --out DIR                        where the report goes
 */
import { cpus } from "node:os";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { measureBatch } from "./batch-patches.js";
import { measureBundleSizes } from "./bundle-size.js";
import { BENCH_DIR, NO_TIMEOUT_VARIANT, WORK_DIR, consumerPath, selectClients } from "./clients.js";
import { measureColdStart } from "./cold-start.js";
import { measureGenerator } from "./generator-scaling.js";
import { measureModuleScale } from "./module-scale.js";
import { startLoopback } from "./loopback.js";
import { prepareOpenapiTypes } from "./openapi-types.js";
import { writeReport, type BenchResults } from "./report.js";
import { measureRequests } from "./request-overhead.js";
import { measureModuleTypecheck, measureSdkScaling } from "./sdk-scaling.js";
import { measureOverheadParts } from "./overhead-parts.js";
import { measureSerialization } from "./serialization.js";
import { measureTypecheck, tscPath } from "./typecheck.js";

export interface BenchOptions {
  quick: boolean;
  only: string[];
  clients?: string[];
  outDir: string;
  /** Overrides of the sizes below (the smoke test uses tiny ones). */
  settings?: Partial<Settings>;
  log?: (line: string) => void;
}

export interface Settings {
  requests: number;
  warmup: number;
  reps: number;
  codecIterations: number;
  pipelineCount: number;
  coldReps: number;
  typecheckReps: number;
  generatorReps: number;
  sizes: number[];
  /** (j): calls per batch run, and repetitions. */
  batchCalls: number;
  batchReps: number;
  /** (b), what the overhead is made of: rounds of blocks, and requests per block. */
  partBlocks: number;
  partBlockSize: number;
}

const FULL: Settings = { requests: 5000, warmup: 500, reps: 9, codecIterations: 100_000, pipelineCount: 5000, coldReps: 15, typecheckReps: 5, generatorReps: 3, sizes: [10, 100, 1000], batchCalls: 100, batchReps: 15, partBlocks: 30, partBlockSize: 200 };
const QUICK: Settings = { requests: 300, warmup: 100, reps: 2, codecIterations: 5000, pipelineCount: 300, coldReps: 3, typecheckReps: 1, generatorReps: 1, sizes: [10, 100], batchCalls: 100, batchReps: 3, partBlocks: 2, partBlockSize: 20 };

const VERSIONED = [
  "typescript",
  "esbuild",
  "openapi-fetch",
  "openapi-typescript",
  "@microsoft/microsoft-graph-client",
  "@microsoft/msgraph-beta-sdk/models/index.js",
  "@microsoft/kiota-abstractions",
  "@microsoft/kiota-http-fetchlibrary",
  "@microsoft/kiota-serialization-json",
];

function installedVersion(specifier: string): string | undefined {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve(specifier)));
    while (dir !== dirname(dir)) {
      const file = join(dir, "package.json");
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
        if (pkg.name && pkg.version) return pkg.version;
      }
      dir = dirname(dir);
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => console.log(line));
  const settings: Settings = { ...(options.quick ? QUICK : FULL), ...options.settings };
  const wanted = options.clients ? [...new Set(["bare-fetch", ...options.clients])] : undefined;
  const { available, skipped } = selectClients(wanted);
  const only = (m: string) => options.only.length === 0 || options.only.includes(m);
  const versions: Record<string, string> = {};
  for (const spec of VERSIONED) {
    const v = installedVersion(spec);
    if (v) versions[spec.replace("/models/index.js", "")] = v;
  }
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      quick: options.quick,
      node: process.versions.node,
      cpu: cpus()[0]?.model ?? "unknown CPU",
      cores: cpus().length,
      settings: { ...settings, sizes: settings.sizes.join(", ") },
      versions,
      skipped: [...skipped].map(([id, reason]) => ({ id, reason })),
    },
  };
  for (const [id, reason] of skipped) log(`skipping ${id}: ${reason}`);
  if (available.some((c) => c.id === "openapi-fetch")) await prepareOpenapiTypes();

  if (only("a")) {
    log("(a) consumer bundle size");
    results.bundle = await measureBundleSizes(available, log);
  }
  if (only("b") || only("d") || only("j")) {
    const loopback = await startLoopback();
    try {
      if (only("b")) {
        log(`(b) per-request overhead: ${settings.requests} requests × ${settings.reps} repetitions`);
        const withVariant = available.some((c) => c.id === "graphslice") ? [...available, NO_TIMEOUT_VARIANT] : available;
        results.requests = await measureRequests({ clients: withVariant, mode: "loopback", baseUrl: loopback.baseUrl, count: settings.requests, warmup: settings.warmup, reps: settings.reps, log });
        if (available.some((c) => c.id === "graphslice")) {
          log(`(b) what the overhead is made of: ${settings.partBlocks} rounds of ${settings.partBlockSize} requests per variant`);
          results.overheadParts = await measureOverheadParts({ baseUrl: loopback.baseUrl, blocks: settings.partBlocks, blockSize: settings.partBlockSize });
        }
      }
      if (only("d")) {
        log(`(d) cold start: ${settings.coldReps} repetitions`);
        results.coldStart = await measureColdStart({ clients: available, baseUrl: loopback.baseUrl, reps: settings.coldReps, log });
      }
      if (only("j")) {
        log(`(j) ${settings.batchCalls} PATCHes as single calls vs as $batch: ${settings.batchReps} repetitions`);
        results.batch = await measureBatch({ baseUrl: loopback.baseUrl, calls: settings.batchCalls, reps: settings.batchReps, log });
      }
      results.meta.server = await loopback.stats();
    } finally {
      await loopback.stop();
    }
  }
  if (only("c")) {
    log("(c) (de)serialisation");
    results.serialization = await measureSerialization({ clients: available, codecIterations: settings.codecIterations, pipelineCount: settings.pipelineCount, warmup: settings.warmup, reps: settings.reps, log });
  }
  if (only("e")) {
    log("(e) consumer type-check");
    results.typecheck = await measureTypecheck({ clients: available, reps: settings.typecheckReps, log });
  }
  if (only("f")) {
    log("(f) generator scaling");
    results.generator = await measureGenerator({ sizes: settings.sizes, reps: settings.generatorReps, log });
    if (results.generator.status !== "measured") log(`  ${results.generator.note}`);
  }
  if (only("g")) {
    log("(g) a whole module: beta Calendar.yml, graphslice and openapi-typescript in turn");
    results.moduleScale = await measureModuleScale({ reps: settings.generatorReps, log });
    if (results.moduleScale.error) log(`  ${results.moduleScale.error}`);
  }
  if (only("h")) {
    log("(h) one call against SDKs of growing size: assignments, configuration-policies, the whole beta DeviceManagement module");
    results.sdkScaling = await measureSdkScaling({ log, allOfBeta: !options.quick });
  }
  if (only("i")) {
    log("(i) whole-module consumer type-check");
    const bare = available.find((c) => c.id === "bare-fetch")!;
    results.moduleTypecheck = await measureModuleTypecheck({ tsc: tscPath(), bareConsumer: consumerPath(bare), reps: settings.typecheckReps, log });
    if (results.moduleTypecheck.error) log(`  ${results.moduleTypecheck.error}`);
  }
  const { files } = writeReport(results, options.outDir);
  log(`wrote ${files.join(", ")}`);
  return results;
}

function parseArgs(argv: string[]): BenchOptions {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes("--quick");
  const list = (flag: string) => (value(flag) ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const out = value("--out");
  const clients = list("--clients");
  const options: BenchOptions = { quick, only: list("--only"), outDir: out ? resolve(out) : quick ? join(WORK_DIR, "quick") : BENCH_DIR };
  if (clients.length > 0) options.clients = clients;
  return options;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = process.hrtime.bigint();
  await runBench(parseArgs(process.argv.slice(2)));
  console.log(`bench finished in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`);
}
