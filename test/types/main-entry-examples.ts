// The current assignment pages' bodies through the package's main entry (`graphslice`, the
// assignments slice), pasted as documented. Their target type, scopeTagGroupAssignmentTarget, is in
// no metadata file; spec/overlays/scope-tag-group-assignment-target.overlay.yaml adds it to this slice
// as to configuration-policies, so the documented bodies compile and the answers narrow to it.
import { createGraphClient } from "../../generated/index.js";

const graph = createGraphClient({ token: "t" });

const target = {
  "@odata.type": "microsoft.graph.scopeTagGroupAssignmentTarget",
  "deviceAndAppManagementAssignmentFilterId": "Device And App Management Assignment Filter Id value",
  "deviceAndAppManagementAssignmentFilterType": "include",
  "targetType": "user",
  "entraObjectId": "Entra Object Id value"
} as const;

// intune-deviceconfigv2-devicemanagementconfigurationpolicyassignment-update.md @ 275f78bd
export async function updateAssignment(policyId: string, assignmentId: string) {
  const updated = await graph.deviceManagement.configurationPolicies.byId(policyId).assignments.byId(assignmentId).patch({
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
    "target": {
      "@odata.type": "microsoft.graph.scopeTagGroupAssignmentTarget",
      "deviceAndAppManagementAssignmentFilterId": "Device And App Management Assignment Filter Id value",
      "deviceAndAppManagementAssignmentFilterType": "include",
      "targetType": "user",
      "entraObjectId": "Entra Object Id value"
    },
    "source": "policySets",
    "sourceId": "Source Id value"
  });
  if (updated.target?.["@odata.type"] === "#microsoft.graph.scopeTagGroupAssignmentTarget") {
    const targetType: "none" | "user" | "device" | "unknownFutureValue" | undefined = updated.target.targetType;
    return targetType;
  }
  return undefined;
}

// intune-deviceconfigv2-devicemanagementconfigurationpolicyassignment-create.md @ 0408bcab
export function createAssignment(policyId: string) {
  return graph.deviceManagement.configurationPolicies.byId(policyId).assignments.post({
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
    target,
    "source": "policySets",
    "sourceId": "Source Id value"
  });
}

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-assign.md @ 090b00cc
export function assign(policyId: string) {
  return graph.deviceManagement.configurationPolicies.byId(policyId).assign({
    "assignments": [
      {
        "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
        "id": "1f069921-9921-1f06-2199-061f2199061f",
        target,
        "source": "policySets",
        "sourceId": "Source Id value"
      }
    ]
  });
}

export function wrongTargetType(policyId: string) {
  return graph.deviceManagement.configurationPolicies.byId(policyId).assignments.post({
    // @ts-expect-error the overlay's enum: scopeTagTargetType has no "group"
    target: { "@odata.type": "microsoft.graph.scopeTagGroupAssignmentTarget", targetType: "group" },
  });
}
