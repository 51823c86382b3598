/**
 * `@odata.type` normalisation. OData JSON writes type names as `#microsoft.graph.x`; Graph's own docs
 * and some services write `microsoft.graph.x`. Kiota treats the `#`-less form as the base type and
 * loses the derived properties; graphslice accepts both forms and always uses `#` on the wire and in
 * results, so `switch (x["@odata.type"])` over the `#` literals is exhaustive. Nothing else in a body
 * is touched.
 *
 * Values are fixed after JSON.parse and checked before JSON.stringify by a walk, which measured
 * cheaper than any scan of the text. Text that must be rewritten (a request body written without
 * `#`, the low-level client's bodies) is scanned, exactly, thanks to the JSON grammar: a `"` that
 * follows `{` or `,` (plus optional whitespace) always opens a member name, never sits inside a
 * string (inside a string every `"` is escaped as `\"`), so only real `"@odata.type"` members are
 * found.
 */
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
 * A value as JSON text for the wire, with every `@odata.type` in its `#` form. The value is walked
 * first (reading only; the caller's object is never changed): a text needs rewriting only when some
 * `@odata.type` lacks its `#`, and a walk of the value is cheaper than a scan of its text.
 */
export function serializeODataJson(value: unknown): string {
  const json = JSON.stringify(value);
  return lacksHash(value) ? normalizeODataTypes(json) : json;
}

function lacksHash(node: unknown): boolean {
  if (typeof node !== "object" || node === null) return false;
  const type = (node as Record<string, unknown>)["@odata.type"];
  if (typeof type === "string" && type.charCodeAt(0) !== 35 /* # */) return true;
  for (const key in node) if (lacksHash((node as Record<string, unknown>)[key])) return true;
  return false;
}

/** JSON text from the wire as a value, with every `@odata.type` in its `#` form (the parsed value is fixed in place). */
export function parseODataJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  addHashes(value);
  return value;
}

function addHashes(node: unknown): void {
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  const type = record["@odata.type"];
  if (typeof type === "string" && type.charCodeAt(0) !== 35 /* # */) record["@odata.type"] = `#${type}`;
  for (const key in record) addHashes(record[key]);
}

/** Makes an `@odata.type` value for a type this SDK does not know, such as one newer than the spec. */
export function unknownODataType(name: string): UnknownODataType {
  return (name.startsWith("#") ? name : `#${name}`) as UnknownODataType;
}
