/**
 * The shipped middlewares over real HTTP: logging (credentials redacted; the token never reaches a
 * log) and tracing with the real `@opentelemetry/api` tracer of `@opentelemetry/sdk-trace-base`,
 * exported to its in-memory exporter.
 */
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createGraphClient, formatLogEntry, loggingMiddleware, tracingMiddleware, type HttpLogEntry } from "../../generated/index.js";
import { startGraphServer, type GraphServer } from "../server/graph-server.js";

const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-token-value";
const test = suite<{ server: GraphServer; policyId: string }>("logging and tracing middlewares", {} as never);
test.before.each(async (ctx) => {
  ctx.server = await startGraphServer();
  ctx.policyId = String(ctx.server.store.addPolicy({ name: "p" }).id);
});
test.after.each(async (ctx) => ctx.server.close());

test("logging: one entry per attempt, Authorization and cookies redacted, the token nowhere in what is logged", async ({ server, policyId }) => {
  const entries: HttpLogEntry[] = [];
  const lines: string[] = [];
  const graph = createGraphClient({
    baseUrl: server.baseUrl,
    token: TOKEN,
    headers: { Cookie: `session=${TOKEN}` },
    middleware: [loggingMiddleware({ log: (entry) => (entries.push(entry), lines.push(formatLogEntry(entry))) })],
  });
  const list = `/beta/deviceManagement/configurationPolicies/${policyId}/assignments`;
  server.faults.push({ kind: "status", status: 503, retryAfter: "0", headers: { "set-cookie": `s=${TOKEN}` } }, { method: "GET", path: list });
  await graph.deviceManagement.configurationPolicies.byId(policyId).assignments.get();
  await graph.deviceManagement.configurationPolicies.byId(policyId).assignments.byId("missing").get().catch(() => undefined);
  assert.equal(entries.map((e) => e.status), [503, 200, 404]);
  assert.is(entries[0]!.requestHeaders.authorization, "[redacted]");
  assert.is(entries[0]!.requestHeaders.cookie, "[redacted]");
  assert.is(entries[0]!.responseHeaders!["set-cookie"], "[redacted]");
  assert.match(entries[0]!.requestHeaders["client-request-id"]!, /^[0-9a-f-]{36}$/, "other headers are kept");
  assert.match(lines[1]!, new RegExp(`^GET ${server.baseUrl.replace(/[.]/g, "\\.")}.*/assignments → 200 \\(\\d+ ms\\) request-id=[0-9a-f-]{36}$`));
  const logged = JSON.stringify(entries) + lines.join("\n");
  assert.not.ok(logged.includes("secret-token-value"), "the token reached the log");
  assert.ok(server.requests[0]!.headers.authorization === `Bearer ${TOKEN}`, "the server still got the token");
});

test("logging: a failed attempt is logged with its error, and the default sink is one console.debug line", async ({ server, policyId }) => {
  const entries: HttpLogEntry[] = [];
  const broken = createGraphClient({ baseUrl: server.baseUrl, token: TOKEN, maxRetries: 0, middleware: [loggingMiddleware({ log: (e) => entries.push(e) }), () => Promise.reject(new TypeError("fetch failed"))] });
  await broken.deviceManagement.configurationPolicies.byId(policyId).assignments.get().catch(() => undefined);
  assert.is(entries.length, 1);
  assert.is(entries[0]!.status, undefined);
  assert.is(entries[0]!.error, "fetch failed");
  const original = console.debug;
  const printed: string[] = [];
  console.debug = (line: string) => printed.push(line);
  try {
    await createGraphClient({ baseUrl: server.baseUrl, token: TOKEN, middleware: [loggingMiddleware()] }).deviceManagement.configurationPolicies.byId(policyId).assignments.get();
  } finally {
    console.debug = original;
  }
  assert.is(printed.length, 1);
  assert.match(printed[0]!, /^GET .*\/assignments → 200/);
  assert.not.ok(printed[0]!.includes(TOKEN));
});

test("tracing: a CLIENT span per attempt with the HTTP attributes, its traceparent sent, errors marked", async ({ server, policyId }) => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer("graphslice-test");
  const graph = createGraphClient({ baseUrl: server.baseUrl, token: TOKEN, middleware: [tracingMiddleware(tracer)] });
  const list = `/beta/deviceManagement/configurationPolicies/${policyId}/assignments`;
  server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "GET", path: list });
  await graph.deviceManagement.configurationPolicies.byId(policyId).assignments.get();
  await graph.deviceManagement.configurationPolicies.byId(policyId).assignments.byId("missing").get().catch(() => undefined);
  const spans = exporter.getFinishedSpans();
  assert.equal(spans.map((s) => [s.name, s.kind, s.attributes["http.response.status_code"]]), [
    ["GET", SpanKind.CLIENT, 429],
    ["GET", SpanKind.CLIENT, 200],
    ["GET", SpanKind.CLIENT, 404],
  ]);
  assert.is(spans[1]!.attributes["url.full"], `${server.url}${list}`);
  assert.is(spans[1]!.attributes["server.address"], "127.0.0.1");
  assert.is(spans[1]!.attributes["http.request.method"], "GET");
  assert.match(String(spans[1]!.attributes["graph.request_id"]), /^[0-9a-f-]{36}$/);
  assert.is(spans[1]!.status.code, SpanStatusCode.UNSET);
  assert.is(spans[2]!.status.code, SpanStatusCode.ERROR);
  assert.is(spans[2]!.attributes["error.type"], "404");
  // Each attempt carries its own span as traceparent, so the server side joins the right span.
  server.requests.forEach((r, i) => {
    const { traceId, spanId } = spans[i]!.spanContext();
    assert.is(r.headers.traceparent, `00-${traceId}-${spanId}-01`);
  });
  assert.not.ok(JSON.stringify(spans.map((s) => s.attributes)).includes(TOKEN));
});

