/**
 * `graph.batch()` over real HTTP against the local server's `$batch` (per-item dispatch through its
 * routes, answers in reverse order, per-item faults, dependsOn and 424).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createGraphClient, GraphError } from "../../generated/index.js";
import { rejection, startHarness, type Harness } from "../runtime/helpers.js";

const test = suite<{ h: Harness }>("batch over HTTP", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness();
});
test.after.each(async (ctx) => ctx.h.server.close());

const GROUP = { "@odata.type": "microsoft.graph.groupAssignmentTarget", groupId: "g1" } as const;
const batches = (h: Harness) => h.server.requests.filter((r) => r.rawPath === "/beta/$batch");

test("the issue's example: patch, assign and a page in one $batch, settled in call order and typed values", async ({ h }) => {
  const policy = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId);
  const [patched, assigned, page] = await h.graph.batch((g) => [
    policy(g).assignments.byId(h.assignmentId).patch({ target: GROUP }),
    policy(g).assign({ assignments: [{ target: { "@odata.type": "microsoft.graph.allDevicesAssignmentTarget" } }] }),
    policy(g).assignments.get({ top: 5 }),
  ]);
  assert.is(batches(h).length, 1);
  assert.is(h.server.requests.length, 1, "nothing but the one $batch request");
  assert.is(patched.status, "fulfilled");
  assert.is(patched.status === "fulfilled" && patched.value.target?.["@odata.type"], "#microsoft.graph.groupAssignmentTarget", "@odata.type normalised");
  assert.is(assigned.status === "fulfilled" && assigned.value.value.length, 1);
  assert.is(page.status === "fulfilled" && page.value.value.length, 1);

  const sent = batches(h)[0]!;
  assert.is(sent.method, "POST");
  assert.is(sent.headers.authorization, "Bearer test-token");
  const { requests } = JSON.parse(sent.body) as { requests: { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown }[] };
  assert.equal(requests.map((r) => [r.id, r.method]), [["1", "PATCH"], ["2", "POST"], ["3", "GET"]]);
  assert.is(requests[0]!.url, `/deviceManagement/configurationPolicies/${h.policyId}/assignments/${h.assignmentId}`, "relative to the base URL, no /beta");
  assert.is(requests[2]!.url, `/deviceManagement/configurationPolicies/${h.policyId}/assignments?$top=5`);
  assert.equal(requests[0]!.headers, { "Content-Type": "application/json" });
  assert.is(requests[2]!.headers, undefined);
  assert.equal(requests[0]!.body, { target: { ...GROUP, "@odata.type": "#microsoft.graph.groupAssignmentTarget" } });
  assert.not.match(sent.body, /authorization|test-token/i, "no credentials inside items");
  assert.is(patched.status === "fulfilled" && (patched.value.target as { groupId?: string }).groupId, "g1", "the PATCH was applied before the assign");
  // assign replaces every assignment: the store holds the one it was given, so the items ran in order.
  assert.equal(h.server.store.listAssignments(h.policyId).map((a) => (a.target as { "@odata.type": string })["@odata.type"]), ["#microsoft.graph.allDevicesAssignmentTarget"]);
});

test("answers come back out of order and are matched by id; a 404 item is a GraphError with its status, code, message and headers; a 204 is undefined", async ({ h }) => {
  const assignments = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  const extra = h.server.store.addAssignment(h.policyId, {});
  const results = await h.graph.batch((g) => [assignments(g).byId("missing").get(), assignments(g).byId(String(extra.id)).delete(), assignments(g).byId(h.assignmentId).get()]);
  const raw = JSON.parse(JSON.stringify(results.map((r) => r.status)));
  assert.equal(raw, ["rejected", "fulfilled", "fulfilled"]);
  const [missing, deleted, kept] = results;
  const error = (missing as PromiseRejectedResult).reason as GraphError;
  assert.instance(error, GraphError);
  assert.is(error.status, 404);
  assert.is(error.code, "ResourceNotFound");
  assert.match(error.message, /GET .*\/assignments\/missing failed: /);
  assert.match(error.requestId ?? "", /^[0-9a-f-]{36}$/, "the item's own headers");
  assert.is((deleted as PromiseFulfilledResult<void>).value, undefined);
  assert.is(kept.status === "fulfilled" && kept.value.id, h.assignmentId);
  assert.is(h.server.store.getAssignment(h.policyId, String(extra.id)), undefined);
});

test("count() is a number; a call's own onResponse and headers apply to its item (credentials never)", async ({ h }) => {
  const statuses: number[] = [];
  const a = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  const [count, one] = await h.graph.batch((g) => [
    a(g).count({ onResponse: (info) => statuses.push(info.status) }),
    a(g).byId(h.assignmentId).get(undefined, { headers: { "x-item": "1", Authorization: "Bearer other" } }),
  ]);
  assert.is(count.status === "fulfilled" && count.value, 1);
  assert.is(one.status, "fulfilled");
  assert.equal(statuses, [200]);
  const { requests } = JSON.parse(batches(h)[0]!.body) as { requests: { url: string; headers?: Record<string, string> }[] };
  assert.equal(requests[0]!.headers, { ConsistencyLevel: "eventual" });
  assert.equal(requests[1]!.headers, { "x-item": "1" });
});

test("an empty list resolves to [] and sends nothing", async ({ h }) => {
  assert.equal(await h.graph.batch(() => []), []);
  assert.is(h.server.requests.length, 0);
});

test("45 calls go as batches of 20, 20 and 5, results in call order", async ({ h }) => {
  const ids = Array.from({ length: 45 }, (_, i) => String(h.server.store.addAssignment(h.policyId, { source: i % 2 ? "direct" : "policySets" }).id));
  const results = await h.graph.batch((g) => ids.map((id) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(id).get()));
  assert.equal(batches(h).map((b) => (JSON.parse(b.body) as { requests: unknown[] }).requests.length), [20, 20, 5]);
  assert.equal(results.map((r) => (r.status === "fulfilled" ? r.value.id : r.status)), ids);
});

test("an invalid body rejects with that item's invalidRequestBody error (index and JSON path), and nothing is sent", async ({ h }) => {
  const item = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId);
  const error = (await rejection(
    h.graph.batch((g) => [item(g).get(), item(g).patch({ target: { "@odata.type": "microsoft.graph.groupAssignmentTarget", groupId: 7 as unknown as string } })]),
    /^batch item 1: PATCH .* not sent: body\.target\.groupId/,
  )) as GraphError;
  assert.is(error.code, "invalidRequestBody");
  assert.is(error.target, "body.target.groupId");
  assert.is(h.server.requests.length, 0);
});

test("iterate() and anything not a call on the batch's client fail clearly, before anything is sent", async ({ h }) => {
  const assignments = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  const error = (await rejection(h.graph.batch((g) => [assignments(g).get(), assignments(g).iterate() as never]), /batch item 1: not a call made on the batch's client \(iterate\(\)/)) as GraphError;
  assert.is(error.code, "notBatchable");
  await rejection(h.graph.batch(() => [h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.get()]), /batch item 0: not a call made on the batch's client/);
  await rejection(h.graph.batch((g) => (assignments(g).get(), [])), /1 call\(s\) made on the batch's client are missing from the returned list/);
  // A bound action records its request once its route is loaded: it is still seen as missing.
  const policy = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId);
  await rejection(h.graph.batch((g) => (policy(g).assign({ assignments: [] }), [assignments(g).get()])), /1 call\(s\) made on the batch's client are missing from the returned list/);
  assert.is(h.server.requests.filter((r) => r.rawPath === "/beta/$batch").length, 0);
});

test("per-item 429 with Retry-After: only that item goes again, in a later batch", async ({ h }) => {
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "test-token" });
  const item = `/beta/deviceManagement/configurationPolicies/${h.policyId}/assignments/${h.assignmentId}`;
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "PATCH", path: item });
  const ok = await graph.batch((g) => {
    const a = g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
    return [a.get(), a.byId(h.assignmentId).patch({ source: "direct" })];
  });
  assert.equal(ok.map((r) => r.status), ["fulfilled", "fulfilled"]);
  const sent = batches(h).map((b) => (JSON.parse(b.body) as { requests: { id: string; method: string }[] }).requests.map((r) => `${r.id} ${r.method}`));
  assert.equal(sent, [["1 GET", "2 PATCH"], ["2 PATCH"]]);
  assert.is(h.server.faults.stats.applied, 1, "the PATCH was applied once");
});

test("per-item throttling follows the single-call budget: maxRetries exhausted → that item is rejected with its 429", async ({ h }) => {
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "test-token", maxRetries: 2 });
  const item = `/beta/deviceManagement/configurationPolicies/${h.policyId}/assignments/${h.assignmentId}`;
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "GET", path: item, times: Infinity });
  const [throttled] = await graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId).get()]);
  const error = (throttled as PromiseRejectedResult).reason as GraphError;
  assert.is(error.status, 429);
  assert.is(error.attempts, 3);
  assert.ok(error.throttled);
  assert.is(batches(h).length, 3);
});

test("a throttled $batch request itself is retried as a single call would be", async ({ h }) => {
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "test-token" });
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "POST", path: "/beta/$batch" });
  const [page] = await graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.get()]);
  assert.is(page.status, "fulfilled");
  assert.is(batches(h).length, 2);
});

test("sequential: items chained with dependsOn; after a failure the rest are rejected with Graph's 424, and nothing after it is applied", async ({ h }) => {
  const a = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  const results = await h.graph.batch((g) => [a(g).byId(h.assignmentId).patch({ source: "direct" }), a(g).byId("missing").patch({ source: "direct" }), a(g).post({ source: "direct" })], { sequential: true });
  assert.equal(results.map((r) => r.status), ["fulfilled", "rejected", "rejected"]);
  const failed = (results[2] as PromiseRejectedResult).reason as GraphError;
  assert.is(failed.status, 424);
  assert.is(failed.code, "FailedDependency");
  const { requests } = JSON.parse(batches(h)[0]!.body) as { requests: { id: string; dependsOn?: string[] }[] };
  assert.equal(requests.map((r) => r.dependsOn), [undefined, ["1"], ["2"]]);
  assert.is(h.server.store.listAssignments(h.policyId).length, 1, "the POST after the failure was not applied");
});

test("sequential across batches: a failure in the first batch rejects the later batch's items without sending them", async ({ h }) => {
  const a = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  const results = await h.graph.batch((g) => [...Array.from({ length: 19 }, () => a(g).get()), a(g).byId("missing").get(), a(g).get(), a(g).get()], { sequential: true });
  assert.is(batches(h).length, 1);
  assert.equal(results.slice(18).map((r) => (r.status === "rejected" ? (r.reason as GraphError).status : 200)), [200, 404, 424, 424]);
  assert.is(((results[21] as PromiseRejectedResult).reason as GraphError).code, "failedDependency");
});

/** A `$batch` answered with `responses` as given, after the server really ran the items (so a PATCH is applied). */
function answerBatch(h: Harness, responses: unknown[]): void {
  h.server.faults.push({ kind: "status", status: 200, apply: true, body: JSON.stringify({ responses }) }, { method: "POST", path: "/beta/$batch" });
}

