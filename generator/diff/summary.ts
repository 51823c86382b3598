/**
 * What `graphslice diff` compares: per slice, the operation and type summaries that
 * `generated/manifest.json` records. A manifest is read as it is; an OpenAPI description is put
 * through the generator's own load → slice → model → names stages (without a CSDL) and summarised the same
 * way, so both kinds of input compare alike. To compare with the CSDL merged in, compare manifests.
 * Overlays: a manifest records which were applied (with hashes); for two specs, `overlays` applies the
 * same ones to both, so the report shows what changed under them (and fails if one no longer applies).
 */
import { manifestSlice, type Manifest, type ManifestSlice } from "../emit/manifest.js";
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
  if (manifest) {
    const slices: Record<string, ApiSummary> = {};
    for (const [name, slice] of Object.entries(manifest.slices)) slices[name] = checkSlice(slice, `${source}: slices.${name}`);
    return { source, kind: "manifest", slices };
  }
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

/** A manifest is JSON with `slices`; anything else is taken for an OpenAPI description. */
function asManifest(text: string): Manifest | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const candidate = parsed as Partial<Manifest> & { openapi?: unknown };
  if (candidate.openapi !== undefined || typeof candidate.slices !== "object" || candidate.slices === null) return undefined;
  return candidate as Manifest;
}

function checkSlice(slice: unknown, where: string): ApiSummary {
  const s = slice as Partial<ApiSummary> | undefined;
  if (typeof s?.operations !== "object" || s.operations === null) throw new Error(`${where}.operations is missing: not a graphslice manifest`);
  if (typeof s.types !== "object" || s.types === null) throw new Error(`${where}.types is missing: not a graphslice manifest`);
  return { operations: s.operations, types: s.types, ...(Array.isArray(s.overlays) ? { overlays: s.overlays } : {}) };
}
