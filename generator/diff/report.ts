/**
 * `graphslice diff` output: a markdown report for a pull request, or JSON for tools.
 */
import type { ApiChange } from "./compare.js";
import { nextVersion, suggestBump, type Bump } from "./semver.js";

export interface DiffReport {
  old: string;
  new: string;
  breaking: number;
  additive: number;
  bump: Bump;
  /** Present when the current version was given. */
  nextVersion?: string;
  changes: ApiChange[];
}

export function makeReport(oldSource: string, newSource: string, changes: ApiChange[], currentVersion?: string): DiffReport {
  const bump = suggestBump(changes);
  return {
    old: oldSource,
    new: newSource,
    breaking: changes.filter((c) => c.impact === "breaking").length,
    additive: changes.filter((c) => c.impact === "additive").length,
    bump,
    ...(currentVersion ? { nextVersion: describeNext(currentVersion, bump) } : {}),
    changes,
  };
}

export function renderMarkdown(report: DiffReport): string {
  const lines = [`## API changes: \`${report.old}\` → \`${report.new}\``, ""];
  const version = report.nextVersion ? ` (${report.nextVersion})` : "";
  if (report.changes.length === 0) {
    lines.push(`No API changes. Suggested version bump: **${report.bump}**${version}.`);
    return `${lines.join("\n")}\n`;
  }
  lines.push(`**${report.breaking} breaking, ${report.additive} additive.** Suggested version bump: **${report.bump}**${version}.`);
  const slices = new Set(report.changes.map((c) => c.slice));
  for (const impact of ["breaking", "additive"] as const) {
    const rows = report.changes.filter((c) => c.impact === impact);
    if (rows.length === 0) continue;
    lines.push("", `### ${impact === "breaking" ? "Breaking" : "Additive"}`, "");
    lines.push(slices.size > 1 ? "| slice | change | what | detail |" : "| change | what | detail |");
    lines.push(slices.size > 1 ? "| --- | --- | --- | --- |" : "| --- | --- | --- |");
    for (const c of rows) {
      const cells = [`${c.subject} ${c.action}`, `\`${cell(c.name)}\``, cell(c.detail)];
      lines.push(`| ${(slices.size > 1 ? [c.slice, ...cells] : cells).join(" | ")} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function describeNext(current: string, bump: Bump): string {
  const next = nextVersion(current, bump);
  const early = current.startsWith("0.") && bump !== "patch" ? `; before 1.0.0 a ${bump === "major" ? "breaking change bumps the minor" : "new feature bumps the patch"}` : "";
  return `${current} → ${next}${early}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