test("an item answered with invalid headers fails alone as invalidResponse naming its id and the header; the other items keep their results", async ({ h }) => {
  const item = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId);
  const body = { id: h.assignmentId, source: "direct" };
  answerBatch(h, [
    { id: "1", status: 200, headers: { "content-type": "application/json" }, body },
    { id: "2", status: 200, headers: { "bad name": "x", "request-id": "rid-2" }, body },
    { id: "3", status: 200, headers: "content-type: application/json", body },
    { id: "4", status: 429, headers: { "Retry-After": "0", "x-note": "a\r\nSet-Cookie: x=1" }, body },
  ]);
  const results = await h.graph.batch((g) => [item(g).patch({ source: "direct" }), item(g).get(), item(g).get(), item(g).get()]);
  assert.equal(results.map((r) => r.status), ["fulfilled", "rejected", "rejected", "rejected"]);
  assert.equal((results[0] as PromiseFulfilledResult<unknown>).value, body, "the applied PATCH's result is kept");
  assert.is(h.server.faults.stats.applied, 1);
  const [, badName, notObject, crlf] = results.map((r) => (r as PromiseRejectedResult).reason as GraphError);
  for (const error of [badName!, notObject!, crlf!]) {
    assert.instance(error, GraphError);
    assert.is(error.code, "invalidResponse");
    assert.match(error.message, /^GET http:\/\/127\.0\.0\.1:\d+\/beta\/deviceManagement\/configurationPolicies\/.*: the batch's answer with id "\d" has invalid headers: /);
  }
  assert.match(badName!.message, 'id "2" has invalid headers: header name "bad name" is not a valid HTTP header name');
  assert.is(badName!.status, 200);
  assert.is(badName!.requestId, "rid-2", "the valid headers are still read");
  assert.match(badName!.body, '"source":"direct"', "the item's body is kept in the error");
  assert.match(notObject!.message, 'id "3" has invalid headers: "headers" is "content-type: application/json", not an object');
  assert.match(crlf!.message, 'id "4" has invalid headers: header x-note has an invalid value (it contains CR, LF, NUL or a character outside Latin-1)');
  assert.is(crlf!.status, 429);
  assert.is(batches(h).length, 1, "an invalid answer is not retried, whatever its status");
});