test("tracing: a network failure records the exception; propagate: false sends no traceparent; the API's no-op tracer works too", async ({ server, policyId }) => {
  const exporter = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer("t");
  const broken = createGraphClient({ baseUrl: server.baseUrl, token: TOKEN, maxRetries: 0, middleware: [tracingMiddleware(tracer), () => Promise.reject(new TypeError("fetch failed"))] });
  await broken.deviceManagement.configurationPolicies.byId(policyId).assignments.get().catch(() => undefined);
  const [span] = exporter.getFinishedSpans();
  assert.is(span!.status.code, SpanStatusCode.ERROR);
  assert.is(span!.attributes["error.type"], "TypeError");
  assert.is(span!.events[0]?.name, "exception");
  const quiet = createGraphClient({ baseUrl: server.baseUrl, token: TOKEN, middleware: [tracingMiddleware(tracer, { propagate: false })] });
  await quiet.deviceManagement.configurationPolicies.byId(policyId).assignments.get();
  assert.is(server.requests.at(-1)!.headers.traceparent, undefined);
  // With no SDK registered, @opentelemetry/api hands out a no-op tracer: calls still go through.
  const noop = createGraphClient({ baseUrl: server.baseUrl, token: TOKEN, middleware: [tracingMiddleware(trace.getTracer("none"))] });
  const page = await noop.deviceManagement.configurationPolicies.byId(policyId).assignments.get();
  assert.is(page.value.length, 0);
  assert.is(server.requests.at(-1)!.headers.traceparent, undefined, "an invalid (all-zero) trace id is not sent");
});

test("a log sink that throws neither fails the call nor sends it again: a GET goes once, a POST's answer is kept", async ({ server, policyId }) => {
  let logged = 0;
  const log = () => {
    logged++;
    throw new Error("log sink is full");
  };
  const graph = createGraphClient({ baseUrl: server.baseUrl, token: TOKEN, backoffMs: 1, middleware: [loggingMiddleware({ log })] });
  const assignments = graph.deviceManagement.configurationPolicies.byId(policyId).assignments;
  const page = await assignments.get();
  assert.is(page.value.length, 0);
  const created = await assignments.post({ target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } });
  assert.ok(created.id, "the created assignment is delivered");
  assert.equal(server.requests.map((r) => r.method), ["GET", "POST"], "each sent once");
  assert.is(logged, 2, "one entry per attempt");
  // A failed attempt is still failed the way it failed, not by the sink's error.
  const broken = createGraphClient({ baseUrl: server.baseUrl, token: TOKEN, maxRetries: 0, middleware: [loggingMiddleware({ log }), () => Promise.reject(new TypeError("fetch failed"))] });
  const error = await broken.deviceManagement.configurationPolicies.byId(policyId).assignments.get().catch((e: unknown) => e);
  assert.match(String((error as Error).message), "fetch failed");
});

test("a tracer or span that throws neither fails the call nor sends it again; the request still goes out", async ({ server, policyId }) => {
  for (const where of ["startSpan", "spanContext", "setAttribute", "setStatus", "end"]) {
    server.requests.length = 0;
    const fail = (at: string) => {
      if (at === where) throw new Error(`${at} failed`);
    };
    const span = {
      spanContext: () => (fail("spanContext"), { traceId: "1".repeat(32), spanId: "2".repeat(16), traceFlags: 1 }),
      setAttribute: () => fail("setAttribute"),
      setStatus: () => fail("setStatus"),
      recordException: () => fail("recordException"),
      end: () => fail("end"),
    };
    const tracer = { startSpan: () => (fail("startSpan"), span) };
    const graph = createGraphClient({ baseUrl: server.baseUrl, token: TOKEN, backoffMs: 1, middleware: [tracingMiddleware(tracer)] });
    const assignments = graph.deviceManagement.configurationPolicies.byId(policyId).assignments;
    const missing = await assignments.byId("missing").get().catch((e: unknown) => e);
    assert.is((missing as { status?: number }).status, 404, where);
    const created = await assignments.post({ target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } });
    assert.ok(created.id, where);
    assert.equal(server.requests.map((r) => r.method), ["GET", "POST"], `${where}: each sent once`);
  }
});

test.run();
