/**
 * (c) (De)serialisation throughput of the seed assignment (a configurationManagerCollection target,
 * i.e. a derived type), in two views:
 *   1. codec: model -> UTF-8 JSON bytes and bytes -> model, for JSON.stringify/parse (baseline),
 *      Kiota's JSON writer/parse node, and graphslice's (serializeODataJson / parseODataJson);
 *   2. pipeline: the whole PATCH with fetch replaced by an in-memory stub (no socket), per client,
 *      against bare fetch doing JSON.stringify + response.json() through the same stub.
 * Throughput is reported relative to the baseline (baseline time / client time: higher is better).
 */
import { runJsonWorker } from "./process-metrics.js";
import { join } from "node:path";
import { bundleForNode, importConsumer } from "./bundles.js";
import { BENCH_DIR, type ClientInfo } from "./clients.js";
import { measureRequests, type RequestTiming } from "./request-overhead.js";
import type { CollectionIdPlace } from "./seed.js";
import { median, rotate } from "./stats.js";

export type CodecId = "json" | "kiota" | "graphslice";

export interface CodecTiming {
  id: CodecId;
  label: string;
  status: "measured" | "unavailable" | "failed";
  note?: string;
  encodeUs: number;
  decodeUs: number;
  roundTripUs: number;
  /** JSON round-trip time / this codec's round-trip time (1 = as fast as JSON). */
  throughputVsJson: number;
  collectionId?: CollectionIdPlace;
}

export interface SerializationResult {
  codecs: CodecTiming[];
  /** In-memory PATCH pipeline; `ratio` is time vs bare fetch, `throughputVsBare` its inverse. */
  pipeline: Array<RequestTiming & { throughputVsBare: number }>;
}

const CODECS: ReadonlyArray<{ id: CodecId; label: string; file: string }> = [
  { id: "json", label: "JSON.stringify / JSON.parse", file: "codec-json.ts" },
  { id: "kiota", label: "Kiota JSON writer / parse node", file: "codec-kiota.ts" },
  { id: "graphslice", label: "graphslice codec", file: "codec-graphslice.ts" },
];

interface CodecOutput {
  available: boolean;
  iterations: number;
  encodeNs: number;
  decodeNs: number;
  collectionId: CollectionIdPlace;
}

function runCodec(script: string, iterations: number): Promise<CodecOutput> {
  return runJsonWorker<CodecOutput>(script, [String(iterations)], "codec worker");
}

export async function measureCodecs(options: {
  clients: readonly ClientInfo[];
  iterations: number;
  reps: number;
  log?: (line: string) => void;
}): Promise<CodecTiming[]> {
  const enabled = CODECS.filter((c) => c.id === "json" || options.clients.some((client) => client.id === c.id));
  const scripts = new Map<CodecId, string>();
  const notes = new Map<CodecId, { status: CodecTiming["status"]; note: string }>();
  for (const codec of enabled) {
    const source = `${importConsumer(join(BENCH_DIR, "consumers", codec.file), "createCodec")}
import { runCodecWorker } from "./workers/codec-worker.js";
runCodecWorker(createCodec);`;
    try {
      scripts.set(codec.id, await bundleForNode(`codec-worker-${codec.id}`, source));
    } catch (error) {
      notes.set(codec.id, { status: "failed", note: `bundle failed: ${String(error).slice(0, 300)}` });
    }
  }
  const samples = new Map<CodecId, { enc: number[]; dec: number[]; place?: CollectionIdPlace }>(enabled.map((c) => [c.id, { enc: [], dec: [] }]));
  for (let rep = 0; rep < options.reps; rep++) {
    for (const codec of rotate(enabled, rep)) {
      const script = scripts.get(codec.id);
      if (!script || notes.has(codec.id)) continue;
      try {
        const out = await runCodec(script, options.iterations);
        if (!out.available) {
          notes.set(codec.id, { status: "unavailable", note: "generated/index.ts exports no codec (see consumers/codec-graphslice.ts)" });
          continue;
        }
        const s = samples.get(codec.id)!;
        s.enc.push(out.encodeNs / out.iterations / 1000);
        s.dec.push(out.decodeNs / out.iterations / 1000);
        s.place = out.collectionId;
        options.log?.(`  codec rep ${rep + 1}/${options.reps} ${codec.id}: encode ${s.enc.at(-1)!.toFixed(2)} µs, decode ${s.dec.at(-1)!.toFixed(2)} µs`);
      } catch (error) {
        notes.set(codec.id, { status: "failed", note: String(error instanceof Error ? error.message : error).slice(0, 400) });
      }
    }
  }
  const json = samples.get("json")!;
  return enabled.map((codec) => {
    const s = samples.get(codec.id)!;
    const encodeUs = median(s.enc);
    const decodeUs = median(s.dec);
    // The median of the repetitions' paired ratios (every codec runs once per repetition), as in (b).
    const paired = s.enc.flatMap((enc, rep) => (json.enc[rep] === undefined || s.enc.length !== json.enc.length ? [] : [(json.enc[rep]! + json.dec[rep]!) / (enc + s.dec[rep]!)]));
    const note = notes.get(codec.id);
    const timing: CodecTiming = {
      id: codec.id,
      label: codec.label,
      status: note ? note.status : "measured",
      encodeUs,
      decodeUs,
      roundTripUs: encodeUs + decodeUs,
      throughputVsJson: paired.length ? median(paired) : (median(json.enc) + median(json.dec)) / (encodeUs + decodeUs),
    };
    if (note) timing.note = note.note;
    if (s.place) timing.collectionId = s.place;
    return timing;
  });
}

export async function measureSerialization(options: {
  clients: readonly ClientInfo[];
  codecIterations: number;
  pipelineCount: number;
  warmup: number;
  reps: number;
  log?: (line: string) => void;
}): Promise<SerializationResult> {
  const codecs = await measureCodecs({ clients: options.clients, iterations: options.codecIterations, reps: options.reps, log: options.log });
  const timings = await measureRequests({
    clients: options.clients,
    mode: "memory",
    baseUrl: "http://127.0.0.1:9/beta",
    count: options.pipelineCount,
    warmup: options.warmup,
    reps: options.reps,
    log: options.log,
  });
  return { codecs, pipeline: timings.map((t) => ({ ...t, throughputVsBare: 1 / t.ratio })) };
}
