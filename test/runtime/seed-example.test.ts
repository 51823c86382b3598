/**
 * The documented PATCH example, read from the reference page, end to end: the JSON on the wire
 * equals the documented body (apart from the `#` the SDK adds to `@odata.type`), and the typed result
 * still has `collectionId`. This is where Kiota loses `target.collectionId`.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { DeviceManagementConfigurationPolicyAssignment, RequestBody } from "../../generated/index.js";
import { readSeedExample } from "../../scripts/seed-example.js";
import { lastRequest, startHarness, type Harness } from "./helpers.js";

const test = suite<{ h: Harness }>("the documented PATCH example", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness();
});
test.after.each(async (ctx) => ctx.h.server.close());

const seed = readSeedExample();

function withHash(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withHash);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "@odata.type" && typeof v === "string" && !v.startsWith("#") ? `#${v}` : withHash(v)]));
}

test("the reference page holds the PATCH example this test relies on", () => {
  assert.is(seed.method, "PATCH");
  assert.is((seed.requestBody.target as Record<string, unknown>)["@odata.type"], "microsoft.graph.configurationManagerCollectionAssignmentTarget");
});

test("nothing is lost on the wire, and the typed result keeps collectionId", async ({ h }) => {
  const body = seed.requestBody as RequestBody<DeviceManagementConfigurationPolicyAssignment>;
  const updated = await h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId).patch(body);
  const sent = lastRequest(h.server);
  assert.is(sent.method, "PATCH");
  assert.is(sent.rawPath, `/beta/deviceManagement/configurationPolicies/${h.policyId}/assignments/${h.assignmentId}`);
  assert.equal(sent.json, withHash(seed.requestBody));
  assert.equal(Object.keys(sent.json.target), Object.keys(seed.requestBody.target as object), "same properties, same order");
  const target = updated.target;
  if (target?.["@odata.type"] !== "#microsoft.graph.configurationManagerCollectionAssignmentTarget") throw new Error(`narrowing failed: ${JSON.stringify(target)}`);
  assert.is(target.collectionId, "Collection Id value");
  assert.is(target.deviceAndAppManagementAssignmentFilterType, "include");
  assert.equal(withHash(updated.target), withHash((seed.responseBody as { target: unknown }).target), "the result's target matches the documented response");
});

test("a type newer than the SDK is kept with all its properties and sent back unchanged", async ({ h }) => {
  const stored = { "@odata.type": "microsoft.graph.scopeTagGroupAssignmentTarget", groupId: "g", scopeTag: { id: 7, labels: ["a", null] }, "extra@odata.type": "#Int64" };
  h.server.store.updateAssignment(h.policyId, h.assignmentId, { target: stored, futureProperty: [1, 2] });
  const item = h.graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId);
  const fetched = await item.get();
  assert.equal(fetched.target, { ...stored, "@odata.type": "#microsoft.graph.scopeTagGroupAssignmentTarget" });
  assert.equal((fetched as Record<string, unknown>).futureProperty, [1, 2]);
  await item.patch(fetched as RequestBody<DeviceManagementConfigurationPolicyAssignment>);
  const sent = lastRequest(h.server).json;
  assert.equal(sent.target, fetched.target);
  assert.equal(sent.futureProperty, [1, 2]);
});
test.run();
