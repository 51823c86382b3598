/**
 * The Intune helpers of graphslice/configuration-policies over real HTTP: `changeAssignments` (reads
 * every page, adds and removes by identity, one complete `assign`, idempotent), and the settings
 * constructors, whose output equals the JSON the reference documents (resource pages' "JSON
 * representation", microsoftgraph/microsoft-graph-docs-contrib api-reference/beta/resources/,
 * commits named below).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { changeAssignments, choiceCollectionSetting, choiceSetting, groupCollectionSetting, secret, simpleCollectionSetting, simpleSetting } from "../../helpers/configuration-policies/index.js";
import { lastRequest, rejection, startHarness, type Harness } from "./helpers.js";

const test = suite<{ h: Harness }>("configuration-policies helpers", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness({ pageSize: 2 });
});
test.after.each(async (ctx) => ctx.h.server.close());

const group = (groupId: string, filter?: string) => ({ "@odata.type": "#microsoft.graph.groupAssignmentTarget" as const, groupId, ...(filter ? { deviceAndAppManagementAssignmentFilterId: filter, deviceAndAppManagementAssignmentFilterType: "include" as const } : {}) });

function seed(h: Harness): void {
  for (const id of ["g1", "g2", "g3", "g4"]) h.server.store.addAssignment(h.policyId, { id: `a-${id}`, source: "direct", target: group(id) });
  h.server.store.addAssignment(h.policyId, { id: "a-future", target: { "@odata.type": "#microsoft.graph.futureAssignmentTarget", audience: { kind: "new" } } });
}

const posts = (h: Harness) => h.server.requests.filter((r) => r.method === "POST");

test("changeAssignments reads every page, then sends the complete set once", async ({ h }) => {
  seed(h); // 6 assignments in pages of 2
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const result = await changeAssignments(policy, { add: [group("g5")], remove: [{ "@odata.type": "microsoft.graph.groupAssignmentTarget", groupId: "g3" }] });
  assert.equal([result.changed, result.added, result.removed], [true, 1, 1]);
  assert.is(h.server.requests.filter((r) => r.method === "GET").length, 3, "three pages read");
  assert.is(posts(h).length, 1);
  const sent = lastRequest(h.server);
  assert.is(sent.rawPath, `/beta/deviceManagement/configurationPolicies/${h.policyId}/microsoft.graph.assign`);
  const ids = sent.json.assignments.map((a: { id?: string }) => a.id ?? "(new)");
  assert.equal(ids, [h.assignmentId, "a-g1", "a-g2", "a-g4", "a-future", "(new)"], "beyond the first page nothing is dropped");
  assert.equal(sent.json.assignments[4], { id: "a-future", target: { "@odata.type": "#microsoft.graph.futureAssignmentTarget", audience: { kind: "new" } } }, "an unknown target goes back unchanged");
  assert.equal(sent.json.assignments[1], { id: "a-g1", source: "direct", target: group("g1") }, "kept assignments go back as read");
  assert.is(result.assignments.length, 6);
});

test("changeAssignments is idempotent: the same change again sends nothing", async ({ h }) => {
  seed(h);
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const change = { add: [group("g5"), group("g1")], remove: [group("g9")] };
  await changeAssignments(policy, change);
  const again = await changeAssignments(policy, change);
  assert.equal([again.changed, again.added, again.removed], [false, 0, 0]);
  assert.is(posts(h).length, 1, "one assign in all");
  assert.is(again.assignments.length, 7);
});

test("identity is @odata.type + group/collection/object id + filter", async ({ h }) => {
  seed(h);
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const filtered = await changeAssignments(policy, { add: [group("g1", "filter-1")] });
  assert.is(filtered.added, 1, "same group, other filter: another assignment");
  const exclusion = await changeAssignments(policy, { add: [{ "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", groupId: "g1" }] });
  assert.is(exclusion.added, 1, "same group, other type: another assignment");
  const removed = await changeAssignments(policy, { remove: [group("g1")] });
  assert.is(removed.removed, 1, "only the unfiltered g1 goes");
  assert.equal(removed.assignments.filter((a) => (a.target as { groupId?: string }).groupId === "g1").length, 2);
});

test("bad input is refused before anything is sent; a failed assign is not repeated", async ({ h }) => {
  seed(h);
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  await rejection(changeAssignments(policy, { add: [{ groupId: "g" } as never] }), /add\[0\]: a target needs its "@odata\.type" to be identified/);
  assert.is(posts(h).length, 0);
  h.server.faults.push({ kind: "status", status: 500 }, { method: "POST" });
  const failed = await rejection(changeAssignments(policy, { add: [group("g8")] }), /microsoft\.graph\.assign failed/);
  assert.is((failed as Error & { status?: number }).status, 500);
  assert.is(posts(h).length, 1, "the assign POST went once");
});

const docs = (value: unknown): string => JSON.stringify(value).replace(/"@odata\.type":"microsoft/g, '"@odata.type":"#microsoft');
const template = { instanceTemplateId: "String", valueTemplateId: "String", useTemplateDefault: true };

test("settings constructors build the documented JSON, key order included", () => {
  // intune-deviceconfigv2-devicemanagementconfigurationsimplesettinginstance.md @ 022b186da1bf6d2f88b9513122ebb32b0b70ef0e
  assert.is(JSON.stringify(simpleSetting("String", "String", template)), docs({
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance",
    "settingDefinitionId": "String",
    "settingInstanceTemplateReference": { "@odata.type": "microsoft.graph.deviceManagementConfigurationSettingInstanceTemplateReference", "settingInstanceTemplateId": "String" },
    "simpleSettingValue": {
      "@odata.type": "microsoft.graph.deviceManagementConfigurationStringSettingValue",
      "settingValueTemplateReference": { "@odata.type": "microsoft.graph.deviceManagementConfigurationSettingValueTemplateReference", "settingValueTemplateId": "String", "useTemplateDefault": true },
      "value": "String"
    }
  }));
  // intune-deviceconfigv2-devicemanagementconfigurationintegersettingvalue.md @ 022b186da1bf6d2f88b9513122ebb32b0b70ef0e
  assert.is(JSON.stringify(simpleSetting("n", 1024, template).simpleSettingValue), docs({
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue",
    "settingValueTemplateReference": { "@odata.type": "microsoft.graph.deviceManagementConfigurationSettingValueTemplateReference", "settingValueTemplateId": "String", "useTemplateDefault": true },
    "value": 1024
  }));
  // intune-deviceconfigv2-devicemanagementconfigurationsecretsettingvalue.md @ 022b186da1bf6d2f88b9513122ebb32b0b70ef0e ("String" for valueState: notEncrypted is what a client sends)
  assert.is(JSON.stringify(simpleSetting("s", secret("String"), template).simpleSettingValue), docs({
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationSecretSettingValue",
    "settingValueTemplateReference": { "@odata.type": "microsoft.graph.deviceManagementConfigurationSettingValueTemplateReference", "settingValueTemplateId": "String", "useTemplateDefault": true },
    "value": "String",
    "valueState": "notEncrypted"
  }));
  // intune-deviceconfigv2-devicemanagementconfigurationsimplesettingcollectioninstance.md @ 00e146a92755a19260d07a735eee6e9df034f45f (without the value template)
  assert.is(JSON.stringify(simpleCollectionSetting("String", ["String"], { instanceTemplateId: "String" })), docs({
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingCollectionInstance",
    "settingDefinitionId": "String",
    "settingInstanceTemplateReference": { "@odata.type": "microsoft.graph.deviceManagementConfigurationSettingInstanceTemplateReference", "settingInstanceTemplateId": "String" },
    "simpleSettingCollectionValue": [{ "@odata.type": "microsoft.graph.deviceManagementConfigurationStringSettingValue", "value": "String" }]
  }));
  // intune-deviceconfigv2-devicemanagementconfigurationgroupsettingcollectioninstance.md @ 022b186da1bf6d2f88b9513122ebb32b0b70ef0e (first level, without templates)
  const child = choiceSetting("String", "String");
  assert.is(JSON.stringify(groupCollectionSetting("String", [[child]])), docs({
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance",
    "settingDefinitionId": "String",
    "groupSettingCollectionValue": [{ "@odata.type": "microsoft.graph.deviceManagementConfigurationGroupSettingValue", "children": [{ "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingInstance", "settingDefinitionId": "String", "choiceSettingValue": { "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingValue", "value": "String", "children": [] } }] }]
  }));
  assert.is(JSON.stringify(choiceCollectionSetting("c", ["x"]).choiceSettingCollectionValue), docs([{ "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingValue", "value": "x", "children": [] }]));
});

test("a policy built with the constructors is created, nested settings and all, and assigned safely", async ({ h }) => {
  const policies = h.policies.deviceManagement.configurationPolicies;
  const created = await policies.post({
    name: "Defender",
    platforms: "windows10",
    technologies: "mdm",
    settings: [{ settingInstance: choiceSetting("allow", "allow_1", [simpleSetting("max", 7), groupCollectionSetting("rules", [[simpleSetting("rule", "a")]])]) }],
  });
  const policy = policies.byId(created.id!);
  const [stored] = (await policy.settings.get()).value;
  assert.equal(stored!.settingInstance, choiceSetting("allow", "allow_1", [simpleSetting("max", 7), groupCollectionSetting("rules", [[simpleSetting("rule", "a")]])]));
  const assigned = await changeAssignments(policy, { add: [group("g1"), { "@odata.type": "#microsoft.graph.scopeTagGroupAssignmentTarget", targetType: "device", entraObjectId: "o1" }] });
  assert.is(assigned.added, 2);
  assert.is(await policy.assignments.count(), 2);
});
test.run();
