/**
 * Request URLs: key segments and OData query options.
 */
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
  throw invalidRequest(`${parameter} must be a non-empty string of valid Unicode that is not "." or "..", got ${JSON.stringify(id)}`);
}

/** A request that cannot be built: nothing was sent. */
function invalidRequest(message: string): GraphError {
  return new GraphError({ status: 0, code: "invalidRequest", message });
}

/**
 * Serialises a query object: each option goes under its wire name (`names`, the generated
 * contract table: `top` → `$top`; an option not in it goes as written), arrays are comma-joined
 * (OData's `explode: false` form), `undefined` is skipped. Values are percent-encoded; `,` and `$`
 * stay readable. A value that cannot be encoded (a lone surrogate) is an error naming the option,
 * before sending.
 */
export function encodeQuery(query: object | undefined, names?: Readonly<Record<string, string>>): string {
  let out = "";
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const name = names?.[key] ?? key;
    try {
      const text = Array.isArray(value) ? value.map((v) => encodeURIComponent(String(v))).join(",") : encodeURIComponent(String(value));
      out += `${out ? "&" : "?"}${encodeURIComponent(name).replace("%24", "$").replace("%40", "@")}=${text}`;
    } catch {
      throw invalidRequest(`query option ${key} is not valid Unicode: ${JSON.stringify(value)}`);
    }
  }
  return out;
}

/**
 * Encodes a parameter of a function's path segment (`f(name='…')`) as an OData literal: in quotes a
 * string literal, with `'` doubled; bare anything else (a number, boolean or date); `null` for null.
 * The result is percent-encoded, `'` and `()` included, so no value can end its literal, the
 * parameter list, the segment or the path.
 */
export function encodeLiteral(value: unknown, quoted: boolean, parameter: string): string {
  if (value === null) return "null";
  const ok = typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean";
  try {
    if (ok) return quoted ? `'${encodeSegmentText(String(value).replace(/'/g, "''"))}'` : encodeSegmentText(String(value));
  } catch {
    // a lone surrogate: not valid Unicode, so it cannot be sent either
  }
  throw invalidRequest(`${parameter} must be a string, finite number or boolean of valid Unicode, got ${JSON.stringify(value) ?? String(value)}`);
}

function encodeSegmentText(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
