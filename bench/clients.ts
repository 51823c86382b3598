/**
 * The clients compared in every measurement. Each has one consumer file under bench/consumers/ that
 * exports `createPatcher(config)`, returning a function that sends the seed PATCH once. The same file
 * is bundled for (a), run in workers for (b)/(c)/(d), and type-checked for (e).
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = dirname(BENCH_DIR);
export const WORK_DIR = join(BENCH_DIR, ".work");
export const GENERATED_INDEX = join(REPO_DIR, "generated", "index.ts");
export const OPENAPI_SLICE = join(REPO_DIR, "spec", "graph-beta-configurationPolicies-assignments.openapi.yaml");
/** openapi-typescript output for the slice, written by prepareOpenapiTypes() before anything runs. */
export const OPENAPI_TYPES = join(WORK_DIR, "openapi-fetch", "schema.d.ts");

export type ClientId = "bare-fetch" | "graphslice" | "graphslice-no-timeout" | "openapi-fetch" | "graph-client" | "kiota";

export interface ClientInfo {
  id: ClientId;
  label: string;
  consumer: string;
  /** Packages the consumer imports (checked before the client is used). */
  packages: string[];
  /** Needs the heavy bench-only install (bench/node_modules), so smoke tests leave it out. */
  heavy: boolean;
}

export const CLIENTS: readonly ClientInfo[] = [
  { id: "bare-fetch", label: "bare fetch", consumer: "bare-fetch.ts", packages: [], heavy: false },
  { id: "graphslice", label: "graphslice", consumer: "graphslice.ts", packages: [], heavy: false },
  { id: "openapi-fetch", label: "openapi-fetch", consumer: "openapi-fetch.ts", packages: ["openapi-fetch"], heavy: false },
  {
    id: "graph-client",
    label: "@microsoft/microsoft-graph-client",
    consumer: "graph-client.ts",
    packages: ["@microsoft/microsoft-graph-client"],
    heavy: true,
  },
  {
    id: "kiota",
    label: "Kiota (msgraph-beta-sdk models + kiota runtime)",
    consumer: "kiota.ts",
    packages: [
      "@microsoft/kiota-abstractions",
      "@microsoft/kiota-http-fetchlibrary",
      "@microsoft/kiota-serialization-json",
      "@microsoft/msgraph-beta-sdk/models/index.js",
    ],
    heavy: true,
  },
];

/**
 * graphslice with `timeoutMs: 0`, timed next to the clients in (b) only: with neither a timeout nor
 * a caller's signal, fetch gets no AbortSignal, so the pair of rows shows what the default
 * timeout's signal costs per request.
 */
export const NO_TIMEOUT_VARIANT: ClientInfo = { id: "graphslice-no-timeout", label: "graphslice, timeoutMs: 0", consumer: "graphslice-no-timeout.ts", packages: [], heavy: false };

export function consumerPath(client: ClientInfo): string {
  return join(BENCH_DIR, "consumers", client.consumer);
}

function packageResolvable(specifier: string): boolean {
  try {
    import.meta.resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

/** Why a client cannot be measured in this checkout, or undefined when it can. */
export function unavailableReason(client: ClientInfo): string | undefined {
  if (client.id === "graphslice" && !existsSync(GENERATED_INDEX)) return "not available yet (generated/index.ts does not exist)";
  const missing = client.packages.filter((p) => !packageResolvable(p));
  if (missing.length > 0) return `not installed (${missing.join(", ")}; run npm --prefix bench install)`;
  return undefined;
}

export function selectClients(ids?: readonly string[]): { available: ClientInfo[]; skipped: Map<ClientId, string> } {
  const available: ClientInfo[] = [];
  const skipped = new Map<ClientId, string>();
  for (const client of CLIENTS) {
    if (ids && !ids.includes(client.id)) continue;
    const reason = unavailableReason(client);
    if (reason) skipped.set(client.id, reason);
    else available.push(client);
  }
  return { available, skipped };
}