test("an id answered twice is not taken as a success, nor retried: invalidResponse with both statuses", async ({ h }) => {
  const a = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  const body = { id: h.assignmentId, source: "direct" };
  answerBatch(h, [
    { id: "1", status: 500, body: { error: { code: "InternalServerError", message: "failed for Bearer test-token" } } },
    { id: "2", status: 200, body: { value: [] } },
    { id: "1", status: 200, body },
    { id: "3", status: 429, headers: { "Retry-After": "0" }, body: { error: { code: "TooManyRequests", message: "slow down" } } },
    { id: "3", status: 200, body },
  ]);
  const results = await h.graph.batch((g) => [a(g).byId(h.assignmentId).patch({ source: "direct" }), a(g).get(), a(g).byId(h.assignmentId).patch({ source: "direct" })]);
  assert.equal(results.map((r) => r.status), ["rejected", "fulfilled", "rejected"]);
  const [first, , third] = results.map((r) => (r as PromiseRejectedResult).reason as GraphError);
  assert.is(first!.code, "invalidResponse");
  assert.match(first!.message, /^PATCH http:\/\/127\.0\.0\.1:\d+\/beta\/.*: the batch's answer with id "1" came 2 times \(statuses 500, 200\)/);
  assert.match(first!.message, "not retried");
  assert.match(first!.body, '"InternalServerError"', "both answers are kept in the error's body");
  assert.match(first!.body, '"source":"direct"');
  assert.not.match(JSON.stringify(first) + first!.body + first!.message, "test-token", "a token echoed in an answer is masked");
  assert.match(third!.message, 'id "3" came 2 times (statuses 429, 200)');
  assert.is(batches(h).length, 1, "the ambiguous items are not sent again (the 429 one included)");
});

test("options: headers go on the $batch request; an aborted signal rejects with its reason and sends nothing", async ({ h }) => {
  await h.graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.get()], { headers: { "x-trace": "t1" } });
  assert.is(batches(h)[0]!.headers["x-trace"], "t1");
  const controller = new AbortController();
  controller.abort(new Error("stop"));
  await rejection(h.graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.get()], { signal: controller.signal }), /^stop$/);
  assert.is(batches(h).length, 1);
});

