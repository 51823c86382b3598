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
import { describeThrown, findUnsendable, unsendableObject, unsendablePrimitive } from "./json-check.js";
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
 * A value as JSON text for the wire, with every `@odata.type` in its `#` form (`wireValue`, then
 * JSON.stringify). A value JSON cannot carry (NaN, a function, …), or one that throws when read, is a
 * TypeError naming its path below `root`, with the path in its `path` property.
 */
export function serializeODataJson(value: unknown, root = "$"): string {
  const wire = wireValue(value, root);
  if (wire.unsendable) throw wire.unsendable;
  return stringifyWire(wire.value, root);
}

/**
 * JSON text of what `wireValue` gave. A getter read again that throws this time, or a stack too
 * short for the text, is a TypeError naming `root` (also in its `path` property), what was thrown its `cause`.
 */
export function stringifyWire(value: unknown, root: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    throw unwritable(error, root);
  }
}

/** A value as it goes on the wire, and the error about the first part of it that JSON cannot carry, if any. */
export interface WireValue {
  value: unknown;
  /** A TypeError naming the path (also in its `path` property) of a value JSON cannot carry: NaN, a function, a Map, … */
  unsendable?: TypeError & { path: string };
}

/** Set by the walk when it meets a value JSON cannot carry; saved and restored around each walk, as a toJSON may serialise too. */
let lossy = false;

/**
 * A value as it goes on the wire: what each `toJSON` returns in place of its object, every
 * `@odata.type` in its `#` form. The caller's object is never changed: objects that need either (and
 * their parents) are copied, everything else is reused, so a body that is already right is sent as it
 * is. What JSON cannot carry is kept in place and reported in `unsendable` (so that the body can
 * still be checked against the spec, whose message says more); a value that throws when read (a
 * getter, a Proxy, a `toJSON`) throws a TypeError naming its path below `root` (also in its `path`
 * property), what was thrown its `cause`.
 */
export function wireValue(value: unknown, root = "$"): WireValue {
  const outer = lossy;
  lossy = false;
  let walked: unknown;
  let unsendable = false;
  try {
    walked = withHashes(value, false, "");
    unsendable = lossy;
  } catch (error) {
    throw located(error, value, root);
  } finally {
    lossy = outer;
  }
  return unsendable ? { value: walked, unsendable: located(undefined, value, root) } : { value: walked };
}

/** The error about `value` that the walk stopped at (`error`) or flagged; a slower walk says where. */
function located(error: unknown, value: unknown, root: string): TypeError & { path: string } {
  let found: ReturnType<typeof findUnsendable>;
  try {
    found = findUnsendable(value, root);
  } catch {
    // too deep to walk: the RangeError below says so
  }
  if (found) return Object.assign(new TypeError(found.message, "cause" in found ? { cause: found.cause } : undefined), { path: found.path });
  // A value that throws, or cannot be sent, once but not when read again: said without a path.
  if (error === undefined) return Object.assign(new TypeError(`${root}: a value in it cannot be sent as JSON`), { path: root });
  return unwritable(error, root);
}

/** The error about a value whose walk or JSON text failed with `error` and no path is known: a stack too short for it, or a read that threw. */
function unwritable(error: unknown, root: string): TypeError & { path: string } {
  const message = error instanceof RangeError ? `${root} is nested too deeply to be sent as JSON` : `${root}: reading it threw (${describeThrown(error)})`;
  return Object.assign(new TypeError(message, { cause: error }), { path: root });
}

/** `key`: the value's property name (an index, as a string) in its parent, which `toJSON` is given, as JSON.stringify gives it. */
function withHashes(node: unknown, inArray: boolean, key: string): unknown {
  if (typeof node !== "object" || node === null) {
    if (typeof node !== "string" && typeof node !== "boolean" && node !== null && unsendablePrimitive(node, inArray)) lossy = true;
    return node;
  }
  const record = node as Record<string, unknown>;
  // JSON.stringify sends what toJSON returns (a Date's string), not the object's own properties.
  if (typeof record["toJSON"] === "function") {
    const json: unknown = (record["toJSON"] as (key: string) => unknown)(key);
    // Returning nothing would drop the property without a word.
    if (json === undefined) lossy = true;
    if (json !== node) return json === undefined ? json : withHashes(json, inArray, key);
  }
  if (unsendableObject(node)) {
    lossy = true;
    return node;
  }
  let copy: Record<string, unknown> | undefined;
  const type = record["@odata.type"];
  if (typeof type === "string" && type.charCodeAt(0) !== 35 /* # */) copy = { ...record, "@odata.type": `#${type}` };
  const isArray = Array.isArray(node);
  if (isArray) {
    // for-in skips holes, which JSON also sends as null.
    for (let i = 0; i < node.length; i++) if (!(i in node)) lossy = true;
  }
  for (const name in record) {
    // Own properties only, as JSON.stringify sends them (a class's prototype may have enumerable ones).
    if (!Object.hasOwn(record, name)) continue;
    const child = record[name];
    const fixed = withHashes(child, isArray, name);
    if (fixed !== child) (copy ??= (isArray ? [...node] : { ...record }) as Record<string, unknown>)[name] = fixed;
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
