/**
 * Values JSON cannot carry faithfully. `JSON.stringify` turns NaN and ±Infinity into `null` (which in
 * a PATCH clears the property), an `undefined` array entry into `null`, and drops functions and
 * symbols without a word; it throws on a BigInt and a cycle without saying where. Bodies are checked
 * for all of these before sending, and the error names the path.
 */

/** Why a primitive cannot be sent, or undefined when it can (objects are walked by the caller). */
export function unsendablePrimitive(value: unknown, inArray: boolean): string | undefined {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? undefined : `${value} is not a JSON number (it would be sent as null)`;
    case "function":
      return "a function cannot be sent as JSON (it would be dropped)";
    case "symbol":
      return "a symbol cannot be sent as JSON (it would be dropped)";
    case "bigint":
      return "a BigInt cannot be sent as JSON; use a number or a string";
    case "undefined":
      return inArray ? "undefined in an array would be sent as null" : undefined;
    default:
      return undefined;
  }
}

/**
 * The first value in `root` that cannot be sent, as `path: why`; undefined when all can. Iterative,
 * so a deeply nested value cannot overflow the stack here.
 */
export function findUnsendable(root: unknown, rootPath: string): { path: string; message: string } | undefined {
  const stack: Array<{ value: unknown; path: string; inArray: boolean; ancestors: object[] }> = [{ value: root, path: rootPath, inArray: false, ancestors: [] }];
  while (stack.length) {
    const { value, path, inArray, ancestors } = stack.pop()!;
    if (typeof value !== "object" || value === null) {
      const why = unsendablePrimitive(value, inArray);
      if (why) return { path, message: `${path}: ${why}` };
      continue;
    }
    if (ancestors.includes(value)) return { path, message: `${path}: a circular reference cannot be sent as JSON` };
    if (typeof (value as { toJSON?: unknown }).toJSON === "function") continue;
    const isArray = Array.isArray(value);
    const keys = isArray ? Array.from(value.keys(), String) : Object.keys(value);
    const inside = ancestors.length < 64 ? [...ancestors, value] : ancestors;
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = (value as Record<string, unknown>)[key];
      stack.push({ value: child, path: isArray ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`, inArray: isArray, ancestors: inside });
    }
  }
  return undefined;
}
