/**
 * Retries over real HTTP: 429/503/504, Retry-After in both forms, backoff, budgets, the total-wait
 * cap, network errors by method, and what the final GraphError says.
 */
import * as assert from "uvu/assert";
import { GraphError } from "../../generated/assignments/index.js";
import { retryDelayMs } from "../../generated/runtime/retry-after.js";
import { DEFAULT_RETRY_POLICY } from "../../generated/runtime/retry.js";
import { startRecordingServer } from "../server/recording-server.js";
import { graphError, GROUP_TARGET, LIST, POLICY, rejection, reliabilitySuite, until } from "./helpers.js";

const test = reliabilitySuite("reliability: retries");

test("429 with Retry-After in delta-seconds: waits at least that long, then succeeds with the same client-request-id", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "1" }, { method: "POST" });
  let attempts = 0;
  const created = await h.assignments().post({ target: GROUP_TARGET }, { onResponse: (info) => (attempts = info.attempts) });
  assert.ok(created.id);
  assert.is(attempts, 2);
  const [first, second] = h.server.requests;
  assert.is(h.server.requests.length, 2);
  assert.ok(second!.receivedAt - first!.receivedAt >= 950, `waited ${second!.receivedAt - first!.receivedAt} ms for Retry-After: 1`);
  assert.is(second!.headers["client-request-id"], first!.headers["client-request-id"]);
  assert.is(h.server.store.listAssignments(POLICY).length, 1, "applied once");
});

test("429 with Retry-After as an HTTP-date: the retry is not sent before that date", async ({ h }) => {
  const date = new Date(Date.now() + 2000).toUTCString(); // second resolution: 1–2 s from now
  h.server.faults.push({ kind: "status", status: 429, retryAfter: date }, { method: "GET" });
  const page = await h.assignments().get();
  assert.equal(page.value, []);
  assert.is(h.server.requests.length, 2);
  const retriedAt = h.server.requests[1]!.receivedAt;
  assert.ok(retriedAt >= Date.parse(date) - 25, `retried ${Date.parse(date) - retriedAt} ms before ${date}`);
});

test("503 and 504 with Retry-After are retried for every method; a call gets through after both", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 503, retryAfter: "0" }, { method: "POST" });
  h.server.faults.push({ kind: "status", status: 504, retryAfter: "0" }, { method: "POST" });
  await h.assignments().post({ target: GROUP_TARGET });
  assert.equal(h.server.requests.map((r) => r.method), ["POST", "POST", "POST"]);
  assert.is(h.server.faults.stats.applied, 1);
});

test("503 without Retry-After is retried with backoff; 504 without Retry-After only for GET and DELETE (a POST or PATCH may have been applied)", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 503 }, { method: "GET" });
  h.server.faults.push({ kind: "status", status: 504 }, { method: "GET" });
  await h.assignments().get();
  assert.is(h.server.requests.length, 3);

  const created = await h.assignments().post({ target: GROUP_TARGET });
  h.server.requests.length = 0;
  h.server.faults.push({ kind: "status", status: 504, apply: true }, { method: "PATCH" });
  const patchError = await graphError(h.assignments().byId(created.id!).patch({ sourceId: "applied behind the gateway" }));
  assert.is(patchError.status, 504);
  assert.is(patchError.attempts, 1);
  assert.equal(h.server.requests.map((r) => r.method), ["PATCH"], "a PATCH is not repeated: it was applied, and a second could overwrite a change made in between");
  assert.is(h.server.store.getAssignment(POLICY, created.id!)?.sourceId, "applied behind the gateway");
  h.server.store.deleteAssignment(POLICY, created.id!);

  h.server.requests.length = 0;
  h.server.faults.push({ kind: "status", status: 504 }, { method: "DELETE" });
  await h.assignments().byId("no-such-assignment").delete().catch(() => {});
  assert.equal(h.server.requests.map((r) => r.method), ["DELETE", "DELETE"], "a DELETE is repeated: deleting twice leaves the same state");

  h.server.requests.length = 0;
  h.server.faults.push({ kind: "status", status: 504, apply: true }, { method: "POST" });
  const error = await graphError(h.assignments().post({ target: GROUP_TARGET }));
  assert.is(error.status, 504);
  assert.is(error.code, "GatewayTimeout");
  assert.is(error.attempts, 1);
  assert.is(h.server.requests.length, 1, "not repeated");
  assert.is(h.server.store.listAssignments(POLICY).length, 1, "the gateway timed out after the write happened: exactly one, not two");
});

