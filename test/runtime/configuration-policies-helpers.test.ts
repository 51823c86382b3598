/**
 * The Intune helpers of graphslice/configuration-policies over real HTTP: `changeAssignments` (reads
 * every page, adds and removes by identity, one complete `assign`, idempotent), and the settings
 * constructors, whose output equals the JSON the reference documents (resource pages' "JSON
 * representation", microsoftgraph/microsoft-graph-docs-contrib api-reference/beta/resources/,
 * commits named below).
 */
import { suite } from "uvu";
import { GraphError } from "../../generated/configuration-policies/index.js";
import * as assert from "uvu/assert";
import { changeAssignments, choiceCollectionSetting, choiceSetting, groupCollectionSetting, secret, setting, simpleCollectionSetting, simpleSetting } from "../../helpers/configuration-policies/index.js";
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
  await rejection(changeAssignments(policy, { add: [{ groupId: "g" } as never] }), /^changeAssignments: change\.add\[0\] needs its "@odata\.type"/);
  assert.is(posts(h).length, 0);
  h.server.faults.push({ kind: "status", status: 500 }, { method: "POST" });
  const failed = await rejection(changeAssignments(policy, { add: [group("g8")] }), /microsoft\.graph\.assign failed/);
  assert.is((failed as Error & { status?: number }).status, 500);
  assert.is(posts(h).length, 1, "the assign POST went once");
});

const future = (props: Record<string, unknown>) => ({ "@odata.type": "#microsoft.graph.futureAssignmentTarget", ...props }) as never;

test("an unknown target type is identified by all its own properties: distinct targets never collide", async ({ h }) => {
  h.server.store.addAssignment(h.policyId, { id: "a-x", target: { "@odata.type": "#microsoft.graph.futureAssignmentTarget", futureId: "x", audience: { kind: "new", size: 2 } } });
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const same = await changeAssignments(policy, { add: [future({ audience: { size: 2, kind: "new" }, futureId: "x", extra: null })] });
  assert.is(same.changed, false, "key order and null properties do not make another target");
  const added = await changeAssignments(policy, { add: [future({ futureId: "y", audience: { kind: "new", size: 2 } })] });
  assert.equal([added.changed, added.added], [true, 1], "y next to x is added");
  const removed = await changeAssignments(policy, { remove: [{ "@odata.type": "microsoft.graph.futureAssignmentTarget", futureId: "y", audience: { kind: "new", size: 2 } } as never] });
  assert.is(removed.removed, 1, "removing y leaves x");
  assert.equal(removed.assignments.map((a) => a.id), [h.assignmentId, "a-x"]);
  const filtered = await changeAssignments(policy, { add: [future({ futureId: "x", audience: { kind: "new", size: 2 }, deviceAndAppManagementAssignmentFilterId: "f", deviceAndAppManagementAssignmentFilterType: "include" })] });
  assert.is(filtered.added, 1, "the filter still tells targets apart");
});

test("GUID ids match whatever their case (group, Entra object and filter ids)", async ({ h }) => {
  const lower = "0f3e2c1a-aaaa-bbbb-cccc-0123456789ab";
  h.server.store.addAssignment(h.policyId, { id: "a-guid", target: { ...group(lower), deviceAndAppManagementAssignmentFilterId: "1f3e2c1a-aaaa-bbbb-cccc-0123456789ab", deviceAndAppManagementAssignmentFilterType: "include" } });
  h.server.store.addAssignment(h.policyId, { id: "a-tag", target: { "@odata.type": "#microsoft.graph.scopeTagGroupAssignmentTarget", targetType: "device", entraObjectId: lower } });
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const upper = { ...group(lower.toUpperCase()), deviceAndAppManagementAssignmentFilterId: "1F3E2C1A-AAAA-BBBB-CCCC-0123456789AB", deviceAndAppManagementAssignmentFilterType: "include" as const };
  const again = await changeAssignments(policy, { add: [upper, { "@odata.type": "#microsoft.graph.scopeTagGroupAssignmentTarget", targetType: "device", entraObjectId: lower.toUpperCase() }] });
  assert.is(again.changed, false, "already assigned");
  assert.is(posts(h).length, 0);
  const removed = await changeAssignments(policy, { remove: [upper] });
  assert.is(removed.removed, 1);
  assert.equal(removed.assignments.map((a) => a.id), [h.assignmentId, "a-tag"]);
  const notGuid = await changeAssignments(policy, { add: [group("Group-A")] });
  const otherCase = await changeAssignments(policy, { add: [group("group-a")] });
  assert.equal([notGuid.added, otherCase.added], [1, 1], "ids that are not GUIDs keep their case");
});

