/**
 * What `graphslice diff` compares: per slice, the operation and type summaries that
 * `generated/manifest.json` records. A manifest is read as it is; an OpenAPI description is put
 * through the generator's own load → slice → model → names stages (without a CSDL) and summarised the same
 * way, so both kinds of input compare alike. To compare with the CSDL merged in, compare manifests.
 * Overlays: a manifest records which were applied (with hashes); for two specs, `overlays` applies the
 * same ones to both, so the report shows what changed under them (and fails if one no longer applies).
 */
import { manifestSlice, type ManifestSlice } from "../emit/manifest.js";
import { loadOpenApi } from "../load/openapi.js";
import { readSource } from "../load/read-source.js";
import { buildModel } from "../model/build-model.js";
import { planNames } from "../names/plan-names.js";
import { applyOverlays, readOverlay } from "../overlay/index.js";
import { selectPaths } from "../slice/select-paths.js";

export type ApiSummary = Pick<ManifestSlice, "operations" | "types" | "overlays">;

export interface SummarySource {
  /** The file or URL, as given. */
  source: string;
  kind: "manifest" | "spec";
  /** One summary per slice; a spec gives one slice, named "api". */
  slices: Record<string, ApiSummary>;
}

export interface SpecSummaryOptions {
  /** Path patterns to keep (default: every path). */
  include?: string[];
  /** Overlays to apply to both specs before slicing, as a slice of the config would. */
  overlays?: string[];
}

export const SPEC_SLICE_NAME = "api";

export async function readSummary(source: string, options: SpecSummaryOptions = {}): Promise<SummarySource> {
  const text = await readSource(source, "diff input");
  const manifest = asManifest(text);
  if (manifest !== undefined) return { source, kind: "manifest", slices: checkManifest(manifest, source) };
  return { source, kind: "spec", slices: { [SPEC_SLICE_NAME]: await summariseSpec(source, text, options) } };
}

async function summariseSpec(source: string, text: string, options: SpecSummaryOptions): Promise<ApiSummary> {
  const include = options.include ?? ["/**"];
  const loaded = await loadOpenApi(source, text);
  const overlays = await Promise.all((options.overlays ?? []).map((o) => readOverlay(o)));
  applyOverlays(loaded.document, overlays);
  const model = buildModel(SPEC_SLICE_NAME, selectPaths(loaded, include), undefined);
  planNames(model); // inline bodies are keyed by their TypeScript name, as in a manifest
  const hashed = overlays.map((o) => ({ path: o.source, content: o.text }));
  const { operations, types, overlays: applied } = manifestSlice(model, [{ path: source, content: text }], include, hashed);
  return { operations, types, ...(applied ? { overlays: applied } : {}) };
}

/**
 * A manifest is JSON with `slices`, or written by graphslice (`generator.name`); anything else is
 * taken for an OpenAPI description. Its shape is checked by checkManifest.
 */
function asManifest(text: string): Record<string, unknown> | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || parsed.openapi !== undefined || parsed.swagger !== undefined) return undefined;
  const byGraphslice = isObject(parsed.generator) && parsed.generator.name === "graphslice";
  return byGraphslice || isObject(parsed.slices) ? parsed : undefined;
}

/**
 * The manifest's slices, each checked to be what this graphslice writes: a manifest of another
 * version or shape fails naming the file and the first field that is wrong, instead of every entry
 * being read as removed (or a TypeError). The slices come back in a prototype-free record, so a slice
 * named `__proto__` is a slice like any other.
 */
function checkManifest(manifest: Record<string, unknown>, source: string): Record<string, ApiSummary> {
  const generator = manifest.generator;
  const writtenBy = isObject(generator) && typeof generator.version === "string" ? ` (written by ${String(generator.name)} ${generator.version})` : "";
  const fail = (field: string, problem: string): never => {
    throw new Error(`${source}: ${field} ${problem}: not a manifest this graphslice can read${writtenBy}`);
  };
  if (manifest.formatVersion !== undefined) fail("formatVersion", `is ${JSON.stringify(manifest.formatVersion)}, an unknown manifest version (this graphslice writes none)`);
  if (!isObject(generator)) fail("generator", "is missing");
  if ((generator as Record<string, unknown>).name !== "graphslice") fail("generator.name", `is ${JSON.stringify((generator as Record<string, unknown>).name)}, not "graphslice"`);
  if (!isObject(manifest.slices)) fail("slices", "is missing or not an object");
  const slices: Record<string, ApiSummary> = Object.create(null);
  for (const [name, slice] of Object.entries(manifest.slices as Record<string, unknown>)) slices[name] = checkSlice(slice, `slices${key(name)}`, fail);
  return slices;
}

type Fail = (field: string, problem: string) => never;

function checkSlice(slice: unknown, where: string, fail: Fail): ApiSummary {
  if (!isObject(slice)) return fail(where, "is not an object");
  if (!isObject(slice.operations)) fail(`${where}.operations`, "is missing or not an object");
  if (!isObject(slice.types)) fail(`${where}.types`, "is missing or not an object");
  const operations = slice.operations as Record<string, unknown>;
  const types = slice.types as Record<string, unknown>;
  for (const [name, op] of Object.entries(operations)) {
    const at = `${where}.operations${key(name)}`;
    if (!isObject(op)) fail(at, "is not an object");
    for (const field of ["operationId", "kind", "response"]) if (typeof (op as Record<string, unknown>)[field] !== "string") fail(`${at}.${field}`, "is missing or not a string");
    const body = (op as Record<string, unknown>).body;
    if (body !== undefined && typeof body !== "string") fail(`${at}.body`, "is not a string");
  }
  for (const [name, type] of Object.entries(types)) {
    const at = `${where}.types${key(name)}`;
    if (!isObject(type)) fail(at, "is not an object");
    const t = type as Record<string, unknown>;
    if (t.kind === "enum") {
      if (!Array.isArray(t.members) || !t.members.every((m) => typeof m === "string")) fail(`${at}.members`, "is missing or not a list of strings");
    } else if (t.kind === "object") {
      if (!isObject(t.properties) || !Object.values(t.properties).every((p) => typeof p === "string")) fail(`${at}.properties`, "is missing or not an object of strings");
      if (t.base !== undefined && typeof t.base !== "string") fail(`${at}.base`, "is not a string");
    } else fail(`${at}.kind`, `is ${JSON.stringify(t.kind)}, not "object" or "enum"`);
  }
  if (slice.overlays !== undefined && !(Array.isArray(slice.overlays) && slice.overlays.every((o) => isObject(o) && typeof o.path === "string" && typeof o.sha256 === "string"))) {
    fail(`${where}.overlays`, "is not a list of { path, sha256 }");
  }
  return { operations, types, ...(Array.isArray(slice.overlays) ? { overlays: slice.overlays } : {}) } as ApiSummary;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `.name` for a plain name, `["a b"]` otherwise. */
function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}
