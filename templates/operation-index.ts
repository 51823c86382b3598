/**
 * A slice's operation indexes, loaded on first use. The slice's n operations are spread over 2√n
 * indexes by a hash of their key (`operationIndexOf`); each index holds, for its operations,
 * the routes of the bound actions and functions and the body type of each operation that sends
 * JSON. The list of the indexes (a loader each) is itself loaded on first use, so what a program
 * holds for operations it never calls is one loader, however large the SDK is:
 * - a bound call loads the list and its index (its route is there) before it is sent;
 * - a call that validates its body loads the list and its index, then its body type's table and the
 *   validator. A client that validates by default starts loading the list when it is made
 *   (`prefetch`), so it is usually there by the first call.
 * A client that never validates and never makes a bound call loads nothing. A load that fails fails
 * its call (nothing is sent) and is tried again by the next one.
 */
import type { Route, Routes } from "./route-rules.js";
import type { BodyTables, Schema, TypeSpec, validateValue } from "./validate.js";

/** One of a slice's `operation-indexes/<n>.ts` modules: what its operations need beyond the routes of `client.ts`. */
export interface OperationIndex {
  /** The route of each bound action and function whose key hashes to this index. */
  calls: Routes;
  /** The body type of each operation that sends JSON and whose key hashes to this index. */
  bodies: BodyTables;
}

/** A slice's operation indexes (its `operation-indexes.ts`), in the order `operationIndexOf` numbers them. */
export type OperationIndexes = readonly (() => Promise<OperationIndex>)[];

/** The operation indexes, or how to load their list (a slice's `client.ts` passes `() => import("./operation-indexes.js")`). */
export type OperationIndexSource = OperationIndexes | (() => Promise<{ operationIndexes: OperationIndexes }>);

export interface LazyOperations {
  /** The route of the bound action or function `operation`, once its index is loaded; undefined when the slice has none of that key. */
  route(operation: string): Promise<Route | undefined>;
  /** Loads what checking a body of `operation` needs; undefined when that is already loaded. */
  loadValidation(operation: string): Promise<void> | undefined;
  /** What is wrong with `body` as a body of `operation`; undefined when it is valid, or when nothing for `operation` is loaded. */
  problem(operation: string, body: unknown): string | undefined;
  /** Starts loading the list of indexes, if it is loaded on first use; a failure is left to the first call that needs it. */
  prefetch(): void;
}

/** What checking one operation's body needs, once loaded; null when the operation sends no JSON. */
type Loaded = readonly [TypeSpec, Schema, typeof validateValue] | null;

/** The index (of `count`) that holds `operation`: FNV-1a of its key, which the generator computes the same way. */
export function operationIndexOf(operation: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < operation.length; i++) hash = Math.imul(hash ^ operation.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}

/** `load` on first use, its promise kept so that it runs once; after a failure the next use runs it again. */
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

export function lazyOperations(source: OperationIndexSource = []): LazyOperations {
  const once = (indexes: OperationIndexes) => indexes.map((load) => loadOnce(load));
  /** Each index's loader, loading it once: known when the list of indexes is loaded. */
  let indexes = typeof source === "function" ? undefined : once(source);
  const loadList = loadOnce(async () => (indexes = once((await (source as () => Promise<{ operationIndexes: OperationIndexes }>)()).operationIndexes)));
  const list = () => (indexes ? Promise.resolve(indexes) : loadList());
  const bodies = new Map<string, Loaded>();
  const pending = new Map<string, Promise<void>>();
  /** The index of `operation`; undefined when the slice has none. */
  const indexOf = async (operation: string): Promise<OperationIndex | undefined> => {
    const all = await list();
    return all.length ? all[operationIndexOf(operation, all.length)]!() : undefined;
  };
  async function loadBody(operation: string): Promise<void> {
    const index = await indexOf(operation);
    const found = index && Object.hasOwn(index.bodies, operation) ? index.bodies[operation] : undefined;
    if (!found) return void bodies.set(operation, null);
    const [table, validator] = await Promise.all([found[1] ? found[1]().then((t) => t.schema) : {}, import("./validate.js")]);
    bodies.set(operation, [found[0], table, validator.validateValue]);
  }
  return {
    async route(operation) {
      const calls = (await indexOf(operation))?.calls;
      return calls && Object.hasOwn(calls, operation) ? calls[operation] : undefined;
    },
    loadValidation(operation) {
      if (indexes?.length === 0 || bodies.has(operation)) return undefined;
      let loading = pending.get(operation);
      if (!loading) {
        loading = loadBody(operation).finally(() => pending.delete(operation));
        pending.set(operation, loading);
      }
      return loading;
    },
    problem(operation, body) {
      const found = bodies.get(operation);
      if (!found) return undefined;
      const [spec, table, validate] = found;
      if (body === undefined) return "body: a request body is required";
      try {
        return validate(body, spec, table, "body");
      } catch (error) {
        // Thousands of levels deep: the walk runs out of stack where no Graph body ever goes.
        if (error instanceof RangeError) return "body: nested too deeply to be checked against the spec";
        throw error;
      }
    },
    prefetch() {
      if (!indexes) list().catch(() => {});
    },
  };
}
