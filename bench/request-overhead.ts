/**
 * (b) Per-request overhead: N sequential PATCHes of the seed example from each client to the same
 * loopback keep-alive server, each repetition in a fresh child process, clients interleaved across
 * repetitions (ABC, BCA, CAB, ...). Reports the median time per request and its ratio to bare fetch.
 * The same workers in "memory" mode (fetch replaced by an in-memory stub) feed (c).
 */
import { runJsonWorker } from "./process-metrics.js";
import { bundleForNode, importConsumer } from "./bundles.js";
import { consumerPath, type ClientId, type ClientInfo } from "./clients.js";
import type { CollectionIdPlace } from "./seed.js";
import { median, ratio, rotate } from "./stats.js";

export interface RequestTiming {
  id: ClientId;
  label: string;
  /** Microseconds per request, one sample per repetition. */
  samplesUs: number[];
  medianUs: number;
  /** median(client) / median(bare fetch). */
  ratio: number;
  /** Per-repetition client/bare ratios (paired by repetition): min and max, to show the noise. */
  ratioRange: [number, number] | undefined;
  collectionId: CollectionIdPlace | undefined;
  error?: string;
}

export interface RequestRunOptions {
  clients: readonly ClientInfo[];
  mode: "loopback" | "memory";
  baseUrl: string;
  count: number;
  warmup: number;
  reps: number;
  log?: (line: string) => void;
}

interface WorkerOutput {
  count: number;
  totalNs: number;
  collectionId: CollectionIdPlace;
}

export async function buildRequestWorker(client: ClientInfo): Promise<string> {
  const source = `${importConsumer(consumerPath(client))}
import { runRequestWorker } from "./workers/request-worker.js";
await runRequestWorker(createPatcher);`;
  return bundleForNode(`request-worker-${client.id}`, source);
}

function runWorker(script: string, args: string[]): Promise<WorkerOutput> {
  return runJsonWorker<WorkerOutput>(script, args, "worker");
}

export async function measureRequests(options: RequestRunOptions): Promise<RequestTiming[]> {
  const scripts = new Map<ClientId, string>();
  const errors = new Map<ClientId, string>();
  for (const client of options.clients) {
    try {
      scripts.set(client.id, await buildRequestWorker(client));
    } catch (error) {
      errors.set(client.id, `bundle failed: ${String(error).slice(0, 300)}`);
    }
  }
  const samples = new Map<ClientId, number[]>(options.clients.map((c) => [c.id, []]));
  const perRep: Array<Map<ClientId, number>> = [];
  const keeps = new Map<ClientId, CollectionIdPlace>();
  for (let rep = 0; rep < options.reps; rep++) {
    const thisRep = new Map<ClientId, number>();
    for (const client of rotate(options.clients, rep)) {
      const script = scripts.get(client.id);
      if (!script || errors.has(client.id)) continue;
      try {
        const out = await runWorker(script, [options.mode, options.baseUrl, String(options.warmup), String(options.count)]);
        const us = out.totalNs / out.count / 1000;
        samples.get(client.id)!.push(us);
        thisRep.set(client.id, us);
        keeps.set(client.id, out.collectionId);
        options.log?.(`  ${options.mode} rep ${rep + 1}/${options.reps} ${client.id}: ${us.toFixed(1)} µs/request`);
      } catch (error) {
        errors.set(client.id, String(error instanceof Error ? error.message : error).slice(0, 500));
        options.log?.(`  ${options.mode} ${client.id} failed: ${errors.get(client.id)}`);
      }
    }
    perRep.push(thisRep);
  }
  const bareMedian = median(samples.get("bare-fetch") ?? []);
  return options.clients.map((client) => {
    const s = samples.get(client.id) ?? [];
    const paired = perRep
      .map((rep) => ratio(rep.get(client.id), rep.get("bare-fetch")))
      .filter((r) => Number.isFinite(r));
    const timing: RequestTiming = {
      id: client.id,
      label: client.label,
      samplesUs: s,
      medianUs: median(s),
      // The median of the repetitions' paired ratios: each repetition times every client once, so a
      // slow moment of the machine weighs on both sides of a pair.
      ratio: paired.length > 0 ? median(paired) : ratio(median(s), bareMedian),
      ratioRange: paired.length > 0 ? [Math.min(...paired), Math.max(...paired)] : undefined,
      collectionId: keeps.get(client.id),
    };
    const error = errors.get(client.id);
    if (error) timing.error = error;
    return timing;
  });
}
