/**
 * The RESULTS.md rows and sections of (h) one call against SDKs of growing size and (i) the
 * whole-module consumer type-check (bench/sdk-scaling.ts).
 */
import { ALL_BETA_SDK, type ModuleTypecheck, type SdkBundle } from "./sdk-scaling.js";
import { fmtBytes, fmtMs, fmtRatio } from "./stats.js";

type Table = (head: string[], rows: string[][]) => string;
type Verdict = (value: number, ok: (v: number) => boolean) => string;

const mib = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} MiB` : "—");

/** Target rows for the table at the top of RESULTS.md. */
export function scalingTargetRows(scaling: SdkBundle[] | undefined, tc: ModuleTypecheck | undefined, verdict: Verdict): string[][] {
  // The issue's SDKs: all but the first (the reference) and all of beta (shown in rows of its own).
  const checked = scaling?.slice(1).filter((s) => s.sdk !== ALL_BETA_SDK) ?? [];
  const worst = (ratioOf: (s: SdkBundle) => number) => (checked.length ? Math.max(...checked.map(ratioOf)) : Number.NaN);
  const validating = worst((s) => s.ratio);
  const unvalidated = worst((s) => s.unvalidatedRatio);
  const lean = scaling?.[0]?.unvalidatedGzip ?? Number.NaN;
  const allOfBeta = scaling?.find((s) => s.sdk === ALL_BETA_SDK);
  const rows = [
    ["one call, any SDK size (worst of configuration-policies, whole module and module with actions vs assignments), validate: false", "≤ 1.1×", fmtRatio(unvalidated), verdict(unvalidated, (v) => v <= 1.1)],
    ["the same, validating (the operation index and table the call loads on first use count)", "≤ 1.1×", fmtRatio(validating), verdict(validating, (v) => v <= 1.1)],
    ...(allOfBeta
      ? [
          ["beyond those: one call against all 38 beta modules as one SDK, validate: false", "≤ 1.1×", fmtRatio(allOfBeta.unvalidatedRatio), verdict(allOfBeta.unvalidatedRatio, (v) => v <= 1.1)],
          ["the same, validating", "≤ 1.1×", fmtRatio(allOfBeta.ratio), verdict(allOfBeta.ratio, (v) => v <= 1.1)],
        ]
      : []),
    ["bundle, gzipped, assignments slice, validate: false", "≤ 3,000 B", fmtBytes(lean), verdict(lean, (v) => v <= 3000)],
  ];
  for (const v of tc?.variants ?? []) {
    rows.push([`whole-module consumer type-check wall vs bare (${v.variant})`, "≤ 2×", fmtRatio(v.wallRatio), verdict(v.wallRatio, (x) => x <= 2)]);
    rows.push([`whole-module consumer type-check peak RSS (${v.variant})`, "≤ 300 MiB", mib(v.medianMaxRssMiB), verdict(v.medianMaxRssMiB, (x) => x <= 300)]);
  }
  return rows;
}

export function scalingSections(scaling: SdkBundle[] | undefined, tc: ModuleTypecheck | undefined, table: Table): string[] {
  const out: string[] = [];
  if (scaling) {
    out.push("## (h) One call, SDKs of growing size", "", "The same app (one PATCH of an assignment) bundled as in (a) against graphslice SDKs of growing size; \"two calls\" adds a GET of the same assignment, so its extra bytes are what one further operation costs. \"Validating\" counts the slice's validation tables, which the call loads on first use; with `validate: false` they are never loaded.", "");
    out.push(table(["SDK", "request builders", "one call, validating", "vs assignments", "one call, validate: false", "vs assignments", "two calls, validating", "further call adds", "status"], scaling.map((s) => [s.sdk, String(s.builders), fmtBytes(s.oneCallGzip), fmtRatio(s.ratio), fmtBytes(s.unvalidatedGzip), fmtRatio(s.unvalidatedRatio), fmtBytes(s.twoCallGzip), fmtBytes(s.furtherCallGzip), s.error ? `error: ${s.error.slice(0, 120)}` : ""])), "");
  }
  const lean = scaling?.[0];
  if (lean?.unvalidatedParts.length) {
    const total = lean.unvalidatedParts.reduce((sum, p) => sum + p.minified, 0);
    out.push(`### What the one-call app is made of (${lean.sdk}, validate: false)`, "", `Every module in the code the app loads, by its minified bytes (${fmtBytes(total)} minified, ${fmtBytes(lean.unvalidatedGzip)} gzipped in all): the profile of the ≤ 3,000 B target.`, "");
    out.push(table(["module", "minified", "share"], lean.unvalidatedParts.map((p) => [p.module, fmtBytes(p.minified), `${((100 * p.minified) / total).toFixed(1)} %`])), "");
  }
  if (tc) {
    out.push("## (i) Whole-module consumer type-check", "", `A file importing the ${tc.sdk} SDK and making the one call, against the bare-fetch consumer, as its generated sources, as the same generated with \`--skip-type-check\` (\`// @ts-nocheck\` on every file but the index files) and as built declarations (skipLibCheck then skips checking them); same compiler options as (e), ${tc.bare.wallMs.length} rounds, interleaved.${tc.error ? ` **${tc.error.split("\n")[0]}**` : ""}`, "");
    out.push(table(["consumer", "lines", "wall", "peak RSS", "tsc Memory used", "wall vs bare (median of pairs)"], [
      ...tc.variants.map((v) => [`whole module, ${v.variant}`, v.lines || "—", fmtMs(v.medianWallMs, 0), mib(v.medianMaxRssMiB), v.memoryUsed || "—", fmtRatio(v.wallRatio)]),
      ["bare fetch", "—", fmtMs(tc.bare.medianWallMs, 0), mib(tc.bare.medianMaxRssMiB), "—", "1.00×"],
    ]), "");
  }
  return out;
}
