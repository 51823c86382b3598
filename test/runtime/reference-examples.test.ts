/**
 * The reference pages' examples (pasted in test/types/reference-examples.ts) sent through the SDK to
 * the local server: the JSON on the wire equals the documented request, apart from the `#` the SDK
 * adds to `@odata.type`, and the typed result equals the documented response. Where a page
 * contradicts the metadata, the test says so and asserts what the SDK does instead.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { simpleSetting } from "../../helpers/configuration-policies/index.js";
import * as examples from "../types/reference-examples.js";
import { documentedLength, lastRequest, rejection, startHarness, withHash, withoutContext, type Harness } from "./helpers.js";

const test = suite<{ h: Harness }>("reference examples over HTTP", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness();
});
test.after.each(async (ctx) => ctx.h.server.close());

test("create a policy: the documented body on the wire; the documented response typed", async ({ h }) => {
  const created = await examples.createPolicy(h.policies);
  const { id: _id, ...documentedRequest } = examples.createPolicyResponse as Record<string, unknown>;
  const sent = lastRequest(h.server).json;
  assert.equal(Object.keys(sent), ["@odata.type", "name", "description", "platforms", "technologies", "settingCount", "creationSource", "roleScopeTagIds", "isAssigned", "disableEntraGroupPolicyAssignment", "templateReference", "priorityMetaData"]);
  assert.equal(sent.templateReference, withHash((documentedRequest as { templateReference: unknown }).templateReference));
  assert.is(created.priorityMetaData?.priority, 8);
  h.server.store.addPolicy(structuredClone(examples.createPolicyResponse) as never);
  const fetched = await h.policies.deviceManagement.configurationPolicies.byId(examples.createPolicyResponse.id).get();
  assert.equal(withoutContext(fetched), withHash(examples.createPolicyResponse));
});

test("create an assignment with scopeTagGroupAssignmentTarget (typed by the overlay)", async ({ h }) => {
  const { created, entraObjectId, targetType } = await examples.createScopeTagAssignment(h.policies, h.policyId);
  const { id: _id, ...documentedRequest } = examples.createScopeTagAssignmentResponse;
  assert.equal(lastRequest(h.server).json, withHash(documentedRequest));
  assert.is(entraObjectId, "Entra Object Id value");
  assert.is(targetType, "user");
  assert.equal(withoutContext({ ...created, id: examples.createScopeTagAssignmentResponse.id }), withHash(examples.createScopeTagAssignmentResponse));
});

test("createCopy: the page wraps the copy in { value }; the service and the SDK give the policy itself", async ({ h }) => {
  const copy = await examples.createCopy(h.policies, h.policyId);
  assert.equal(lastRequest(h.server).json, { displayName: "Display Name value", description: "Description value" });
  assert.not.ok("value" in copy);
  assert.is(copy.name, "Display Name value");
  assert.is(copy.description, "Description value");
});

test("reorder: the documented body, 204 No Content", async ({ h }) => {
  assert.is(await examples.reorder(h.policies, h.policyId), undefined);
  assert.equal(lastRequest(h.server).json, { priority: 8 });
  assert.is(h.server.requests.at(-1)!.method, "POST");
});

test("assign and retrieve the just-in-time configuration (the page wraps the retrieved value in { value })", async ({ h }) => {
  assert.is(await examples.assignJustInTime(h.policies, h.policyId), true);
  assert.equal(lastRequest(h.server).json, withHash({ justInTimeAssignments: examples.retrieveJustInTimeResponseValue }));
  const retrieved = await h.policies.deviceManagement.configurationPolicies.byId(h.policyId).retrieveJustInTimeConfiguration();
  assert.equal(withoutContext(retrieved), withHash(examples.retrieveJustInTimeResponseValue));
});

test("the create and update pages' body is the 11-level nesting: its printed length is the pages' Content-length", () => {
  assert.is(documentedLength(examples.documentedSettingBody(11)), examples.DOCUMENTED_SETTING_CONTENT_LENGTH);
  assert.is.not(documentedLength(examples.documentedSettingBody(10)), examples.DOCUMENTED_SETTING_CONTENT_LENGTH);
});

test("create and update a setting: the documented body is refused, naming the null the CSDL forbids", async ({ h }) => {
  // The pages' deepest choice setting has settingDefinitionId: null and choiceSettingValue: null; the
  // CSDL declares both Nullable="false". The SDK refuses the body before sending and names the path.
  const settings = h.policies.deviceManagement.configurationPolicies.byId(h.policyId).settings;
  const before = h.server.requests.length;
  const deepest = `body.settingInstance${".choiceSettingValue.children[0]".repeat(11)}.settingDefinitionId`;
  for (const send of [() => settings.post(examples.documentedSettingBody(11) as never), () => settings.byId("0").patch(examples.documentedSettingBody(11) as never)]) {
    const error = await rejection(send(), /must not be null/);
    assert.ok(error.message.endsWith(`${deepest}: must not be null`), error.message);
    assert.is((error as Error & { target?: string }).target, deepest);
  }
  assert.is(h.server.requests.length, before, "nothing sent");
});

test("create a setting: the documented levels with a real leaf go over the wire exactly, and come back typed", async ({ h }) => {
  const leaf = simpleSetting("device_vendor_msft_leaf", "leaf value");
  const documented = examples.documentedSettingBody(11, leaf);
  const built = examples.documentedSettingWithHelpers(11, leaf);
  assert.is(JSON.stringify(built), JSON.stringify(withHash(documented)), "the helpers build the documented JSON, key order included");
  const settings = h.policies.deviceManagement.configurationPolicies.byId(h.policyId).settings;
  const created = await settings.post(documented as never);
  assert.equal(lastRequest(h.server).json, withHash(documented));
  const fetched = await settings.byId(created.id!).get();
  assert.equal(withoutContext(fetched), { ...(withHash(documented) as object), id: created.id });
});
test.run();
