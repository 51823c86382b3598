/**
 * `@odata.type` normalisation. OData JSON writes type names as `#microsoft.graph.x`; Graph's own docs
 * and some services write `microsoft.graph.x`. Kiota treats the `#`-less form as the base type and
 * loses the derived properties; graphslice accepts both forms and always uses `#` on the wire and in
 * results, so `switch (x["@odata.type"])` over the `#` literals is exhaustive.
 *
 * The rewrite works on JSON text, which is what makes it cost almost nothing next to JSON.parse and
 * JSON.stringify (no object walk). It is exact because of the JSON grammar: a `"` that follows `{` or
 * `,` (plus optional whitespace) always opens a member name, never sits inside a string (inside a
 * string every `"` is escaped as `\"`), so the pattern below only ever matches a real `"@odata.type"`
 * member and inserts `#` at the start of its string value. Nothing else in the text changes.
 */
import type { UnknownODataType } from "./types.js";

const MISSING_HASH = /([{,]\s*"@odata\.type"\s*:\s*")(?!#)/g;

/** Adds the missing `#` to every `"@odata.type"` value in a JSON text. */
export function normalizeODataTypes(json: string): string {
  return json.includes('"@odata.type"') ? json.replace(MISSING_HASH, "$1#") : json;
}

/** Makes an `@odata.type` value for a type this SDK does not know, such as one newer than the spec. */
export function unknownODataType(name: string): UnknownODataType {
  return (name.startsWith("#") ? name : `#${name}`) as UnknownODataType;
}
