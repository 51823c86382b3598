/**
 * The version bump a set of API changes calls for. Before 1.0.0, npm's caret ranges (`^0.3.1` means
 * `>=0.3.1 <0.4.0`) make the minor the breaking position, so the bump moves down one place.
 */
import type { ApiChange } from "./compare.js";

export type Bump = "major" | "minor" | "patch";

/** breaking → major, additive → minor, nothing → patch (regenerated files, no API change). */
export function suggestBump(changes: ApiChange[]): Bump {
  if (changes.some((c) => c.impact === "breaking")) return "major";
  if (changes.length > 0) return "minor";
  return "patch";
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/;

/** `x.y.z`, optionally with a pre-release or build suffix. */
export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}

export function nextVersion(current: string, bump: Bump): string {
  const match = SEMVER.exec(current);
  if (!match) throw new Error(`"${current}" is not a semver version (x.y.z)`);
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  const effective: Bump = major > 0 ? bump : bump === "major" ? "minor" : "patch";
  if (effective === "major") return `${major + 1}.0.0`;
  if (effective === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