test("timeoutMs covers the whole batch: a stalled $batch is a timeout GraphError", async ({ h }) => {
  h.server.faults.push({ kind: "stall" }, { method: "POST", path: "/beta/$batch" });
  const error = (await rejection(h.graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.get()], { timeoutMs: 200 }), /batch of 1 calls timed out after 200 ms/)) as GraphError;
  assert.is(error.code, "timeout");
});

const assignmentsOf = (h: Harness) => (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
const reasonOf = (result: PromiseSettledResult<unknown> | undefined) => (result as PromiseRejectedResult).reason as GraphError;

test("an item's onResponse that throws rejects that item alone, with the thrown error; the others keep their results, nothing is sent again", async ({ h }) => {
  const a = assignmentsOf(h);
  const thrown = new Error("callback failed");
  const seen: number[] = [];
  const results = await h.graph.batch((g) => [
    a(g).byId(h.assignmentId).patch({ source: "direct" }, { onResponse: () => { throw thrown; } }),
    a(g).post({ source: "direct" }, { onResponse: (info) => seen.push(info.status) }),
    a(g).get(),
  ]);
  assert.equal(results.map((r) => r.status), ["rejected", "fulfilled", "fulfilled"]);
  assert.is(reasonOf(results[0]), thrown as never, "the thrown error itself, as a single call rejects with it");
  assert.equal(seen, [201]);
  assert.is(results[1]!.status === "fulfilled" && typeof results[1].value.id, "string", "the applied POST's result is kept");
  assert.is(h.server.faults.stats.applied, 2, "the PATCH and the POST, each once");
  assert.is(batches(h).length, 1);
  assert.is(h.server.store.listAssignments(h.policyId).length, 2);
});

test("a batched count() is a whole number of at most 2^53 - 1, as a single count(): a larger one, or a body that is not a number, is invalidResponse", async ({ h }) => {
  const a = assignmentsOf(h);
  const text = { "content-type": "text/plain" };
  answerBatch(h, [
    { id: "1", status: 200, headers: text, body: "99999999999999999999" },
    { id: "2", status: 200, headers: text, body: "9007199254740991" },
    { id: "3", status: 200, headers: { "content-type": "application/json" }, body: ["5"] },
    { id: "4", status: 200, headers: text, body: "9007199254740992" },
    { id: "5", status: 204, headers: text, body: "" },
  ]);
  const results = await h.graph.batch((g) => [a(g).count(), a(g).count(), a(g).count(), a(g).count(), a(g).count()]);
  assert.equal(results.map((r) => r.status), ["rejected", "fulfilled", "rejected", "rejected", "rejected"]);
  assert.is(results[1]!.status === "fulfilled" && results[1].value, Number.MAX_SAFE_INTEGER);
  const [big, , array, unsafe, empty] = results.map(reasonOf);
  for (const error of [big!, array!, unsafe!]) {
    assert.is(error.code, "invalidResponse");
    assert.match(error.message, /^GET http:\/\/127\.0\.0\.1:\d+\/beta\/.*\/assignments\/\$count answered 200 with .*; expected a count \(a whole number of at most 2\^53 - 1 as text\/plain\)$/);
  }
  // A count answered 204 is no count, in a batch as in a single call.
  assert.is(empty!.code, "invalidResponse");
  assert.match(empty!.message, "answered 204");
  assert.match(big!.message, "answered 200 with a text/plain body of 20 characters");
  assert.is(big!.body, "99999999999999999999", "the answer is kept in the error");
  assert.is(batches(h).length, 1);
});

test("batch options are checked as a single call's: timeoutMs NaN or negative, maxRetries not a whole number, an invalid header reject with invalidRequest and nothing is sent", async ({ h }) => {
  const a = assignmentsOf(h);
  const cases: [object, string][] = [
    [{ timeoutMs: NaN }, "options.timeoutMs must be a number of milliseconds of 0 or more (or Infinity), got NaN"],
    [{ timeoutMs: -5 }, "options.timeoutMs must be a number of milliseconds of 0 or more (or Infinity), got -5"],
    [{ timeoutMs: "100" }, 'options.timeoutMs must be a number of milliseconds of 0 or more (or Infinity), got "100"'],
    [{ maxRetries: NaN }, "options.maxRetries must be a whole number of 0 or more (or Infinity), got NaN"],
    [{ maxRetries: 1.5 }, "options.maxRetries must be a whole number of 0 or more (or Infinity), got 1.5"],
    [{ headers: { "x-trace": "a\r\nb" } }, "header x-trace has an invalid value (it contains CR, LF, NUL or a character outside Latin-1)"],
    [{ headers: new Map([["x-trace", "t"]]) }, "options.headers must be an object of header names to strings, got a Map (pass Object.fromEntries(headers))"],
  ];
  for (const [options, problem] of cases) {
    const error = (await rejection(h.graph.batch((g) => [a(g).get()], options as never), /^POST http:\/\/127\.0\.0\.1:\d+\/beta\/\$batch not sent: /)) as GraphError;
    assert.instance(error, GraphError);
    assert.is(error.code, "invalidRequest");
    assert.is(error.message.slice(error.message.indexOf("not sent: ") + 10), problem);
  }
  assert.is(h.server.requests.length, 0);
  // Valid edge values still work: Infinity, 0.
  const [page] = await h.graph.batch((g) => [a(g).get()], { timeoutMs: Infinity, maxRetries: 0 });
  assert.is(page.status, "fulfilled");
});

test("an item's headers are checked as a single call's: a CR/LF value, a bad name, a value not a string, a Headers instance reject the batch with that item's invalidRequest naming the header; nothing is sent", async ({ h }) => {
  const a = assignmentsOf(h);
  const item = (g: typeof h.graph) => a(g).byId(h.assignmentId);
  const cases: [unknown, string][] = [
    [{ "X-A": "a\r\nb" }, "header X-A has an invalid value (it contains CR, LF, NUL or a character outside Latin-1)"],
    [{ "a b": "1" }, 'header name "a b" is not a valid HTTP header name'],
    [{ "X-A": 5 }, "header X-A must be a string, got number"],
    [{ "X-A": undefined }, "header X-A must be a string, got undefined"],
    [{ Authorization: "Bearer x\r\ny" }, "header Authorization has an invalid value (it contains CR, LF, NUL or a character outside Latin-1)"],
    [new Map([["X-A", "1"]]), "options.headers must be an object of header names to strings, got a Map (pass Object.fromEntries(headers))"],
  ];
  for (const [headers, problem] of cases) {
    const error = (await rejection(h.graph.batch((g) => [item(g).get(), item(g).get(undefined, { headers: headers as Record<string, string> })]), /^batch item 1: GET http:\/\/127\.0\.0\.1:\d+\/beta\/\S+ not sent: /)) as GraphError;
    assert.is(error.code, "invalidRequest");
    assert.is(error.message.slice(error.message.indexOf("not sent: ") + 10), problem);
    assert.not.match(error.message, /Bearer x/, "no header value is quoted");
  }
  // A header parameter: a value that is not a string is refused; an undefined one is not sent.
  const error = (await rejection(h.graph.batch((g) => [item(g).delete({ ifMatch: 5 as never })]), /^batch item 0: DELETE /)) as GraphError;
  assert.match(error.message, /not sent: header If-Match must be a string, got number$/);
  // An item's own number options too, as a single call would refuse them.
  await rejection(h.graph.batch((g) => [item(g).get(undefined, { timeoutMs: NaN })]), /^batch item 0: GET .* not sent: options\.timeoutMs must be a number of milliseconds of 0 or more \(or Infinity\), got NaN$/);
  assert.is(h.server.requests.length, 0);
  const [deleted] = await h.graph.batch((g) => [item(g).delete({ ifMatch: undefined, headers: { "x-ok": "1" } })]);
  assert.is(deleted.status, "fulfilled");
  assert.equal((JSON.parse(batches(h)[0]!.body) as { requests: { headers?: unknown }[] }).requests[0]!.headers, { "x-ok": "1" }, "an undefined header parameter is not sent");
  // A Headers object or [name, value] pairs (JavaScript callers) are read as a single call reads them.
  const given = [new Headers({ "X-A": "from-headers" }), [["X-A", "from-pairs"]]] as unknown as Record<string, string>[];
  // (The item itself was deleted above: the list is read.)
  const read = await h.graph.batch((g) => given.map((headers) => a(g).get(undefined, { headers })));
  assert.equal(read.map((r) => r.status), ["fulfilled", "fulfilled"]);
  const sent = (JSON.parse(batches(h)[1]!.body) as { requests: { headers?: Record<string, string> }[] }).requests.map((r) => r.headers?.["x-a"] ?? r.headers?.["X-A"]);
  assert.equal(sent, ["from-headers", "from-pairs"]);
});

test("a batch() inside the callback is refused as notBatchable and nothing is sent, whether it is returned in the list or not", async ({ h }) => {
  const a = assignmentsOf(h);
  const nested = (g: typeof h.graph) => g.batch((k) => [a(k).byId(h.assignmentId).delete()]);
  const error = (await rejection(h.graph.batch((g) => [a(g).get(), nested(g) as never]), /^batch item 1: batch\(\) cannot be nested/)) as GraphError;
  assert.is(error.code, "notBatchable");
  await rejection(h.graph.batch((g) => (void nested(g), [a(g).get()])), /^batch: batch\(\) cannot be nested/);
  assert.is(h.server.requests.length, 0);
  assert.ok(h.server.store.getAssignment(h.policyId, h.assignmentId), "the nested DELETE was not applied");
});

test("an item whose own signal has aborted is rejected with its reason and not sent; the others go; if every item's has, nothing is sent", async ({ h }) => {
  const a = assignmentsOf(h);
  const controller = new AbortController();
  controller.abort(new Error("item cancelled"));
  const { signal } = controller;
  const results = await h.graph.batch((g) => [a(g).byId(h.assignmentId).delete({ signal }), a(g).get()]);
  assert.equal(results.map((r) => r.status), ["rejected", "fulfilled"]);
  assert.is(reasonOf(results[0]).message, "item cancelled");
  assert.equal((JSON.parse(batches(h)[0]!.body) as { requests: { id: string; method: string }[] }).requests.map((r) => `${r.id} ${r.method}`), ["2 GET"]);
  assert.ok(h.server.store.getAssignment(h.policyId, h.assignmentId), "the aborted DELETE was not sent");
  // Sequential: the items after an aborted one depend on it, and are not sent either.
  const chained = await h.graph.batch((g) => [a(g).get(), a(g).byId(h.assignmentId).delete({ signal }), a(g).get()], { sequential: true });
  assert.equal(chained.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as Error).message)), ["ok", "item cancelled", reasonOf(chained[2]).message]);
  assert.is(reasonOf(chained[2]).code, "failedDependency");
  assert.equal((JSON.parse(batches(h)[1]!.body) as { requests: { method: string }[] }).requests.map((r) => r.method), ["GET"]);
  const none = await h.graph.batch((g) => [a(g).get(undefined, { signal }), a(g).byId(h.assignmentId).delete({ signal })]);
  assert.equal(none.map((r) => (r as PromiseRejectedResult).reason.message), ["item cancelled", "item cancelled"]);
  assert.is(batches(h).length, 2, "nothing sent for a batch whose every item is aborted");
});