for (const [label, fault] of [["204", { kind: "status", status: 204, body: "", apply: true }], ["{}", { kind: "status", status: 200, body: "{}", apply: true }]] as const) {
  test(`an assign answered ${label} fails with a GraphError saying it was sent, not a TypeError`, async ({ h }) => {
    const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
    h.server.faults.push(fault, { method: "POST" });
    const error = await rejection(changeAssignments(policy, { add: [group("g1")] }), /the assign .* was sent and answered with success, but without the "value" array/);
    assert.instance(error, GraphError);
    assert.is((error as GraphError).code, "invalidResponse");
    assert.is(posts(h).length, 1, "not repeated");
    assert.is(await policy.assignments.count(), 2, "it was applied");
  });
}

test("a current target without @odata.type is kept as read and matches nothing", async ({ h }) => {
  h.server.store.addAssignment(h.policyId, { id: "a-odd", target: { groupId: "g1" } as never });
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const none = await changeAssignments(policy, { remove: [group("g1")] });
  assert.equal([none.changed, none.removed], [false, 0], "it never matches a remove");
  const result = await changeAssignments(policy, { add: [group("g1")] }, { validate: false });
  assert.equal([result.changed, result.added], [true, 1], "it never matches an add");
  assert.equal(lastRequest(h.server).json.assignments[1], { id: "a-odd", target: { groupId: "g1" } }, "sent back as read");
  // With body validation on (the default), the assign body is refused before sending: Graph would refuse it too.
  const refused = await rejection(changeAssignments(policy, { add: [group("g2")] }), /not sent: body\.assignments\[\d\]\.target: "@odata\.type" is required/);
  assert.instance(refused, GraphError);
  assert.is(posts(h).length, 1);
});

