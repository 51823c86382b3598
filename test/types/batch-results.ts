// graph.batch(): one PromiseSettledResult per call, typed per position, from the same builders.
import { createGraphClient, type DeviceManagementConfigurationPolicyAssignment, type GraphError, type Page } from "../../generated/index.js";

declare const graph: ReturnType<typeof createGraphClient>;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const exact = <A, B>(_proof: Equal<A, B>) => undefined;

export async function issueExample(p: string, a: string, assignments: { target: { "@odata.type": "microsoft.graph.allDevicesAssignmentTarget" } }[]) {
  const results = await graph.batch((g) => [
    g.deviceManagement.configurationPolicies.byId(p).assignments.byId(a).patch({ source: "direct" }),
    g.deviceManagement.configurationPolicies.byId(p).assign({ assignments }),
    g.deviceManagement.configurationPolicies.byId(p).assignments.get({ top: 5 }),
    g.deviceManagement.configurationPolicies.byId(p).assignments.byId(a).delete(),
  ]);
  exact<typeof results, [
    PromiseSettledResult<DeviceManagementConfigurationPolicyAssignment>,
    PromiseSettledResult<Page<DeviceManagementConfigurationPolicyAssignment>>,
    PromiseSettledResult<Page<DeviceManagementConfigurationPolicyAssignment>>,
    PromiseSettledResult<void>,
  ]>(true);
  const [patched, , page] = results;
  if (patched.status === "fulfilled") patched.value.target?.["@odata.type"];
  if (page.status === "fulfilled") page.value.value[0]?.id;
  // @ts-expect-error a settled result must be narrowed before its value is read
  patched.value;
  // @ts-expect-error the fourth result is the last one
  results[4];
  if (patched.status === "rejected") (patched.reason as GraphError).status;
}

export async function selectInsideBatch(p: string) {
  const [page] = await graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(p).assignments.get({ select: ["id", "target"] })]);
  if (page.status === "fulfilled") {
    page.value.value[0]?.target;
    // @ts-expect-error not selected
    page.value.value[0]?.source;
  }
}

export async function theClientIsTheSameType(p: string) {
  const results = await graph.batch((g) => {
    const same: typeof graph = g;
    return [same.deviceManagement.configurationPolicies.byId(p).assignments.get()];
  });
  exact<typeof results, [PromiseSettledResult<Page<DeviceManagementConfigurationPolicyAssignment>>]>(true);
  exact<Awaited<ReturnType<typeof graph.batch<[]>>>, []>(true);
  // @ts-expect-error iterate() is an async generator, not a call that can be batched
  await graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(p).assignments.iterate()]);
  // @ts-expect-error the options are the batch's (sequential, signal, timeoutMs, headers, maxRetries)
  await graph.batch(() => [], { onResponse: () => {} });
}