test("an item's signal aborting once it is sent: the item is rejected with the reason, the others keep their answers; once every item's has, the $batch request is aborted", async ({ h }) => {
  const a = assignmentsOf(h);
  h.server.faults.push({ kind: "stall", ms: 300 }, { method: "POST", path: "/beta/$batch" });
  const late = new AbortController();
  setTimeout(() => late.abort(new Error("too late")), 50);
  const results = await h.graph.batch((g) => [a(g).get(undefined, { signal: late.signal }), a(g).get()]);
  assert.equal(results.map((r) => r.status), ["rejected", "fulfilled"]);
  assert.is(reasonOf(results[0]).message, "too late");
  assert.is(batches(h).length, 1);

  h.server.faults.push({ kind: "stall" }, { method: "POST", path: "/beta/$batch" });
  const first = new AbortController();
  const second = new AbortController();
  setTimeout(() => first.abort(new Error("first")), 30);
  setTimeout(() => second.abort(new Error("second")), 60);
  const started = Date.now();
  const both = await h.graph.batch((g) => [a(g).get(undefined, { signal: first.signal }), a(g).get(undefined, { signal: second.signal })], { timeoutMs: 3000 });
  assert.equal(both.map((r) => (r as PromiseRejectedResult).reason.message), ["first", "second"]);
  assert.ok(Date.now() - started < 1500, "the stalled $batch was aborted, not waited for until the timeout");
});

