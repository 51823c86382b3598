/**
 * Shared set-up for runtime tests: a fresh local Graph-like server per test and clients pointed at it.
 */
import { createGraphClient } from "../../generated/index.js";
import { createGraphClient as createPoliciesClient } from "../../generated/configuration-policies/index.js";
import { startGraphServer, type GraphServer } from "../server/graph-server.js";

export interface Harness {
  server: GraphServer;
  graph: ReturnType<typeof createGraphClient>;
  policies: ReturnType<typeof createPoliciesClient>;
  /** A policy with one assignment, as stored. */
  policyId: string;
  assignmentId: string;
}

export async function startHarness(options: { pageSize?: number } = {}): Promise<Harness> {
  const server = await startGraphServer(options);
  const policy = server.store.addPolicy({ name: "Baseline", platforms: "windows10", technologies: "mdm" });
  const assignment = server.store.addAssignment(String(policy.id), { target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } });
  const clientOptions = { baseUrl: server.baseUrl, token: "test-token", maxRetries: 0 };
  return {
    server,
    graph: createGraphClient(clientOptions),
    policies: createPoliciesClient(clientOptions),
    policyId: String(policy.id),
    assignmentId: String(assignment.id),
  };
}

/** The last request the server received, with its body parsed. */
export function lastRequest(server: GraphServer) {
  const request = server.requests.at(-1)!;
  return { ...request, json: request.body ? JSON.parse(request.body) : undefined };
}

/** Awaits a call that must fail and returns its error, whose message must match. */
export async function rejection(promise: Promise<unknown>, message: RegExp): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (!message.test((error as Error).message)) throw new Error(`expected an error matching ${message}, got: ${(error as Error).message}`);
    return error as Error;
  }
  throw new Error(`expected a rejection matching ${message}, but the call succeeded`);
}

/** Documented JSON with `#` added to every `@odata.type`, as the SDK sends and returns it. */
export function withHash(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withHash);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "@odata.type" && typeof v === "string" && !v.startsWith("#") ? `#${v}` : withHash(v)]));
}

/** A response body without the `@odata.context` the server adds (the reference examples omit it). */
export function withoutContext(value: object): Record<string, unknown> {
  const { "@odata.context": _context, ...rest } = value as Record<string, unknown>;
  return rest;
}

/** The byte length of JSON as the reference pages print it: two-space indent, CRLF line ends. */
export function documentedLength(value: unknown): number {
  const text = JSON.stringify(value, null, 2);
  return Buffer.byteLength(text.replaceAll("\n", "\r\n"));
}
