/**
 * (f) Generator cost: wall time and peak RSS of one generator run per real slice, and per synthetic
 * spec of growing size (synthetic-spec.ts: 10, 100, 1,000 entity types), to show how cost grows.
 * Runs are interleaved across repetitions; medians are reported, and for each 10× step in size the
 * ratio of generation times (target: ≤ 10, i.e. no worse than linear).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_DIR, WORK_DIR } from "./clients.js";
import { runMeasured } from "./process-metrics.js";
import { median, ratio, rotate } from "./stats.js";
import { writeSyntheticSpec } from "./synthetic-spec.js";

export interface GeneratorInput {
  name: string;
  openapi: string;
  csdl: string | undefined;
  /** Empty directory the generator writes its SDK into. */
  outDir: string;
  /** Scratch directory for a config file, if the CLI needs one. */
  workDir: string;
}

export interface GeneratorInvocation {
  command: string;
  args: string[];
  cwd: string;
}

/**
 * The published command (`dist/bin.js`, what `npx graphslice generate` runs; measureGenerator builds
 * it first) on a one-slice config that includes every path of the spec (for the real slices that is
 * exactly what graphslice.config.json selects from each file). `node` rather than npx, so npx's own
 * start-up is not counted as generator time.
 */
export function generatorInvocation(input: GeneratorInput): GeneratorInvocation | undefined {
  const config = join(input.workDir, "graphslice.config.json");
  const slice = { name: "bench", openapi: input.openapi, ...(input.csdl ? { csdl: input.csdl } : {}), include: ["/**"] };
  writeFileSync(config, JSON.stringify({ output: input.outDir, main: "bench", slices: [slice] }, null, 2));
  return { command: process.execPath, args: [join(REPO_DIR, "dist", "bin.js"), "generate", "--config", config, "--quiet"], cwd: REPO_DIR };
}

export interface GeneratorRun {
  name: string;
  kind: "real" | "synthetic";
  entityTypes?: number;
  specBytes: number;
  wallMs: number[];
  maxRssMiB: number[];
  medianMs: number;
  medianRssMiB: number;
  /** For synthetic sizes: medianMs / medianMs of the previous (10× smaller) size. */
  growth?: number;
  sizeFactor?: number;
  error?: string;
}

export interface GeneratorResult {
  status: "measured" | "not wired" | "no generator";
  note: string;
  runs: GeneratorRun[];
}

const REAL_SLICES = [
  { name: "configurationPolicies-assignments", openapi: "graph-beta-configurationPolicies-assignments.openapi.yaml" },
  { name: "configurationPolicies", openapi: "graph-beta-configurationPolicies.openapi.yaml" },
];

export async function measureGenerator(options: { sizes: number[]; reps: number; log?: (line: string) => void }): Promise<GeneratorResult> {
  const { statSync } = await import("node:fs");
  const specDir = join(WORK_DIR, "generator", "specs");
  const csdl = join(REPO_DIR, "spec", "graph-beta-configurationPolicies-assignments.csdl.xml");
  const inputs: Array<{ run: GeneratorRun; input: GeneratorInput }> = [];
  for (const slice of REAL_SLICES) {
    const openapi = join(REPO_DIR, "spec", slice.openapi);
    if (!existsSync(openapi)) continue;
    const run: GeneratorRun = { name: slice.name, kind: "real", specBytes: statSync(openapi).size, wallMs: [], maxRssMiB: [], medianMs: Number.NaN, medianRssMiB: Number.NaN };
    inputs.push({ run, input: { name: slice.name, openapi, csdl: existsSync(csdl) ? csdl : undefined, outDir: join(WORK_DIR, "generator", "out", slice.name), workDir: join(WORK_DIR, "generator", "work", slice.name) } });
  }
  for (const size of options.sizes) {
    const spec = writeSyntheticSpec(specDir, size);
    const name = `synthetic-${size}`;
    options.log?.(`  wrote ${name}: ${spec.openapiBytes} B OpenAPI, ${spec.csdlBytes} B CSDL`);
    const run: GeneratorRun = { name, kind: "synthetic", entityTypes: size, specBytes: spec.openapiBytes + spec.csdlBytes, wallMs: [], maxRssMiB: [], medianMs: Number.NaN, medianRssMiB: Number.NaN };
    inputs.push({ run, input: { name, openapi: spec.openapi, csdl: spec.csdl, outDir: join(WORK_DIR, "generator", "out", name), workDir: join(WORK_DIR, "generator", "work", name) } });
  }
  const runs = inputs.map((i) => i.run);
  execFileSync(process.execPath, ["--import", "tsx", join(REPO_DIR, "scripts/build.ts")], { cwd: REPO_DIR, stdio: "ignore" });
  const invocations = inputs.map(({ input }) => {
    mkdirSync(input.outDir, { recursive: true });
    mkdirSync(input.workDir, { recursive: true });
    return generatorInvocation(input);
  });
  if (invocations.every((i) => i === undefined)) {
    const hasCli = existsSync(join(REPO_DIR, "generator", "cli.ts"));
    return {
      status: hasCli ? "not wired" : "no generator",
      note: hasCli
        ? "generator/cli.ts exists but bench/generator-scaling.ts generatorInvocation() is still a TODO"
        : "generator/cli.ts does not exist yet; synthetic specs were written, nothing was timed",
      runs,
    };
  }
  for (let rep = 0; rep < options.reps; rep++) {
    for (const index of rotate(inputs.map((_, i) => i), rep)) {
      const { run } = inputs[index]!;
      const invocation = invocations[index];
      if (!invocation || run.error) continue;
      const result = await runMeasured(invocation.command, invocation.args, { cwd: invocation.cwd });
      if (result.code !== 0) {
        run.error = `exit ${result.code}: ${(result.stderr || result.stdout).trim().slice(0, 600)}`;
        options.log?.(`  generator ${run.name} failed: ${run.error}`);
        continue;
      }
      run.wallMs.push(result.wallMs);
      if (result.maxRssKiB !== undefined) run.maxRssMiB.push(result.maxRssKiB / 1024);
      options.log?.(`  generator rep ${rep + 1}/${options.reps} ${run.name}: ${result.wallMs.toFixed(0)} ms`);
    }
  }
  for (const run of runs) {
    run.medianMs = median(run.wallMs);
    run.medianRssMiB = median(run.maxRssMiB);
  }
  const synthetic = runs.filter((r) => r.kind === "synthetic").sort((a, b) => (a.entityTypes ?? 0) - (b.entityTypes ?? 0));
  for (let i = 1; i < synthetic.length; i++) {
    const previous = synthetic[i - 1]!;
    const current = synthetic[i]!;
    current.growth = ratio(current.medianMs, previous.medianMs);
    current.sizeFactor = (current.entityTypes ?? 0) / (previous.entityTypes ?? 1);
  }
  return { status: "measured", note: "", runs };
}
