/**
 * Timeouts (client default and per call, retries included) combined with the caller's AbortSignal,
 * against a server that stalls: a timeout is a GraphError, an abort is the caller's own reason.
 */
import * as assert from "uvu/assert";
import { GraphError } from "../../generated/assignments/index.js";
import { graphError, GROUP_TARGET, rejection, reliabilitySuite, until } from "./helpers.js";

const test = reliabilitySuite("reliability: timeouts and aborts");

test("a stalled response hits the client's default timeout: GraphError code timeout", async ({ h }) => {
  h.server.faults.push({ kind: "stall" }, { method: "GET" });
  const started = Date.now();
  const error = await graphError(h.assignments({ timeoutMs: 200 }).get());
  assert.ok(Date.now() - started < 10_000);
  assert.is(error.code, "timeout");
  assert.is(error.status, 0);
  assert.match(error.message, "timed out after 200 ms");
  assert.is(error.attempts, 1);
  assert.is(error.clientRequestId, h.server.requests[0]!.headers["client-request-id"]);
  assert.is(h.server.requests.length, 1, "a timed-out call is not retried");
});

test("the per-call timeout overrides the client's: a slow answer within it succeeds", async ({ h }) => {
  h.server.faults.push({ kind: "stall", ms: 300 }, { method: "GET" });
  const page = await h.assignments({ timeoutMs: 50 }).get(undefined, { timeoutMs: 20_000 });
  assert.equal(page.value, []);
  h.server.faults.push({ kind: "stall" }, { method: "GET" });
  assert.is((await graphError(h.assignments({ timeoutMs: 0 }).get(undefined, { timeoutMs: 100 }))).code, "timeout");
});

test("the timeout covers retries: it fires during a Retry-After wait and reports the throttling", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "30" }, { method: "POST" });
  const started = Date.now();
  const error = await graphError(h.assignments().post({ target: GROUP_TARGET }, { timeoutMs: 300 }));
  assert.ok(Date.now() - started < 10_000);
  assert.is(error.code, "timeout");
  assert.is(error.throttled, true);
  assert.match(error.message, "throttled, 1 attempt");
});

test("the caller's abort while stalled rejects with the caller's reason, not a GraphError", async ({ h }) => {
  h.server.faults.push({ kind: "stall" }, { method: "GET" });
  const controller = new AbortController();
  const call = rejection(h.assignments({ timeoutMs: 60_000 }).get(undefined, { signal: controller.signal }));
  await until(() => h.server.requests.length === 1, "the request to arrive");
  controller.abort(new Error("user cancelled"));
  const error = (await call) as Error;
  assert.not.instance(error, GraphError);
  assert.is(error.message, "user cancelled");
});

test("an AbortSignal.timeout of the caller stays the caller's TimeoutError; both signals combine", async ({ h }) => {
  h.server.faults.push({ kind: "stall" }, { method: "GET", times: 2 });
  const callerFirst = (await rejection(h.assignments({ timeoutMs: 60_000 }).get(undefined, { signal: AbortSignal.timeout(100) }))) as Error;
  assert.not.instance(callerFirst, GraphError);
  assert.is(callerFirst.name, "TimeoutError");
  const oursFirst = await graphError(h.assignments({ timeoutMs: 100 }).get(undefined, { signal: AbortSignal.timeout(60_000) }));
  assert.is(oursFirst.code, "timeout");
});

test("an already-aborted signal sends nothing", async ({ h }) => {
  const error = (await rejection(h.assignments().post({ target: GROUP_TARGET }, { signal: AbortSignal.abort() }))) as Error;
  assert.is(error.name, "AbortError");
  assert.is(h.server.requests.length, 0);
});

test("a fetch option or middleware that ignores the signal, or a body that never ends: the timeout and the caller's abort still settle the call", async ({ h }) => {
  const never = () => new Promise<Response>(() => {});
  const endless = async () => new Response(new ReadableStream({ pull: () => new Promise<void>(() => {}) }), { headers: { "content-type": "application/json" } });
  const cases = { "fetch never settles": { fetch: never }, "middleware never settles": { middleware: [never] }, "body never ends": { middleware: [endless] } };
  for (const [what, options] of Object.entries(cases)) {
    const started = Date.now();
    const timedOut = await graphError(h.assignments({ ...options, timeoutMs: 150 }).get());
    assert.is(timedOut.code, "timeout", what);
    assert.ok(Date.now() - started < 3000, `${what}: settled after ${Date.now() - started} ms`);
    const controller = new AbortController();
    const call = h.assignments({ ...options, timeoutMs: 0 }).get(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error(`stop: ${what}`)), 50);
    assert.match(String(await rejection(call)), `stop: ${what}`);
  }
});

test("a token provider that hangs is cut off by the timeout too", async ({ h }) => {
  const never = () => new Promise<string>(() => {});
  const error = await graphError(h.assignments({ token: never, timeoutMs: 150 }).get());
  assert.is(error.code, "timeout");
  assert.is(h.server.requests.length, 0);
});

test("fetch gets an AbortSignal only when something can abort the call: a timeout or the caller's signal", async ({ h }) => {
  const signals: (AbortSignal | null | undefined)[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    signals.push(init?.signal);
    return globalThis.fetch(input, init);
  };
  await h.assignments({ fetch }).get();
  await h.assignments({ fetch, timeoutMs: 0 }).get();
  const controller = new AbortController();
  await h.assignments({ fetch, timeoutMs: 0 }).get(undefined, { signal: controller.signal });
  await h.assignments({ fetch, timeoutMs: 0 }).get(undefined, { timeoutMs: 5_000 });
  await h.assignments({ fetch }).get(undefined, { timeoutMs: Infinity });
  assert.equal(signals.map((s) => s instanceof AbortSignal), [true, false, true, true, false]);
  h.server.faults.push({ kind: "stall" }, { method: "GET" });
  const call = rejection(h.assignments({ fetch, timeoutMs: 0 }).get(undefined, { signal: controller.signal }));
  await until(() => h.server.requests.length === 6, "the stalled request to arrive");
  controller.abort(new Error("user cancelled"));
  assert.is(((await call) as Error).message, "user cancelled", "the caller's signal still cancels a call without a timeout");
});

test("a call with neither a timeout nor a signal still gives a token provider a signal, and a wait before a retry works without one", async ({ h }) => {
  const given: unknown[] = [];
  const token = (options?: { abortSignal?: AbortSignal }) => {
    given.push(options?.abortSignal);
    return Promise.resolve("provided-token");
  };
  h.server.faults.push({ kind: "status", status: 503, headers: { "retry-after": "0" } }, { method: "GET" });
  const page = await h.assignments({ token, timeoutMs: 0, maxRetries: 1 }).get();
  assert.ok(Array.isArray(page.value));
  assert.ok(given[0] instanceof AbortSignal, "the provider can be cancelled when the call is");
  assert.is(h.server.requests.length, 2, "the 503 was retried after its wait");
  assert.is(h.server.requests.at(-1)!.headers.authorization, "Bearer provided-token");
});

test.run();
