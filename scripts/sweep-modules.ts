/**
 * `npm run sweep` — generates and type-checks (strict) every whole module of Microsoft's published
 * descriptions in `spec/graph-modules/`: beta and v1.0 of 2023-01, v1.0 again merged with the full
 * v1.0 CSDL, and the DeviceManagement trio (`DeviceManagement.yml` + `.Actions.yml` +
 * `.Functions.yml`) as one slice. Writes the results to `docs/module-sweep.md`, and the table into the
 * README between its `module-sweep` markers.
 *
 *   npm run sweep [-- <substring>...]   only runs whose label contains one of the substrings
 *
 * It takes a while (each run spawns the generator and then tsc); `npm test` covers a representative
 * set of the same runs (test/modules/).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { moduleRuns, ROOT, type ModuleRun } from "./sweep/runs.js";
import { typeCheck, generateRun, type RunResult } from "./sweep/run-one.js";

const filters = process.argv.slice(2);
const runs = moduleRuns().filter((r) => filters.length === 0 || filters.some((f) => r.label.includes(f)));
const results: [ModuleRun, RunResult][] = [];
for (const run of runs) {
  const result = generateRun(run);
  // Paths in warnings relative to the repository, so the report reads the same on every machine.
  result.warnings = result.warnings?.map((w) => w.split(`${ROOT}/`).join(""));
  if (result.generated) result.typeChecked = typeCheck(result.outDir);
  results.push([run, result]);
  if (result.typeChecked && !result.typeChecked.ok) console.log(result.typeChecked.firstErrors.map((e) => `    ${e}`).join("\n"));
  console.log(`${run.label.padEnd(48)} ${result.generated ? "generated" : "FAILED   "} ${result.typeChecked?.ok ? "type-checks" : result.generated ? "TYPE ERRORS" : ""} ${result.ms} ms ${result.rssMb} MB${result.error ? `  ${result.error}` : ""}`);
}
if (filters.length === 0) {
  const report = renderTable(results);
  writeFileSync(join(ROOT, "docs/module-sweep.md"), report);
  updateReadme(report);
}
const failed = results.filter(([, r]) => !r.generated || !r.typeChecked?.ok).length;
console.log(`${results.length - failed} of ${results.length} runs generate and type-check`);
process.exitCode = failed ? 1 : 0;

function renderTable(rows: [ModuleRun, RunResult][]): string {
  const ok = rows.filter(([, r]) => r.generated && r.typeChecked?.ok).length;
  const lines = [
    "# Module sweep: every whole module of Microsoft's published descriptions",
    "",
    "Written by `npm run sweep` (scripts/sweep-modules.ts). Each run generates the whole module (`--include '/**'`)",
    "and type-checks the output with `tsc --strict`. Times and peak memory are the generator's own, on the",
    "machine that ran the sweep (2 cores).",
    "",
    `**${ok} of ${rows.length} runs generate and type-check.**`,
    "",
    "| run | generated | type-checks | operations | types | warnings | generate ms | peak MB | tsc ms |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(([run, r]) => `| ${run.label} | ${r.generated ? "yes" : `no: ${r.error}`} | ${r.typeChecked?.ok ? "yes" : r.typeChecked ? `no (${r.typeChecked.errors} errors)` : "–"} | ${r.operations ?? "–"} | ${r.types ?? "–"} | ${r.warnings?.length ?? "–"} | ${r.ms} | ${r.rssMb} | ${r.typeChecked?.ms ?? "–"} |`),
    "",
    "## Warnings by kind",
    "",
    ...warningSummary(rows),
    "",
    "## Warnings per run",
    "",
    ...rows.filter(([, r]) => r.warnings?.length).flatMap(([run, r]) => [`- **${run.label}** (${r.warnings!.length}):`, ...r.warnings!.slice(0, 5).map((w) => `  - ${w.slice(0, 240)}`), ...(r.warnings!.length > 5 ? [`  - … and ${r.warnings!.length - 5} more`] : [])]),
    "",
  ];
  return lines.join("\n");
}

/** The README shows the table between its module-sweep markers. */
function updateReadme(report: string): void {
  const path = join(ROOT, "README.md");
  const readme = readFileSync(path, "utf8");
  const start = "<!-- module-sweep:start -->";
  const end = "<!-- module-sweep:end -->";
  if (!readme.includes(start) || !readme.includes(end)) return;
  const table = report.slice(report.search(/^\*\*/m), report.indexOf("## Warnings by kind")).trim();
  writeFileSync(path, `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n${readme.slice(readme.indexOf(end))}`);
}

function warningSummary(rows: [ModuleRun, RunResult][]): string[] {
  const kinds = new Map<string, number>();
  for (const [, r] of rows) for (const w of r.warnings ?? []) {
    const kind = w.replace(/^[^:]+: /, "").replace(/[A-Za-z0-9_.$@{}()'=,/-]*[./{][A-Za-z0-9_.$@{}()'=,/-]*/g, "…").replace(/\b[A-Z][A-Za-z0-9]+\d*\b/g, "X").slice(0, 140);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `- ${n} × ${kind}`);
}
