/** Consumer: the seed PATCH with nothing but fetch (the baseline every ratio divides by). */

interface AssignmentTarget {
  "@odata.type": string;
  deviceAndAppManagementAssignmentFilterId?: string | null;
  deviceAndAppManagementAssignmentFilterType?: "none" | "include" | "exclude";
  [key: string]: unknown;
}
interface Assignment {
  "@odata.type"?: string;
  id?: string;
  target?: AssignmentTarget;
}

export function createPatcher(config: { baseUrl: string; token: string }) {
  return async (policyId: string, assignmentId: string): Promise<Assignment> => {
    const body: Assignment = {
      "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
      target: {
        "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget",
        deviceAndAppManagementAssignmentFilterId: "Device And App Management Assignment Filter Id value",
        deviceAndAppManagementAssignmentFilterType: "include",
        collectionId: "Collection Id value",
      },
    };
    const url = `${config.baseUrl}/deviceManagement/configurationPolicies/${encodeURIComponent(policyId)}/assignments/${encodeURIComponent(assignmentId)}`;
    const response = await fetch(url, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${config.token}`, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`PATCH failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as Assignment;
  };
}
