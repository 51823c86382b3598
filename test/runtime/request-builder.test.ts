/**
 * The runtime request builder (templates/request-builder.ts) over HTTP: builders are not promises and
 * show only their path, the routes table overrides the naming rules, and a slice's validation
 * tables are loaded once, by the first call that sends a body, and never with `validate: false`.
 */
import { inspect } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createGraphClient, GraphError } from "../../generated/index.js";
import { createClient, type Routes } from "../../generated/runtime/request-builder.js";
import { createRuntime, type GraphClientOptions } from "../../generated/runtime/runtime.js";
import type { OperationIndexes } from "../../generated/runtime/operation-index.js";
import { operationIndexes } from "../../generated/assignments/operation-indexes.js";
import type { GraphClient } from "../../generated/assignments/client.js";
import { lastRequest, rejection, startHarness, type Harness } from "./helpers.js";
import { startRecordingServer } from "../server/recording-server.js";

const test = suite<{ h: Harness }>("runtime: the request builder", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness();
});
test.after.each(async (ctx) => ctx.h.server.close());

/** The assignments slice's client over a runtime whose index loads are counted (and may fail first). */
function countingClient(h: Harness, options: GraphClientOptions = {}, failures = 0) {
  const loads = { count: 0 };
  const counted: OperationIndexes = operationIndexes.map((load) => () => {
    loads.count++;
    return loads.count <= failures ? Promise.reject(new Error("chunk failed to load")) : load();
  });
  const runtime = createRuntime({ baseUrl: h.server.baseUrl, token: "test-token", maxRetries: 0, ...options }, counted);
  const routes: Routes = { "deviceManagement/configurationPolicies/{}/assignments/{}/patch": { expect: "json" } };
  return { graph: createClient(runtime, routes) as GraphClient, loads };
}

const invalidTarget = { target: { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: "g", deviceAndAppManagementAssignmentFilterType: "sideways" } } as never;

test("the validation tables load on the first call that sends a body, once", async ({ h }) => {
  const { graph, loads } = countingClient(h);
  const item = graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId);
  await item.get();
  assert.is(loads.count, 0, "a GET sends no body and loads nothing");
  const sent = h.server.requests.length;
  const error = await rejection(item.patch(invalidTarget), /deviceAndAppManagementAssignmentFilterType/);
  assert.is((error as GraphError).code, "invalidRequestBody");
  assert.is(h.server.requests.length, sent, "the invalid body was not sent");
  await item.patch({ target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } });
  assert.is(loads.count, 1);
});

test("validate: false never loads the tables, and the body goes as written", async ({ h }) => {
  const { graph, loads } = countingClient(h, { validate: false });
  await graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId).patch(invalidTarget).catch(() => undefined);
  assert.is(loads.count, 0);
  assert.equal(lastRequest(h.server).json.target.deviceAndAppManagementAssignmentFilterType, "sideways");
});

test("a per-call validate: false skips the tables; a table load that failed is tried again by the next call", async ({ h }) => {
  const { graph, loads } = countingClient(h, {}, 1);
  const item = graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId);
  await item.patch({ target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } }, { validate: false });
  assert.is(loads.count, 0);
  const sent = h.server.requests.length;
  const failed = await rejection(item.patch(invalidTarget), /^PATCH \S+\/assignments\/\S+ not sent: its body's validation tables could not be loaded \(chunk failed to load\)/);
  assert.instance(failed, GraphError);
  assert.is((failed as GraphError).code, "moduleNotLoaded");
  assert.is(h.server.requests.length, sent, "nothing is sent unvalidated when the tables fail to load");
  await rejection(item.patch(invalidTarget), /deviceAndAppManagementAssignmentFilterType/);
  assert.is(loads.count, 2);
});

