/**
 * The middleware chain over real HTTP: around every attempt (retries, redirects, the `$batch` request),
 * after the token is set, in array order; it can change the request and answer by itself. And the
 * `SdkVersion` header on every request.
 */
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createGraphClient, createLowLevelClient, GraphError, SDK_VERSION, type Middleware } from "../../generated/index.js";
import { rejection } from "../runtime/helpers.js";
import { startGraphServer, type GraphServer } from "../server/graph-server.js";

const test = suite<{ server: GraphServer; policyId: string; assignmentId: string }>("middleware", {} as never);
test.before.each(async (ctx) => {
  ctx.server = await startGraphServer();
  ctx.policyId = String(ctx.server.store.addPolicy({ name: "p" }).id);
  ctx.assignmentId = String(ctx.server.store.addAssignment(ctx.policyId, {}).id);
});
test.after.each(async (ctx) => ctx.server.close());

/** A middleware that notes what it saw, under `name`. */
function spy(name: string, seen: string[]): Middleware {
  return async (request, next) => {
    seen.push(`${name} → ${request.method} ${new URL(request.url).pathname} auth=${request.headers.get("authorization") ?? "-"}`);
    const response = await next(request);
    seen.push(`${name} ← ${response.status}`);
    return response;
  };
}

test("runs in array order around every attempt, after the token is set: a 429 retry and a redirect are attempts of their own", async ({ server, policyId }) => {
  const seen: string[] = [];
  const graph = createGraphClient({ baseUrl: server.baseUrl, token: "tok", middleware: [spy("outer", seen), spy("inner", seen)] });
  const list = `/beta/deviceManagement/configurationPolicies/${policyId}/assignments`;
  server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "GET", path: list });
  server.faults.push({ kind: "redirect", status: 302, location: `${server.url}${list}?moved=1` }, { method: "GET", path: list });
  const page = await graph.deviceManagement.configurationPolicies.byId(policyId).assignments.get();
  assert.is(page.value.length, 1);
  const attempt = (status: number) => [`outer → GET ${list} auth=Bearer tok`, `inner → GET ${list} auth=Bearer tok`, `inner ← ${status}`, `outer ← ${status}`];
  assert.equal(seen, [...attempt(429), ...attempt(302), ...attempt(200)]);
  assert.is(server.requests.length, 3);
});

test("the $batch request itself goes through the chain (once, not per item)", async ({ server, policyId, assignmentId }) => {
  const seen: string[] = [];
  const graph = createGraphClient({ baseUrl: server.baseUrl, token: "tok", middleware: [spy("m", seen)] });
  await graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(policyId).assignments.get(), g.deviceManagement.configurationPolicies.byId(policyId).assignments.byId(assignmentId).get()]);
  assert.equal(seen, ["m → POST /beta/$batch auth=Bearer tok", "m ← 200"]);
});

test("the low-level client's requests go through the chain too, with the SdkVersion header", async ({ server, policyId, assignmentId }) => {
  const seen: string[] = [];
  const api = createLowLevelClient({ baseUrl: server.baseUrl, token: "tok", middleware: [spy("m", seen)] });
  const { data } = await api.GET("/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments/{deviceManagementConfigurationPolicyAssignment-id}", {
    params: { path: { "deviceManagementConfigurationPolicy-id": policyId, "deviceManagementConfigurationPolicyAssignment-id": assignmentId } },
  });
  assert.is(data?.id, assignmentId);
  assert.equal(seen, [`m → GET /beta/deviceManagement/configurationPolicies/${policyId}/assignments/${assignmentId} auth=Bearer tok`, "m ← 200"]);
  assert.match(server.requests[0]!.headers.sdkversion ?? "", /^graphslice\//);
});

test("can change the request and read the response", async ({ server, policyId }) => {
  let requestId: string | null = null;
  const tag: Middleware = async (request, next) => {
    const changed = new Request(request, { headers: new Headers(request.headers) });
    changed.headers.set("x-test-tag", "tagged");
    const response = await next(changed);
    requestId = response.headers.get("request-id");
    return response;
  };
  const graph = createGraphClient({ baseUrl: server.baseUrl, token: "tok", middleware: [tag] });
  await graph.deviceManagement.configurationPolicies.byId(policyId).assignments.get();
  assert.is(server.requests[0]!.headers["x-test-tag"], "tagged");
  assert.match(requestId ?? "", /^[0-9a-f-]{36}$/);
});

test("can short-circuit with its own Response: fault injection with no network; a thrown error is a network error", async ({ server, policyId }) => {
  const fake: Middleware = async () => new Response(JSON.stringify({ error: { code: "Injected", message: "from middleware" } }), { status: 409, headers: { "content-type": "application/json" } });
  const graph = createGraphClient({ baseUrl: server.baseUrl, token: "tok", middleware: [fake] });
  const error = (await rejection(graph.deviceManagement.configurationPolicies.byId(policyId).assignments.get(), /from middleware/)) as GraphError;
  assert.is(error.status, 409);
  assert.is(error.code, "Injected");
  const broken = createGraphClient({ baseUrl: server.baseUrl, token: "tok", maxRetries: 0, middleware: [() => Promise.reject(new Error("unplugged"))] });
  const failure = (await rejection(broken.deviceManagement.configurationPolicies.byId(policyId).assignments.get(), /unplugged/)) as GraphError;
  assert.is(failure.code, "networkError");
  assert.match(failure.message, /unplugged/);
  assert.is(server.requests.length, 0);
});

test("SdkVersion: graphslice/<package version> on every request, single and $batch; sdkVersionHeader: false turns it off", async ({ server, policyId }) => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  assert.is(SDK_VERSION, pkg.version, "templates/version.ts follows package.json");
  const graph = createGraphClient({ baseUrl: server.baseUrl, token: "tok" });
  await graph.deviceManagement.configurationPolicies.byId(policyId).assignments.get();
  await graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(policyId).assignments.get()]);
  assert.equal(server.requests.map((r) => r.headers.sdkversion), [`graphslice/${pkg.version}`, `graphslice/${pkg.version}`]);
  const quiet = createGraphClient({ baseUrl: server.baseUrl, token: "tok", sdkVersionHeader: false, headers: { "x-other": "1" } });
  await quiet.deviceManagement.configurationPolicies.byId(policyId).assignments.get();
  assert.is(server.requests[2]!.headers.sdkversion, undefined);
  assert.is(server.requests[2]!.headers["x-other"], "1");
  const own = createGraphClient({ baseUrl: server.baseUrl, token: "tok", headers: { SdkVersion: "myapp/2.0" } });
  await own.deviceManagement.configurationPolicies.byId(policyId).assignments.get();
  assert.is(server.requests[3]!.headers.sdkversion, "myapp/2.0", "a caller's own SdkVersion wins");
});

test.run();
