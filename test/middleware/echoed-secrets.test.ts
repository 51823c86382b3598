/**
 * The shipped middlewares against a hostile server and hostile middleware, over real HTTP: a response
 * that echoes the Authorization or API-key header (in any header, `request-id` included) and an
 * attempt error that quotes them. Nothing logged and nothing in a span (attributes, the exception
 * event, the status message) may hold a secret of the attempt; the echo shows as `[token]`.
 */
import { SpanStatusCode } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createGraphClient, formatLogEntry, loggingMiddleware, tracingMiddleware, type HttpLogEntry, type Middleware } from "../../generated/index.js";
import { startRecordingServer, type RecordingServer } from "../server/recording-server.js";

const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.echoed-token-value";
const API_KEY = "k3y-of-the-api-0f9e8d7c";
const SECRETS = [TOKEN, API_KEY, "echoed-token-value"];

const test = suite<{ server: RecordingServer }>("middlewares against echoed secrets", {} as never);
test.before.each(async (ctx) => {
  // Sends back what it got: Authorization in `x-echo` and `request-id`, the API key in `x-echo-key`.
  ctx.server = await startRecordingServer({
    respond: ({ headers }) => ({
      headers: { "x-echo": headers.authorization ?? "", "request-id": headers.authorization ?? "", "x-echo-key": headers["x-api-key"] ?? "" },
    }),
  });
});
test.after.each(async (ctx) => ctx.server.close());

/** A middleware that refuses the attempt with an error quoting its credentials (message and name). */
const refuse: Middleware = async (request) => {
  const error = new TypeError(`refused ${request.headers.get("authorization")} with key ${request.headers.get("x-api-key")}`);
  error.name = `TypeError(${request.headers.get("x-api-key")})`;
  throw error;
};

function leaks(text: string): string[] {
  return SECRETS.filter((secret) => text.includes(secret));
}

const list = (server: RecordingServer, middleware: Middleware[]) =>
  createGraphClient({ baseUrl: `${server.url}/beta`, token: TOKEN, headers: { "x-api-key": API_KEY }, maxRetries: 0, middleware })
    .deviceManagement.configurationPolicies.byId("p").assignments.get();

test("logging: echoed Authorization and API key in response headers are masked, the credential headers still redacted", async ({ server }) => {
  const entries: HttpLogEntry[] = [];
  await list(server, [loggingMiddleware({ log: (entry) => entries.push(entry) })]);
  assert.is(server.requests[0]!.headers.authorization, `Bearer ${TOKEN}`, "the server got the token");
  assert.is(entries.length, 1);
  const [entry] = entries;
  assert.is(entry!.requestHeaders.authorization, "[redacted]");
  assert.is(entry!.requestHeaders["x-api-key"], "[redacted]");
  assert.is(entry!.responseHeaders!["x-echo"], "[token]");
  assert.is(entry!.responseHeaders!["request-id"], "[token]");
  assert.is(entry!.responseHeaders!["x-echo-key"], "[token]");
  assert.match(formatLogEntry(entry!), / request-id=\[token\]$/);
  assert.equal(leaks(JSON.stringify(entries) + formatLogEntry(entry!)), []);
});

test("logging: an attempt error quoting the token and the API key is logged masked", async ({ server }) => {
  const entries: HttpLogEntry[] = [];
  await list(server, [loggingMiddleware({ log: (entry) => entries.push(entry) }), refuse]).catch(() => undefined);
  assert.is(entries.length, 1);
  assert.is(entries[0]!.error, "refused [token] with key [token]");
  assert.is(formatLogEntry(entries[0]!).includes("failed: refused [token] with key [token]"), true);
  assert.equal(leaks(JSON.stringify(entries) + formatLogEntry(entries[0]!)), []);
});

test("logging: a mixed-case API key echoed as a response header's name (which Headers lower-cases) is masked", async () => {
  const MIXED_KEY = "Mixed-Case-Api-Key-7F3e9A";
  const server = await startRecordingServer({ respond: ({ headers }) => ({ headers: { [`x-${headers["x-api-key"] ?? "none"}`]: "1" } }) });
  try {
    const entries: HttpLogEntry[] = [];
    await createGraphClient({ baseUrl: `${server.url}/beta`, token: TOKEN, headers: { "x-api-key": MIXED_KEY }, maxRetries: 0, middleware: [loggingMiddleware({ log: (entry) => entries.push(entry) })] })
      .deviceManagement.configurationPolicies.byId("p").assignments.get();
    assert.is(server.requests[0]!.headers["x-api-key"], MIXED_KEY);
    const logged = JSON.stringify(entries);
    assert.ok(Object.hasOwn(entries[0]!.responseHeaders!, "x-[token]"), logged);
    assert.not.ok(logged.toLowerCase().includes(MIXED_KEY.toLowerCase()), logged);
  } finally {
    await server.close();
  }
});

