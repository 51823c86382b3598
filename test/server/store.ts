/**
 * In-memory data behind the test server: configuration policies keyed by id, each with its ordered
 * assignments keyed by id. Bodies are kept verbatim (every property, `@odata.type` exactly as sent);
 * only a missing `id` is added. Everything going in or out is deep-copied, so callers never alias
 * stored data.
 */
import { randomUUID } from "node:crypto";

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** Why a store operation was refused; routes map it to 404 / 409 / 400. */
export class StoreError extends Error {
  constructor(
    readonly reason: "not-found" | "conflict" | "invalid",
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

interface PolicyRecord {
  entity: JsonObject;
  assignments: Map<string, JsonObject>;
  /** The policy's settings catalog entries, keyed by id (Graph numbers them "0", "1", …). */
  settings: Map<string, JsonObject>;
  /** What the policy-bound actions store: enrollment-time targets and the just-in-time assignment. */
  actionState: { enrollmentTargets: JsonObject[]; justInTime?: JsonObject };
}

/** Deep copy through JSON: keeps own `__proto__` keys as data, drops nothing JSON can represent. */
function copy<T extends Json>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Sets a property as plain data, even for keys such as `__proto__`. */
function setData(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Copies `body` and gives it an id when it has none; rejects non-string or empty ids. */
function withId(body: JsonObject, what: string): JsonObject {
  if (!isObject(body)) throw new StoreError("invalid", `${what} body must be a JSON object`);
  const entity = copy(body);
  if (!Object.hasOwn(entity, "id")) return { id: randomUUID(), ...entity };
  if (typeof entity.id !== "string" || entity.id === "") {
    throw new StoreError("invalid", `${what} property 'id' must be a non-empty string`);
  }
  return entity;
}

/** Top-level merge: present keys overwrite (null included), absent keys stay; nested values are replaced whole. */
function merge(entity: JsonObject, patch: JsonObject): JsonObject {
  const result = copy(entity);
  for (const [key, value] of Object.entries(copy(patch))) setData(result, key, value);
  return result;
}

export class GraphStore {
  readonly #policies = new Map<string, PolicyRecord>();
  /** The settings catalog's definitions, shared by every policy (Graph's `configurationSettings`). */
  readonly #definitions = new Map<string, JsonObject>();

  /** Removes every policy, assignment, setting and definition. */
  reset(): void {
    this.#policies.clear();
    this.#definitions.clear();
  }

  /** A policy body's `settings` (as Graph's create takes them) are stored as the policy's settings, not on the entity. */
  addPolicy(body: JsonObject = {}): JsonObject {
    const { settings, ...rest } = isObject(body) ? body : ({} as JsonObject);
    const entity = withId(rest, "policy");
    const id = entity.id as string;
    if (this.#policies.has(id)) throw new StoreError("conflict", `A policy with id '${id}' already exists`);
    if (settings !== undefined && !Array.isArray(settings)) throw new StoreError("invalid", "policy property 'settings' must be an array");
    this.#policies.set(id, { entity, assignments: new Map(), settings: new Map(), actionState: { enrollmentTargets: [] } });
    for (const setting of (settings ?? []) as JsonObject[]) this.addSetting(id, setting);
    return copy(entity);
  }

  hasPolicy(id: string): boolean {
    return this.#policies.has(id);
  }

  getPolicy(id: string): JsonObject | undefined {
    const record = this.#policies.get(id);
    return record === undefined ? undefined : copy(record.entity);
  }

  listPolicies(): JsonObject[] {
    return [...this.#policies.values()].map((record) => copy(record.entity));
  }

  updatePolicy(id: string, patch: JsonObject): JsonObject {
    const record = this.#record(id);
    record.entity = merge(record.entity, patch);
    return copy(record.entity);
  }

  /** Deletes the policy and its assignments; false when it did not exist. */
  deletePolicy(id: string): boolean {
    return this.#policies.delete(id);
  }

  addAssignment(policyId: string, body: JsonObject): JsonObject {
    const record = this.#record(policyId);
    const entity = withId(body, "assignment");
    const id = entity.id as string;
    if (record.assignments.has(id)) {
      throw new StoreError("conflict", `An assignment with id '${id}' already exists on policy '${policyId}'`);
    }
    record.assignments.set(id, entity);
    return copy(entity);
  }

  getAssignment(policyId: string, assignmentId: string): JsonObject | undefined {
    const entity = this.#record(policyId).assignments.get(assignmentId);
    return entity === undefined ? undefined : copy(entity);
  }

  /** Assignments in insertion order. Throws StoreError("not-found") for an unknown policy. */
  listAssignments(policyId: string): JsonObject[] {
    return [...this.#record(policyId).assignments.values()].map((entity) => copy(entity));
  }

  updateAssignment(policyId: string, assignmentId: string, patch: JsonObject): JsonObject {
    const assignments = this.#record(policyId).assignments;
    const entity = assignments.get(assignmentId);
    if (entity === undefined) {
      throw new StoreError("not-found", `No assignment with id '${assignmentId}' on policy '${policyId}'`);
    }
    const updated = merge(entity, patch);
    assignments.set(assignmentId, updated);
    return copy(updated);
  }

  deleteAssignment(policyId: string, assignmentId: string): boolean {
    return this.#record(policyId).assignments.delete(assignmentId);
  }

  /** The `assign` action: replaces all assignments at once (ids generated where missing). */
  replaceAssignments(policyId: string, bodies: JsonObject[]): JsonObject[] {
    const record = this.#record(policyId);
    const next = new Map<string, JsonObject>();
    for (const body of bodies) {
      const entity = withId(body, "assignment");
      const id = entity.id as string;
      if (next.has(id)) throw new StoreError("invalid", `Duplicate assignment id '${id}' in assignments`);
      next.set(id, entity);
    }
    record.assignments = next;
    return [...next.values()].map((entity) => copy(entity));
  }

  addSetting(policyId: string, body: JsonObject): JsonObject {
    const settings = this.#record(policyId).settings;
    let next = settings.size;
    while (settings.has(String(next))) next++;
    const entity = withId(Object.hasOwn(body, "id") ? body : { id: String(next), ...body }, "setting");
    if (settings.has(entity.id as string)) throw new StoreError("conflict", `A setting with id '${String(entity.id)}' already exists on policy '${policyId}'`);
    settings.set(entity.id as string, entity);
    return copy(entity);
  }

  getSetting(policyId: string, settingId: string): JsonObject | undefined {
    const entity = this.#record(policyId).settings.get(settingId);
    return entity === undefined ? undefined : copy(entity);
  }

  listSettings(policyId: string): JsonObject[] {
    return [...this.#record(policyId).settings.values()].map((entity) => copy(entity));
  }

  updateSetting(policyId: string, settingId: string, patch: JsonObject): JsonObject {
    const settings = this.#record(policyId).settings;
    const entity = settings.get(settingId);
    if (entity === undefined) throw new StoreError("not-found", `No setting with id '${settingId}' on policy '${policyId}'`);
    const updated = merge(entity, patch);
    settings.set(settingId, updated);
    return copy(updated);
  }

  deleteSetting(policyId: string, settingId: string): boolean {
    return this.#record(policyId).settings.delete(settingId);
  }

  addSettingDefinition(body: JsonObject): JsonObject {
    const entity = withId(body, "setting definition");
    this.#definitions.set(entity.id as string, entity);
    return copy(entity);
  }

  /** The definitions a setting uses: those of every `settingDefinitionId` in its instance tree, in definition order. */
  definitionsOf(setting: JsonObject): JsonObject[] {
    const ids = new Set<string>();
    const visit = (value: Json): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (isObject(value)) {
        if (typeof value.settingDefinitionId === "string") ids.add(value.settingDefinitionId);
        Object.values(value).forEach(visit);
      }
    };
    visit(setting.settingInstance ?? null);
    return [...this.#definitions.values()].filter((d) => ids.has(d.id as string)).map((d) => copy(d));
  }

  /** State kept by the policy-bound actions (enrollment-time targets, just-in-time assignment); changes stick. */
  actionState(policyId: string): PolicyRecord["actionState"] {
    return this.#record(policyId).actionState;
  }

  #record(policyId: string): PolicyRecord {
    const record = this.#policies.get(policyId);
    if (record === undefined) throw new StoreError("not-found", `No policy with id '${policyId}'`);
    return record;
  }
}
