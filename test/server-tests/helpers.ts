/**
 * Shared helpers for the server's own tests: a uvu suite bound to a fresh Graph server (store, recorded
 * requests and faults reset before each test), and small raw-`fetch` conveniences.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { startGraphServer, type GraphServer, type GraphServerOptions } from "../server/graph-server.js";

export interface ServerContext {
  server: GraphServer;
}

export function graphSuite(title: string, options?: GraphServerOptions) {
  const s = suite<ServerContext>(title, {} as ServerContext);
  s.before(async (ctx) => {
    ctx.server = await startGraphServer(options);
  });
  s.after(async (ctx) => {
    await ctx.server.close();
  });
  s.before.each((ctx) => {
    ctx.server.store.reset();
    ctx.server.requests.length = 0;
    ctx.server.faults.clear();
  });
  return s;
}

export const POLICIES = "/deviceManagement/configurationPolicies";

export const JSON_HEADERS = { "content-type": "application/json" };

/** Tests inspect arbitrary JSON. */
export type AnyJson = any;

export async function send(
  server: GraphServer,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const init: RequestInit = { method, headers: body === undefined ? headers : { ...JSON_HEADERS, ...headers } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  return fetch(server.baseUrl + path, init);
}

/** Sends a request and returns status, headers and the parsed JSON body (undefined when empty). */
export async function call(
  server: GraphServer,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<{ status: number; headers: Headers; json: AnyJson; text: string }> {
  const res = await send(server, method, path, body, headers);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text === "" ? undefined : JSON.parse(text) };
}

/** Asserts a Graph-shaped error body and returns it. */
export function assertGraphError(
  result: { status: number; headers: Headers; json: AnyJson },
  status: number,
  code: string,
  messagePart?: string,
): AnyJson {
  assert.is(result.status, status);
  const error = result.json?.error;
  assert.ok(error, "response has an error object");
  assert.is(error.code, code);
  assert.type(error.message, "string");
  if (messagePart !== undefined)
    assert.ok(error.message.includes(messagePart), `message '${error.message}' mentions '${messagePart}'`);
  assert.equal(Object.keys(error.innerError).sort(), ["client-request-id", "date", "request-id"]);
  assert.is(error.innerError["request-id"], result.headers.get("request-id"));
  assert.is(error.innerError["client-request-id"], result.headers.get("client-request-id"));
  assert.match(error.innerError.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  return error;
}

/** Resolves with the error a promise rejects with; fails if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.unreachable("expected the promise to reject");
  throw new Error("unreachable");
}