test("a throttled item whose signal aborts during the wait is not sent again: rejected with the reason, the wait cut short", async ({ h }) => {
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "test-token" });
  const item = `/beta/deviceManagement/configurationPolicies/${h.policyId}/assignments/${h.assignmentId}`;
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "2" }, { method: "GET", path: item });
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error("gave up")), 100);
  const started = Date.now();
  const [throttled] = await graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId).get(undefined, { signal: controller.signal })]);
  assert.is(reasonOf(throttled).message, "gave up");
  assert.is(batches(h).length, 1, "not sent again");
  assert.ok(Date.now() - started < 1500, "the 2 s wait was cut short");
});

test("an item answered with a status outside 200 to 599 is invalidResponse naming the status, as a single call; not retried; the others keep their results", async ({ h }) => {
  const a = assignmentsOf(h);
  const body = { id: h.assignmentId, source: "direct" };
  answerBatch(h, [
    { id: "1", status: 600, headers: { "Retry-After": "0" }, body },
    { id: "2", status: 101 },
    { id: "3", status: 200, headers: { "content-type": "application/json" }, body },
  ]);
  const results = await h.graph.batch((g) => [a(g).byId(h.assignmentId).patch({ source: "direct" }), a(g).byId(h.assignmentId).get(), a(g).byId(h.assignmentId).get()]);
  assert.equal(results.map((r) => r.status), ["rejected", "rejected", "fulfilled"]);
  const [six, one] = results.map(reasonOf);
  assert.is(six!.code, "invalidResponse");
  assert.match(six!.message, /^PATCH http:\/\/127\.0\.0\.1:\d+\/beta\/\S+: the batch's answer with id "1" has status 600, which is not an HTTP status \(200 to 599\)$/);
  assert.is(six!.status, 0, "not an HTTP status, so none");
  assert.match(six!.body, '"source":"direct"', "the item's body is kept");
  assert.is(one!.code, "invalidResponse");
  assert.match(one!.message, 'id "2" has status 101, which is not an HTTP status (200 to 599)');
  assert.is(batches(h).length, 1, "not retried");
});

test("an item's own timeoutMs: the item is rejected with a timeout GraphError naming it, the others keep their answers; once every item's has run out, the $batch request is aborted", async ({ h }) => {
  const a = assignmentsOf(h);
  h.server.faults.push({ kind: "stall", ms: 300 }, { method: "POST", path: "/beta/$batch" });
  const results = await h.graph.batch((g) => [a(g).get(undefined, { timeoutMs: 50 }), a(g).get(), a(g).get(undefined, { timeoutMs: 0 })]);
  assert.equal(results.map((r) => r.status), ["rejected", "fulfilled", "fulfilled"], "timeoutMs 0 is no timeout of its own");
  const error = reasonOf(results[0]);
  assert.instance(error, GraphError);
  assert.is(error.code, "timeout");
  assert.match(error.message, /^GET .*\/assignments \(batch item 0\) timed out after 50 ms$/);

  h.server.faults.push({ kind: "stall" }, { method: "POST", path: "/beta/$batch" });
  const started = Date.now();
  const both = await h.graph.batch((g) => [a(g).get(undefined, { timeoutMs: 40 }), a(g).byId(h.assignmentId).get(undefined, { timeoutMs: 80 })], { timeoutMs: 3000 });
  assert.equal(both.map((r) => reasonOf(r).code), ["timeout", "timeout"]);
  assert.ok(Date.now() - started < 1500, "the stalled $batch was aborted, not waited for until the batch's timeout");
});

test("an item's own maxRetries replaces the batch's for its throttling", async ({ h }) => {
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "test-token", maxRetries: 3 });
  const item = `/beta/deviceManagement/configurationPolicies/${h.policyId}/assignments/${h.assignmentId}`;
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "GET", path: item, times: Infinity });
  const [none] = await graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId).get(undefined, { maxRetries: 0 })]);
  assert.is(reasonOf(none).status, 429);
  assert.is(reasonOf(none).attempts, 1);
  assert.is(batches(h).length, 1, "not sent again");
  const [one] = await graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId).get(undefined, { maxRetries: 1 })]);
  assert.is(reasonOf(one).attempts, 2);
  assert.is(batches(h).length, 3);
});

