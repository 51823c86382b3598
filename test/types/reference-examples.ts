// The Graph API reference's own examples for configuration policies, their assignments and settings,
// pasted literally (microsoftgraph/microsoft-graph-docs-contrib, api-reference/beta/api/, each page and
// the commit it was read at named above its example). Each body must type-check as documented, with
// `@odata.type` written without `#` where the page does so. test/runtime/reference-examples.test.ts
// sends them through the SDK to the local server. Contradictions with the metadata are marked.
import { choiceSetting, setting, type DeviceManagementConfigurationSettingInstance, type GraphClient, type RequestBody } from "../../helpers/configuration-policies/index.js";

export const POLICY_ID = "{deviceManagementConfigurationPolicyId}";

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-create.md @ 022b186da1bf6d2f88b9513122ebb32b0b70ef0e
export function createPolicy(graph: GraphClient) {
  return graph.deviceManagement.configurationPolicies.post({
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicy",
    "name": "Name value",
    "description": "Description value",
    "platforms": "android",
    "technologies": "mdm",
    "settingCount": 12,
    "creationSource": "Creation Source value",
    "roleScopeTagIds": [
      "Role Scope Tag Ids value"
    ],
    "isAssigned": true,
    "disableEntraGroupPolicyAssignment": true,
    "templateReference": {
      "@odata.type": "microsoft.graph.deviceManagementConfigurationPolicyTemplateReference",
      "templateId": "Template Id value",
      "templateFamily": "endpointSecurityAntivirus",
      "templateDisplayName": "Template Display Name value",
      "templateDisplayVersion": "Template Display Version value"
    },
    "priorityMetaData": {
      "@odata.type": "microsoft.graph.deviceManagementPriorityMetaData",
      "priority": 8
    }
  });
}

export const createPolicyResponse = {
  "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicy",
  "id": "3ffd7cd0-7cd0-3ffd-d07c-fd3fd07cfd3f",
  "name": "Name value",
  "description": "Description value",
  "platforms": "android",
  "technologies": "mdm",
  "createdDateTime": "2017-01-01T00:02:43.5775965-08:00",
  "lastModifiedDateTime": "2017-01-01T00:00:35.1329464-08:00",
  "settingCount": 12,
  "creationSource": "Creation Source value",
  "roleScopeTagIds": [
    "Role Scope Tag Ids value"
  ],
  "isAssigned": true,
  "disableEntraGroupPolicyAssignment": true,
  "templateReference": {
    "@odata.type": "microsoft.graph.deviceManagementConfigurationPolicyTemplateReference",
    "templateId": "Template Id value",
    "templateFamily": "endpointSecurityAntivirus",
    "templateDisplayName": "Template Display Name value",
    "templateDisplayVersion": "Template Display Version value"
  },
  "priorityMetaData": {
    "@odata.type": "microsoft.graph.deviceManagementPriorityMetaData",
    "priority": 8
  }
} as const;

