/**
 * `@odata.type` normalisation. OData JSON writes type names as `#microsoft.graph.x`; Graph's own docs
 * and some services write `microsoft.graph.x`. A reader that takes the `#`-less form for the base type
 * loses the derived properties; graphslice accepts both forms and always uses `#` on the wire and in
 * results, so `switch (x["@odata.type"])` over the `#` literals is exhaustive. Nothing else in a body
 * is touched.
 *
 * The request builders fix values with a walk (after JSON.parse; before JSON.stringify, on copies),
 * which measured cheaper than any scan of the text. The low-level client only has text; it is
 * scanned, exactly, thanks to the JSON grammar: a `"` that follows `{` or `,` (plus optional
 * whitespace) always opens a member name, never sits inside a string (inside a string every `"` is
 * escaped as `\"`), so only real `"@odata.type"` members are found.
 */
import { findUnsendable, unsendableObject, unsendablePrimitive } from "./json-check.js";
import type { UnknownODataType } from "./types.js";

const NAME = '@odata.type"';

/**
 * Where, in a JSON text, `"@odata.type"` string values lack their `#`: the index of each value's
 * opening quote. It steps from `@` to `@` (a one-character search is the fastest a string offers).
 */
function missingHashes(json: string): number[] {
  const found: number[] = [];
  for (let at = json.indexOf("@"); at >= 0; at = json.indexOf("@", at + 1)) {
    if (json.charCodeAt(at - 1) !== 34 /* " */ || !json.startsWith(NAME, at)) continue;
    let i = at - 2;
    while (isSpace(json.charCodeAt(i))) i--;
    const before = json.charCodeAt(i);
    if (before !== 123 /* { */ && before !== 44 /* , */) continue;
    i = at + NAME.length;
    while (isSpace(json.charCodeAt(i))) i++;
    if (json.charCodeAt(i++) !== 58 /* : */) continue;
    while (isSpace(json.charCodeAt(i))) i++;
    if (json.charCodeAt(i) === 34 /* " */ && json.charCodeAt(i + 1) !== 35 /* # */) found.push(i);
  }
  return found;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Adds the missing `#` to every `"@odata.type"` value in a JSON text. */
export function normalizeODataTypes(json: string): string {
  const positions = missingHashes(json);
  let out = "";
  let copied = 0;
  for (const quote of positions) {
    out += `${json.slice(copied, quote + 1)}#`;
    copied = quote + 1;
  }
  return copied ? out + json.slice(copied) : json;
}

/**
 * A value as JSON text for the wire, with every `@odata.type` in its `#` form. The caller's object is
 * never changed: objects that need a `#` (and their parents) are copied, everything else is reused,
 * so a body that is already right is stringified as it is. A value JSON cannot carry (NaN, a
 * function, …) is a TypeError naming its path below `root`, with the path in its `path` property.
 */
export function serializeODataJson(value: unknown, root = "$"): string {
  try {
    return JSON.stringify(withHashes(value, false));
  } catch (error) {
    // The walk only says that something is wrong; this slower one says where.
    let found: ReturnType<typeof findUnsendable>;
    try {
      found = findUnsendable(value, root);
    } catch {
      // too deep to walk: the RangeError below says so
    }
    if (found) throw Object.assign(new TypeError(found.message), { path: found.path });
    throw error instanceof RangeError ? new TypeError(`${root} is nested too deeply to be sent as JSON`) : error;
  }
}

const UNSENDABLE = new TypeError("a value cannot be sent as JSON");

function withHashes(node: unknown, inArray: boolean): unknown {
  if (typeof node !== "object" || node === null) {
    if (typeof node !== "string" && typeof node !== "boolean" && node !== null && unsendablePrimitive(node, inArray)) throw UNSENDABLE;
    return node;
  }
  const record = node as Record<string, unknown>;
  // JSON.stringify sends what toJSON returns (a Date's string), not the object's own properties.
  if (typeof record["toJSON"] === "function") return node;
  if (unsendableObject(node)) throw UNSENDABLE;
  let copy: Record<string, unknown> | undefined;
  const type = record["@odata.type"];
  if (typeof type === "string" && type.charCodeAt(0) !== 35 /* # */) copy = { ...record, "@odata.type": `#${type}` };
  const isArray = Array.isArray(node);
  if (isArray) {
    // for-in skips holes, which JSON also sends as null.
    for (let i = 0; i < node.length; i++) if (!(i in node)) throw UNSENDABLE;
  }
  for (const key in record) {
    // Own properties only, as JSON.stringify sends them (a class's prototype may have enumerable ones).
    if (!Object.hasOwn(record, key)) continue;
    const child = record[key];
    const fixed = withHashes(child, isArray);
    if (fixed !== child) (copy ??= (isArray ? [...node] : { ...record }) as Record<string, unknown>)[key] = fixed;
  }
  return copy ?? node;
}

/** JSON text from the wire as a value, with every `@odata.type` in its `#` form (the parsed value is fixed in place). */
export function parseODataJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  addHashes(value);
  return value;
}

/** Iterative: a response nested 200,000 levels deep is valid JSON and must not overflow the stack. */
function addHashes(root: unknown): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    const record = node as Record<string, unknown>;
    const type = record["@odata.type"];
    if (typeof type === "string" && type.charCodeAt(0) !== 35 /* # */) record["@odata.type"] = `#${type}`;
    for (const key in record) {
      const child = record[key];
      if (typeof child === "object" && child !== null) stack.push(child);
    }
  }
}

/** Makes an `@odata.type` value for a type this SDK does not know, such as one newer than the spec. */
export function unknownODataType(name: string): UnknownODataType {
  return (name.startsWith("#") ? name : `#${name}`) as UnknownODataType;
}
