// The documented PATCH body (spec/seeds/…md), written out literally: it must compile exactly as
// documented, `@odata.type` without `#` included, in both clients.
import { createGraphClient, createLowLevelClient } from "../../generated/index.js";

const graph = createGraphClient({ token: "t" });

export async function documentedPatch(policyId: string, assignmentId: string) {
  const updated = await graph.deviceManagement.configurationPolicies.byId(policyId).assignments.byId(assignmentId).patch({
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
    target: {
      "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget",
      deviceAndAppManagementAssignmentFilterId: "Device And App Management Assignment Filter Id value",
      deviceAndAppManagementAssignmentFilterType: "include",
      collectionId: "Collection Id value",
    },
  });
  // The response narrows on the "#" form the runtime guarantees.
  if (updated.target?.["@odata.type"] === "#microsoft.graph.configurationManagerCollectionAssignmentTarget") {
    const collectionId: string | null | undefined = updated.target.collectionId;
    return collectionId;
  }
  return undefined;
}

export async function documentedPatchLowLevel(policyId: string, assignmentId: string) {
  const api = createLowLevelClient({ token: "t" });
  return api.PATCH("/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments/{deviceManagementConfigurationPolicyAssignment-id}", {
    params: { path: { "deviceManagementConfigurationPolicy-id": policyId, "deviceManagementConfigurationPolicyAssignment-id": assignmentId } },
    body: {
      "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
      target: {
        "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget",
        deviceAndAppManagementAssignmentFilterId: "Device And App Management Assignment Filter Id value",
        deviceAndAppManagementAssignmentFilterType: "include",
        collectionId: "Collection Id value",
      },
    },
  });
}
