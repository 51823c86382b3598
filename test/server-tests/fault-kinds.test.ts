import * as assert from "uvu/assert";
import { JSON_CONTENT_TYPE, startGraphServer } from "../server/graph-server.js";
import { assertGraphError, call, graphSuite, POLICIES, rejection, send } from "./helpers.js";

const test = graphSuite("fault kinds");
const LIST = `${POLICIES}/p/assignments`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.before.each(({ server }) => {
  server.store.addPolicy({ id: "p" });
  server.store.addAssignment("p", { id: "a", target: { groupId: "g" } });
});

test("status 429: Retry-After verbatim, TooManyRequests body, request recorded but not applied, next one normal", async ({
  server,
}) => {
  server.faults.push({ kind: "status", status: 429, retryAfter: "1" });
  const throttled = await call(server, "POST", LIST, { id: "b" });
  assertGraphError(throttled, 429, "TooManyRequests");
  assert.is(throttled.headers.get("retry-after"), "1");
  assert.is(throttled.headers.get("content-type"), JSON_CONTENT_TYPE);
  assert.is(server.requests.length, 1);
  assert.is(server.store.listAssignments("p").length, 1, "not applied");
  assert.is((await call(server, "POST", LIST, { id: "b" })).status, 201);
  assert.is(server.faults.stats.applied, 1);
});

test("status 503/504/500/401: Graph error codes; HTTP-date Retry-After kept verbatim; 401 has WWW-Authenticate", async ({
  server,
}) => {
  const httpDate = new Date(Date.now() + 3000).toUTCString();
  server.faults.push({ kind: "status", status: 503, retryAfter: httpDate });
  server.faults.push({ kind: "status", status: 504 });
  server.faults.push({ kind: "status", status: 500 });
  server.faults.push({ kind: "status", status: 401 });
  const unavailable = await call(server, "GET", LIST);
  assertGraphError(unavailable, 503, "ServiceUnavailable");
  assert.is(unavailable.headers.get("retry-after"), httpDate);
  const timeout = await call(server, "GET", LIST);
  assertGraphError(timeout, 504, "GatewayTimeout");
  assert.is(timeout.headers.get("retry-after"), null, "no Retry-After unless asked for");
  assertGraphError(await call(server, "GET", LIST), 500, "InternalServerError");
  const unauthorized = await call(server, "GET", LIST);
  assertGraphError(unauthorized, 401, "InvalidAuthenticationToken");
  assert.match(unauthorized.headers.get("www-authenticate") ?? "", /^Bearer /);
});

test("status with a custom body and headers (names case-insensitive, overriding defaults)", async ({ server }) => {
  server.faults.push({
    kind: "status",
    status: 409,
    body: "custom!",
    headers: { "Content-Type": "text/plain", "X-Extra": "1" },
  });
  const res = await send(server, "GET", LIST);
  assert.is(res.status, 409);
  assert.is(res.headers.get("content-type"), "text/plain");
  assert.is(res.headers.get("x-extra"), "1");
  assert.is(await res.text(), "custom!");
});

test("apply: true processes the request before the fault replaces the response", async ({ server }) => {
  server.faults.push({ kind: "status", status: 500, apply: true });
  assertGraphError(await call(server, "POST", LIST, { id: "b" }), 500, "InternalServerError");
  assert.equal(server.store.getAssignment("p", "b"), { id: "b" });
  assert.is(server.faults.stats.applied, 1);
  server.faults.push({ kind: "reset", apply: true });
  const res = await send(server, "PATCH", `${LIST}/b`, { n: 1 });
  await rejection(res.text());
  assert.equal(server.store.getAssignment("p", "b"), { id: "b", n: 1 });
});

test("reset: headers arrive (200, Content-Length too large), reading the body rejects", async ({ server }) => {
  server.faults.push({ kind: "reset" });
  const res = await send(server, "POST", LIST, { id: "b" });
  assert.is(res.status, 200);
  assert.is(res.headers.get("content-type"), JSON_CONTENT_TYPE);
  assert.ok(Number(res.headers.get("content-length")) > 1024);
  const reader = res.body!.getReader();
  let received = "";
  const error = await rejection(
    (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        received += Buffer.from(value).toString();
      }
    })(),
  );
  assert.instance(error, TypeError);
  assert.ok(received.startsWith('{"@odata.context"'), "part of a JSON body arrived first");
  assert.throws(() => JSON.parse(received), "only part of the body was sent");
  assert.is(server.store.getAssignment("p", "b"), undefined, "not applied");
  assert.is((await call(server, "GET", LIST)).status, 200, "the server keeps serving");
});

test("stall without ms: nothing is sent; an AbortSignal.timeout aborts the fetch; request recorded", async ({
  server,
}) => {
  server.faults.push({ kind: "stall" });
  const started = Date.now();
  const error = await rejection(fetch(server.baseUrl + LIST, { signal: AbortSignal.timeout(150) }));
  assert.is(error.name, "TimeoutError");
  assert.ok(Date.now() - started >= 140);
  assert.is(server.requests.length, 1);
});

test("stall with ms: answered normally after the delay, and applied only then", async ({ server }) => {
  server.faults.push({ kind: "stall", ms: 200 });
  const started = Date.now();
  const pending = call(server, "POST", LIST, { id: "late" });
  await sleep(80);
  assert.is(server.store.getAssignment("p", "late"), undefined, "not applied while stalled");
  const res = await pending;
  assert.ok(Date.now() - started >= 190);
  assert.is(res.status, 201);
  assert.is(res.json.id, "late");
  server.faults.push({ kind: "stall", ms: 150, apply: true });
  const early = call(server, "POST", LIST, { id: "early" });
  await sleep(60);
  assert.ok(server.store.getAssignment("p", "early"), "apply: true applies on arrival");
  assert.is((await early).status, 201);
});

