/**
 * Bad responses: a proxy's HTML page, truncated JSON, an empty body, the wrong content type — each a
 * GraphError with the status and the raw text, never an unhandled exception — and a 10 MB page that
 * simply works.
 */
import * as assert from "uvu/assert";
import { createLowLevelClient } from "../../generated/assignments/index.js";
import { graphError, GROUP_TARGET, POLICY, reliabilitySuite, TOKEN } from "./helpers.js";

const test = reliabilitySuite("reliability: bad responses");

test("an HTML error page from a proxy (502): GraphError with status 502 and the page as raw text, not retried", async ({ h }) => {
  h.server.faults.push({ kind: "html" }, { method: "GET" });
  const error = await graphError(h.assignments().get());
  assert.is(error.status, 502);
  assert.is(error.code, "http502");
  assert.match(error.body, "<title>502 Bad Gateway</title>");
  assert.match(error.message, "text/html");
  assert.is(error.requestId, undefined, "a proxy page carries no Graph ids");
  assert.ok(error.clientRequestId, "the id we sent is still there to quote");
  assert.is(h.server.requests.length, 1);
});

test("a status outside 200 to 599 is not HTTP: invalidResponse naming it, in both clients, and a POST is not sent again", async ({ h }) => {
  for (const status of [600, 999]) {
    h.server.faults.push({ kind: "status", status, apply: true }, { method: "POST" });
    const error = await graphError(h.assignments().post({ target: GROUP_TARGET }));
    assert.is(error.code, "invalidResponse");
    assert.match(error.message, `was answered with status ${status}, which is not an HTTP status`);
  }
  assert.is(h.server.requests.length, 2, "each POST sent once");
  h.server.faults.push({ kind: "status", status: 600 }, { method: "GET" });
  const api = createLowLevelClient({ baseUrl: h.server.baseUrl, token: TOKEN });
  const path = { "deviceManagementConfigurationPolicy-id": POLICY };
  const error = await graphError(api.GET("/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments", { params: { path } }));
  assert.is(error.code, "invalidResponse");
});

test("an HTML page with status 200: invalidResponse with status 200 and the raw text", async ({ h }) => {
  h.server.faults.push({ kind: "html", status: 200 }, { method: "GET" });
  const error = await graphError(h.assignments().get());
  assert.is(error.code, "invalidResponse");
  assert.is(error.status, 200);
  assert.match(error.body, "edge-proxy");
});

test("an HTML 503 from a proxy is retried like any 503, and the call then succeeds", async ({ h }) => {
  h.server.faults.push({ kind: "html", status: 503 }, { method: "GET" });
  const page = await h.assignments().get();
  assert.equal(page.value, []);
  assert.is(h.server.requests.length, 2);
});

test("truncated JSON: invalidResponse with the cut text and the parse error as cause; nothing retried", async ({ h }) => {
  h.server.faults.push({ kind: "truncated" }, { method: "GET" });
  const error = await graphError(h.assignments().get());
  assert.is(error.code, "invalidResponse");
  assert.is(error.status, 200);
  assert.match(error.message, "expected valid JSON");
  assert.ok(error.body.startsWith('{"@odata.context"'));
  assert.instance(error.cause, SyntaxError);
  assert.ok(error.requestId);
  assert.is(h.server.requests.length, 1);
});

test("a truncated POST answer: invalidResponse, and the create (which happened) is not repeated", async ({ h }) => {
  h.server.faults.push({ kind: "truncated", apply: true }, { method: "POST" });
  const error = await graphError(h.assignments().post({ target: GROUP_TARGET }));
  assert.is(error.code, "invalidResponse");
  assert.is(h.server.requests.length, 1);
  assert.is(h.server.store.listAssignments(POLICY).length, 1);
});

test("an empty body where JSON was expected, with 200 and with 500", async ({ h }) => {
  h.server.faults.push({ kind: "empty" }, { method: "GET" });
  const ok = await graphError(h.assignments().get());
  assert.is(ok.code, "invalidResponse");
  assert.is(ok.status, 200);
  assert.is(ok.body, "");
  assert.match(ok.message, "an empty body");
  h.server.faults.push({ kind: "empty", status: 500 }, { method: "GET" });
  const failed = await graphError(h.assignments().get());
  assert.is(failed.status, 500);
  assert.is(failed.code, "http500");
  assert.match(failed.message, "an empty body");
});

test("the wrong content type (text/plain) is not parsed as JSON", async ({ h }) => {
  h.server.faults.push({ kind: "wrongContentType" }, { method: "GET" });
  const error = await graphError(h.assignments().get());
  assert.is(error.code, "invalidResponse");
  assert.match(error.message, "text/plain");
  assert.match(error.body, "maintenance in progress");
});

test("an error status with a non-Graph JSON body keeps the raw text and falls back to the HTTP status", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 500, body: '{"oops":true' }, { method: "GET" });
  const error = await graphError(h.assignments().get());
  assert.is(error.status, 500);
  assert.is(error.code, "http500");
  assert.is(error.body, '{"oops":true');
});

test("a Graph error body fills code, message, innerError and the ids", async ({ h }) => {
  const error = await graphError(h.client().deviceManagement.configurationPolicies.byId("missing").assignments.get());
  assert.is(error.status, 404);
  assert.is(error.code, "ResourceNotFound");
  assert.ok(error.innerError?.["request-id"]);
  assert.is(error.requestId, error.innerError?.["request-id"]);
  assert.ok(error.date);
  assert.ok(error.diagnostic?.includes("Loopback"));
});

test("a 10 MB page is read and parsed whole", async ({ h }) => {
  h.server.faults.push({ kind: "huge" }, { method: "GET" });
  const page = await h.assignments().get();
  assert.ok(page.value.length > 40_000, `${page.value.length} items`);
  const last = page.value[page.value.length - 1]!;
  assert.is(last.target?.["@odata.type"], "#microsoft.graph.groupAssignmentTarget");
});

test("a 10 MB page cut mid-stream on a GET is retried, and the retry succeeds", async ({ h }) => {
  h.server.faults.push({ kind: "reset" }, { method: "GET" });
  h.server.faults.push({ kind: "huge", bytes: 10 * 1024 * 1024 }, { method: "GET" });
  const page = await h.assignments().get();
  assert.ok(page.value.length > 40_000);
  assert.is(h.server.requests.length, 2);
});

test.run();
