/**
 * Parsing and validation of OData system query options (`$top`, `$skip`, `$count`, `$select`, `$filter`,
 * `$orderby`, `$expand`, `$skiptoken`). Strict on purpose: an unknown `$` option, a repeated option or a
 * malformed value is a 400, so client bugs surface instead of being silently ignored. Options without `$`
 * are ignored (and kept in nextLinks).
 */
import { parseFilter, type Filter } from "./filter.js";
import { ODataHttpError } from "./odata.js";

export interface OrderBy {
  path: string[];
  descending: boolean;
}

export interface ODataQuery {
  top?: number;
  skip?: number;
  /** Offset decoded from `$skiptoken` (a token this server issued in a nextLink). */
  skiptokenOffset?: number;
  count?: boolean;
  select?: string[];
  filter?: Filter;
  orderby?: OrderBy[];
  expand?: string[];
  /** The query's `&`-separated parts exactly as received, for rebuilding nextLinks. */
  rawParts: string[];
}

const SKIPTOKEN_PREFIX = "gs1.";
const NAME = /^[A-Za-z_@][\w.@]*$/;
const PATH = /^[A-Za-z_@][\w.@]*(?:\/[A-Za-z_@][\w.@]*)*$/;

function bad(message: string): ODataHttpError {
  return new ODataHttpError(400, "BadRequest", message);
}

function decodePart(text: string, part: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch {
    throw bad(`Malformed percent-encoding in query part '${part}'`);
  }
}

function nonNegativeInteger(option: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
    throw bad(`Invalid value '${value}' for query option '${option}': expected a non-negative integer`);
  }
  return n;
}

function list(option: string, value: string, pattern: RegExp): string[] {
  const items = value.split(",").map((item) => item.trim());
  for (const item of items) {
    if (!pattern.test(item)) throw bad(`Invalid item '${item}' in query option '${option}=${value}'`);
  }
  return items;
}

function orderBy(value: string): OrderBy[] {
  return value.split(",").map((clause) => {
    const [path = "", direction = "asc", ...rest] = clause.trim().split(/\s+/);
    if (!PATH.test(path) || (direction !== "asc" && direction !== "desc") || rest.length > 0) {
      throw bad(`Invalid clause '${clause}' in query option '$orderby'`);
    }
    return { path: path.split("/"), descending: direction === "desc" };
  });
}

/** Builds the opaque `$skiptoken` value for an absolute offset (URL-safe, needs no encoding). */
export function encodeSkiptoken(offset: number): string {
  return SKIPTOKEN_PREFIX + Buffer.from(JSON.stringify({ offset })).toString("base64url");
}

function decodeSkiptoken(token: string): number {
  if (token.startsWith(SKIPTOKEN_PREFIX)) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(token.slice(SKIPTOKEN_PREFIX.length), "base64url").toString());
      const offset = (parsed as { offset?: unknown } | null)?.offset;
      if (typeof offset === "number" && Number.isSafeInteger(offset) && offset >= 0) return offset;
    } catch {
      // fall through to the error below
    }
  }
  throw bad(`Invalid $skiptoken '${token}': use the @odata.nextLink returned by the server unchanged`);
}

export function parseODataQuery(rawQuery: string): ODataQuery {
  const rawParts = rawQuery === "" ? [] : rawQuery.split("&").filter((part) => part !== "");
  const query: ODataQuery = { rawParts };
  const seen = new Set<string>();
  for (const part of rawParts) {
    const eq = part.indexOf("=");
    const name = decodePart(eq === -1 ? part : part.slice(0, eq), part);
    const value = eq === -1 ? "" : decodePart(part.slice(eq + 1), part);
    if (!name.startsWith("$")) continue;
    if (seen.has(name)) throw bad(`Query option '${name}' was specified more than once`);
    seen.add(name);
    switch (name) {
      case "$top":
        query.top = nonNegativeInteger(name, value);
        break;
      case "$skip":
        query.skip = nonNegativeInteger(name, value);
        break;
      case "$skiptoken":
        query.skiptokenOffset = decodeSkiptoken(value);
        break;
      case "$count":
        if (value !== "true" && value !== "false")
          throw bad(`Invalid value '${value}' for '$count': expected true or false`);
        query.count = value === "true";
        break;
      case "$select":
        query.select = list(name, value, NAME);
        break;
      case "$expand":
        query.expand = list(name, value, NAME);
        break;
      case "$orderby":
        query.orderby = orderBy(value);
        break;
      case "$filter":
        query.filter = parseFilter(value);
        break;
      case "$search":
        throw bad("Query option '$search' is not supported on this resource");
      default:
        throw bad(`Query option '${name}' is not supported`);
    }
  }
  return query;
}

/** Query parts of a nextLink: everything as received minus `$skip`/`$skiptoken`, plus the new token. */
export function nextLinkQuery(query: ODataQuery, offset: number): string {
  const kept = query.rawParts.filter((part) => {
    const eq = part.indexOf("=");
    const name = decodePart(eq === -1 ? part : part.slice(0, eq), part);
    return name !== "$skip" && name !== "$skiptoken";
  });
  return [...kept, `$skiptoken=${encodeSkiptoken(offset)}`].join("&");
}