test("stall with ms: the request is still processed when the client gave up (like a real server)", async ({
  server,
}) => {
  server.faults.push({ kind: "stall", ms: 120 });
  const init = { method: "POST", headers: { "content-type": "application/json" }, body: '{"id":"ghost"}' };
  await rejection(fetch(server.baseUrl + LIST, { ...init, signal: AbortSignal.timeout(40) }));
  assert.is(server.store.getAssignment("p", "ghost"), undefined);
  await sleep(150);
  assert.equal(server.store.getAssignment("p", "ghost"), { id: "ghost" });
  assert.is(server.faults.stats.applied, 1);
});

test("close() ends stalled requests promptly: the waiting fetch rejects", async () => {
  const server = await startGraphServer();
  server.store.addPolicy({ id: "p" });
  server.faults.push({ kind: "stall" }, { times: 3 });
  server.faults.push({ kind: "stall", ms: 100 }, { method: "POST" });
  const pending = [1, 2, 3].map(() => rejection(fetch(`${server.baseUrl}${POLICIES}`)));
  pending.push(rejection(send(server, "POST", LIST, { id: "never" })));
  while (server.requests.length < 4) await sleep(5);
  const started = Date.now();
  await server.close();
  assert.ok(Date.now() - started < 500, "close() did not wait for stalled sockets");
  for (const error of await Promise.all(pending)) assert.instance(error, TypeError);
  await sleep(150);
  assert.equal(server.store.listAssignments("p"), [], "a pending stall never fires after close()");
});

test("html: 502 proxy page, text/html, no Graph headers; res.json() rejects", async ({ server }) => {
  server.faults.push({ kind: "html" });
  const res = await send(server, "GET", LIST);
  assert.is(res.status, 502);
  assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
  assert.is(res.headers.get("request-id"), null);
  assert.is(res.headers.get("access-control-allow-origin"), "*");
  const text = await res.clone().text();
  assert.ok(text.startsWith("<html>"));
  await rejection(res.json());
  server.faults.push({ kind: "html", status: 504 });
  assert.is((await send(server, "GET", LIST)).status, 504);
});

test("truncated: 200 JSON with a consistent Content-Length, but JSON.parse fails", async ({ server }) => {
  server.faults.push({ kind: "truncated" });
  const res = await send(server, "GET", LIST);
  assert.is(res.status, 200);
  assert.is(res.headers.get("content-type"), JSON_CONTENT_TYPE);
  const text = await res.text();
  assert.is(Number(res.headers.get("content-length")), Buffer.byteLength(text));
  assert.ok(text.startsWith('{"@odata.context"'));
  assert.throws(() => JSON.parse(text));
});

test("truncated with apply: the cut body is the start of the real response", async ({ server }) => {
  server.faults.push({ kind: "truncated", apply: true });
  const text = await (await send(server, "GET", `${LIST}/a`)).text();
  const full = (await call(server, "GET", `${LIST}/a`)).text;
  assert.ok(text.length > 0 && text.length < full.length);
  assert.ok(full.startsWith(text));
});

test("empty: JSON content type with an empty body; res.json() rejects; status configurable", async ({ server }) => {
  server.faults.push({ kind: "empty" });
  const res = await send(server, "GET", LIST);
  assert.is(res.status, 200);
  assert.is(res.headers.get("content-type"), JSON_CONTENT_TYPE);
  assert.is(res.headers.get("content-length"), "0");
  await rejection(res.json());
  server.faults.push({ kind: "empty", status: 201 });
  const created = await send(server, "POST", LIST, { id: "b" });
  assert.is(created.status, 201);
  assert.is(await created.text(), "");
  assert.is(server.store.getAssignment("p", "b"), undefined);
});

test("wrongContentType: 200 text/plain with a non-JSON body", async ({ server }) => {
  server.faults.push({ kind: "wrongContentType" });
  const res = await send(server, "GET", LIST);
  assert.is(res.status, 200);
  assert.is(res.headers.get("content-type"), "text/plain");
  const text = await res.text();
  assert.ok(text.length > 0);
  assert.throws(() => JSON.parse(text));
});

test("huge: a valid, streamed list page of at least 10 MiB by default", async ({ server }) => {
  server.faults.push({ kind: "huge" });
  const res = await send(server, "GET", LIST);
  assert.is(res.status, 200);
  assert.is(res.headers.get("content-length"), null, "streamed (chunked)");
  const text = await res.text();
  assert.ok(text.length >= 10 * 1024 * 1024, `${text.length} bytes`);
  assert.ok(text.length < 10 * 1024 * 1024 + 1024);
  const page = JSON.parse(text) as { value: { id: string }[] };
  assert.ok(page.value.length > 40_000);
  assert.is(new Set(page.value.map((a) => a.id)).size, page.value.length);
});

test("huge with bytes: at least that many bytes; an aborted reader does not break the server", async ({ server }) => {
  server.faults.push({ kind: "huge", bytes: 100_000 });
  const text = await (await send(server, "GET", LIST)).text();
  assert.ok(text.length >= 100_000 && text.length < 101_000, String(text.length));
  JSON.parse(text);
  server.faults.push({ kind: "huge", bytes: 50 * 1024 * 1024 });
  const controller = new AbortController();
  const res = await fetch(server.baseUrl + LIST, { signal: controller.signal });
  await res.body!.getReader().read();
  controller.abort();
  assert.is((await call(server, "GET", LIST)).status, 200);
});

test.run();
