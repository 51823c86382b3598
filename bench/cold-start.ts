/**
 * (d) Cold start: wall time from spawning `node <script>` to the line the child prints after its
 * first PATCH response has been parsed (workers/cold-start-entry.ts), in two variants:
 *   "bundled":  consumer + packages in one minified ESM file (esbuild, platform node);
 *   "packages": consumer code bundled, npm packages imported from bench/node_modules at run time,
 *               as a Node service without a bundler loads them.
 * Clients and variants are interleaved across repetitions; the loopback server is already warm;
 * one untimed run per script first so the OS page cache holds every file. Ratio to bare fetch
 * (bundled; bare fetch imports no package, so it has no separate "packages" run).
 */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import { bundleForNode, importConsumer } from "./bundles.js";
import { consumerPath, type ClientId, type ClientInfo } from "./clients.js";
import type { CollectionIdPlace } from "./seed.js";
import { median, msSince, nowNs, ratio, rotate } from "./stats.js";

export type ColdStartVariant = "bundled" | "packages";

export interface ColdStart {
  variant: ColdStartVariant;
  id: ClientId;
  label: string;
  samplesMs: number[];
  medianMs: number;
  ratio: number;
  bundleBytes?: number;
  collectionId?: CollectionIdPlace;
  error?: string;
}

function timeOnce(script: string, baseUrl: string): Promise<{ ms: number; place: CollectionIdPlace }> {
  return new Promise((resolve, reject) => {
    const start = nowNs();
    const child = spawn(process.execPath, [script, baseUrl], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let settled = false;
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const match = /done (\w+)/.exec(out);
      if (match && !settled) {
        settled = true;
        resolve({ ms: msSince(start), place: match[1] as CollectionIdPlace });
      }
    });
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (!settled) reject(new Error(`cold-start child exited ${code}: ${(err || out).trim().slice(0, 400)}`));
    });
  });
}

export async function measureColdStart(options: {
  clients: readonly ClientInfo[];
  baseUrl: string;
  reps: number;
  log?: (line: string) => void;
}): Promise<ColdStart[]> {
  const variants: ColdStartVariant[] = ["bundled", "packages"];
  const runs: Array<{ result: ColdStart; script?: string }> = [];
  for (const variant of variants) {
    for (const client of options.clients) {
      // bare fetch imports no package: its "packages" script would equal the bundled one.
      if (variant === "packages" && client.id === "bare-fetch") continue;
      const result: ColdStart = { variant, id: client.id, label: client.label, samplesMs: [], medianMs: Number.NaN, ratio: Number.NaN };
      const source = `${importConsumer(consumerPath(client))}
import { runColdStart } from "./workers/cold-start-entry.js";
runColdStart(createPatcher);`;
      try {
        const script = await bundleForNode(`cold-start-${variant}-${client.id}`, source, true, variant === "packages");
        result.bundleBytes = statSync(script).size;
        runs.push({ result, script });
      } catch (error) {
        result.error = `bundle failed: ${String(error).slice(0, 300)}`;
        runs.push({ result });
      }
    }
  }
  for (const run of runs) {
    if (run.script) await timeOnce(run.script, options.baseUrl).catch((e: unknown) => (run.result.error = String(e).slice(0, 400)));
  }
  for (let rep = 0; rep < options.reps; rep++) {
    for (const run of rotate(runs, rep)) {
      if (!run.script || run.result.error) continue;
      try {
        const { ms, place } = await timeOnce(run.script, options.baseUrl);
        run.result.samplesMs.push(ms);
        run.result.collectionId = place;
      } catch (error) {
        run.result.error = String(error instanceof Error ? error.message : error).slice(0, 400);
      }
    }
    options.log?.(`  cold start rep ${rep + 1}/${options.reps} done`);
  }
  const results = runs.map((r) => r.result);
  for (const r of results) r.medianMs = median(r.samplesMs);
  const bare = results.find((b) => b.variant === "bundled" && b.id === "bare-fetch")?.medianMs;
  for (const r of results) r.ratio = ratio(r.medianMs, bare);
  return results;
}
