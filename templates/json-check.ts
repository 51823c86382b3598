/**
 * Values JSON cannot carry faithfully. `JSON.stringify` turns NaN and ±Infinity into `null` (which in
 * a PATCH clears the property), an `undefined` array entry into `null`, and drops functions and
 * symbols without a word; it throws on a BigInt and a cycle without saying where. Bodies are checked
 * for all of these before sending, and the error names the path.
 */

import { describeValue } from "./describe-value.js";

/** Why a primitive cannot be sent, or undefined when it can (objects are walked by the caller). */
export function unsendablePrimitive(value: unknown, inArray: boolean): string | undefined {
  const type = typeof value;
  if (type === "number") return Number.isFinite(value) ? undefined : `${value as number} is not a JSON number (it would be sent as null)`;
  if (type === "function" || type === "symbol") return `a ${type} cannot be sent as JSON (it would be dropped)`;
  if (type === "bigint") return "a BigInt cannot be sent as JSON; use a number or a string";
  return inArray && type === "undefined" ? "undefined in an array would be sent as null" : undefined;
}

/**
 * Why an object cannot be sent, or undefined when it can: JSON.stringify sends a Map, a Set, a
 * RegExp or a Blob as `{}` and a typed array as an object of indexes, losing what they hold. Plain
 * objects, arrays, objects with `toJSON` (a Date) and other class instances (sent as their own
 * properties) can.
 */
export function unsendableObject(value: object): string | undefined {
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null || Array.isArray(value)) return undefined;
  const kind =
    value instanceof Map ? "a Map" : value instanceof Set ? "a Set" : value instanceof WeakMap || value instanceof WeakSet ? "a weak collection" : value instanceof RegExp ? "a RegExp"
    : value instanceof ArrayBuffer || ArrayBuffer.isView(value) ? "binary content" : typeof Blob !== "undefined" && value instanceof Blob ? "a Blob" : undefined;
  return kind && `${kind} cannot be sent as JSON (it would be sent as ${ArrayBuffer.isView(value) ? "an object of indexes" : "{}"}); convert it to an object or array`;
}

/**
 * The first value in `value` that cannot be sent, as `path: why` (with what was thrown, when reading
 * it threw); undefined when all can. Run only once a body failed to serialise, to say where; it
 * reads the value as `wireValue` does (toJSON's result in place of its object). A body too deep to
 * walk throws RangeError, as JSON.stringify would.
 */
export function findUnsendable(value: unknown, path: string, inArray = false, ancestors = new Set<object>(), key = ""): Unsendable | undefined {
  if (typeof value !== "object" || value === null) {
    const why = unsendablePrimitive(value, inArray);
    return why ? { path, message: `${path}: ${why}` } : undefined;
  }
  if (ancestors.has(value)) return { path, message: `${path}: a circular reference cannot be sent as JSON` };
  const threw = (what: string, cause: unknown): Unsendable => ({ path, message: `${path}: ${what} threw (${describeThrown(cause)})`, cause });
  let keys: string[];
  let isArray: boolean;
  try {
    // JSON.stringify sends what toJSON returns (a Date's string), not the object's own properties.
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") {
      let json: unknown;
      try {
        json = toJSON.call(value, key);
      } catch (error) {
        return threw("its toJSON", error);
      }
      if (json === undefined) return { path, message: `${path}: undefined cannot be sent as JSON (it would be dropped)` };
      if (json !== value) return findUnsendable(json, path, inArray, ancestors, key);
    }
    const lossy = unsendableObject(value);
    if (lossy) return { path, message: `${path}: ${lossy}` };
    isArray = Array.isArray(value);
    keys = isArray ? Array.from((value as unknown[]).keys(), String) : Object.keys(value);
  } catch (error) {
    return threw("reading it", error);
  }
  ancestors.add(value);
  for (const name of keys) {
    const at = isArray ? `${path}[${name}]` : /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
    let child: unknown;
    try {
      child = (value as Record<string, unknown>)[name];
    } catch (error) {
      return { path: at, message: `${at}: reading it threw (${describeThrown(error)})`, cause: error };
    }
    const found = findUnsendable(child, at, isArray, ancestors, name);
    if (found) return found;
  }
  // Only the objects on the way down count: the same object twice side by side is no cycle.
  ancestors.delete(value);
  return undefined;
}

/** Where a value cannot be sent and why; `cause`: what reading it threw. */
export interface Unsendable {
  path: string;
  message: string;
  cause?: unknown;
}

/**
 * What was thrown (by a getter, a Proxy trap, a toJSON, a token provider, fetch), for a message: its
 * message, a thrown string as it is, anything else as `describeValue` shows a value (a symbol or an
 * object without a prototype included, which a template literal cannot convert).
 */
export function describeThrown(thrown: unknown): string {
  try {
    const message = (thrown as { message?: unknown } | null)?.message;
    return typeof message === "string" ? message : typeof thrown === "string" ? thrown : describeValue(thrown);
  } catch {
    return "a value that cannot be shown";
  }
}
