/**
 * (g) A whole module: Microsoft's beta `Calendar.yml` (3.4 MB, 694 paths, 1,421 operations) through
 * the published graphslice command and through openapi-typescript's CLI on the same file, in turn,
 * repetition by repetition. Reports each one's median wall time and peak RSS, the per-pair ratio,
 * and where graphslice's time goes by stage (from one extra run with its stage log).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { BENCH_DIR, REPO_DIR, WORK_DIR } from "./clients.js";
import { runMeasured } from "./process-metrics.js";
import { median } from "./stats.js";

export interface ModuleScaleResult {
  module: string;
  specBytes: number;
  graphslice: { wallMs: number[]; maxRssMiB: number[]; medianMs: number; medianRssMiB: number };
  openapiTypescript: { wallMs: number[]; maxRssMiB: number[]; medianMs: number; medianRssMiB: number };
  /** graphslice time / openapi-typescript time, per pair. */
  ratios: number[];
  medianRatio: number;
  /** Stage → ms, from one run with the stage log. */
  stages: Record<string, number>;
  error?: string;
}

const MODULE = "2023-01/beta/Calendar.yml";

export async function measureModuleScale(options: { reps: number; log?: (line: string) => void }): Promise<ModuleScaleResult> {
  const dir = join(WORK_DIR, "module-scale");
  mkdirSync(dir, { recursive: true });
  const spec = join(dir, "Calendar.yml");
  if (!existsSync(spec)) writeFileSync(spec, brotliDecompressSync(readFileSync(join(REPO_DIR, "spec/graph-modules", `${MODULE}.br`))));
  execFileSync(process.execPath, ["--import", "tsx", join(REPO_DIR, "scripts/build.ts")], { cwd: REPO_DIR, stdio: "ignore" });
  const out = join(dir, "out");
  const graphslice = [join(REPO_DIR, "dist", "bin.js"), "generate", "--spec", spec, "--include", "/**", "--out", out, "--quiet"];
  const oats = [join(BENCH_DIR, "node_modules/openapi-typescript/bin/cli.js"), spec, "--output", join(dir, "openapi-typescript.ts")];
  const result: ModuleScaleResult = {
    module: `beta ${MODULE.split("/").pop()}`,
    specBytes: statSync(spec).size,
    graphslice: { wallMs: [], maxRssMiB: [], medianMs: Number.NaN, medianRssMiB: Number.NaN },
    openapiTypescript: { wallMs: [], maxRssMiB: [], medianMs: Number.NaN, medianRssMiB: Number.NaN },
    ratios: [],
    medianRatio: Number.NaN,
    stages: {},
  };
  for (let rep = 0; rep < options.reps; rep++) {
    rmSync(out, { recursive: true, force: true });
    // Alternate which goes first, so neither always runs on a warmer machine.
    const order = rep % 2 === 0 ? (["graphslice", "openapiTypescript"] as const) : (["openapiTypescript", "graphslice"] as const);
    const times: Record<string, number> = {};
    for (const who of order) {
      const run = await runMeasured(process.execPath, who === "graphslice" ? graphslice : oats, { cwd: REPO_DIR });
      if (run.code !== 0) {
        result.error = `${who} exit ${run.code}: ${(run.stderr || run.stdout).trim().slice(0, 400)}`;
        return result;
      }
      result[who].wallMs.push(run.wallMs);
      if (run.maxRssKiB !== undefined) result[who].maxRssMiB.push(run.maxRssKiB / 1024);
      times[who] = run.wallMs;
    }
    result.ratios.push(times.graphslice! / times.openapiTypescript!);
    options.log?.(`  module rep ${rep + 1}/${options.reps}: graphslice ${times.graphslice!.toFixed(0)} ms, openapi-typescript ${times.openapiTypescript!.toFixed(0)} ms`);
  }
  for (const who of ["graphslice", "openapiTypescript"] as const) {
    result[who].medianMs = median(result[who].wallMs);
    result[who].medianRssMiB = median(result[who].maxRssMiB);
  }
  result.medianRatio = median(result.ratios);
  const logged = await runMeasured(process.execPath, graphslice.filter((a) => a !== "--quiet"), { cwd: REPO_DIR });
  for (const line of logged.stderr.split("\n")) {
    const match = /^(?:\S+: )?(load|slice|model|names|emit|format|write)\s+(\d+) ms$/.exec(line.trim());
    if (match) result.stages[match[1]!] = (result.stages[match[1]!] ?? 0) + Number(match[2]);
  }
  return result;
}