test("without Retry-After the waits grow exponentially (lower bounds of equal jitter)", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 503 }, { method: "GET", times: 3 });
  await h.assignments({ backoffMs: 40 }).get();
  const at = h.server.requests.map((r) => r.receivedAt);
  assert.is(at.length, 4);
  const gaps = [at[1]! - at[0]!, at[2]! - at[1]!, at[3]! - at[2]!];
  [20, 40, 80].forEach((least, i) => assert.ok(gaps[i]! >= least - 5, `gap ${i + 1} was ${gaps[i]} ms, expected ≥ ${least}`));
});

test("backoff jitter: each wait is between half and all of its exponential step, and the waits differ", () => {
  for (const retry of [1, 3, 8]) {
    const step = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (retry - 1));
    const samples = Array.from({ length: 200 }, () => retryDelayMs(null, retry, DEFAULT_RETRY_POLICY));
    for (const s of samples) assert.ok(s >= step / 2 && s <= step, `${s} outside [${step / 2}, ${step}]`);
    assert.ok(new Set(samples).size > 150, "jittered");
  }
  assert.is(retryDelayMs("7", 1, DEFAULT_RETRY_POLICY), 7000);
  assert.is(retryDelayMs("Wed, 21 Oct 2015 07:28:00 GMT", 1, DEFAULT_RETRY_POLICY, Date.parse("Wed, 21 Oct 2015 07:27:30 GMT")), 30_000);
  assert.is(retryDelayMs("Wed, 21 Oct 2015 07:28:00 GMT", 1, DEFAULT_RETRY_POLICY, Date.parse("Wed, 21 Oct 2015 08:00:00 GMT")), 0, "a past date: no wait");
});

test("budget: 5 retries by default, then a GraphError that says 6 attempts and throttled, with Graph's ids", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "POST", times: Infinity });
  const error = await graphError(h.assignments().post({ target: GROUP_TARGET }));
  assert.is(error.status, 429);
  assert.is(error.code, "TooManyRequests");
  assert.is(error.attempts, 6);
  assert.is(error.throttled, true);
  assert.is(error.retryAfter, "0");
  assert.match(error.message, "(throttled, 6 attempts)");
  assert.is(h.server.requests.length, 6);
  const ids = new Set(h.server.requests.map((r) => r.headers["client-request-id"]));
  assert.equal([...ids], [error.clientRequestId], "one client-request-id for the logical request");
  assert.ok(error.requestId && error.date && error.diagnostic, "request-id, date and x-ms-ags-diagnostic captured");
  assert.is(h.server.store.listAssignments(POLICY).length, 0);
});

test("budget per client and per call: the call's maxRetries wins", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { times: Infinity });
  const assignments = h.assignments({ maxRetries: 2 });
  assert.is((await graphError(assignments.get())).attempts, 3);
  assert.is((await graphError(assignments.get(undefined, { maxRetries: 0 }))).attempts, 1);
  assert.is((await graphError(assignments.get(undefined, { maxRetries: 7 }))).attempts, 8);
  assert.is(h.server.requests.length, 12);
});

test("total wait cap: a Retry-After beyond it fails at once; waits that add up past it stop early", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "120" }, { method: "GET" });
  const started = Date.now();
  const error = await graphError(h.assignments().get());
  assert.ok(Date.now() - started < 10_000, "did not wait 120 s");
  assert.is(error.attempts, 1);
  assert.is(error.throttled, true);
  assert.is(error.retryAfter, "120");
  assert.match(error.message, "throttled");

  h.server.faults.clear();
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "1" }, { method: "GET", times: Infinity });
  const capped = await graphError(h.assignments({ maxRetryDelayMs: 1500 }).get());
  assert.is(capped.attempts, 2, "1 s waited; another 1 s would pass 1.5 s");
});

