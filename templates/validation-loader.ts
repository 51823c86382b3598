/**
 * A slice's validation tables, loaded on first use in two steps: the slice's `schema.ts` (each
 * operation's body type, the validator) on the first call that sends a body, then the table of
 * that call's body type. So a call loads only what its own body can hold, and a client that never
 * validates loads nothing. A load that fails fails its call (nothing is sent) and is tried again
 * by the next one.
 */
import type { Schema, SliceValidation } from "./validate.js";

export interface LazyValidation {
  /** Loads what checking a body of `operation` needs; undefined when that is already loaded. */
  load(operation: string): Promise<void> | undefined;
  /** What is wrong with `body` as a body of `operation`; undefined when it is valid, or when nothing for `operation` is loaded. */
  problem(operation: string, body: unknown): string | undefined;
}

export function lazyValidation(loadSlice?: () => Promise<SliceValidation>): LazyValidation {
  let slice: SliceValidation | undefined;
  let sliceLoading: Promise<void> | undefined;
  /** Each operation's table, once loaded (operations of one body type share it). */
  const tables = new Map<string, Schema>();
  const pending = new Map<string, Promise<void>>();
  const entry = (operation: string) => (slice && Object.hasOwn(slice.bodies, operation) ? slice.bodies[operation] : undefined);
  const loadSliceOnce = () =>
    (sliceLoading ??= loadSlice!().then(
      (loaded) => void (slice = loaded),
      (error: unknown) => {
        sliceLoading = undefined;
        throw error;
      },
    ));
  return {
    load(operation) {
      if (!loadSlice || tables.has(operation)) return undefined;
      let loading = pending.get(operation);
      if (!loading) {
        loading = loadSliceOnce()
          .then(async () => {
            const table = entry(operation)?.[1];
            tables.set(operation, table ? (await table()).schema : {});
          })
          .finally(() => pending.delete(operation));
        pending.set(operation, loading);
      }
      return loading;
    },
    problem(operation, body) {
      const found = entry(operation);
      const table = tables.get(operation);
      if (!found || !table) return undefined;
      return body === undefined ? "body: a request body is required" : slice!.validateValue(body, found[0], table, "body");
    },
  };
}
