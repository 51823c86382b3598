/**
 * The documented PATCH example (shared/seeds: "Update deviceManagementConfigurationPolicyAssignment"):
 * request body, response body, and the ids every client uses. Consumers write their own typed body
 * literal; the loopback server checks that what arrives on the wire is this request.
 */
export const POLICY_ID = "policy-1";
export const ASSIGNMENT_ID = "1f069921-9921-1f06-2199-061f2199061f";
export const TOKEN = "bench-token";
export const BASE_PATH = "/beta";

export const SEED_REQUEST = {
  "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
  target: {
    "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget",
    deviceAndAppManagementAssignmentFilterId: "Device And App Management Assignment Filter Id value",
    deviceAndAppManagementAssignmentFilterType: "include",
    collectionId: "Collection Id value",
  },
} as const;

export const SEED_RESPONSE = {
  "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
  id: ASSIGNMENT_ID,
  target: {
    "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget",
    deviceAndAppManagementAssignmentFilterId: "Device And App Management Assignment Filter Id value",
    deviceAndAppManagementAssignmentFilterType: "include",
    collectionId: "Collection Id value",
  },
} as const;

export const SEED_RESPONSE_TEXT = JSON.stringify(SEED_RESPONSE, null, 2);

/** Path the PATCH must hit (ids are plain, so percent-encoding leaves them unchanged). */
export const PATCH_PATH = `${BASE_PATH}/deviceManagement/configurationPolicies/${POLICY_ID}/assignments/${ASSIGNMENT_ID}`;

/** Why a received request body is not the seed request, or undefined when it is. */
export function requestBodyProblem(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return "body is not a JSON object";
  const target = (body as { target?: unknown }).target;
  if (typeof target !== "object" || target === null) return "body.target missing";
  const t = target as Record<string, unknown>;
  const odataType = String(t["@odata.type"] ?? "");
  if (!odataType.endsWith("microsoft.graph.configurationManagerCollectionAssignmentTarget")) {
    return `body.target["@odata.type"] is ${JSON.stringify(t["@odata.type"])}`;
  }
  for (const key of ["collectionId", "deviceAndAppManagementAssignmentFilterId", "deviceAndAppManagementAssignmentFilterType"] as const) {
    if (t[key] !== SEED_REQUEST.target[key]) return `body.target.${key} is ${JSON.stringify(t[key])}`;
  }
  return undefined;
}

/** Where a client's PATCH result keeps the derived target's own property `collectionId`. */
export type CollectionIdPlace = "property" | "additionalData" | "missing";

/**
 * Clients model the result differently (wire JSON; Kiota camelCase models that put properties of a
 * type they did not recognise in `additionalData`), so look in both places.
 */
export function collectionIdPlace(result: unknown): CollectionIdPlace {
  if (typeof result !== "object" || result === null) return "missing";
  const target = (result as { target?: unknown }).target;
  if (typeof target !== "object" || target === null) return "missing";
  const t = target as { collectionId?: unknown; additionalData?: Record<string, unknown> };
  if (t.collectionId === "Collection Id value") return "property";
  if (t.additionalData?.["collectionId"] === "Collection Id value") return "additionalData";
  return "missing";
}
