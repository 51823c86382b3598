/**
 * Changing a policy's assignments safely. Graph's `assign` action *replaces* every assignment of a
 * policy, so the naive "GET, append, assign" drops whatever is beyond the first page. This reads every
 * page, adds and removes targets by identity, and sends the complete set in one `assign` call, or no
 * call at all when nothing changes (so running it twice changes nothing the second time).
 *
 * Race window: between reading the last page and Graph applying `assign`, a change made by someone
 * else is overwritten (Graph offers no ETag or If-Match on `assign`). The window is one round trip
 * after the read; keep changes to one policy in one place, or re-run after a conflicting change. The
 * `assign` POST itself is never repeated after a failure that may have applied it.
 */
import { GraphError } from "../../generated/configuration-policies/index.js";
import type {
  DeviceAndAppManagementAssignmentTarget,
  DeviceManagementConfigurationPolicyAssignment,
  Page,
  RequestBody,
  RequestOptions,
} from "../../generated/configuration-policies/index.js";

/** What the helper needs of a policy: `graph.deviceManagement.configurationPolicies.byId(id)`. */
export interface AssignablePolicy {
  assignments: { iterate(query?: undefined, options?: RequestOptions): AsyncIterable<DeviceManagementConfigurationPolicyAssignment> };
  assign(body: RequestBody<{ assignments?: DeviceManagementConfigurationPolicyAssignment[] }>, options?: RequestOptions): Promise<Page<DeviceManagementConfigurationPolicyAssignment>>;
}

export type TargetInput = RequestBody<DeviceAndAppManagementAssignmentTarget>;

export interface AssignmentChange {
  /** Targets to assign; one already assigned (same identity) is left as it is. */
  add?: TargetInput[];
  /** Targets to unassign, matched by identity; one not assigned is ignored. */
  remove?: TargetInput[];
}

export interface AssignmentChangeResult {
  /** False when nothing needed to change: no `assign` call was made. */
  changed: boolean;
  added: number;
  removed: number;
  /** The policy's assignments after the change (as `assign` answered, or as read when unchanged). */
  assignments: DeviceManagementConfigurationPolicyAssignment[];
}

/**
 * Adds and removes assignment targets of a policy. A target's identity is its `@odata.type` (with or
 * without `#`), its assignment filter (id and type) and, for a type this SDK knows, its id property
 * (group, collection or Entra object id; for a scope-tag target also its `targetType`); for any other
 * type, all its own properties but the filter ones. GUID-shaped ids match whatever their case. A
 * target both added and removed is removed. A current assignment whose target cannot be identified
 * (no `@odata.type`) is kept as read and matches nothing. Every input is checked before any request.
 */
export async function changeAssignments(policy: AssignablePolicy, change: AssignmentChange, options?: RequestOptions): Promise<AssignmentChangeResult> {
  if (typeof change !== "object" || change === null) throw new TypeError(`changeAssignments: change must be an object { add?, remove? }, got ${describe(change)}`);
  const add = targets(change, "add");
  const remove = new Set(targets(change, "remove").map((t, i) => targetIdentity(t, `changeAssignments: change.remove[${i}]`)));
  const addIdentities = add.map((t, i) => targetIdentity(t, `changeAssignments: change.add[${i}]`));
  const current: DeviceManagementConfigurationPolicyAssignment[] = [];
  for await (const assignment of policy.assignments.iterate(undefined, options)) current.push(assignment);

  const identities = current.map((a) => currentIdentity(a));
  const kept = current.filter((_, i) => identities[i] === undefined || !remove.has(identities[i]!));
  const present = new Set(identities.filter((id): id is string => id !== undefined && !remove.has(id)));
  const added: DeviceManagementConfigurationPolicyAssignment[] = [];
  add.forEach((target, i) => {
    const identity = addIdentities[i]!;
    if (present.has(identity) || remove.has(identity)) return;
    present.add(identity);
    added.push({ target: target as DeviceAndAppManagementAssignmentTarget });
  });
  const removed = current.length - kept.length;
  if (removed === 0 && added.length === 0) return { changed: false, added: 0, removed: 0, assignments: current };
  // Existing assignments go back as they were read, so nothing of them (ids, source) is lost.
  const result: unknown = await policy.assign({ assignments: [...kept, ...added] }, options);
  const value = typeof result === "object" && result !== null ? (result as { value?: unknown }).value : undefined;
  if (!Array.isArray(value)) {
    // The assign was answered with a success status, so Graph has (most likely) applied it: say so, never retry.
    throw new GraphError({
      status: 0,
      code: "invalidResponse",
      method: "POST",
      target: "value",
      message: `changeAssignments: the assign (${kept.length + added.length} assignments: ${added.length} added, ${removed} removed) was sent and answered with success, but without the "value" array of assignments (got ${result === undefined ? "no body" : describe(value)}); it has probably been applied: read the assignments again before changing them`,
    });
  }
  return { changed: true, added: added.length, removed, assignments: value as DeviceManagementConfigurationPolicyAssignment[] };
}

