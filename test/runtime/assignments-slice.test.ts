/**
 * Every operation of the assignments slice (the package root) over real HTTP against the local server.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { GraphError } from "../../generated/index.js";
import { lastRequest, startHarness, type Harness } from "./helpers.js";

const test = suite<{ h: Harness }>("assignments slice over HTTP", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness({ pageSize: 2 });
});
test.after.each(async (ctx) => ctx.h.server.close());

const policyPath = (h: Harness) => `/beta/deviceManagement/configurationPolicies/${h.policyId}`;

test("get: one page, with $top/$select/$count on the wire and the bearer token", async ({ h }) => {
  const page = await h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.get({ top: 5, select: ["id", "target"], count: true });
  assert.is(page.value.length, 1);
  assert.is(page["@odata.count"], 1);
  const sent = lastRequest(h.server);
  assert.is(sent.rawPath, `${policyPath(h)}/assignments?$top=5&$select=id,target&$count=true`);
  assert.is(sent.headers.authorization, "Bearer test-token");
  assert.is(sent.headers.consistencylevel, "eventual");
});

test("iterate: every item across pages, following @odata.nextLink", async ({ h }) => {
  for (let i = 0; i < 4; i++) h.server.store.addAssignment(h.policyId, { target: { "@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget" } });
  const ids: string[] = [];
  for await (const a of h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.iterate()) ids.push(a.id!);
  assert.is(ids.length, 5);
  assert.is(new Set(ids).size, 5);
  assert.is(h.server.requests.length, 3, "pageSize 2 → three pages");
});

test("iteratePages: pages carry a nextLink that can be resumed from", async ({ h }) => {
  for (let i = 0; i < 3; i++) h.server.store.addAssignment(h.policyId, {});
  const assignments = h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  const first = await assignments.iteratePages().next();
  const nextLink = first.value!["@odata.nextLink"]!;
  assert.ok(nextLink.startsWith(h.server.baseUrl));
  const rest: number[] = [];
  for await (const page of assignments.iteratePages(undefined, { nextLink })) rest.push(page.value.length);
  assert.equal(rest, [2]);
});

test("post: 201 with the created assignment, body sent as given with # added to @odata.type", async ({ h }) => {
  const created = await h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.post({
    target: { "@odata.type": "microsoft.graph.groupAssignmentTarget", groupId: "g1", deviceAndAppManagementAssignmentFilterType: "none" },
  });
  assert.ok(created.id);
  assert.equal(lastRequest(h.server).json, { target: { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: "g1", deviceAndAppManagementAssignmentFilterType: "none" } });
  assert.is(lastRequest(h.server).headers["content-type"], "application/json");
  const target = created.target;
  if (target?.["@odata.type"] !== "#microsoft.graph.groupAssignmentTarget") throw new Error(`unexpected ${JSON.stringify(target)}`);
  assert.is(target.groupId, "g1");
});

test("count: $count with ConsistencyLevel eventual, parsed from text/plain", async ({ h }) => {
  h.server.store.addAssignment(h.policyId, {});
  const n = await h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.count();
  assert.is(n, 2);
  const sent = lastRequest(h.server);
  assert.is(sent.rawPath, `${policyPath(h)}/assignments/$count`);
  assert.is(sent.headers.consistencylevel, "eventual");
});

test("byId().get: one assignment, @odata.type normalised to the # form", async ({ h }) => {
  h.server.store.updateAssignment(h.policyId, h.assignmentId, { target: { "@odata.type": "microsoft.graph.exclusionGroupAssignmentTarget", groupId: "x" } });
  const a = await h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId).get({ select: ["target"] });
  assert.is(a.target?.["@odata.type"], "#microsoft.graph.exclusionGroupAssignmentTarget");
  assert.is(lastRequest(h.server).rawPath, `${policyPath(h)}/assignments/${h.assignmentId}?$select=target`);
});

test("byId().patch: absent properties stay, null clears, the updated entity comes back", async ({ h }) => {
  const item = h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId);
  await item.patch({ sourceId: "s1" });
  const updated = await item.patch({ sourceId: null });
  assert.equal(lastRequest(h.server).json, { sourceId: null }, "null is sent, undefined properties are not");
  assert.is(updated.sourceId, null);
  assert.is(updated.target?.["@odata.type"], "#microsoft.graph.allDevicesAssignmentTarget", "target was absent from the PATCH and is unchanged");
});

test("byId().delete: 204, nothing returned, the assignment is gone", async ({ h }) => {
  const result = await h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId).delete();
  assert.is(result, undefined);
  assert.is(h.server.store.getAssignment(h.policyId, h.assignmentId), undefined);
  assert.is(lastRequest(h.server).method, "DELETE");
});

test("assign: the action replaces the policy's assignments and answers { value }", async ({ h }) => {
  const result = await h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assign({
    assignments: [
      { target: { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: "a" } },
      { target: { "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget", collectionId: "c" } },
    ],
  });
  assert.is(result.value.length, 2);
  assert.is(lastRequest(h.server).rawPath, `${policyPath(h)}/microsoft.graph.assign`);
  assert.equal(h.server.store.listAssignments(h.policyId).map((a) => (a.target as { groupId?: string; collectionId?: string }).groupId ?? (a.target as { collectionId?: string }).collectionId), ["a", "c"]);
});

test("an OData error becomes a GraphError with Graph's code, message and ids", async ({ h }) => {
  const error = await h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId("does-not-exist").get().then(() => undefined, (e) => e);
  assert.ok(error instanceof GraphError);
  assert.is(error.status, 404);
  assert.is(error.code, "ResourceNotFound");
  assert.ok(error.requestId, "request-id captured");
  assert.ok(error.clientRequestId, "client-request-id captured");
  assert.ok(error.date, "date captured");
  assert.match(error.body, /ResourceNotFound/);
  assert.not.match(`${error} ${error.message} ${JSON.stringify(error)}`, /test-token/);
});

test("ids are percent-encoded into one segment; an empty id is rejected before sending", async ({ h }) => {
  const assignments = h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments;
  await assignments.byId("a/b?c#d").get().catch(() => undefined);
  assert.is(lastRequest(h.server).rawPath, `${policyPath(h)}/assignments/a%2Fb%3Fc%23d`);
  const before = h.server.requests.length;
  assert.throws(() => assignments.byId(""), (e: unknown) => e instanceof GraphError && e.code === "invalidRequest" && /^assignments\.byId\(id\) must be a non-empty string/.test(e.message));
  assert.throws(() => h.graph.deviceManagement.configurationPolicies.byId(".."), /configurationPolicies\.byId\(id\) .*got "\.\."/);
  assert.is(h.server.requests.length, before, "nothing was sent");
});

test("every call takes signal, headers and timeoutMs", async ({ h }) => {
  const item = h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId);
  await item.get(undefined, { headers: { "x-trace": "t1" }, timeoutMs: 10_000 });
  assert.is(lastRequest(h.server).headers["x-trace"], "t1");
  const controller = new AbortController();
  controller.abort(new Error("caller gave up"));
  const aborted = await item.get(undefined, { signal: controller.signal }).then(() => undefined, (e: Error) => e);
  assert.is(aborted?.message, "caller gave up");
  h.server.faults.push({ kind: "stall" });
  const timedOut = await item.get(undefined, { timeoutMs: 200 }).then(() => undefined, (e) => e);
  assert.ok(timedOut instanceof GraphError && timedOut.code === "timeout", "a timeout is a GraphError, distinguishable from an abort");
});

test("onResponse exposes status, headers and request ids of a successful call", async ({ h }) => {
  let info: { status: number; requestId?: string; clientRequestId: string } | undefined;
  await h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.post({}, { onResponse: (r) => (info = r) });
  assert.is(info?.status, 201);
  assert.ok(info?.requestId);
  assert.is(info?.clientRequestId, lastRequest(h.server).headers["client-request-id"]);
});
test.run();
