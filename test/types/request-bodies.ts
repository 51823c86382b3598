// What request bodies accept and reject at compile time.
import { createGraphClient, unknownODataType, type RequestBody, type DeviceManagementConfigurationPolicyAssignment } from "../../generated/index.js";

const assignments = createGraphClient({ token: "t" }).deviceManagement.configurationPolicies.byId("p").assignments;

export async function accepted() {
  await assignments.post({ target: { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: "g" } });
  await assignments.post({ target: { "@odata.type": "microsoft.graph.exclusionGroupAssignmentTarget", groupId: "g" } });
  await assignments.post({ target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } });
  // PATCH: null clears a nullable property; absent leaves it unchanged.
  await assignments.byId("a").patch({ sourceId: null, target: null });
  await assignments.byId("a").patch({});
  // Instance annotations are always allowed.
  await assignments.byId("a").patch({ "@odata.etag": 'W/"1"', "target@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" });
  // A type newer than the spec, with its own properties.
  await assignments.post({ target: { "@odata.type": unknownODataType("microsoft.graph.scopeTagGroupAssignmentTarget"), scopeTag: "x", groupId: "g" } });
  // The assign action.
  await createGraphClient().deviceManagement.configurationPolicies.byId("p").assign({ assignments: [{ target: { "@odata.type": "#microsoft.graph.allLicensedUsersAssignmentTarget" } }] });
}

export async function rejected() {
  // @ts-expect-error misspelled property on a known type
  await assignments.post({ target: { "@odata.type": "#microsoft.graph.configurationManagerCollectionAssignmentTarget", colectionId: "c" } });
  // @ts-expect-error misspelled property on the entity itself
  await assignments.byId("a").patch({ sorceId: "x" });
  // @ts-expect-error wrong enum value
  await assignments.post({ target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget", deviceAndAppManagementAssignmentFilterType: "includ" } });
  // @ts-expect-error an abstract target needs its "@odata.type"
  await assignments.post({ target: { groupId: "g" } });
  // @ts-expect-error a property of another derived type
  await assignments.post({ target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget", collectionId: "c" } });
  // @ts-expect-error source is not nullable
  await assignments.byId("a").patch({ source: null });
  // @ts-expect-error an arbitrary string is not an @odata.type of a target (use unknownODataType for new types)
  await assignments.post({ target: { "@odata.type": "#microsoft.graph.somethingElse" } });
}

// RequestBody<T> widens only "@odata.type" literals.
type Body = RequestBody<DeviceManagementConfigurationPolicyAssignment>;
export const both: Body["@odata.type"][] = ["#microsoft.graph.deviceManagementConfigurationPolicyAssignment", "microsoft.graph.deviceManagementConfigurationPolicyAssignment", undefined];