test("an item's options.headers replace a header of the same name in another case, as a single call's do: one header goes out", async ({ h }) => {
  const a = assignmentsOf(h);
  await h.graph.batch((g) => [a(g).count({ headers: { consistencylevel: "session" } }), a(g).byId(h.assignmentId).patch({ source: "direct" }, { headers: { "content-type": "application/json;odata.metadata=none" } })]);
  const { requests } = JSON.parse(batches(h)[0]!.body) as { requests: { headers?: Record<string, string> }[] };
  assert.equal(requests[0]!.headers, { consistencylevel: "session" });
  assert.equal(requests[1]!.headers, { "content-type": "application/json;odata.metadata=none" });
});

test("sequential: an item answered with its own result after a throttled one (a service that ignored dependsOn) settles with it and is not sent again", async ({ h }) => {
  const a = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  answerBatch(h, [
    { id: "1", status: 429, headers: { "Retry-After": "0" }, body: { error: { code: "TooManyRequests", message: "slow down" } } },
    { id: "2", status: 201, body: { id: "created-1" } },
    { id: "3", status: 424, body: { error: { code: "FailedDependency", message: "depends on 2" } } },
  ]);
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "test-token" });
  let attempts = 0;
  const results = await graph.batch((g) => [a(g).byId(h.assignmentId).patch({ source: "direct" }), a(g).post({ source: "direct" }), a(g).get(undefined, { onResponse: (info) => (attempts = info.attempts) })], { sequential: true });
  assert.equal(results.map((r) => r.status), ["fulfilled", "fulfilled", "fulfilled"]);
  assert.equal((results[1] as PromiseFulfilledResult<{ id: string }>).value.id, "created-1");
  const sent = batches(h).map((b) => (JSON.parse(b.body) as { requests: { id: string; method: string }[] }).requests.map((r) => `${r.id} ${r.method}`));
  assert.equal(sent, [["1 PATCH", "2 POST", "3 GET"], ["1 PATCH", "3 GET"]], "the POST answered 201 went again");
  // The GET went in both $batch requests: two attempts, though it was never throttled itself.
  assert.is(attempts, 2);
});

test("a throttled round waits as long as its longest ask, and each item is charged that wait, so the budget bounds what is waited", async ({ h }) => {
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "test-token", maxRetryDelayMs: 1000, timeoutMs: 0 });
  const a = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  const throttle = (id: string, ms: string) => ({ id, status: 429, headers: { "Retry-After-Ms": ms }, body: { error: { code: "TooManyRequests", message: "slow down" } } });
  answerBatch(h, [throttle("1", "900"), throttle("2", "1")]);
  answerBatch(h, [{ id: "1", status: 200, body: { value: [] } }, throttle("2", "200")]);
  const started = Date.now();
  const results = await graph.batch((g) => [a(g).get(), a(g).get()]);
  assert.equal(results.map((r) => r.status), ["fulfilled", "rejected"]);
  const error = (results[1] as PromiseRejectedResult).reason as GraphError;
  assert.is(error.status, 429);
  assert.is(batches(h).length, 2, "the second item, charged the 900 ms it waited, cannot wait 200 more within 1 s");
  assert.ok(Date.now() - started < 1500, `waited ${Date.now() - started} ms`);
});

test("a successful item whose body is nested too deeply to write out again keeps its value; the batch settles every item", async ({ h }) => {
  const a = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  const deep = `${'{"next":'.repeat(5000)}{"end":true}${"}".repeat(5000)}`;
  const text = `{"responses":[{"id":"1","status":200,"body":{"id":"a1","deep":${deep}}},{"id":"2","status":400,"body":{"error":{"code":"BadRequest","message":"no"},"deep":${deep}}},{"id":"3","status":201,"body":{"id":"created"}}]}`;
  h.server.faults.push({ kind: "status", status: 200, apply: true, body: text }, { method: "POST", path: "/beta/$batch" });
  const results = await h.graph.batch((g) => [a(g).byId(h.assignmentId).get(), a(g).byId(h.assignmentId).get(), a(g).post({ source: "direct" })]);
  assert.equal(results.map((r) => r.status), ["fulfilled", "rejected", "fulfilled"]);
  assert.is(((results[1] as PromiseRejectedResult).reason as GraphError).status, 400);
});

