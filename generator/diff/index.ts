/**
 * `graphslice diff <old> <new>`: two OpenAPI descriptions or two graphslice manifests in, a report of
 * every added, removed and changed operation, type, property and enum member out.
 */
import { compareSlices } from "./compare.js";
import { makeReport, type DiffReport } from "./report.js";
import { readSummary, type SpecSummaryOptions } from "./summary.js";

export type { ApiChange, Impact } from "./compare.js";
export { renderMarkdown, type DiffReport } from "./report.js";
export { isSemver, nextVersion, suggestBump, type Bump } from "./semver.js";

export interface DiffOptions extends SpecSummaryOptions {
  /** The package's current version, to print the next one. */
  currentVersion?: string;
}

/**
 * An option that only applies to OpenAPI inputs (`include`, `overlays`) given with two manifests: a
 * manifest is already sliced and overlaid as its config said (and records which overlays), so the
 * option would silently change nothing.
 */
export class SpecOnlyOptionError extends Error {
  constructor(readonly option: "include" | "overlays", oldSource: string, newSource: string) {
    super(`${option} applies to OpenAPI inputs, and ${oldSource} and ${newSource} are manifests (already sliced and overlaid as their config said)`);
  }
}

export async function diffApis(oldSource: string, newSource: string, options: DiffOptions = {}): Promise<DiffReport> {
  const [before, after] = await Promise.all([readSummary(oldSource, options), readSummary(newSource, options)]);
  if (before.kind !== after.kind) {
    throw new Error(`cannot compare ${oldSource} (a ${before.kind}) with ${newSource} (a ${after.kind}): give two manifests or two specs`);
  }
  if (before.kind === "manifest") {
    if (options.include?.length) throw new SpecOnlyOptionError("include", oldSource, newSource);
    if (options.overlays?.length) throw new SpecOnlyOptionError("overlays", oldSource, newSource);
  }
  return makeReport(oldSource, newSource, compareSlices(before.slices, after.slices), options.currentVersion);
}
