// `select` takes the model's property names and narrows the result to them; `@odata.*` stays.
import { createGraphClient as createPoliciesClient } from "../../generated/configuration-policies/index.js";
import { createGraphClient, type DeviceManagementConfigurationPoliciesItemAssignmentsListQuery, type DeviceManagementConfigurationPolicyAssignment, type Page } from "../../generated/index.js";

declare const graph: ReturnType<typeof createGraphClient>;
declare const policies: ReturnType<typeof createPoliciesClient>;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exact = <A, B>(_proof: Equal<A, B>) => undefined;

export async function listSelect(p: string) {
  const policy = graph.deviceManagement.configurationPolicies.byId(p);
  const page = await policy.assignments.get({ select: ["id", "target"] });
  page.value[0]?.target;
  page.value[0]?.id;
  page.value[0]?.["@odata.type"];
  page.value[0]?.["target@odata.type"];
  page["@odata.nextLink"];
  // @ts-expect-error not selected
  page.value[0]?.source;
  // @ts-expect-error a typo in select is a compile error
  await policy.assignments.get({ select: ["id", "taget"] });
}

export async function withoutSelectTheWholeModel(p: string) {
  const assignments = graph.deviceManagement.configurationPolicies.byId(p).assignments;
  exact<Awaited<ReturnType<typeof assignments.get<never>>>, Page<DeviceManagementConfigurationPolicyAssignment>>(true);
  const page = await assignments.get({ top: 5 });
  const whole: Page<DeviceManagementConfigurationPolicyAssignment> = page;
  page.value[0]?.source;
  const none = await assignments.get();
  none.value[0]?.source;
  return whole;
}

export async function getAndIterateNarrowToo(p: string, a: string) {
  const assignments = graph.deviceManagement.configurationPolicies.byId(p).assignments;
  const one = await assignments.byId(a).get({ select: ["source"] });
  one.source;
  // @ts-expect-error not selected
  one.target;
  for await (const item of assignments.iterate({ select: ["id"] })) {
    item.id;
    // @ts-expect-error not selected
    item.target;
  }
}

export async function expandTakesNavigationProperties(p: string) {
  await policies.deviceManagement.configurationPolicies.get({ expand: ["assignments", "settings($expand=settingDefinitions)"] });
  // @ts-expect-error name is a property, not a navigation property
  await policies.deviceManagement.configurationPolicies.get({ expand: ["name"] });
  const policy = await policies.deviceManagement.configurationPolicies.byId(p).get({ select: ["name", "platforms"], expand: ["assignments"] });
  policy.name;
  // @ts-expect-error not selected
  policy.description;
}

export function theBareQueryInterfaceStillTakesAnyPropertyName(): DeviceManagementConfigurationPoliciesItemAssignmentsListQuery {
  const query: DeviceManagementConfigurationPoliciesItemAssignmentsListQuery = { select: ["id", "source", "target"] };
  // @ts-expect-error but no typo
  const typo: DeviceManagementConfigurationPoliciesItemAssignmentsListQuery = { select: ["sorce"] };
  return typo ?? query;
}
