/**
 * Consumer: the seed PATCH through graphslice's fluent API (product contract, PRODUCT.md).
 * Imports the generated SDK from the repo; becomes `from "graphslice"` once it is a package.
 */
import { createGraphClient, type GraphClientOptions } from "../../generated/index.ts";

export function createPatcher(config: { baseUrl: string; token: string }, options?: GraphClientOptions) {
  const graph = createGraphClient({ baseUrl: config.baseUrl, token: config.token, ...options });
  return (policyId: string, assignmentId: string) =>
    graph.deviceManagement.configurationPolicies
      .byId(policyId)
      .assignments.byId(assignmentId)
      .patch({
        "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
        target: {
          "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget",
          deviceAndAppManagementAssignmentFilterId: "Device And App Management Assignment Filter Id value",
          deviceAndAppManagementAssignmentFilterType: "include",
          collectionId: "Collection Id value",
        },
      });
}
