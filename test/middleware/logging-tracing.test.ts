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

test.run();
