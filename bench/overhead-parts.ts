/**
 * (b) What the per-request overhead is made of: bare fetch with each thing graphslice adds to every
 * request (a signal for the timeout, two headers, manual redirects), bare fetch sending and reading
 * exactly what graphslice does (so that the rest is graphslice's own code), and graphslice with its optional
 * parts off, in one child process against the loopback server (workers/overhead-parts-worker.ts).
 * Blocks of sequential PATCHes, variants in rotating order; per variant the median time per request
 * and the median of its per-block ratios to the bare-fetch block of the same round. Then the cost of
 * constructing undici's Request with and without a signal, which is where a signal's cost lies.
 */
import { bundleForNode } from "./bundles.js";
import { runJsonWorker } from "./process-metrics.js";
import { median } from "./stats.js";

export interface OverheadPart {
  variant: string;
  medianUs: number;
  /** Median over rounds of (variant / bare fetch in the same round). */
  ratio: number;
}

export interface OverheadParts {
  parts: OverheadPart[];
  /** What undici's Request costs to construct (fetch constructs one per call), median µs per object. */
  construction: { what: string; medianUs: number }[];
}

export async function measureOverheadParts(options: { baseUrl: string; blocks: number; blockSize: number }): Promise<OverheadParts> {
  const script = await bundleForNode("overhead-parts-worker", 'import "./workers/overhead-parts-worker.ts";');
  const { variants, construction } = await runJsonWorker<{ variants: Record<string, number[]>; construction: Record<string, number[]> }>(script, [options.baseUrl, String(options.blocks), String(options.blockSize)], "overhead parts");
  const bare = variants["bare fetch"]!;
  return {
    parts: Object.entries(variants).map(([variant, us]) => ({ variant, medianUs: median(us), ratio: median(us.map((u, i) => u / bare[i]!)) })),
    construction: Object.entries(construction).map(([what, us]) => ({ what, medianUs: median(us) })),
  };
}
