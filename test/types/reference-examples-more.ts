// More of the reference pages' examples, pasted literally (microsoftgraph/microsoft-graph-docs-contrib,
// api-reference/beta/api/, page and commit above each): updates and actions whose bodies must
// type-check as documented, and the documented responses the runtime test has the server answer with.
// Many pages wrap one entity or one complex value in { "value": … }; the service answers with the
// entity itself, and the tests unwrap what the page shows.
import type { GraphClient } from "../../helpers/configuration-policies/index.js";
import { createPolicyResponse, createScopeTagAssignmentResponse, DOCUMENTED_LEVEL } from "./reference-examples.js";

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-update.md @ 022b186da1bf6d2f88b9513122ebb32b0b70ef0e
// (the response is the create page's; isAssigned is read-only in the CSDL but the page sends it: the
// SDK sends what it is given, and the server decides)
export function updatePolicy(graph: GraphClient, policyId: string) {
  return graph.deviceManagement.configurationPolicies.byId(policyId).patch({
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

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-get.md @ 022b186da1bf6d2f88b9513122ebb32b0b70ef0e and
// intune-deviceconfigv2-devicemanagementconfigurationpolicy-retrievelatestupgradedefaultbaselinepolicy.md @ 022b186da1bf6d2f88b9513122ebb32b0b70ef0e:
// both responses are { "value": <the create page's policy> }, a single entity wrapped. The function page's
// URL also drops the `()` the OpenAPI path has; the SDK sends the OpenAPI's form.
export const policyGetResponse = { "value": createPolicyResponse } as const;

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-list.md @ 022b186da1bf6d2f88b9513122ebb32b0b70ef0e
export const policyListResponse = { "value": [createPolicyResponse] } as const;

// intune-deviceconfigv2-devicemanagementconfigurationpolicyassignment-get.md @ 067a0cb86d1de55b756891cb185203b0bd4288bf (wrapped)
export const assignmentGetResponse = {
  "value": {
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
    "id": "1f069921-9921-1f06-2199-061f2199061f",
    "target": {
      "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget",
      "deviceAndAppManagementAssignmentFilterId": "Device And App Management Assignment Filter Id value",
      "deviceAndAppManagementAssignmentFilterType": "include",
      "collectionId": "Collection Id value"
    }
  }
} as const;

// intune-deviceconfigv2-devicemanagementconfigurationpolicyassignment-list.md @ 079e65912e1ca1cdef11a8858a7a5eed6f5f4477
export const assignmentListResponse = { "value": [createScopeTagAssignmentResponse] } as const;

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-assign.md @ 090b00cc08ea7de0b65aa5c7632d19a33ac8ef06
// (the response is { "value": [the same assignment] }: a collection, not a wrap)
export function assign(graph: GraphClient, policyId: string) {
  return graph.deviceManagement.configurationPolicies.byId(policyId).assign({
    "assignments": [
      {
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
      }
    ]
  });
}

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-setenrollmenttimedevicemembershiptarget.md @ 1059f1dcd81909ce3e74495090e3a6e567afda31
export function setEnrollmentTarget(graph: GraphClient, policyId: string) {
  return graph.deviceManagement.configurationPolicies.byId(policyId).setEnrollmentTimeDeviceMembershipTarget({
    "enrollmentTimeDeviceMembershipTargets": [
      {
        "@odata.type": "microsoft.graph.enrollmentTimeDeviceMembershipTarget",
        "targetType": "staticSecurityGroup",
        "targetId": "Target Id value"
      }
    ]
  });
}

// The response of that page and of
// intune-deviceconfigv2-devicemanagementconfigurationpolicy-retrieveenrollmenttimedevicemembershiptarget.md @ 0524ebf8d78aa62b7e086661f03eb873ee596599
// (wrapped). Each status carries validationSucceeded, which no metadata file declares for
// enrollmentTimeDeviceMembershipTargetStatus: the SDK keeps it (untyped) instead of dropping it.
export const enrollmentResultResponse = {
  "value": {
    "@odata.type": "microsoft.graph.enrollmentTimeDeviceMembershipTargetResult",
    "validationSucceeded": true,
    "enrollmentTimeDeviceMembershipTargetValidationStatuses": [
      {
        "@odata.type": "microsoft.graph.enrollmentTimeDeviceMembershipTargetStatus",
        "targetId": "Target Id value",
        "validationSucceeded": true,
        "targetValidationErrorCode": "securityGroupNotFound"
      }
    ]
  }
} as const;

// intune-deviceconfigv2-devicemanagementconfigurationpolicy-clearenrollmenttimedevicemembershiptarget.md @ 1a114e7780a4e6b36d65872be85d46a59ae2452e
export async function clearEnrollmentTarget(graph: GraphClient, policyId: string) {
  const result = await graph.deviceManagement.configurationPolicies.byId(policyId).clearEnrollmentTimeDeviceMembershipTarget();
  const value: boolean | undefined = result.value; // documented: { "value": true }
  return value;
}

// intune-deviceconfigv2-devicemanagementconfigurationsetting-get.md @ 0b52ae19972cd7e12cd0217dfb7ea043fad86019 (wrapped):
// the create page's eleven levels, each instance also carrying auditRuleInformation (an audit policy's),
// which no metadata file declares on a setting instance, and a leaf whose four properties are null.
// Printed as the page prints JSON, { value: … } has exactly the page's Content-Length.
export const DOCUMENTED_GET_CONTENT_LENGTH = 27096;
export const DOCUMENTED_GET_LEAF = {
  "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
  "settingDefinitionId": null,
  "settingInstanceTemplateReference": null,
  "auditRuleInformation": null,
  "choiceSettingValue": null
} as const;
export const AUDIT_RULE_INFORMATION = {
  "@odata.type": "microsoft.graph.deviceManagementAuditPowerShellRuleDetail",
  "auditType": "registry",
  "auditRuleMetadata": {
    "@odata.type": "microsoft.graph.deviceManagementAuditRuleMetadata",
    "metadataType": "stig",
    "ruleId": "Rule Id value",
    "ruleName": "Rule Name value",
    "ruleDescription": "Rule Description value",
    "ruleVersion": "Rule Version value",
    "ruleSeverity": "Rule Severity value"
  }
} as const;

/** The get page's setting: levels as the create page's, with auditRuleInformation after the template reference. */
export function documentedSettingGetValue(levels: number, leaf: unknown): Record<string, unknown> {
  let instance: unknown = leaf;
  for (let i = 0; i < levels; i++) {
    const { choiceSettingValue, ...head } = DOCUMENTED_LEVEL;
    instance = { ...head, "auditRuleInformation": AUDIT_RULE_INFORMATION, "choiceSettingValue": { ...choiceSettingValue, "children": [instance] } };
  }
  return { "@odata.type": "#microsoft.graph.deviceManagementConfigurationSetting", "id": "9acf977e-977e-9acf-7e97-cf9a7e97cf9a", "settingInstance": instance };
}
