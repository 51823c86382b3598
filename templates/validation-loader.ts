/**
 * A slice's validation tables, loaded on first use in two steps: the index that holds the call's
 * operation (its body type, and the validator), then the table of that body type. A slice's n
 * operations are spread over about √n indexes by a hash of their key (`bodyIndexOf`), so a call
 * loads one small index however large the SDK is, and only the table its own body can hold. A client that never validates loads nothing. A load that fails fails its call (nothing is
 * sent) and is tried again by the next one.
 */
import type { BodyIndexes, Schema, TypeSpec, validateValue } from "./validate.js";

export interface LazyValidation {
  /** Loads what checking a body of `operation` needs; undefined when that is already loaded. */
  load(operation: string): Promise<void> | undefined;
  /** What is wrong with `body` as a body of `operation`; undefined when it is valid, or when nothing for `operation` is loaded. */
  problem(operation: string, body: unknown): string | undefined;
}

/** What checking one operation's body needs, once loaded; null when the operation sends no JSON. */
type Loaded = readonly [TypeSpec, Schema, typeof validateValue] | null;

/** The index (of `count`) that holds `operation`: FNV-1a of its key, which the generator computes the same way. */
export function bodyIndexOf(operation: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < operation.length; i++) hash = Math.imul(hash ^ operation.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

export function lazyValidation(indexes: BodyIndexes = []): LazyValidation {
  const loaded = new Map<string, Loaded>();
  const pending = new Map<string, Promise<void>>();
  async function loadOne(operation: string): Promise<void> {
    const index = await indexes[bodyIndexOf(operation, indexes.length)]!();
    const found = Object.hasOwn(index.bodies, operation) ? index.bodies[operation] : undefined;
    const table = found?.[1] ? (await found[1]()).schema : {};
    loaded.set(operation, found ? [found[0], table, index.validateValue] : null);
  }
  return {
    load(operation) {
      if (!indexes.length || loaded.has(operation)) return undefined;
      let loading = pending.get(operation);
      if (!loading) {
        loading = loadOne(operation).finally(() => pending.delete(operation));
        pending.set(operation, loading);
      }
      return loading;
    },
    problem(operation, body) {
      const found = loaded.get(operation);
      if (!found) return undefined;
      const [spec, table, validate] = found;
      return body === undefined ? "body: a request body is required" : validate(body, spec, table, "body");
    },
  };
}