test("logging: a credential a later middleware sets on the attempt's request is masked too", async ({ server }) => {
  const entries: HttpLogEntry[] = [];
  const LATE_KEY = "late-added-api-key-5a4b3c";
  const addKey: Middleware = (request, next) => (request.headers.set("x-api-key", LATE_KEY), next(request));
  await list(server, [loggingMiddleware({ log: (entry) => entries.push(entry) }), addKey]);
  assert.is(server.requests[0]!.headers["x-api-key"], LATE_KEY);
  assert.is(entries[0]!.responseHeaders!["x-echo-key"], "[token]");
  assert.not.ok(JSON.stringify(entries).includes(LATE_KEY));
});

function tracer() {
  const exporter = new InMemorySpanExporter();
  return { exporter, tracer: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer("echo-test") };
}

test("tracing: an echoed request-id becomes a masked graph.request_id; no attribute holds a secret", async ({ server }) => {
  const { exporter, tracer: t } = tracer();
  await list(server, [tracingMiddleware(t)]);
  const [span] = exporter.getFinishedSpans();
  assert.is(span!.attributes["graph.request_id"], "[token]");
  assert.is(span!.attributes["http.response.status_code"], 200);
  assert.equal(leaks(JSON.stringify([span!.attributes, span!.events, span!.status])), []);
});

test("tracing: an attempt error quoting the secrets gives a masked exception event, error.type and status message", async ({ server }) => {
  const { exporter, tracer: t } = tracer();
  await list(server, [tracingMiddleware(t), refuse]).catch(() => undefined);
  const [span] = exporter.getFinishedSpans();
  assert.is(span!.status.code, SpanStatusCode.ERROR);
  assert.is(span!.status.message, "refused [token] with key [token]");
  assert.is(span!.attributes["error.type"], "TypeError([token])");
  const event = span!.events.find((e) => e.name === "exception");
  assert.ok(event, "the exception is still recorded");
  assert.is(event!.attributes!["exception.message"], "refused [token] with key [token]");
  assert.is(event!.attributes!["exception.type"], "TypeError([token])");
  assert.match(String(event!.attributes!["exception.stacktrace"]), /refused \[token\] with key \[token\]/);
  assert.equal(leaks(JSON.stringify([span!.attributes, span!.events, span!.status])), []);
});

test("tracing: a thrown non-Error value quoting the token is recorded masked", async ({ server }) => {
  const { exporter, tracer: t } = tracer();
  const throwString: Middleware = async (request) => {
    throw `refused ${request.headers.get("authorization")}`;
  };
  await list(server, [tracingMiddleware(t), throwString]).catch(() => undefined);
  const [span] = exporter.getFinishedSpans();
  assert.is(span!.events[0]?.attributes?.["exception.message"], "refused [token]");
  assert.equal(leaks(JSON.stringify([span!.attributes, span!.events, span!.status])), []);
});

test("a pre-authenticated URL a redirect leads to (tempauth, a SAS sig, an OAuth code) is masked in log entries, span attributes and the error", async () => {
  // Graph answers a download with a 302 to a URL that needs no Authorization: its query is the credential.
  const query = "UniqueId=u1&tempauth=v1.eyJhdWQiOiJwcmUtYXV0aCJ9.tempauth-secret&sig=sas%2Bsignature-secret&code=oauth-code-secret";
  const server = await startRecordingServer({
    respond: ({ rawPath }) => (rawPath.startsWith("/dl") ? { status: 500, body: `failed ${rawPath}` } : { status: 302, headers: { location: `/dl/file.bin?${query}` } }),
  });
  try {
    const entries: HttpLogEntry[] = [];
    const exporter = new InMemorySpanExporter();
    const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer("t");
    const error = (await list(server, [loggingMiddleware({ log: (entry) => entries.push(entry) }), tracingMiddleware(tracer)]).then(() => assert.unreachable("the hop answers 500"), (e: unknown) => e)) as Error;
    assert.is(server.requests.length, 2, "the redirect was followed");
    assert.ok(server.requests[1]!.rawPath.includes("tempauth=v1."), "the hop got its credential");
    const spans = exporter.getFinishedSpans();
    const seen = [JSON.stringify(entries), entries.map(formatLogEntry).join("\n"), JSON.stringify(spans.map((span) => span.attributes)), String(error), error.stack ?? "", JSON.stringify(error)];
    for (const view of seen) {
      for (const secret of ["tempauth-secret", "signature-secret", "oauth-code-secret"]) assert.not.ok(view.includes(secret), `${secret} in ${view.slice(0, 300)}`);
    }
    assert.match(String(entries[1]!.url), "/dl/file.bin?UniqueId=u1&tempauth=[token]&sig=[token]&code=[token]");
    assert.match(String(spans[1]!.attributes["url.full"]), "UniqueId=u1&tempauth=[token]");
  } finally {
    await server.close();
  }
});

test.run();
