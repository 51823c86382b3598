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
 * without `#`), its group, collection or Entra object id, its assignment filter (id and type) and, for
 * a scope-tag target, its `targetType`. A target both added and removed is removed.
 */
export async function changeAssignments(policy: AssignablePolicy, change: AssignmentChange, options?: RequestOptions): Promise<AssignmentChangeResult> {
  const add = change.add ?? [];
  const remove = new Set((change.remove ?? []).map((t, i) => targetIdentity(t, `remove[${i}]`)));
  const current: DeviceManagementConfigurationPolicyAssignment[] = [];
  for await (const assignment of policy.assignments.iterate(undefined, options)) current.push(assignment);

  const kept = current.filter((a) => !a.target || !remove.has(targetIdentity(a.target as TargetInput, `assignment ${a.id ?? "?"}`)));
  const present = new Set(kept.flatMap((a) => (a.target ? [targetIdentity(a.target as TargetInput, "")] : [])));
  const added: DeviceManagementConfigurationPolicyAssignment[] = [];
  add.forEach((target, i) => {
    const identity = targetIdentity(target, `add[${i}]`);
    if (present.has(identity) || remove.has(identity)) return;
    present.add(identity);
    added.push({ target: target as DeviceAndAppManagementAssignmentTarget });
  });
  const removed = current.length - kept.length;
  if (removed === 0 && added.length === 0) return { changed: false, added: 0, removed: 0, assignments: current };
  // Existing assignments go back as they were read, so nothing of them (ids, source) is lost.
  const result = await policy.assign({ assignments: [...kept, ...added] }, options);
  return { changed: true, added: added.length, removed, assignments: result.value };
}

/** The identity of a target, as a string key. */
export function targetIdentity(target: TargetInput, where: string): string {
  if (typeof target !== "object" || target === null) throw new TypeError(`${where}: a target must be an object`);
  const record = target as Record<string, unknown>;
  const type = record["@odata.type"];
  if (typeof type !== "string" || type === "") throw new TypeError(`${where}: a target needs its "@odata.type" to be identified`);
  const id = record["groupId"] ?? record["collectionId"] ?? record["entraObjectId"];
  const filterId = record["deviceAndAppManagementAssignmentFilterId"] || "";
  // No filter id means no filter, whatever the type says ("none" or absent).
  const filterType = filterId ? (record["deviceAndAppManagementAssignmentFilterType"] ?? "none") : "none";
  return JSON.stringify([type.startsWith("#") ? type : `#${type}`, id ?? null, filterId, filterType, record["targetType"] ?? null]);
}
