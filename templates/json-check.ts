/**
 * Values JSON cannot carry faithfully. `JSON.stringify` turns NaN and ±Infinity into `null` (which in
 * a PATCH clears the property), an `undefined` array entry into `null`, and drops functions and
 * symbols without a word; it throws on a BigInt and a cycle without saying where. Bodies are checked
 * for all of these before sending, and the error names the path.
 */

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
 * The first value in `value` that cannot be sent, as `path: why`; undefined when all can. Run only
 * once a body failed to serialise, to say where; a body too deep to walk throws RangeError, as
 * JSON.stringify would.
 */
export function findUnsendable(value: unknown, path: string, inArray = false, ancestors = new Set<object>()): { path: string; message: string } | undefined {
  if (typeof value !== "object" || value === null) {
    const why = unsendablePrimitive(value, inArray);
    return why ? { path, message: `${path}: ${why}` } : undefined;
  }
  if (ancestors.has(value)) return { path, message: `${path}: a circular reference cannot be sent as JSON` };
  // JSON.stringify sends what toJSON returns (a Date's string), not the object's own properties.
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return undefined;
  const lossy = unsendableObject(value);
  if (lossy) return { path, message: `${path}: ${lossy}` };
  const isArray = Array.isArray(value);
  ancestors.add(value);
  for (const key of isArray ? Array.from(value.keys(), String) : Object.keys(value)) {
    const at = isArray ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
    const found = findUnsendable((value as Record<string, unknown>)[key], at, isArray, ancestors);
    if (found) return found;
  }
  // Only the objects on the way down count: the same object twice side by side is no cycle.
  ancestors.delete(value);
  return undefined;
}
