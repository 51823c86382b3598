// Polymorphic values narrow on "@odata.type": derived properties become reachable without casts,
// and a type newer than the spec lands in the Unknown… member with its properties kept.
import type { DeviceAndAppManagementAssignmentTarget, DeviceManagementConfigurationPolicyAssignment, UnknownDeviceAndAppManagementAssignmentTarget } from "../../generated/index.js";

export function describe(target: DeviceAndAppManagementAssignmentTarget): string {
  switch (target["@odata.type"]) {
    case "#microsoft.graph.groupAssignmentTarget":
    case "#microsoft.graph.exclusionGroupAssignmentTarget":
      return `group ${target.groupId ?? ""}`;
    case "#microsoft.graph.configurationManagerCollectionAssignmentTarget":
      return `collection ${target.collectionId ?? ""}`;
    case "#microsoft.graph.androidFotaDeploymentAssignmentTarget":
      return `fota ${target.groupId ?? ""}`;
    case "#microsoft.graph.scopeTagGroupAssignmentTarget":
      // Added by spec/overlays/scope-tag-group-assignment-target.overlay.yaml.
      return `scope tag ${target.targetType ?? ""} ${target.entraObjectId ?? ""}`;
    case "#microsoft.graph.allDevicesAssignmentTarget":
    case "#microsoft.graph.allLicensedUsersAssignmentTarget":
      // @ts-expect-error groupId exists only on group targets
      return `all ${target.groupId}`;
    default: {
      // Anything else is a type this SDK does not know: still typed, every property readable.
      const unknown: UnknownDeviceAndAppManagementAssignmentTarget = target;
      return `unknown ${String(unknown["@odata.type"])} ${String(unknown.scopeTag)}`;
    }
  }
}

export function fromResponse(assignment: DeviceManagementConfigurationPolicyAssignment): string | undefined {
  const target = assignment.target;
  if (target?.["@odata.type"] === "#microsoft.graph.groupAssignmentTarget") return target.groupId ?? undefined;
  // @ts-expect-error without narrowing, collectionId is not on every target
  return target?.collectionId;
}

export function filterTypeIsShared(target: DeviceAndAppManagementAssignmentTarget) {
  // Base properties need no narrowing.
  return target.deviceAndAppManagementAssignmentFilterType;
}