test("a builder is not a promise, shows its path and nothing of the runtime, and serialises as its path", async ({ h }) => {
  const policy = h.graph.deviceManagement.configurationPolicies.byId("p 1");
  assert.is(await policy, policy, "await returns the builder itself");
  assert.is(policy.path, "/deviceManagement/configurationPolicies/p%201");
  const shown = inspect(policy, { depth: 5, showHidden: true });
  assert.match(shown, "/deviceManagement/configurationPolicies/p%201");
  assert.not.match(shown, /test-token|baseUrl|127\.0\.0\.1/);
  assert.equal(Object.keys(policy), ["path"]);
  // Callable, so that a member called is a bound action or function; Object.prototype's members are its own.
  assert.is(`${policy}`, "[object Function]");
  assert.is(policy.toString, Object.prototype.toString);
  assert.equal(JSON.parse(JSON.stringify(policy)), { path: "/deviceManagement/configurationPolicies/p%201" });
});

test("the routes table overrides the rules (a getter named like a verb, a renamed segment), and a called member's route comes from its index", async ({ h }) => {
  const routes: Routes = {
    "things/count": { segment: "count" },
    "things/odataValue": { segment: "$value" },
  };
  const calls: Routes = { "things/{}/archive": { args: ["options"], expect: "none" } };
  const runtime = createRuntime({ baseUrl: h.server.baseUrl, token: "test-token", maxRetries: 0 }, [async () => ({ calls, bodies: {} })]);
  const client = createClient(runtime, routes) as Record<string, any>;
  const path = () => lastRequest(h.server).rawPath;
  await client.things.count.get().catch(() => undefined);
  assert.is(path(), "/beta/things/count", "a getter, not $count");
  assert.is(client.things.count.path, "/things/count", "the routed getter is a builder, not the verb");
  await client.others.count().catch(() => undefined);
  assert.is(path(), "/beta/others/$count", "the verb where no getter is routed");
  await client.things.odataValue.get().catch(() => undefined);
  assert.is(path(), "/beta/things/$value");
  await client.things.byId("t").archive().catch(() => undefined);
  assert.is(lastRequest(h.server).method, "POST");
  assert.is(path(), "/beta/things/t/microsoft.graph.archive", "POST and microsoft.graph.<member> by the rule for calls");
  assert.throws(() => client.things.byId(""), (e: unknown) => e instanceof GraphError && /^things\.byId\(id\)/.test(e.message));
});

test("without routes, .ref and .value are $ref and $value; verbs below $ref and on a media segment follow their rules", async () => {
  const answers: { status?: number; headers?: Record<string, string>; body?: string }[] = [];
  const server = await startRecordingServer({ respond: () => answers.shift() ?? {} });
  try {
    const runtime = createRuntime({ baseUrl: `${server.url}/beta`, token: "test-token", maxRetries: 0 }, []);
    const client = createClient(runtime, {}, {}, ["$value", "content"]) as Record<string, any>;
    const sent = () => server.requests.at(-1)!;
    // A 200 with JSON would be returned by a plain POST; below $ref it answers nothing.
    answers.push({ body: '{"ignored":true}' });
    assert.is(await client.groups.byId("g").members.ref.post({ "@odata.id": "x" }), undefined);
    assert.is(sent().rawPath, "/beta/groups/g/members/$ref");
    await client.groups.byId("g").members.byId("m").ref.delete({ id: "https://graph/x" });
    assert.is(sent().method, "DELETE");
    assert.is(sent().rawPath, "/beta/groups/g/members/m/$ref?@id=https%3A%2F%2Fgraph%2Fx", "the first argument is the query, @id its wire name");
    answers.push({ headers: { "content-type": "application/json" }, body: '{"not":"parsed"}' });
    const blob = await client.users.byId("u").photo.value.get();
    assert.instance(blob, Blob, "a media resource answers a Blob, whatever its content type");
    assert.is(sent().rawPath, "/beta/users/u/photo/$value");
    await client.drives.byId("d").root.content.put(new Uint8Array([1, 2]));
    assert.is(sent().headers["content-type"], "application/octet-stream");
    await rejection(client.drives.byId("d").root.content.put({ json: true }), /expected binary content/);
    answers.push({ body: '{"id":"c"}' });
    assert.equal(await client.drives.byId("d").items.byId("content").get(), { id: "c" }, "a key is no segment: an id named like a media segment keeps the usual verbs");
    assert.equal(await client.things.ref.get(), { value: [] }, "GET below $ref is the usual get");
  } finally {
    await server.close();
  }
});

