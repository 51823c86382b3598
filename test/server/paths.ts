/**
 * Maps a raw request-target to a route. Fixed segments (`beta`, `$count`, `assignments`, `settings`,
 * `settingDefinitions`, `microsoft.graph.assign` and the other bound operations) are compared RAW, so `%24count` is an id, not the `$count` segment; id
 * segments are percent-decoded exactly once (`a%2Fb` → `a/b`, `%252F` → `%2F`).
 */
import { ODataHttpError } from "./odata.js";

export type Route =
  | { kind: "policies" }
  | { kind: "policyCount" }
  | { kind: "policy"; policyId: string }
  | { kind: "assignments"; policyId: string }
  | { kind: "assignmentCount"; policyId: string }
  | { kind: "assignment"; policyId: string; assignmentId: string }
  | { kind: "assign"; policyId: string }
  | { kind: "settings"; policyId: string }
  | { kind: "settingCount"; policyId: string }
  | { kind: "setting"; policyId: string; settingId: string }
  | { kind: "settingDefinitions"; policyId: string; settingId: string }
  | { kind: "settingDefinitionCount"; policyId: string; settingId: string }
  | { kind: "settingDefinition"; policyId: string; settingId: string; definitionId: string }
  | { kind: "policyAction"; policyId: string; action: PolicyAction }
  | { kind: "policyFunction"; policyId: string; name: "retrieveLatestUpgradeDefaultBaselinePolicy" };

/** The policy-bound actions besides `assign` (POST). Graph takes them namespace-qualified or short. */
export const POLICY_ACTIONS = [
  "createCopy",
  "reorder",
  "setEnrollmentTimeDeviceMembershipTarget",
  "retrieveEnrollmentTimeDeviceMembershipTarget",
  "clearEnrollmentTimeDeviceMembershipTarget",
  "assignJustInTimeConfiguration",
  "retrieveJustInTimeConfiguration",
] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export const ALLOWED_METHODS: Record<Route["kind"], string[]> = {
  policies: ["GET", "POST"],
  policyCount: ["GET"],
  policy: ["GET", "PATCH", "DELETE"],
  assignments: ["GET", "POST"],
  assignmentCount: ["GET"],
  assignment: ["GET", "PATCH", "DELETE"],
  assign: ["POST"],
  settings: ["GET", "POST"],
  settingCount: ["GET"],
  setting: ["GET", "PATCH", "DELETE"],
  settingDefinitions: ["GET"],
  settingDefinitionCount: ["GET"],
  settingDefinition: ["GET"],
  policyAction: ["POST"],
  policyFunction: ["GET"],
};

export interface ParsedTarget {
  route: Route;
  /** The path part of the request-target, still encoded as received. */
  rawPathname: string;
  /** Everything after the first `?` (empty when there is none). */
  rawQuery: string;
}

const PREFIX = ["beta", "deviceManagement", "configurationPolicies"];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ODataHttpError(400, "BadRequest", `Malformed percent-encoding in path segment '${segment}'`);
  }
}

function notFoundSegment(segment: string): ODataHttpError {
  return new ODataHttpError(400, "BadRequest", `Resource not found for the segment '${decodeSegment(segment)}'.`);
}

export function parseTarget(rawPath: string): ParsedTarget {
  const q = rawPath.indexOf("?");
  const rawPathname = q === -1 ? rawPath : rawPath.slice(0, q);
  const rawQuery = q === -1 ? "" : rawPath.slice(q + 1);
  if (!rawPathname.startsWith("/"))
    throw new ODataHttpError(400, "BadRequest", `Unsupported request-target '${rawPath}'`);
  const segments = rawPathname.slice(1).split("/");
  if (segments.includes("")) {
    throw new ODataHttpError(400, "BadRequest", `Empty segment in request path '${rawPathname}' (an empty id?)`);
  }
  for (const [index, expected] of PREFIX.entries()) {
    const segment = segments[index];
    if (segment === undefined) throw notFoundSegment(segments.at(-1) ?? "");
    if (segment !== expected) throw notFoundSegment(segment);
  }
  const [rawPolicy, second, third, ...extra] = segments.slice(PREFIX.length);
  const route = ((): Route => {
    if (rawPolicy === undefined) return { kind: "policies" };
    if (rawPolicy === "$count") {
      if (second !== undefined) throw notFoundSegment(second);
      return { kind: "policyCount" };
    }
    const policyId = decodeSegment(rawPolicy);
    if (second === undefined) return { kind: "policy", policyId };
    const operation = second.startsWith("microsoft.graph.") ? second.slice("microsoft.graph.".length) : second;
    if (operation === "assign" && third === undefined) return { kind: "assign", policyId };
    if ((POLICY_ACTIONS as readonly string[]).includes(operation) && third === undefined) {
      return { kind: "policyAction", policyId, action: operation as PolicyAction };
    }
    if (operation === "retrieveLatestUpgradeDefaultBaselinePolicy()" && third === undefined) {
      return { kind: "policyFunction", policyId, name: "retrieveLatestUpgradeDefaultBaselinePolicy" };
    }
    if (second === "settings") return settingsRoute(policyId, third, extra);
    if (second !== "assignments") throw notFoundSegment(second);
    if (third === undefined) return { kind: "assignments", policyId };
    if (third === "$count" && extra.length === 0) return { kind: "assignmentCount", policyId };
    if (extra.length === 0) return { kind: "assignment", policyId, assignmentId: decodeSegment(third) };
    throw notFoundSegment(extra[0] ?? "");
  })();
  return { route, rawPathname, rawQuery };
}

function settingsRoute(policyId: string, third: string | undefined, extra: string[]): Route {
  if (third === undefined) return { kind: "settings", policyId };
  if (third === "$count") {
    if (extra.length) throw notFoundSegment(extra[0]!);
    return { kind: "settingCount", policyId };
  }
  const settingId = decodeSegment(third);
  const [fourth, fifth, ...rest] = extra;
  if (fourth === undefined) return { kind: "setting", policyId, settingId };
  if (fourth !== "settingDefinitions") throw notFoundSegment(fourth);
  if (rest.length) throw notFoundSegment(rest[0]!);
  if (fifth === undefined) return { kind: "settingDefinitions", policyId, settingId };
  if (fifth === "$count") return { kind: "settingDefinitionCount", policyId, settingId };
  return { kind: "settingDefinition", policyId, settingId, definitionId: decodeSegment(fifth) };
}
