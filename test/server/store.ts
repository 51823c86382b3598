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

  /** Removes every policy and assignment. */
  reset(): void {
    this.#policies.clear();
  }

  addPolicy(body: JsonObject = {}): JsonObject {
    const entity = withId(body, "policy");
    const id = entity.id as string;
    if (this.#policies.has(id)) throw new StoreError("conflict", `A policy with id '${id}' already exists`);
    this.#policies.set(id, { entity, assignments: new Map() });
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

  #record(policyId: string): PolicyRecord {
    const record = this.#policies.get(policyId);
    if (record === undefined) throw new StoreError("not-found", `No policy with id '${policyId}'`);
    return record;
  }
}
