/**
 * The rest of the reference pages' examples (test/types/reference-examples-more.ts) through the SDK:
 * where a page shows a response, the server answers with it (unwrapped where the page wraps one
 * entity in { "value": … }, as the service does) and the typed result must equal it, apart from the
 * `#` the SDK adds to `@odata.type`.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readSeedExample } from "../../scripts/seed-example.js";
import { createPolicyResponse, createScopeTagAssignmentResponse } from "../types/reference-examples.js";
import * as more from "../types/reference-examples-more.js";
import { documentedLength, lastRequest, startHarness, withHash, withoutContext, type Harness } from "./helpers.js";

const test = suite<{ h: Harness }>("reference examples over HTTP (reads, updates, actions)", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness();
});
test.after.each(async (ctx) => ctx.h.server.close());

const POLICY = createPolicyResponse.id;
const clone = <T>(value: T) => structuredClone(value) as never;

test("update a policy: the documented body on the wire, the documented policy back", async ({ h }) => {
  h.server.store.addPolicy({ id: POLICY });
  const updated = await more.updatePolicy(h.policies, POLICY);
  const { id: _id, createdDateTime: _c, lastModifiedDateTime: _l, ...request } = createPolicyResponse;
  assert.equal(lastRequest(h.server).json, withHash(request));
  assert.equal(withoutContext(updated), withHash({ id: POLICY, ...request }));
});

test("get and list policies, and the function: the page's { value } wraps the entity the service returns", async ({ h }) => {
  h.server.store.reset(); // only the documented policy
  h.server.store.addPolicy(clone(more.policyGetResponse.value));
  const policies = h.policies.deviceManagement.configurationPolicies;
  assert.equal(withoutContext(await policies.byId(POLICY).get()), withHash(more.policyGetResponse.value));
  assert.equal((await policies.get()).value, withHash(more.policyListResponse.value));
  const latest = await policies.byId(POLICY).retrieveLatestUpgradeDefaultBaselinePolicy();
  assert.equal(withoutContext(latest), withHash(more.policyGetResponse.value));
  assert.ok(lastRequest(h.server).rawPath.endsWith("/microsoft.graph.retrieveLatestUpgradeDefaultBaselinePolicy()"));
});

test("get and list assignments: the documented targets come back typed", async ({ h }) => {
  h.server.store.addPolicy({ id: POLICY });
  h.server.store.addAssignment(POLICY, clone(more.assignmentGetResponse.value));
  const assignments = h.policies.deviceManagement.configurationPolicies.byId(POLICY).assignments;
  const got = await assignments.byId(more.assignmentGetResponse.value.id).get();
  assert.equal(withoutContext(got), withHash(more.assignmentGetResponse.value));
  if (got.target?.["@odata.type"] !== "#microsoft.graph.configurationManagerCollectionAssignmentTarget") throw new Error("no narrowing");
  assert.is(got.target.collectionId, "Collection Id value");
  h.server.store.replaceAssignments(POLICY, [clone(createScopeTagAssignmentResponse)]);
  assert.equal((await assignments.get()).value, withHash(more.assignmentListResponse.value));
});

test("update an assignment (the seed page) through this slice: documented body on the wire, documented target back", async ({ h }) => {
  const seed = readSeedExample();
  const updated = await h.policies.deviceManagement.configurationPolicies.byId(h.policyId).assignments.byId(h.assignmentId).patch(seed.requestBody as never);
  assert.equal(lastRequest(h.server).json, withHash(seed.requestBody));
  assert.equal(withHash(updated.target), withHash((seed.responseBody as { target: unknown }).target));
});

test("assign: the documented body, the documented collection back", async ({ h }) => {
  h.server.store.addPolicy({ id: POLICY });
  const result = await more.assign(h.policies, POLICY);
  assert.equal(lastRequest(h.server).json, withHash({ assignments: [createScopeTagAssignmentResponse] }));
  assert.equal(result.value, withHash(more.assignmentListResponse.value));
});

test("enrollment-time target: set, retrieve (the page's result, unwrapped, validationSucceeded kept), clear", async ({ h }) => {
  h.server.store.addPolicy({ id: POLICY });
  const documented = JSON.stringify(more.enrollmentResultResponse.value);
  h.server.faults.push({ kind: "status", status: 200, body: documented, apply: true }, { method: "POST", times: 2 });
  const set = await more.setEnrollmentTarget(h.policies, POLICY);
  assert.equal(lastRequest(h.server).json, withHash({ enrollmentTimeDeviceMembershipTargets: [{ "@odata.type": "microsoft.graph.enrollmentTimeDeviceMembershipTarget", targetType: "staticSecurityGroup", targetId: "Target Id value" }] }));
  assert.equal(set, withHash(more.enrollmentResultResponse.value));
  const retrieved = await h.policies.deviceManagement.configurationPolicies.byId(POLICY).retrieveEnrollmentTimeDeviceMembershipTarget();
  assert.is((retrieved.enrollmentTimeDeviceMembershipTargetValidationStatuses![0] as Record<string, unknown>).validationSucceeded, true);
  assert.is(await more.clearEnrollmentTarget(h.policies, POLICY), true, "the server kept the target the faulted set applied");
});

test("get a setting: the page's response exactly, auditRuleInformation and the null leaf kept", async ({ h }) => {
  const documented = more.documentedSettingGetValue(11, more.DOCUMENTED_GET_LEAF);
  assert.is(documentedLength({ value: documented }), more.DOCUMENTED_GET_CONTENT_LENGTH, "the page's response, byte for byte in length");
  h.server.store.addPolicy({ id: POLICY });
  h.server.store.addSetting(POLICY, clone(documented));
  const got = await h.policies.deviceManagement.configurationPolicies.byId(POLICY).settings.byId(String(documented.id)).get();
  // Responses are not validated: the leaf's nulls, which the CSDL forbids, come back as Graph sent them.
  assert.equal(withoutContext(got), withHash(documented));
  assert.is(JSON.stringify(got).split('"auditRuleInformation"').length - 1, 12);
  const list = await h.policies.deviceManagement.configurationPolicies.byId(POLICY).settings.get();
  assert.equal(list.value, [withHash(documented)]);
});
test.run();
