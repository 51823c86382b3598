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
  throw new GraphError({
    status: 0,
    code: "invalidRequest",
    message: `${parameter} must be a non-empty string of valid Unicode that is not "." or "..", got ${JSON.stringify(id)}`,
  });
}

/** OData system query options: `top` in a query object is sent as `$top`. */
export const SYSTEM_QUERY_OPTIONS = ["count", "expand", "filter", "orderby", "search", "select", "skip", "top"] as const;

/**
 * Serialises a query object: system options get their `$`, arrays are comma-joined (OData's
 * `explode: false` form), `undefined` is skipped. Values are percent-encoded; `,` and `$` stay readable.
 * A value that cannot be encoded (a lone surrogate) is an error naming the option, before sending.
 */
export function encodeQuery(query: object | undefined): string {
  let out = "";
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const name = (SYSTEM_QUERY_OPTIONS as readonly string[]).includes(key) ? `$${key}` : key;
    try {
      const text = Array.isArray(value) ? value.map((v) => encodeURIComponent(String(v))).join(",") : encodeURIComponent(String(value));
      out += `${out ? "&" : "?"}${encodeURIComponent(name).replace("%24", "$")}=${text}`;
    } catch {
      throw new GraphError({ status: 0, code: "invalidRequest", message: `query option ${key} is not valid Unicode: ${JSON.stringify(value)}` });
    }
  }
  return out;
}