test("a $batch answered with something that is not JSON (a proxy's login page): every item's invalidResponse keeps the body and the parse error", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 200, body: "<html>proxy login for Bearer test-token</html>", headers: { "content-type": "text/html" } }, { method: "POST", path: "/beta/$batch" });
  const results = await h.graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.get()]);
  const error = (results[0] as PromiseRejectedResult).reason as GraphError;
  assert.is(error.code, "invalidResponse");
  assert.is(error.body, "<html>proxy login for Bearer [token]</html>");
  assert.instance(error.cause, SyntaxError);
  // Not even JSON.parse's excerpt of an echoed token stays in the cause, as for a single call.
  h.server.faults.push({ kind: "status", status: 200, body: "test-token-and-more", headers: { "content-type": "application/json" } }, { method: "POST", path: "/beta/$batch" });
  const [echoed] = await h.graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.get()]);
  const cause = ((echoed as PromiseRejectedResult).reason as GraphError).cause as SyntaxError;
  assert.not.match(cause.message, "test-t");
  assert.match(cause.message, "excerpt omitted");
});

test("sequential: an item waiting its turn behind a throttled one is charged that wait too, so its own throttling stays within the budget", async ({ h }) => {
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "test-token", maxRetryDelayMs: 1500, timeoutMs: 0 });
  const a = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  const throttle = (id: string) => ({ id, status: 429, headers: { "Retry-After-Ms": "1000" }, body: { error: { code: "TooManyRequests", message: "slow down" } } });
  answerBatch(h, [throttle("1"), { id: "2", status: 424, body: { error: { code: "FailedDependency", message: "depends on 1" } } }]);
  answerBatch(h, [{ id: "1", status: 200, body: { value: [] } }, throttle("2")]);
  const results = await graph.batch((g) => [a(g).get(), a(g).get()], { sequential: true });
  assert.equal(results.map((r) => r.status), ["fulfilled", "rejected"]);
  assert.is(((results[1] as PromiseRejectedResult).reason as GraphError).status, 429);
  assert.is(batches(h).length, 2, "the second item waited 1 s behind the first and cannot wait 1 s more within 1.5 s");
});

test("a $batch request retried as a single call counts in its items' attempts, and makes them throttled", async ({ h }) => {
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "test-token" });
  const a = (g: typeof h.graph) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "POST", path: "/beta/$batch" });
  let attempts = 0;
  const [missing] = await graph.batch((g) => [a(g).byId("missing").get(), a(g).get(undefined, { onResponse: (info) => (attempts = info.attempts) })]);
  assert.is(batches(h).length, 2);
  const error = (missing as PromiseRejectedResult).reason as GraphError;
  assert.is(error.attempts, 2);
  assert.is(error.throttled, true);
  assert.is(attempts, 2);
});

test("a batch timeout after a $batch request was answered keeps those items' results (they may be writes already applied); the others are rejected with the timeout", async ({ h }) => {
  const ids = Array.from({ length: 25 }, (_, i) => String(h.server.store.addAssignment(h.policyId, { source: i % 2 ? "direct" : "policySets" }).id));
  let posts = 0;
  const graph = createGraphClient({
    baseUrl: h.server.baseUrl,
    token: "test-token",
    // The second $batch request never answers (it honours its signal).
    fetch: (input, init) => (++posts === 2 ? new Promise<Response>((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason))) : fetch(input, init)),
  });
  const results = await graph.batch((g) => ids.map((id) => g.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(id).patch({ source: "direct" })), { timeoutMs: 300 });
  assert.is(results.length, 25);
  assert.equal(results.slice(0, 20).map((r) => r.status), Array(20).fill("fulfilled"), "the applied PATCHes keep their results");
  for (const r of results.slice(20)) {
    assert.is(r.status, "rejected");
    assert.is(reasonOf(r).code, "timeout");
  }
  assert.is(h.server.faults.stats.applied, 20);
});

test("an answer whose status is not a number (a string, missing) still answers its id: invalidResponse naming the status, and with a second answer for the id, answered twice; never fulfilled", async ({ h }) => {
  const a = assignmentsOf(h);
  const body = { id: h.assignmentId, source: "direct" };
  answerBatch(h, [
    { id: "1", status: "500", body: { error: { code: "InternalServerError", message: "failed" } } },
    { id: "1", status: 200, body },
    { id: "2", body },
    { id: "3", status: 200, body },
  ]);
  const results = await h.graph.batch((g) => [a(g).byId(h.assignmentId).patch({ source: "direct" }), a(g).byId(h.assignmentId).patch({ source: "direct" }), a(g).byId(h.assignmentId).get()]);
  assert.equal(results.map((r) => r.status), ["rejected", "rejected", "fulfilled"]);
  const [twice, missing] = results.map(reasonOf);
  assert.is(twice!.code, "invalidResponse");
  assert.match(twice!.message, 'id "1" came 2 times (statuses "500", 200)');
  assert.is(missing!.code, "invalidResponse");
  assert.match(missing!.message, /id "2" has status undefined, which is not an HTTP status \(200 to 599\)$/);
  assert.match(missing!.body, '"source":"direct"', "the answer's body is kept");
  assert.is(batches(h).length, 1, "not retried");
});

test.run();
