/**
 * The model stage on the real slices: what OpenAPI and CSDL each contribute, merged into one model.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadCsdl } from "../../generator/load/csdl.js";
import { loadOpenApi } from "../../generator/load/openapi.js";
import { hasHierarchy } from "../../generator/model/hierarchy.js";
import { buildModel } from "../../generator/model/build-model.js";
import type { ApiModel, ObjectType } from "../../generator/model/ir.js";
import { selectPaths } from "../../generator/slice/select-paths.js";
import { planNames } from "../../generator/names/plan-names.js";
import { loadConfig } from "../../generator/config.js";
import { REPO } from "../golden/fixtures.js";

const test = suite("merged model of the real slices");
const models = new Map<string, ApiModel>();

test.before(async () => {
  const config = await loadConfig(`${REPO}graphslice.config.json`);
  for (const slice of config.slices) {
    const sliced = selectPaths(await loadOpenApi(REPO + slice.openapi), slice.include);
    models.set(slice.name, buildModel(slice.name, sliced, slice.csdl ? await loadCsdl(REPO + slice.csdl) : undefined));
  }
});

const object = (slice: string, local: string) => {
  const type = models.get(slice)!.types.get(`microsoft.graph.${local}`);
  assert.ok(type?.kind === "object", `${local} is in the ${slice} model`);
  return type as ObjectType;
};

test("has every derived assignment target: five from the CSDL, androidFota from the OpenAPI only", () => {
  for (const slice of ["assignments", "configuration-policies"]) {
    for (const local of ["groupAssignmentTarget", "allDevicesAssignmentTarget", "allLicensedUsersAssignmentTarget", "configurationManagerCollectionAssignmentTarget", "androidFotaDeploymentAssignmentTarget"]) {
      assert.is(object(slice, local).base, "microsoft.graph.deviceAndAppManagementAssignmentTarget", `${slice}: ${local}`);
    }
    assert.is(object(slice, "exclusionGroupAssignmentTarget").base, "microsoft.graph.groupAssignmentTarget");
    assert.ok(object(slice, "groupAssignmentTarget").origins.some((o) => o.startsWith("csdl:")));
    assert.ok(object(slice, "androidFotaDeploymentAssignmentTarget").origins.every((o) => o.startsWith("openapi:")));
  }
});

test("takes Abstract and entity/complex kinds from the CSDL", () => {
  const target = object("assignments", "deviceAndAppManagementAssignmentTarget");
  assert.ok(target.abstract && target.category === "complex");
  assert.ok(object("assignments", "entity").abstract);
  assert.is(object("assignments", "deviceManagementConfigurationPolicyAssignment").category, "entity");
  assert.ok(hasHierarchy(object("assignments", "groupAssignmentTarget"), models.get("assignments")!.types));
});

test("does not pull in all of Graph through the entity base type", () => {
  const names = [...models.get("assignments")!.types.keys()];
  assert.not.ok(names.includes("microsoft.graph.deviceManagementConfigurationPolicy"), "policies are not part of the assignments slice");
  assert.not.ok(names.includes("microsoft.graph.deviceManagement"));
});

test("merges nullability, read-only flags and descriptions with the pinned rules", () => {
  const assignment = object("assignments", "deviceManagementConfigurationPolicyAssignment");
  const prop = (name: string) => assignment.properties.find((p) => p.name === name)!;
  assert.ok(prop("target").nullable, "CSDL says target is nullable, OpenAPI does not: either says nullable");
  assert.not.ok(prop("source").nullable, "both say source is not nullable");
  assert.is(prop("source").description, "The assignment source for the device compliance policy, direct or parcel/policySet. The possible values are: direct, policySets.", "inline CSDL description wins over the out-of-line one");
  assert.ok(object("assignments", "entity").properties.find((p) => p.name === "id")!.readOnly, "'Read-only.' in the description");
  const policy = object("configuration-policies", "deviceManagementConfigurationPolicy");
  assert.ok(policy.properties.find((p) => p.name === "isAssigned")!.readOnly);
  assert.ok(policy.properties.find((p) => p.name === "disableEntraGroupPolicyAssignment"), "a property only the CSDL has is added");
  assert.ok(policy.properties.find((p) => p.name === "assignments")!.navigation);
});

test("the settings catalog comes from the CSDL: every instance and value subtype, recursive through children", () => {
  const types = models.get("configuration-policies")!.types;
  const derived = (base: string) => [...types.values()].filter((t) => t.kind === "object" && t.base === `microsoft.graph.${base}`).map((t) => t.name.slice("microsoft.graph.deviceManagementConfiguration".length)).sort();
  assert.equal(derived("deviceManagementConfigurationSettingInstance"), ["ChoiceSettingCollectionInstance", "ChoiceSettingInstance", "GroupSettingCollectionInstance", "GroupSettingInstance", "SettingGroupCollectionInstance", "SettingGroupInstance", "SimpleSettingCollectionInstance", "SimpleSettingInstance"]);
  assert.equal(derived("deviceManagementConfigurationSimpleSettingValue"), ["IntegerSettingValue", "SecretSettingValue", "StringSettingValue"]);
  assert.equal(derived("deviceManagementConfigurationStringSettingValue"), ["ReferenceSettingValue"]);
  const children = object("configuration-policies", "deviceManagementConfigurationChoiceSettingValue").properties.find((p) => p.name === "children")!;
  assert.equal(children.type, { kind: "array", items: { kind: "named", name: "microsoft.graph.deviceManagementConfigurationSettingInstance" }, itemsNullable: true });
  assert.ok(object("configuration-policies", "deviceManagementConfigurationSettingInstance").abstract);
});

test("an action's inline object result is a named type, not unknown", () => {
  const model = models.get("configuration-policies")!;
  planNames(model);
  const find = (node: ApiModel["root"]): ApiModel["root"]["operations"] => [...node.operations, ...node.children.flatMap(find)];
  const clear = find(model.root).find((op) => op.call?.name === "clearEnrollmentTimeDeviceMembershipTarget")!;
  assert.is(clear.response.kind, "json");
  const ref = clear.response.kind === "json" ? clear.response.type : undefined;
  const result = ref?.kind === "named" ? (model.types.get(ref.name) as ObjectType) : undefined;
  assert.is(result?.tsName, "DeviceManagementConfigurationPolicyClearEnrollmentTimeDeviceMembershipTargetResponse");
  assert.equal(result!.properties.map((p) => [p.name, p.type]), [["value", { kind: "primitive", name: "boolean" }]]);
});

test("arranges operations into the URL tree of PRODUCT.md", () => {
  const root = models.get("assignments")!.root;
  const item = root.children[0]!.children[0]!.children[0]!;
  assert.is(item.kind, "key");
  assert.equal(item.operations.map((o) => o.call?.name), ["assign"]);
  const assignments = item.children[0]!;
  assert.equal(assignments.operations.map((o) => o.kind).sort(), ["count", "create", "list"]);
  assert.equal(assignments.children[0]!.operations.map((o) => o.kind).sort(), ["delete", "get", "update"]);
});
test.run();