/** `change.add` or `change.remove`: absent, or an array (checked here, before any request). */
function targets(change: AssignmentChange, name: "add" | "remove"): TargetInput[] {
  const list = (change as Record<string, unknown>)[name];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new TypeError(`changeAssignments: change.${name} must be an array of targets, got ${describe(list)}`);
  return list as TargetInput[];
}

/** A current assignment's identity; undefined when its target cannot be identified (it is kept as read). */
function currentIdentity(assignment: DeviceManagementConfigurationPolicyAssignment): string | undefined {
  const target: unknown = assignment?.target;
  if (typeof target !== "object" || target === null) return undefined;
  const type = Object.hasOwn(target, "@odata.type") ? (target as Record<string, unknown>)["@odata.type"] : undefined;
  if (typeof type !== "string" || type === "") return undefined;
  try {
    return targetIdentity(target as TargetInput, "");
  } catch {
    return undefined; // a value canonical JSON cannot hold: matches nothing, kept as read
  }
}

/** The id properties of the target types this SDK knows; any other type is identified by all its own properties. */
const KNOWN_IDS: Record<string, readonly string[]> = {
  "#microsoft.graph.allDevicesAssignmentTarget": [],
  "#microsoft.graph.allLicensedUsersAssignmentTarget": [],
  "#microsoft.graph.androidFotaDeploymentAssignmentTarget": ["groupId"],
  "#microsoft.graph.configurationManagerCollectionAssignmentTarget": ["collectionId"],
  "#microsoft.graph.groupAssignmentTarget": ["groupId"],
  "#microsoft.graph.exclusionGroupAssignmentTarget": ["groupId"],
  "#microsoft.graph.scopeTagGroupAssignmentTarget": ["entraObjectId", "targetType"],
};
const FILTER_ID = "deviceAndAppManagementAssignmentFilterId";
const FILTER_TYPE = "deviceAndAppManagementAssignmentFilterType";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The identity of a target, as a string key: its `@odata.type` (with `#`), its filter, and its id
 * property (known types) or all its own non-filter properties, canonicalised (keys sorted, null and
 * absent alike, GUID-shaped strings lower-cased). Only own properties count. `where` names the target
 * in the TypeError thrown for one that is not an object or has no `@odata.type`.
 */
export function targetIdentity(target: TargetInput, where: string): string {
  if (typeof target !== "object" || target === null || Array.isArray(target)) throw new TypeError(`${where} must be a target object, got ${describe(target)}`);
  const record = target as Record<string, unknown>;
  const own = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
  const raw = own("@odata.type");
  if (typeof raw !== "string" || raw === "") throw new TypeError(`${where} needs its "@odata.type" (a string such as "#microsoft.graph.groupAssignmentTarget") to be identified`);
  const type = raw.startsWith("#") ? raw : `#${raw}`;
  const known = Object.hasOwn(KNOWN_IDS, type) ? KNOWN_IDS[type]! : undefined;
  // Instance and property annotations (`@odata.id`, `groupId@odata.type`) and the filter are not the target.
  const keys = known ?? Object.keys(record).filter((k) => !k.includes("@") && k !== FILTER_ID && k !== FILTER_TYPE);
  const props: Record<string, unknown> = {};
  for (const key of keys) props[key] = own(key);
  const filterId = own(FILTER_ID) || "";
  // No filter id means no filter, whatever the type says ("none" or absent).
  const filterType = filterId ? (own(FILTER_TYPE) ?? "none") : "none";
  return `[${JSON.stringify(type)},${canonical(props, where)},${canonical(filterId, where)},${canonical(filterType, where)}]`;
}

/** Stable JSON: object keys sorted, null and undefined properties left out, GUID-shaped strings lower-cased. */
function canonical(value: unknown, where: string, seen: object[] = []): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(GUID.test(value) ? value.toLowerCase() : value);
  if (typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
  if (typeof value !== "object") throw new TypeError(`${where}: a target property cannot be a ${typeof value}`);
  if (seen.includes(value)) throw new TypeError(`${where}: a target cannot contain itself`);
  const inner = [...seen, value];
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v, where, inner)).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== null && (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k], where, inner)}`);
  return `{${entries.join(",")}}`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}` : typeof value;
}
