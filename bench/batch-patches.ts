/**
 * (j) Batching: the same 100 seed PATCHes from graphslice to the loopback server, as single calls one
 * after another, as single calls all at once, and as one `graph.batch()` (five `$batch` requests of
 * 20). Each repetition runs the three in a rotated order; medians per variant. The loopback server
 * checks every item as it checks a single PATCH, so every variant puts the same work on the wire.
 */
import { createGraphClient } from "../generated/index.js";
import { ASSIGNMENT_ID, POLICY_ID, SEED_REQUEST, TOKEN } from "./seed.js";
import { median, rotate } from "./stats.js";

export type BatchVariant = "sequential" | "concurrent" | "batch";

export interface BatchResult {
  calls: number;
  reps: number;
  /** Milliseconds for all the calls, one sample per repetition. */
  samplesMs: Record<BatchVariant, number[]>;
  medianMs: Record<BatchVariant, number>;
  /** HTTP requests one run of each variant made. */
  httpRequests: Record<BatchVariant, number>;
  error?: string;
}

export async function measureBatch(options: { baseUrl: string; calls: number; reps: number; log?: (line: string) => void }): Promise<BatchResult> {
  const { calls, reps } = options;
  let sent = 0;
  const fetchCounting: typeof fetch = (input, init) => ((sent += 1), fetch(input, init));
  const graph = createGraphClient({ baseUrl: options.baseUrl, token: TOKEN, fetch: fetchCounting });
  const assignment = (g: typeof graph) => g.deviceManagement.configurationPolicies.byId(POLICY_ID).assignments.byId(ASSIGNMENT_ID);
  const run: Record<BatchVariant, () => Promise<void>> = {
    async sequential() {
      for (let i = 0; i < calls; i++) await assignment(graph).patch(SEED_REQUEST);
    },
    async concurrent() {
      await Promise.all(Array.from({ length: calls }, () => assignment(graph).patch(SEED_REQUEST)));
    },
    async batch() {
      const results = await graph.batch((g) => Array.from({ length: calls }, () => assignment(g).patch(SEED_REQUEST)));
      const failed = results.find((r) => r.status === "rejected");
      if (failed) throw (failed as PromiseRejectedResult).reason;
    },
  };
  const variants: BatchVariant[] = ["sequential", "concurrent", "batch"];
  const samplesMs: Record<BatchVariant, number[]> = { sequential: [], concurrent: [], batch: [] };
  const httpRequests: Record<BatchVariant, number> = { sequential: 0, concurrent: 0, batch: 0 };
  try {
    for (const variant of variants) await run[variant](); // warm-up: connections, JIT
    for (let rep = 0; rep < reps; rep++) {
      for (const variant of rotate(variants, rep)) {
        sent = 0;
        const started = process.hrtime.bigint();
        await run[variant]();
        samplesMs[variant].push(Number(process.hrtime.bigint() - started) / 1e6);
        httpRequests[variant] = sent;
      }
    }
  } catch (error) {
    return { calls, reps, samplesMs, medianMs: { sequential: Number.NaN, concurrent: Number.NaN, batch: Number.NaN }, httpRequests, error: String((error as Error).message ?? error) };
  }
  const medianMs = { sequential: median(samplesMs.sequential), concurrent: median(samplesMs.concurrent), batch: median(samplesMs.batch) };
  options.log?.(`  sequential ${medianMs.sequential.toFixed(1)} ms, concurrent ${medianMs.concurrent.toFixed(1)} ms, batch ${medianMs.batch.toFixed(1)} ms (${httpRequests.batch} $batch requests)`);
  return { calls, reps, samplesMs, medianMs, httpRequests };
}
