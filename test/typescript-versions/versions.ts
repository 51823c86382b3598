/**
 * The TypeScript versions the README claims, each installed by `npm run install-typescript-versions`
 * (`npm install` runs it as the prepare step) into node_modules/.cache/typescript-versions/<version>, never at test time: as
 * dev dependencies (`npm:typescript@…` aliases) their `tsc` bin would replace the project's own.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ClaimedVersion {
  version: string;
  /** The README's claim: the consumer type-checks with `skipLibCheck: false` too (else only with true). */
  strictLibCheck: boolean;
}

/** The minimum with every declaration checked, and the minimum at all (openapi-fetch's types need 5.4). */
export const CLAIMED: ClaimedVersion[] = [
  { version: "5.4.5", strictLibCheck: true },
  { version: "5.0.4", strictLibCheck: false },
];

export function installDir(version: string): string {
  return join(ROOT, "node_modules", ".cache", "typescript-versions", version);
}

/** The version's tsc, or undefined when it is not installed. */
export function tscOf(version: string): string | undefined {
  const tsc = join(installDir(version), "node_modules", "typescript", "bin", "tsc");
  return existsSync(tsc) ? tsc : undefined;
}
