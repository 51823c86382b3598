/**
 * Shared set-up for the reliability tests: a uvu suite bound to a fresh local Graph server and a
 * "foreign" recording server on another port (both 127.0.0.1), reset before each test, plus a
 * client factory with tiny backoff so retries cost milliseconds, not seconds.
 */
import { inspect } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createGraphClient, GraphError, type GraphClientOptions } from "../../generated/assignments/index.js";
import { startGraphServer, type GraphServer } from "../server/graph-server.js";
import { startRecordingServer, type RecordingServer } from "../server/recording-server.js";

export const TOKEN = "secret-token-3f9a";
export const POLICY = "p";
export const LIST = `/beta/deviceManagement/configurationPolicies/${POLICY}/assignments`;

export interface Harness {
  server: GraphServer;
  foreign: RecordingServer;
  /** A client on the Graph server: token TOKEN, 1 ms backoff, options on top. */
  client(options?: GraphClientOptions): ReturnType<typeof createGraphClient>;
  /** `…/configurationPolicies/p/assignments` of a client made with `options`. */
  assignments(options?: GraphClientOptions): ReturnType<typeof assignmentsOf>;
}

function assignmentsOf(graph: ReturnType<typeof createGraphClient>) {
  return graph.deviceManagement.configurationPolicies.byId(POLICY).assignments;
}

export function reliabilitySuite(title: string) {
  const test = suite<{ h: Harness }>(title, {} as { h: Harness });
  test.before(async (ctx) => {
    const server = await startGraphServer({ pageSize: 2 });
    const foreign = await startRecordingServer();
    const client = (options: GraphClientOptions = {}) => createGraphClient({ baseUrl: server.baseUrl, token: TOKEN, backoffMs: 1, ...options });
    ctx.h = { server, foreign, client, assignments: (options) => assignmentsOf(client(options)) };
  });
  test.after(async ({ h }) => {
    await Promise.all([h.server.close(), h.foreign.close()]);
  });
  test.before.each(({ h }) => {
    h.server.store.reset();
    h.server.requests.length = 0;
    h.server.faults.clear();
    h.foreign.requests.length = 0;
    h.server.store.addPolicy({ id: POLICY });
  });
  return test;
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.unreachable("expected the call to fail");
}

/** The GraphError a promise rejects with, checked to be one. */
export async function graphError(promise: Promise<unknown>): Promise<GraphError> {
  const error = await rejection(promise);
  if (!(error instanceof GraphError)) throw new assert.Assertion({ message: `expected a GraphError, got ${String(error)}`, actual: error, expects: "GraphError", operator: "instanceof" });
  return error;
}

/** Waits (polling, not sleeping a fixed time) until `condition` holds; fails after `ms`. */
export async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) assert.unreachable(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * Asserts the token appears nowhere a log line, report or debugger could show it: message, stack,
 * String(), JSON.stringify, body, cause, util.inspect (hidden properties too) and every own property.
 */
export function assertNoToken(error: unknown, token = TOKEN): void {
  const e = error as Error;
  const views: Record<string, string> = {
    "String()": String(e),
    message: e.message,
    stack: e.stack ?? "",
    "JSON.stringify": JSON.stringify(e),
    body: String((e as GraphError).body ?? ""),
    "util.inspect": inspect(e, { depth: Infinity, showHidden: true }),
    cause: inspect(e.cause, { depth: Infinity, showHidden: true }),
  };
  for (const key of Reflect.ownKeys(e)) views[`property ${String(key)}`] = inspect((e as unknown as Record<PropertyKey, unknown>)[key], { depth: Infinity, showHidden: true });
  for (const [where, view] of Object.entries(views)) assert.not.ok(view.includes(token), `token leaked into ${where}: ${JSON.stringify(view.slice(0, 200))}`);
}

export const GROUP_TARGET = { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: "g1" } as const;

/**
 * A fetch that treats redirects as a browser's does: with `redirect: "manual"` (in the init, or on a
 * Request given to it) a redirect is an opaque answer that hides where to; with `follow` it follows
 * them, keeping every header but Authorization on another origin (undici's own following).
 */
export const browserLikeFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const manual = (input instanceof Request ? input.redirect : init?.redirect) === "manual";
  if (!manual || response.status < 300 || response.status > 399) return response;
  const opaque = new Response(null, { status: 200 });
  Object.defineProperties(opaque, { type: { value: "opaqueredirect" }, status: { value: 0 } });
  return opaque;
};
