/**
 * Request URLs: key segments, alternate keys, function parameters and OData query options.
 */
import { describeValue } from "./describe-value.js";
import { GraphError } from "./errors.js";

/**
 * Encodes one key (`{…-id}`) as a single path segment. Every character that could end or leave the
 * segment (`/`, `?`, `#`, `%`, …) is percent-encoded, so no id can change the request path. Empty
 * ids and `.`/`..` (which URL parsers resolve as dot segments even when encoded) are rejected here,
 * before anything is sent.
 */
export function encodeKey(id: string, parameter: string): string {
  try {
    if (typeof id === "string" && id !== "" && id !== "." && id !== "..") return encodeURIComponent(id);
  } catch {
    // encodeURIComponent throws on a lone surrogate: such an id cannot be sent either.
  }
  throw invalidRequest(`${parameter} must be a non-empty string of valid Unicode that is not "." or "..", got ${describeValue(id)}`);
}

/** A request that cannot be built: nothing was sent. */
function invalidRequest(message: string): GraphError {
  return new GraphError({ status: 0, code: "invalidRequest", message });
}

/**
 * Serialises a query object: each option goes under its wire name (`names`, the generated
 * contract table: `top` → `$top`; an option not in it goes as written), arrays are comma-joined
 * (OData's `explode: false` form), `undefined` and an empty array are left out. Values are
 * percent-encoded; `,` and `$` stay readable. A value that is not a string, a finite number or a
 * boolean (null, NaN, an object, a lone surrogate; in an array too) is an error naming the option,
 * before sending: `String()` would send `null`, `NaN` or `[object Object]`.
 */
export function encodeQuery(query: object | undefined, names?: Readonly<Record<string, string>>): string {
  let out = "";
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    const name = names?.[key] ?? key;
    const text = Array.isArray(value) ? value.map((v, i) => encodeQueryValue(v, `${key}[${i}]`)).join(",") : encodeQueryValue(value, key);
    out += `${out ? "&" : "?"}${encodeURIComponent(name).replace("%24", "$").replace("%40", "@")}=${text}`;
  }
  return out;
}

/** A value a URL can carry as text: a string, a finite number or a boolean. */
function isUrlScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean";
}

function encodeQueryValue(value: unknown, option: string): string {
  try {
    if (isUrlScalar(value)) return encodeURIComponent(String(value));
  } catch {
    // a lone surrogate: not valid Unicode, so it cannot be sent either
  }
  throw invalidRequest(`query option ${option} must be a string, finite number or boolean of valid Unicode, got ${describeValue(value)}`);
}

/**
 * Encodes a parameter of a function's path segment (`f(name='…')`) as an OData literal: in quotes a
 * string literal, with `'` doubled; bare anything else (a number, boolean or date); `null` for null.
 * The result is percent-encoded, `'` and `()` included, so no value can end its literal, the
 * parameter list, the segment or the path.
 */
export function encodeLiteral(value: unknown, quoted: boolean, parameter: string): string {
  if (value === null) return "null";
  try {
    if (isUrlScalar(value)) return quoted ? `'${encodeSegmentText(String(value).replace(/'/g, "''"))}'` : encodeSegmentText(String(value));
  } catch {
    // a lone surrogate: not valid Unicode, so it cannot be sent either
  }
  throw invalidRequest(`${parameter} must be a string, finite number or boolean of valid Unicode, got ${describeValue(value)}`);
}

/**
 * Encodes an alternate key's value (`byAppId(appId)` → `(appId='…')`) as `encodeLiteral` does; an
 * empty string, null or undefined names no entity, so it is refused before anything is sent.
 */
export function encodeAlternateKey(value: unknown, quoted: boolean, parameter: string): string {
  if (value === "" || value === null || value === undefined) throw invalidRequest(`${parameter} must be a non-empty string, finite number or boolean of valid Unicode, got ${describeValue(value)}`);
  return encodeLiteral(value, quoted, parameter);
}

function encodeSegmentText(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