test("a node reached by properties alone is made once per client; a node below a key is made per call", async ({ h }) => {
  const { graph } = h;
  assert.is(graph.deviceManagement.configurationPolicies, graph.deviceManagement.configurationPolicies);
  assert.is(graph.deviceManagement.configurationPolicies.byId, graph.deviceManagement.configurationPolicies.byId);
  const first = graph.deviceManagement.configurationPolicies.byId("a");
  const second = graph.deviceManagement.configurationPolicies.byId("b");
  assert.is.not(first.assignments, graph.deviceManagement.configurationPolicies.byId("a").assignments);
  assert.is(first.assignments.path, "/deviceManagement/configurationPolicies/a/assignments");
  assert.is(second.assignments.path, "/deviceManagement/configurationPolicies/b/assignments");
  await first.assignments.get().catch(() => undefined);
  await second.assignments.get().catch(() => undefined);
  assert.equal(h.server.requests.map((r) => r.rawPath), ["/beta/deviceManagement/configurationPolicies/a/assignments", "/beta/deviceManagement/configurationPolicies/b/assignments"]);
});

test("a node keeps a bounded number of the members reached on it: computed names cannot grow a client without end", async ({ h }) => {
  const { graph } = h;
  const root = graph as unknown as Record<string, { path: string }>;
  const early = graph.deviceManagement;
  for (let i = 0; i < 3000; i++) assert.is(root[`segment${i}`]!.path, `/segment${i}`);
  assert.is(graph.deviceManagement, early, "what was kept before stays kept");
  assert.is.not(root["segment2999"], root["segment2999"], "past the bound, a member is made on each access");
  assert.is(root["segment1"], root["segment1"]);
});

test("the client's headers are sent with every call, from a Headers object too, and a call's own replace them by name", async ({ h }) => {
  // The option is typed as a record; a JavaScript caller may hand a Headers object.
  const headers = new Headers({ "X-Team": "devices", Prefer: "return=minimal" }) as unknown as Record<string, string>;
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "test-token", headers });
  const policy = graph.deviceManagement.configurationPolicies.byId(h.policyId);
  await policy.assignments.get();
  assert.is(lastRequest(h.server).headers["x-team"], "devices");
  await policy.assignments.get(undefined, { headers: { "x-team": "other" } });
  assert.is(lastRequest(h.server).headers["x-team"], "other");
  assert.is(lastRequest(h.server).headers["prefer"], "return=minimal");
  await policy.assignments.get();
  assert.is(lastRequest(h.server).headers["x-team"], "devices", "a call's header does not stay for the next");
});

test("a node's path cannot be reassigned: a node made once per client cannot send later calls elsewhere", async ({ h }) => {
  const { graph } = h;
  const policies = graph.deviceManagement.configurationPolicies as unknown as { path: string };
  assert.throws(() => (policies.path = "/users"), TypeError);
  assert.throws(() => Object.defineProperty(graph.deviceManagement, "path", { value: "/users" }), TypeError);
  assert.is(graph.deviceManagement.configurationPolicies.path, "/deviceManagement/configurationPolicies");
  await graph.deviceManagement.configurationPolicies.byId("a").assignments.get().catch(() => undefined);
  assert.equal(h.server.requests.map((r) => r.rawPath), ["/beta/deviceManagement/configurationPolicies/a/assignments"]);
});

test.run();
