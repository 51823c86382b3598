/**
 * Writes RESULTS.md, results.json and the two SVG charts from one run's measurements. Every number
 * printed comes from the run's results; nothing is typed in by hand.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BatchResult } from "./batch-patches.js";
import type { BundleSize } from "./bundle-size.js";
import type { ClientId } from "./clients.js";
import type { ColdStart } from "./cold-start.js";
import type { GeneratorResult } from "./generator-scaling.js";
import type { ModuleScaleResult } from "./module-scale.js";
import { generatorChart, ratiosChart, type RatioGroup } from "./report-charts.js";
import type { RequestTiming } from "./request-overhead.js";
import type { OverheadParts } from "./overhead-parts.js";
import { scalingSections, scalingTargetRows } from "./report-scaling.js";
import type { ModuleTypecheck, SdkBundle } from "./sdk-scaling.js";
import type { SerializationResult } from "./serialization.js";
import { fmtBytes, fmtMs, fmtRatio, fmtUs } from "./stats.js";
import type { TypecheckResult } from "./typecheck.js";

export interface BenchResults {
  meta: {
    date: string;
    quick: boolean;
    node: string;
    cpu: string;
    cores: number;
    settings: Record<string, number | string>;
    versions: Record<string, string>;
    skipped: Array<{ id: ClientId; reason: string }>;
    server?: { patches: number; rejected: number; problems: string[] };
  };
  bundle?: BundleSize[];
  requests?: RequestTiming[];
  overheadParts?: OverheadParts;
  serialization?: SerializationResult;
  coldStart?: ColdStart[];
  typecheck?: TypecheckResult[];
  generator?: GeneratorResult;
  moduleScale?: ModuleScaleResult;
  sdkScaling?: SdkBundle[];
  moduleTypecheck?: ModuleTypecheck;
  batch?: BatchResult;
}

const SHORT: Record<ClientId, string> = {
  "bare-fetch": "bare fetch",
  graphslice: "graphslice",
  "graphslice-no-timeout": "graphslice, timeoutMs: 0",
  "openapi-fetch": "openapi-fetch",
  "graph-client": "graph-client",
  kiota: "kiota",
};

/** Markdown table; columns whose every cell starts with a digit or "—" are right-aligned. */
function table(head: string[], rows: string[][]): string {
  const numeric = head.map((_, i) => i > 0 && rows.length > 0 && rows.every((r) => /^([0-9.,]|—|$)/.test(r[i] ?? "")));
  return [`| ${head.join(" | ")} |`, `| ${numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function mib(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(0)} MiB` : "—";
}

function status(error: string | undefined): string {
  return error ? `error: ${error.split("\n")[0]!.slice(0, 120).replace(/\|/g, "\\|")}` : "";
}

function verdict(value: number, ok: (v: number) => boolean): string {
  return Number.isFinite(value) ? (ok(value) ? "✅ met" : "❌ not met") : "— not measured";
}

function memoryUsedMiB(t: TypecheckResult | undefined): number {
  const raw = t?.diagnostics["Memory used"];
  return raw ? Number.parseInt(raw, 10) / 1024 : Number.NaN;
}

function targets(r: BenchResults): string {
  const g = (id: ClientId) => id === "graphslice";
  const bundle = r.bundle?.find((b) => g(b.id));
  const req = r.requests?.find((t) => g(t.id));
  const codec = r.serialization?.codecs.find((c) => c.id === "graphslice" && c.status === "measured");
  const pipe = r.serialization?.pipeline.find((t) => g(t.id));
  const serial = codec ? codec.throughputVsJson : (pipe?.throughputVsBare ?? Number.NaN);
  const cold = r.coldStart?.find((c) => g(c.id) && c.variant === "bundled");
  const tc = r.typecheck?.find((t) => g(t.id));
  const real = r.generator?.runs.filter((x) => x.kind === "real") ?? [];
  const slowestReal = real.length > 0 ? Math.max(...real.map((x) => x.medianMs)) : Number.NaN;
  const growth = r.generator?.runs.filter((x) => x.growth !== undefined).map((x) => x.growth!) ?? [];
  const worstGrowth = growth.length > 0 ? Math.max(...growth) : Number.NaN;
  const rows = [
    ["bundle, gzipped", "≤ 3,000 B", fmtBytes(bundle?.gzip), verdict(bundle?.gzip ?? Number.NaN, (v) => v <= 3000)],
    ["per request vs bare fetch", "≤ 1.05×", fmtRatio(req?.ratio ?? Number.NaN), verdict(req?.ratio ?? Number.NaN, (v) => v <= 1.05)],
    [`(de)serialisation throughput vs ${codec ? "JSON (codec)" : "bare fetch (in-memory pipeline)"}`, "≥ 0.9×", fmtRatio(serial), verdict(serial, (v) => v >= 0.9)],
    ["cold start vs bare fetch (bundled)", "≤ 1.05×", fmtRatio(cold?.ratio ?? Number.NaN), verdict(cold?.ratio ?? Number.NaN, (v) => v <= 1.05)],
    ["consumer type-check wall vs bare", "≤ 1.2×", fmtRatio(tc?.wallRatio ?? Number.NaN), verdict(tc?.wallRatio ?? Number.NaN, (v) => v <= 1.2)],
    ["consumer type-check memory (tsc \"Memory used\")", "≤ 130 MiB", mib(memoryUsedMiB(tc)), verdict(memoryUsedMiB(tc), (v) => v <= 130)],
    ["both real slices generated", "< 2 s each", fmtMs(slowestReal, 0), verdict(slowestReal, (v) => v < 2000)],
    ["10× larger spec", "≤ 10× time", fmtRatio(worstGrowth), verdict(worstGrowth, (v) => v <= 10)],
    ["whole beta Calendar.yml vs openapi-typescript", "≤ 1.0×", fmtRatio(r.moduleScale?.medianRatio ?? Number.NaN), verdict(r.moduleScale?.medianRatio ?? Number.NaN, (v) => v <= 1)],
    ["whole beta Calendar.yml, peak RSS", "≤ 500 MiB", mib(r.moduleScale?.graphslice.medianRssMiB ?? Number.NaN), verdict(r.moduleScale?.graphslice.medianRssMiB ?? Number.NaN, (v) => v <= 500)],
    ...scalingTargetRows(r.sdkScaling, r.moduleTypecheck, verdict),
  ];
  return table(["target", "bar", "graphslice", "verdict"], rows);
}

function ratioGroups(r: BenchResults): RatioGroup[] {
  const groups: RatioGroup[] = [];
  if (r.bundle) groups.push({ title: "(a) bundle, gzipped", rows: r.bundle.map((b) => ({ client: SHORT[b.id], value: b.gzipRatio })), target: ratioOfTarget(r) });
  if (r.requests) groups.push({ title: "(b) time per request", rows: r.requests.map((t) => ({ client: SHORT[t.id], value: t.ratio })), target: 1.05 });
  if (r.serialization) {
    groups.push({ title: "(c) codec round trip time vs JSON", rows: r.serialization.codecs.filter((c) => c.status === "measured").map((c) => ({ client: c.id === "json" ? "bare fetch (JSON)" : c.id, value: 1 / c.throughputVsJson })), target: 1 / 0.9 });
    groups.push({ title: "(c) in-memory PATCH pipeline time", rows: r.serialization.pipeline.map((t) => ({ client: SHORT[t.id], value: t.ratio })) });
  }
  if (r.coldStart) {
    groups.push({ title: "(d) cold start, bundled", rows: r.coldStart.filter((c) => c.variant === "bundled").map((c) => ({ client: SHORT[c.id], value: c.ratio })), target: 1.05 });
    groups.push({ title: "(d) cold start, from node_modules", rows: r.coldStart.filter((c) => c.variant === "packages").map((c) => ({ client: SHORT[c.id], value: c.ratio })) });
  }
  if (r.typecheck) {
    groups.push({ title: "(e) type-check wall time", rows: r.typecheck.map((t) => ({ client: SHORT[t.id], value: t.wallRatio })), target: 1.2 });
    groups.push({ title: "(e) type-check peak RSS", rows: r.typecheck.map((t) => ({ client: SHORT[t.id], value: t.memoryRatio })) });
  }
  return groups;
}

function ratioOfTarget(r: BenchResults): number | undefined {
  const bare = r.bundle?.find((b) => b.id === "bare-fetch")?.gzip;
  return bare ? 3000 / bare : undefined;
}

export function writeReport(r: BenchResults, outDir: string): { markdown: string; files: string[] } {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const ratioSvg = ratiosChart(ratioGroups(r), "graphslice vs other Graph clients: one PATCH of the seed example");
  const genPoints = (r.generator?.runs ?? []).map((x) => ({ label: x.name, sizeBytes: x.specBytes, ms: x.medianMs, rssMiB: x.medianRssMiB, synthetic: x.kind === "synthetic" }));
  const genSvg = generatorChart(genPoints, r.generator ? `generator ${r.generator.status}: ${r.generator.note}` : "generator not run");
  for (const [name, text] of [["results-ratios.svg", ratioSvg], ["results-generator.svg", genSvg], ["results.json", `${JSON.stringify(r, null, 2)}\n`]] as const) {
    writeFileSync(join(outDir, name), text);
    files.push(join(outDir, name));
  }
  const s = r.meta.settings;
  const out: string[] = [];
  out.push("# graphslice benchmark results", "");
  out.push(`Generated by \`npm run bench\` (bench/run.ts${r.meta.quick ? " --quick" : ""}) on ${r.meta.date}. Do not edit by hand: re-run the bench.`, "");
  out.push(`Machine: ${r.meta.cpu}, ${r.meta.cores} cores, Node ${r.meta.node}. Absolute times are context only; compare the ratios, which come from the same run with clients interleaved.`, "");
  out.push(`Packages: ${Object.entries(r.meta.versions).map(([k, v]) => `${k} ${v}`).join(", ")}.`, "");
  if (r.meta.skipped.length > 0) out.push(...r.meta.skipped.map((x) => `- **${x.id}: ${x.reason}.**`), "");
  if (r.meta.server) out.push(`Loopback server: ${r.meta.server.patches} PATCHes answered, ${r.meta.server.rejected} rejected${r.meta.server.problems.length ? ` (${r.meta.server.problems.join("; ")})` : ""}. Every client must put the same request on the wire.`, "");
  out.push("## graphslice targets", "", targets(r), "");
  out.push("![ratios](results-ratios.svg)", "");
  if (r.bundle) {
    out.push("## (a) Consumer bundle", "", "esbuild, ESM, minified, tree-shaken; gzip level 9, brotli quality 11. Browser platform unless noted; the node-platform build ignores package.json `browser` fields.", "");
    out.push(table(["client", "minified", "gzip", "brotli", "gzip vs bare", "node: minified", "node: gzip", "largest parts (minified bytes)", "status"], r.bundle.map((b) => [b.label, fmtBytes(b.minified), fmtBytes(b.gzip), fmtBytes(b.brotli), fmtRatio(b.gzipRatio), fmtBytes(b.nodeMinified), fmtBytes(b.nodeGzip), b.topInputs.slice(0, 3).map((t) => `${t.input} ${fmtBytes(t.bytes)}`).join("; "), status(b.error)])), "");
  }
  if (r.requests) {
    out.push("## (b) Per-request overhead", "", `${s["requests"]} sequential PATCHes per repetition after ${s["warmup"]} warm-up requests, ${s["reps"]} repetitions, each in a fresh process, clients interleaved; loopback keep-alive node:http server in its own process. Median per request; ratio = median of the per-repetition paired ratios (client / bare fetch in the same repetition); range = lowest and highest of them.`, "");
    out.push(table(["client", "median per request", "vs bare fetch", "range", "collectionId in result", "status"], r.requests.map((t) => [t.label, fmtUs(t.medianUs), fmtRatio(t.ratio), t.ratioRange ? `${t.ratioRange[0].toFixed(2)}–${t.ratioRange[1].toFixed(2)}` : "—", t.collectionId ?? "—", status(t.error)])), "");
  }
  if (r.overheadParts) {
    out.push("### What the overhead is made of", "", `Bare fetch with one thing graphslice adds to every request, bare fetch putting on the wire exactly what graphslice does (with and without the timeout's signal: what graphslice takes beyond these is its own code), and graphslice with its optional parts off, all in one process against the same server: ${s["partBlocks"]} rounds, each a block of ${s["partBlockSize"]} sequential PATCHes per variant in rotating order. Ratio = median over rounds of the variant's block / the bare-fetch block of that round.`, "");
    out.push(table(["variant", "median per request", "vs bare fetch"], r.overheadParts.parts.map((p) => [p.variant, fmtUs(p.medianUs), fmtRatio(p.ratio)])), "");
    out.push("Where a signal's cost lies: fetch constructs one undici `Request` per call, and a `Request` given a signal also makes a controller of its own follow it (a `WeakRef`, a listener, a finalizer). Constructed and dropped in the same process, no socket:", "");
    out.push(table(["constructed", "median per object"], r.overheadParts.construction.map((c) => [c.what, fmtUs(c.medianUs)])), "");
  }
  if (r.serialization) {
    out.push("## (c) (De)serialisation", "", `Codec: model → UTF-8 JSON bytes and bytes → model for the seed assignment (derived target), ${s["codecIterations"]} iterations per repetition, ${s["reps"]} repetitions. Throughput vs JSON = JSON round-trip time / codec round-trip time in the same repetition, median of the repetitions (higher is better).`, "");
    out.push(table(["codec", "encode", "decode", "round trip", "throughput vs JSON", "collectionId after decode", "status"], r.serialization.codecs.map((c) => [c.label, fmtUs(c.encodeUs), fmtUs(c.decodeUs), fmtUs(c.roundTripUs), fmtRatio(c.throughputVsJson), c.collectionId ?? "—", c.status === "measured" ? "" : `${c.status}: ${c.note ?? ""}`])), "");
    out.push(`In-memory PATCH pipeline: the whole client call with \`fetch\` replaced by an in-process stub returning the seed response (no socket), ${s["pipelineCount"]} calls per repetition. Shows the client's own work (URL, headers, serialisation, response parsing).`, "");
    out.push(table(["client", "median per call", "time vs bare fetch", "throughput vs bare fetch", "status"], r.serialization.pipeline.map((t) => [t.label, fmtUs(t.medianUs), fmtRatio(t.ratio), fmtRatio(t.throughputVsBare), status(t.error)])), "");
  }
  if (r.coldStart) {
    out.push("## (d) Cold start", "", `Spawn of \`node <script>\` to the child's line after its first PATCH response is parsed; ${s["coldReps"]} repetitions, interleaved. "bundled": one minified file. "packages": npm packages loaded from node_modules at run time (graphslice is imported from generated/ by path, so it is bundled in both until it is a package). Ratios are to bare fetch (bundled).`, "");
    out.push(table(["client", "variant", "median", "vs bare fetch", "script size", "status"], r.coldStart.map((c) => [c.label, c.variant, fmtMs(c.medianMs), fmtRatio(c.ratio), fmtBytes(c.bundleBytes), status(c.error)])), "");
  }
  if (r.typecheck) {
    out.push("## (e) Consumer type-check", "", `\`tsc --noEmit --extendedDiagnostics\` (TypeScript ${r.meta.versions["typescript"] ?? "?"}) on a one-file consumer project per client (strict, skipLibCheck, lib ES2022+DOM); ${s["typecheckReps"]} repetitions. Wall = spawn to exit; peak RSS of the tsc process; "Memory used" is tsc's own heap figure.`, "");
    out.push(table(["client", "wall", "vs bare", "peak RSS", "vs bare", "tsc Memory used", "files", "lines of .d.ts", "status"], r.typecheck.map((t) => [t.label, fmtMs(t.medianWallMs, 0), fmtRatio(t.wallRatio), mib(t.medianMaxRssMiB), fmtRatio(t.memoryRatio), mib(memoryUsedMiB(t)), t.diagnostics["Files"] ?? "—", t.diagnostics["Lines of Definitions"] ?? "—", status(t.error)])), "");
  }
  if (r.generator) {
    out.push("## (f) Generator", "", r.generator.status === "measured" ? `${s["generatorReps"]} repetitions per spec, interleaved.` : `**Not measured: ${r.generator.note}.**`, "");
    out.push(table(["spec", "entity types", "spec bytes", "median time", "peak RSS", "growth vs previous", "status"], r.generator.runs.map((x) => [x.name, x.entityTypes?.toString() ?? "real", fmtBytes(x.specBytes), fmtMs(x.medianMs, 0), mib(x.medianRssMiB), x.growth !== undefined ? `${fmtRatio(x.growth)} for ${x.sizeFactor}× size` : "", status(x.error)])), "");
    out.push("![generator](results-generator.svg)", "");
  }
  if (r.moduleScale) {
    const m = r.moduleScale;
    out.push("## (g) A whole module", "", `${m.module} (${fmtBytes(m.specBytes)}), the published graphslice command and openapi-typescript's CLI on the same file, in turn, ${m.ratios.length} pairs.${m.error ? ` **${m.error}**` : ""}`, "");
    out.push(table(["tool", "median time", "peak RSS", "ratio to openapi-typescript (median of pairs)"], [
      ["graphslice", fmtMs(m.graphslice.medianMs, 0), mib(m.graphslice.medianRssMiB), fmtRatio(m.medianRatio)],
      ["openapi-typescript", fmtMs(m.openapiTypescript.medianMs, 0), mib(m.openapiTypescript.medianRssMiB), "1.00×"],
    ]), "");
    out.push(`graphslice by stage (one run): ${Object.entries(m.stages).map(([stage, ms]) => `${stage} ${ms} ms`).join(", ")}. openapi-typescript writes one types file; graphslice writes the SDK (client, models, paths, validation table, runtime).`, "");
  }
  out.push(...scalingSections(r.sdkScaling, r.moduleTypecheck, table));
  if (r.batch) {
    const b = r.batch;
    out.push("## (j) Batching", "", `${b.calls} seed PATCHes from graphslice to the loopback server, ${b.reps} repetitions after a warm-up, the three variants in rotated order within each repetition, in the bench process. "batch" is one \`graph.batch()\`: items of at most 20 per \`$batch\` request, each checked by the server as a single PATCH is.${b.error ? ` **${b.error}**` : ""}`, "");
    const row = (label: string, v: "sequential" | "concurrent" | "batch") => [label, String(b.httpRequests[v]), fmtMs(b.medianMs[v]), fmtRatio(b.medianMs[v] / b.medianMs.sequential)];
    out.push(table(["variant", "HTTP requests", "median for all calls", "vs single calls, sequential"], [row("single calls, one after another", "sequential"), row("single calls, all at once", "concurrent"), row("graph.batch()", "batch")]), "");
  }
  const markdown = `${out.join("\n")}\n`;
  writeFileSync(join(outDir, "RESULTS.md"), markdown);
  files.push(join(outDir, "RESULTS.md"));
  return { markdown, files };
}