test("every input is checked before any request, own properties only", async ({ h }) => {
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const inheritedType = Object.assign(Object.create(group("g1")) as object, { groupId: "g1" });
  const errors = [
    await rejection(changeAssignments(policy, null as never), /^changeAssignments: change must be an object/),
    await rejection(changeAssignments(policy, { add: group("g1") as never }), /^changeAssignments: change\.add must be an array/),
    await rejection(changeAssignments(policy, { remove: "g1" as never }), /^changeAssignments: change\.remove must be an array/),
    await rejection(changeAssignments(policy, { add: [group("g1"), group("g2"), { groupId: "g3" } as never] }), /^changeAssignments: change\.add\[2\] needs its "@odata\.type"/),
    await rejection(changeAssignments(policy, { remove: [group("g1"), null as never] }), /^changeAssignments: change\.remove\[1\] must be a target object, got null/),
    await rejection(changeAssignments(policy, { add: [inheritedType as never] }), /change\.add\[0\] needs its "@odata\.type"/),
  ];
  for (const error of errors) assert.instance(error, TypeError);
  assert.is(h.server.requests.length, 0, "nothing was sent");
  h.server.store.addAssignment(h.policyId, { id: "a-g1", target: group("g1") });
  const inheritedId = Object.assign(Object.create({ groupId: "g1" }) as object, { "@odata.type": "#microsoft.graph.groupAssignmentTarget" });
  const removed = await changeAssignments(policy, { remove: [inheritedId as never] });
  assert.is(removed.removed, 0, "an inherited groupId is not that group");
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

const valueRef = (ref: Record<string, unknown>) => ({ "@odata.type": "#microsoft.graph.deviceManagementConfigurationSettingValueTemplateReference", ...ref });

test("every constructor puts the value template options on its values, collection values included", () => {
  const ref = valueRef({ settingValueTemplateId: "vt", useTemplateDefault: false });
  const options = { instanceTemplateId: "it", valueTemplateId: "vt", useTemplateDefault: false };
  const instanceRef = { "@odata.type": "#microsoft.graph.deviceManagementConfigurationSettingInstanceTemplateReference", settingInstanceTemplateId: "it" };
  // The settings-catalog model (generated/configuration-policies/models.ts) has settingValueTemplateReference on values only.
  const choices = choiceCollectionSetting("cc", ["a", { value: "b", children: [] }], options);
  assert.equal(choices.settingInstanceTemplateReference, instanceRef);
  assert.equal(choices.choiceSettingCollectionValue!.map((v) => v.settingValueTemplateReference), [ref, ref]);
  assert.is(JSON.stringify(Object.keys(choices.choiceSettingCollectionValue![1]!)), '["@odata.type","settingValueTemplateReference","value","children"]');
  const simple = simpleCollectionSetting("sc", ["a", 1], options);
  assert.equal(simple.simpleSettingCollectionValue!.map((v) => v.settingValueTemplateReference), [ref, ref]);
  const groups = groupCollectionSetting("gc", [[simpleSetting("x", "y")], []], options);
  assert.equal(groups.groupSettingCollectionValue!.map((v) => v.settingValueTemplateReference), [ref, ref]);
  assert.is(JSON.stringify(Object.keys(groups.groupSettingCollectionValue![0]!)), '["@odata.type","settingValueTemplateReference","children"]');
  // useTemplateDefault alone is kept too, on every constructor.
  const alone = valueRef({ useTemplateDefault: true });
  assert.equal(simpleSetting("s", "v", { useTemplateDefault: true }).simpleSettingValue!.settingValueTemplateReference, alone);
  assert.equal(choiceSetting("c", "c_1", [], { useTemplateDefault: true }).choiceSettingValue!.settingValueTemplateReference, alone);
  assert.equal(simpleCollectionSetting("sc", [1], { useTemplateDefault: true }).simpleSettingCollectionValue![0]!.settingValueTemplateReference, alone);
  assert.is("settingValueTemplateReference" in simpleSetting("s", "v", { instanceTemplateId: "it" }).simpleSettingValue!, false, "no value options, no reference");
});

test("constructors check their input, name themselves and the argument, and never keep or change the caller's arrays", () => {
  const cases: [() => unknown, RegExp][] = [
    [() => choiceSetting("cid", "cid_1", null as never), /^choiceSetting\("cid"\): children must be an array, got null/],
    [() => choiceSetting("cid", "cid_1", simpleSetting("x", "y") as never), /^choiceSetting\("cid"\): children must be an array, got object/],
    [() => choiceSetting("cid", "cid_1", [null as never]), /^choiceSetting\("cid"\): children\[0\] must be a setting instance/],
    [() => choiceSetting("cid", 5 as never), /^choiceSetting\("cid"\): value must be an option id/],
    [() => setting(null as never), /^setting: settingInstance must be a setting instance/],
    [() => secret(5 as never), /^secret: value must be a string, got 5/],
    [() => simpleSetting("   ", "x"), /^simpleSetting: settingDefinitionId must be a non-empty string \(not only spaces\)/],
    [() => simpleSetting(5n as never, "x"), /^simpleSetting: settingDefinitionId must be a non-empty string .*got bigint/],
    [() => choiceCollectionSetting("cc", [null as never]), /^choiceCollectionSetting\("cc"\): values\[0\] must be an option id string or \{ value, children\? \}, got null/],
    [() => choiceCollectionSetting("cc", "a" as never), /^choiceCollectionSetting\("cc"\): values must be an array/],
    [() => simpleCollectionSetting("sc", null as never), /^simpleCollectionSetting\("sc"\): values must be an array, got null/],
    [() => simpleCollectionSetting("sc", [secret("s") as never]), /^simpleCollectionSetting\("sc"\): values\[0\] must be a string or an integer/],
    [() => groupCollectionSetting("gc", [null as never]), /^groupCollectionSetting\("gc"\): groups\[0\] must be an array, got null/],
    [() => groupCollectionSetting("gc", [[null as never]]), /^groupCollectionSetting\("gc"\): groups\[0\]\[0\] must be a setting instance/],
    [() => simpleSetting("s", "v", { valueTemplateId: 5 } as never), /^simpleSetting: options\.valueTemplateId must be a non-empty string, got 5/],
    [() => simpleSetting("s", "v", { useTemplateDefault: "yes" } as never), /^simpleSetting: options\.useTemplateDefault must be a boolean/],
    [() => simpleSetting("s", "v", null as never), /^simpleSetting: options must be an object/],
  ];
  for (const [build, message] of cases) assert.throws(build, (error: unknown) => error instanceof TypeError && message.test(error.message), String(message));
  const value = choiceCollectionSetting("cc", [{ value: "b" }]).choiceSettingCollectionValue![0]!;
  assert.equal(value.children, [], "no children: an empty list, never an own children: undefined");
  const kids = [simpleSetting("k", "v")];
  const options = Object.freeze({ valueTemplateId: "v" });
  const built = choiceSetting("a", "a_1", kids, options);
  const group = groupCollectionSetting("g", [kids], options);
  assert.is.not(built.choiceSettingValue!.children, kids, "the caller's array is not kept");
  assert.is.not(group.groupSettingCollectionValue![0]!.children, kids);
  assert.equal(kids, [simpleSetting("k", "v")]);
  const inherited = simpleSetting("s", "v", Object.create({ valueTemplateId: "proto" }) as never);
  assert.is("settingValueTemplateReference" in inherited.simpleSettingValue!, false, "inherited options are not options");
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
