/**
 * Smoke test of the benchmark harness (bench/, issues 5 and 12) with tiny N: every measurement runs end to end
 * for bare fetch, openapi-fetch and graphslice (when generated/index.ts exists), using only the root
 * install — no Kiota or Graph client (those need `npm --prefix bench install`). Checks that the report
 * is written from the run and that the synthetic-spec writer produces a valid OpenAPI + CSDL pair.
 * It asserts no speed: the full bench (`npm run bench`) is not a test.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runBench } from "../bench/run.js";
import { writeSyntheticSpec } from "../bench/synthetic-spec.js";

const bench = suite("bench smoke");
const out = mkdtempSync(join(tmpdir(), "graphslice-bench-smoke-"));

bench.after(() => rmSync(out, { recursive: true, force: true }));

bench("the synthetic-spec writer makes a valid OpenAPI 3.0 document and well-formed CSDL of N entity types", async () => {
  const spec = writeSyntheticSpec(join(out, "specs"), 3);
  const api = (await SwaggerParser.validate(spec.openapi)) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { allOf?: unknown[] }> } };
  assert.ok(api.openapi.startsWith("3.0"));
  assert.is(Object.keys(api.paths).length, 3 * 4, "collection, item, $count and assign paths per entity type");
  const derived = Object.values(api.components.schemas).filter((s) => Array.isArray(s.allOf)).length;
  assert.ok(derived >= 3 * 3, "an assignment (allOf entity) and 2-3 derived targets per entity type");
  const xml = readFileSync(spec.csdl, "utf8");
  assert.is(XMLValidator.validate(xml), true);
  const schema = new XMLParser({ ignoreAttributes: false }).parse(xml)["edmx:Edmx"]["edmx:DataServices"].Schema;
  const complex = schema.ComplexType as Array<{ "@_BaseType"?: string }>;
  assert.ok(complex.filter((c) => c["@_BaseType"]).length >= 6, "derived target types carry BaseType");
  assert.throws(() => writeSyntheticSpec(join(out, "specs"), 0));
});

bench("a tiny run measures every client side by side and writes RESULTS.md, the SVG charts and results.json", async () => {
  const results = await runBench({
    quick: true,
    only: [],
    clients: ["bare-fetch", "openapi-fetch", "graphslice"],
    outDir: join(out, "report"),
    settings: { requests: 20, warmup: 5, reps: 1, codecIterations: 200, pipelineCount: 20, coldReps: 1, typecheckReps: 1, generatorReps: 1, sizes: [2, 20], batchCalls: 45, batchReps: 1 },
    log: () => {},
  });
  const measured = (results.bundle ?? []).map((b) => b.id);
  assert.ok(measured.includes("bare-fetch") && measured.includes("openapi-fetch"));
  assert.not.ok(measured.includes("kiota"), "the smoke run leaves the heavy clients out");
  for (const b of results.bundle ?? []) {
    assert.not.ok(b.error, `${b.id} bundles`);
    assert.ok(b.gzip > 0 && b.gzip < b.minified);
  }
  for (const t of [...(results.requests ?? []), ...(results.serialization?.pipeline ?? [])]) {
    assert.not.ok(t.error, `${t.id}: ${t.error}`);
    assert.is(t.collectionId, "property", `${t.id} keeps the derived target's collectionId`);
  }
  assert.is(results.requests?.find((t) => t.id === "bare-fetch")?.ratio, 1);
  // (b), what the overhead is made of: bare fetch with each added part, bare fetch sending what graphslice sends (without
  // and with the timeout's signal), and graphslice with and without its optional parts; then undici's Request constructed
  // with and without a signal.
  assert.is(results.overheadParts?.parts.length, 10);
  assert.is(results.overheadParts?.parts[0]?.ratio, 1);
  for (const p of results.overheadParts?.parts ?? []) assert.ok(p.medianUs > 0, `${p.variant} was timed`);
  assert.equal(results.overheadParts?.construction.map((c) => c.what), ["Request", "Request with an AbortSignal", "AbortController and its signal alone"]);
  for (const c of results.overheadParts?.construction ?? []) assert.ok(c.medianUs > 0, `${c.what} was timed`);
  assert.is(results.meta.server?.rejected, 0, `every client sent the seed request: ${results.meta.server?.problems.join("; ")}`);
  for (const c of results.coldStart ?? []) assert.not.ok(c.error, `${c.id} cold start: ${c.error}`);
  for (const t of results.typecheck ?? []) assert.not.ok(t.error, `${t.id} type-checks: ${t.error}`);
  assert.is(results.serialization?.codecs.find((c) => c.id === "json")?.status, "measured");
  assert.ok(results.generator && results.generator.runs.some((r) => r.entityTypes === 20));
  // (h) and (i): the same call against four SDKs of growing size, and the whole module type-checks.
  assert.equal(results.sdkScaling?.map((s) => s.sdk), ["assignments slice", "configuration-policies slice", "whole beta DeviceManagement module", "the module with its actions and functions"]);
  for (const s of results.sdkScaling ?? []) {
    assert.not.ok(s.error, `${s.sdk}: ${s.error}`);
    assert.ok(s.unvalidatedGzip > 0 && s.oneCallGzip > s.unvalidatedGzip, `${s.sdk}: validating loads the validation tables (${s.oneCallGzip} B vs ${s.unvalidatedGzip} B)`);
    // gzip may encode the longer app a few bytes shorter; a further call must cost its call site, not builders.
    assert.ok(Math.abs(s.furtherCallGzip) < 200, `${s.sdk}: a further call adds ${s.furtherCallGzip} B`);
  }
  // The request builders are one runtime object and bound calls' routes are in the operation indexes:
  // without the validation tables, one call costs the same whatever the SDK, actions or not.
  // The profile of the lean app: its modules by minified bytes, the runtime's transport among them.
  const parts = results.sdkScaling![0]!.unvalidatedParts;
  assert.ok(parts.some((p) => p.module === "runtime/transport.ts" && p.minified > 1000), parts.map((p) => p.module).join(", "));
  assert.not.ok(parts.some((p) => p.module.startsWith("runtime/validate")), "validate: false loads no validator");
  for (const s of results.sdkScaling!.slice(1)) assert.ok(s.unvalidatedRatio <= 1.1, `${s.sdk}: ${s.unvalidatedGzip} B is ${s.unvalidatedRatio.toFixed(2)}× the assignments slice's`);
  assert.ok(results.sdkScaling![2]!.builders > results.sdkScaling![1]!.builders, "the whole module has more request builders than a slice");
  assert.not.ok(results.moduleTypecheck?.error, `the whole-module consumer type-checks (no TS2589): ${results.moduleTypecheck?.error}`);
  assert.equal(results.moduleTypecheck?.variants.map((v) => v.variant), ["generated sources", "generated sources, --skip-type-check", "built declarations"]);
  for (const v of results.moduleTypecheck?.variants ?? []) assert.ok(Number(v.lines) > 50_000, `${v.variant}: tsc read the whole module (${v.lines} lines)`);
  assert.not.ok(results.batch?.error, `batch row: ${results.batch?.error}`);
  assert.equal(results.batch?.httpRequests, { sequential: 45, concurrent: 45, batch: 3 }, "45 calls: 45 single requests, or $batch requests of 20, 20 and 5");
  const graphslice = results.meta.skipped.find((s) => s.id === "graphslice");
  if (graphslice) assert.match(graphslice.reason, /not available yet/);
  const markdown = readFileSync(join(out, "report", "RESULTS.md"), "utf8");
  assert.match(markdown, /## graphslice targets/);
  assert.match(markdown, /## \(a\) Consumer bundle/);
  assert.match(markdown, /## \(h\) One call, SDKs of growing size/);
  assert.match(markdown, /## \(i\) Whole-module consumer type-check/);
  assert.match(markdown, /## \(j\) Batching/);
  for (const svg of ["results-ratios.svg", "results-generator.svg"]) assert.is(XMLValidator.validate(readFileSync(join(out, "report", svg), "utf8")), true, svg);
  assert.equal(JSON.parse(readFileSync(join(out, "report", "results.json"), "utf8")).meta.quick, true);
});

bench.run();