test("an abort during a long Retry-After wait stops at once with the caller's reason", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "30" }, { method: "GET" });
  let throttledSeen = false;
  const spyFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    throttledSeen ||= response.status === 429;
    return response;
  };
  const controller = new AbortController();
  const call = rejection(h.assignments({ fetch: spyFetch }).get(undefined, { signal: controller.signal }));
  await until(() => throttledSeen, "the 429");
  const abortedAt = Date.now();
  controller.abort();
  const error = (await call) as Error;
  assert.ok(Date.now() - abortedAt < 5000, "stopped long before the 30 s wait");
  assert.not.instance(error, GraphError);
  assert.is(error.name, "AbortError");
  assert.is(h.server.requests.length, 1);
});

test("network errors: a GET whose body is cut mid-stream is retried and succeeds", async ({ h }) => {
  h.server.store.addAssignment(POLICY, { id: "a1", target: GROUP_TARGET });
  h.server.faults.push({ kind: "reset" }, { method: "GET" });
  const got = await h.assignments().byId("a1").get();
  assert.is(got.id, "a1");
  assert.is(h.server.requests.length, 2);
});

test("network errors: a DELETE cut mid-response is retried; POST and PATCH are not (they may have been applied)", async ({ h }) => {
  h.server.store.addAssignment(POLICY, { id: "a1", target: GROUP_TARGET });
  h.server.faults.push({ kind: "reset" }, { method: "DELETE" });
  await h.assignments().byId("a1").delete();
  assert.is(h.server.requests.length, 2);
  assert.is(h.server.store.listAssignments(POLICY).length, 0);
  // The first attempt deleted it and lost its answer: the 404 of the second says it may be so.
  h.server.requests.length = 0;
  h.server.store.addAssignment(POLICY, { id: "a3", target: GROUP_TARGET });
  h.server.faults.push({ kind: "reset", apply: true }, { method: "DELETE" });
  const gone = await graphError(h.assignments().byId("a3").delete());
  assert.is(gone.status, 404);
  assert.is(gone.attempts, 2);
  assert.match(gone.message, "an earlier attempt, which got no usable answer, may have deleted it");
  // A throttled first attempt was answered: the 404 after it says nothing of the kind.
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "DELETE" });
  const missing = await graphError(h.assignments().byId("never-there").delete());
  assert.is(missing.status, 404);
  assert.is(missing.attempts, 2);
  assert.not.match(missing.message, "may have deleted it");

  for (const method of ["POST", "PATCH"] as const) {
    h.server.requests.length = 0;
    h.server.store.addAssignment(POLICY, { id: "a2", target: GROUP_TARGET });
    h.server.faults.push({ kind: "reset", apply: true }, { method });
    const call = method === "POST" ? h.assignments().post({ target: GROUP_TARGET }) : h.assignments().byId("a2").patch({ source: "direct" });
    const error = await graphError(call);
    assert.is(error.code, "networkError");
    assert.is(error.status, 0);
    assert.is(error.attempts, 1);
    assert.match(error.message, `not retried: a ${method} may already have been applied`);
    assert.ok(error.requestId, "the headers that did arrive are kept");
    assert.is(h.server.requests.length, 1, `${method} sent once`);
    h.server.store.deleteAssignment(POLICY, "a2");
  }
});

test("network errors: connection refused on a GET uses the retry budget, then explains the cause", async ({ h }) => {
  const gone = await startRecordingServer();
  await gone.close();
  const error = await graphError(h.client({ baseUrl: `${gone.url}/beta`, maxRetries: 2 }).deviceManagement.configurationPolicies.byId(POLICY).assignments.get());
  assert.is(error.code, "networkError");
  assert.is(error.attempts, 3);
  assert.match(error.message, "ECONNREFUSED");
  assert.match(error.url!, LIST);
});

test.run();
