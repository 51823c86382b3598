// The public API names and signatures of PRODUCT.md, as external code calls them.
import { createGraphClient, GraphError, type DeviceManagementConfigurationPolicyAssignment, type Page } from "../../generated/index.js";

export async function contract(policyId: string, assignmentId: string, signal: AbortSignal) {
  const graph = createGraphClient({ baseUrl: "https://graph.microsoft.com/beta", token: async () => "…" });
  const policy = graph.deviceManagement.configurationPolicies.byId(policyId);
  const page: Page<DeviceManagementConfigurationPolicyAssignment> = await policy.assignments.get({ top: 10, select: ["id", "target"] });
  const next: string | null | undefined = page["@odata.nextLink"];
  for await (const a of policy.assignments.iterate()) a.id;
  const created: DeviceManagementConfigurationPolicyAssignment = await policy.assignments.post({ target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } });
  const n: number = await policy.assignments.count();
  await policy.assignments.count({ signal, filter: "x" });
  await policy.assignments.byId(assignmentId).get({ select: ["id"] }, { signal, headers: { a: "b" }, timeoutMs: 5 });
  await policy.assignments.byId(assignmentId).patch({}, { signal });
  const done: void = await policy.assignments.byId(assignmentId).delete({ timeoutMs: 1 });
  const assigned: Page<DeviceManagementConfigurationPolicyAssignment> = await policy.assign({ assignments: [created] });
  // @ts-expect-error query options are the ones the spec allows
  await policy.assignments.get({ top: 1, skiptoken: "x" });
  // @ts-expect-error byId takes a string key
  policy.assignments.byId(42);
  // @ts-expect-error a read-only property cannot be assigned
  created.id = "x";
  return { next, n, done, assigned, isError: (e: unknown) => e instanceof GraphError && e.status };
}
