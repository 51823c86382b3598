/**
 * Maps a raw request-target to a route. Fixed segments (`beta`, `$count`, `assignments`,
 * `microsoft.graph.assign`) are compared RAW, so `%24count` is an id, not the `$count` segment; id
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
  | { kind: "assign"; policyId: string };

export const ALLOWED_METHODS: Record<Route["kind"], string[]> = {
  policies: ["GET", "POST"],
  policyCount: ["GET"],
  policy: ["GET", "PATCH", "DELETE"],
  assignments: ["GET", "POST"],
  assignmentCount: ["GET"],
  assignment: ["GET", "PATCH", "DELETE"],
  assign: ["POST"],
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
    if (second === "microsoft.graph.assign" && third === undefined) return { kind: "assign", policyId };
    if (second !== "assignments") throw notFoundSegment(second);
    if (third === undefined) return { kind: "assignments", policyId };
    if (third === "$count" && extra.length === 0) return { kind: "assignmentCount", policyId };
    if (extra.length === 0) return { kind: "assignment", policyId, assignmentId: decodeSegment(third) };
    throw notFoundSegment(extra[0] ?? "");
  })();
  return { route, rawPathname, rawQuery };
}