// intune-deviceconfigv2-devicemanagementconfigurationpolicyassignment-create.md @ 0408bcabaf9097c0952b891e8d5ca0afc498de4e
// (the page's URL is a compliance policy's; the body is the configuration-policy assignment's). The
// target type is in no metadata file: spec/overlays/scope-tag-group-assignment-target.overlay.yaml adds it.
export async function createScopeTagAssignment(graph: GraphClient, policyId: string) {
  const created = await graph.deviceManagement.configurationPolicies.byId(policyId).assignments.post({
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
  // Typed through the overlay: the target narrows to scopeTagGroupAssignmentTarget.
  if (created.target?.["@odata.type"] === "#microsoft.graph.scopeTagGroupAssignmentTarget") {
    const entraObjectId: string | null | undefined = created.target.entraObjectId;
    return { created, entraObjectId, targetType: created.target.targetType };
  }
  return { created, entraObjectId: undefined, targetType: undefined };
}

export const createScopeTagAssignmentResponse = {
  "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
  "id": "1f069921-9921-1f06-2199-061f2199061f",
  "target": {
    "@odata.type": "microsoft.graph.scopeTagGroupAssignmentTarget",
    "deviceAndAppManagementAssignmentFilterId": "Device And App Management Assignment Filter Id value",
    "deviceAndAppManagementAssignmentFilterType": "include",
    "targetType": "user",
    "entraObjectId": "Entra Object Id value"
  },
  "source": "policySets",
  "sourceId": "Source Id value"
} as const;

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-createcopy.md @ 006046110cb047af91bd3df07c1791dedd14051b
// The page's response wraps the copy in { "value": … }; the service answers with the policy itself,
// as for any action returning one entity, and that is what the SDK types and returns.
export function createCopy(graph: GraphClient, policyId: string) {
  return graph.deviceManagement.configurationPolicies.byId(policyId).createCopy({
    "displayName": "Display Name value",
    "description": "Description value"
  });
}

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-reorder.md @ 09a024454e4f07a488bfd4e3d7f96696598ca10f
export function reorder(graph: GraphClient, policyId: string): Promise<void> {
  return graph.deviceManagement.configurationPolicies.byId(policyId).reorder({
    "priority": 8
  });
}

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-assignjustintimeconfiguration.md @ 1240ff6d9364851643104ae7e4d8a2eb9bc308f4
// (the action is in no metadata file: spec/overlays/just-in-time-configuration.overlay.yaml adds it).
export async function assignJustInTime(graph: GraphClient, policyId: string) {
  const result = await graph.deviceManagement.configurationPolicies.byId(policyId).assignJustInTimeConfiguration({
    "justInTimeAssignments": {
      "@odata.type": "microsoft.graph.deviceManagementConfigurationJustInTimeAssignmentPolicy",
      "targetType": "entraSecurityGroup",
      "target": [
        "Target value"
      ]
    }
  });
  const value: boolean | undefined = result.value; // documented response: { "value": true }
  return value;
}

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-retrievejustintimeconfiguration.md @ 2f40f012021e6b767e75772a4b966f2165993bbb
// The page wraps the result in { "value": … }; one complex value comes back as itself (see the overlay).
export const retrieveJustInTimeResponseValue = {
  "@odata.type": "microsoft.graph.deviceManagementConfigurationJustInTimeAssignmentPolicy",
  "targetType": "entraSecurityGroup",
  "target": [
    "Target value"
  ]
} as const;

// intune-deviceconfigv2-devicemanagementconfigurationsetting-create.md and -update.md @ 028b8e354879f1054adbd96bfa8d16fff4330811
// Both pages' body is 16 KB: a choice setting whose value's children hold a choice setting, and so on,
// eleven levels with the same template references and "Value value", ending in a choice setting whose
// settingDefinitionId, settingInstanceTemplateReference and choiceSettingValue are null. Its level and
// its leaf are pasted here once and nested as the pages nest them; the result, printed as the pages
// print JSON (two-space indent, CRLF), has exactly the pages' Content-length.
export const DOCUMENTED_SETTING_CONTENT_LENGTH = 16129;
export const DOCUMENTED_LEVEL = {
  "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
  "settingDefinitionId": "Setting Definition Id value",
  "settingInstanceTemplateReference": {
    "@odata.type": "microsoft.graph.deviceManagementConfigurationSettingInstanceTemplateReference",
    "settingInstanceTemplateId": "Setting Instance Template Id value"
  },
  "choiceSettingValue": {
    "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingValue",
    "settingValueTemplateReference": {
      "@odata.type": "microsoft.graph.deviceManagementConfigurationSettingValueTemplateReference",
      "settingValueTemplateId": "Setting Value Template Id value",
      "useTemplateDefault": true
    },
    "value": "Value value",
    "children": [] as unknown[]
  }
} as const;

export const DOCUMENTED_LEAF = {
  "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
  "settingDefinitionId": null,
  "settingInstanceTemplateReference": null,
  "choiceSettingValue": null
} as const;

/** The page's example: `levels` full levels (the page has 11), with the documented leaf or a given one at the bottom. */
export function documentedSettingBody(levels: number, leaf: unknown = DOCUMENTED_LEAF): Record<string, unknown> {
  let instance: unknown = leaf;
  for (let i = 0; i < levels; i++) instance = { ...DOCUMENTED_LEVEL, choiceSettingValue: { ...DOCUMENTED_LEVEL.choiceSettingValue, children: [instance] } };
  return { "@odata.type": "#microsoft.graph.deviceManagementConfigurationSetting", settingInstance: instance };
}

// The documented leaf contradicts the CSDL: settingDefinitionId and choiceSettingValue are
// Nullable="false" there, so the pasted leaf does not type-check, and the runtime refuses it too.
export const leafAsInstance: RequestBody<DeviceManagementConfigurationSettingInstance> = {
  "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
  // @ts-expect-error settingDefinitionId is non-nullable in the CSDL; the page sends null
  "settingDefinitionId": null,
  "settingInstanceTemplateReference": null,
  // @ts-expect-error choiceSettingValue is non-nullable in the CSDL; the page sends null
  "choiceSettingValue": null
};

// The same nesting through the settings helpers type-checks with a real leaf.
export function documentedSettingWithHelpers(levels: number, leaf: DeviceManagementConfigurationSettingInstance) {
  const templates = { instanceTemplateId: "Setting Instance Template Id value", valueTemplateId: "Setting Value Template Id value", useTemplateDefault: true };
  let instance = leaf;
  for (let i = 0; i < levels; i++) instance = choiceSetting("Setting Definition Id value", "Value value", [instance], templates);
  return setting(instance);
}
