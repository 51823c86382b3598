/**
 * The operations the 19-path configuration-policies API adds to policies and assignments, each over
 * real HTTP: the settings catalog (CRUD, `$count`, `settingDefinitions`), every bound action and the
 * function, and the two actions the overlays add. Bound operations go namespace-qualified on the wire.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { lastRequest, rejection, startHarness, type Harness } from "./helpers.js";

const test = suite<{ h: Harness }>("configuration-policies: settings and bound operations over HTTP", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness({ pageSize: 1 });
});
test.after.each(async (ctx) => ctx.h.server.close());

const POLICY_PATH = (id: string) => `/beta/deviceManagement/configurationPolicies/${id}`;
const choice = (definitionId: string, value: string) => ({
  "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance" as const,
  settingDefinitionId: definitionId,
  choiceSettingValue: { "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingValue" as const, value, children: [] },
});

test("settings: post, get, iterate every page, count, patch, delete", async ({ h }) => {
  const settings = h.policies.deviceManagement.configurationPolicies.byId(h.policyId).settings;
  const first = await settings.post({ settingInstance: choice("device_vendor_msft_a", "device_vendor_msft_a_1") });
  assert.is(lastRequest(h.server).rawPath, `${POLICY_PATH(h.policyId)}/settings`);
  await settings.post({ settingInstance: choice("device_vendor_msft_b", "device_vendor_msft_b_0") });
  assert.is(await settings.count(), 2);
  assert.match(lastRequest(h.server).rawPath, /\/settings\/\$count$/);
  const ids: string[] = [];
  for await (const s of settings.iterate()) ids.push(s.id!);
  assert.equal(ids, [first.id, "1"], "two pages of one");
  const item = settings.byId(first.id!);
  const fetched = await item.get();
  const instance = fetched.settingInstance;
  if (instance?.["@odata.type"] !== "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance") throw new Error("no narrowing");
  assert.is(instance.choiceSettingValue?.value, "device_vendor_msft_a_1");
  const patched = await item.patch({ settingInstance: choice("device_vendor_msft_a", "device_vendor_msft_a_0") });
  assert.is(lastRequest(h.server).method, "PATCH");
  assert.equal(lastRequest(h.server).json.settingInstance.choiceSettingValue.value, "device_vendor_msft_a_0");
  assert.is(patched.id, first.id);
  await item.delete();
  assert.is(await settings.count(), 1);
});

test("settingDefinitions of a setting: list, get, count", async ({ h }) => {
  h.server.store.addSettingDefinition({ "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingDefinition", id: "device_vendor_msft_a", name: "A", options: [] });
  h.server.store.addSettingDefinition({ "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingDefinition", id: "device_vendor_msft_a_child", name: "A child" });
  h.server.store.addSettingDefinition({ id: "unrelated" });
  const parent = choice("device_vendor_msft_a", "device_vendor_msft_a_1");
  parent.choiceSettingValue.children = [{ "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance", settingDefinitionId: "device_vendor_msft_a_child", simpleSettingValue: { "@odata.type": "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue", value: 5 } }] as never;
  const settings = h.policies.deviceManagement.configurationPolicies.byId(h.policyId).settings;
  const setting = await settings.post({ settingInstance: parent });
  const definitions = settings.byId(setting.id!).settingDefinitions;
  const page = await definitions.get({ top: 5 });
  assert.equal(page.value.map((d) => d.id), ["device_vendor_msft_a", "device_vendor_msft_a_child"]);
  const definition = await definitions.byId("device_vendor_msft_a").get();
  if (definition["@odata.type"] !== "#microsoft.graph.deviceManagementConfigurationChoiceSettingDefinition") throw new Error(`no narrowing: ${definition["@odata.type"]}`);
  assert.equal(definition.options, []);
  assert.match(lastRequest(h.server).rawPath, /\/settings\/0\/settingDefinitions\/device_vendor_msft_a$/);
  assert.is(await definitions.count(), 2);
});

test("createCopy → the copy; reorder → no content", async ({ h }) => {
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  await policy.settings.post({ settingInstance: choice("device_vendor_msft_a", "x") });
  const copy = await policy.createCopy({ displayName: "Copy of Baseline", description: "copied" });
  assert.is(lastRequest(h.server).rawPath, `${POLICY_PATH(h.policyId)}/microsoft.graph.createCopy`);
  assert.equal(lastRequest(h.server).json, { displayName: "Copy of Baseline", description: "copied" });
  assert.is(copy.name, "Copy of Baseline");
  assert.is.not(copy.id, h.policyId);
  assert.is(await h.policies.deviceManagement.configurationPolicies.byId(copy.id!).settings.count(), 1);
  const result = await policy.reorder({ priority: 3 });
  assert.is(result, undefined);
  assert.is(h.server.requests.at(-1)!.rawPath, `${POLICY_PATH(h.policyId)}/microsoft.graph.reorder`);
  assert.equal((await policy.get()).priorityMetaData, { priority: 3 });
});

test("enrollment-time device membership target: set, retrieve, clear", async ({ h }) => {
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const set = await policy.setEnrollmentTimeDeviceMembershipTarget({ enrollmentTimeDeviceMembershipTargets: [{ targetType: "staticSecurityGroup", targetId: "group-1" }] });
  assert.is(set.validationSucceeded, true);
  assert.is(lastRequest(h.server).rawPath, `${POLICY_PATH(h.policyId)}/microsoft.graph.setEnrollmentTimeDeviceMembershipTarget`);
  const retrieved = await policy.retrieveEnrollmentTimeDeviceMembershipTarget();
  assert.equal(retrieved.enrollmentTimeDeviceMembershipTargetValidationStatuses?.map((s) => s.targetId), ["group-1"]);
  const cleared = await policy.clearEnrollmentTimeDeviceMembershipTarget();
  const flag: boolean | undefined = cleared.value;
  assert.is(flag, true);
  assert.is((await policy.clearEnrollmentTimeDeviceMembershipTarget()).value, false, "nothing left to clear");
});

test("the function retrieveLatestUpgradeDefaultBaselinePolicy() is a GET with its parentheses", async ({ h }) => {
  const policy = await h.policies.deviceManagement.configurationPolicies.byId(h.policyId).retrieveLatestUpgradeDefaultBaselinePolicy();
  const sent = lastRequest(h.server);
  assert.is(sent.method, "GET");
  assert.is(sent.rawPath, `${POLICY_PATH(h.policyId)}/microsoft.graph.retrieveLatestUpgradeDefaultBaselinePolicy()`);
  assert.is(policy.name, "Baseline");
});

test("just-in-time configuration (from the overlay): assign, then retrieve what was assigned", async ({ h }) => {
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const assigned = await policy.assignJustInTimeConfiguration({ justInTimeAssignments: { targetType: "entraSecurityGroup", target: ["group-1"] } });
  assert.is(assigned.value, true);
  assert.is(lastRequest(h.server).rawPath, `${POLICY_PATH(h.policyId)}/microsoft.graph.assignJustInTimeConfiguration`);
  const retrieved = await policy.retrieveJustInTimeConfiguration();
  const { "@odata.context": _context, ...policyValue } = retrieved as Record<string, unknown>;
  assert.equal(policyValue, { targetType: "entraSecurityGroup", target: ["group-1"] });
  const before = h.server.requests.length;
  await rejection(policy.assignJustInTimeConfiguration({ justInTimeAssignments: { targetType: "entra group" as never } }), /body\.justInTimeAssignments\.targetType: expected one of unknown, entraSecurityGroup, unknownFutureValue or a newer member name, got "entra group"/);
  assert.is(h.server.requests.length, before, "refused before sending");
});

test("the server takes a bound action short too, as Graph does; the SDK sends the qualified form", async ({ h }) => {
  const res = await fetch(`${h.server.baseUrl}/deviceManagement/configurationPolicies/${h.policyId}/createCopy`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ displayName: "short" }) });
  assert.is(res.status, 200);
  assert.is(((await res.json()) as { name: string }).name, "short");
});
test.run();
