/**
 * Collection pages: `$filter` → `$orderby` → `$count` → offset (`$skiptoken` or `$skip`) → page size
 * (`$top`, else the server page size) → `$select`, with an absolute `@odata.nextLink` while items remain.
 */
import { matchesFilter } from "./filter.js";
import { nextLinkQuery, type ODataQuery, type OrderBy } from "./query.js";
import type { Json, JsonObject } from "./store.js";

export interface PageOptions {
  /** Server-driven page size used when `$top` is absent. */
  pageSize: number;
  /** Value of `@odata.context`. */
  context: string;
  /** `serverUrl + rawPathname`: the nextLink repeats the request path exactly as received. */
  linkBase: string;
}

/** Keeps only the selected properties, plus `@odata.type`, `id` and expanded ones, in their stored order. */
export function selectProperties(
  entity: JsonObject,
  select: string[] | undefined,
  expanded: string[] = [],
): JsonObject {
  if (select === undefined) return entity;
  const keep = new Set([...select, ...expanded, "@odata.type", "id"]);
  const result: JsonObject = {};
  for (const [key, value] of Object.entries(entity)) {
    if (keep.has(key))
      Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
  }
  return result;
}

function valueAt(entity: JsonObject, path: string[]): Json {
  let current: Json = entity;
  for (const key of path) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return null;
    current = Object.hasOwn(current, key) ? (current[key] ?? null) : null;
  }
  return current;
}

/** Nulls first, then numbers/booleans/strings by their natural order (strings by code unit). */
function compare(a: Json, b: Json): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === typeof b && typeof a !== "object") return a < b ? -1 : a > b ? 1 : 0;
  return JSON.stringify(a) < JSON.stringify(b) ? -1 : 1;
}

function sortItems(items: JsonObject[], orderby: OrderBy[]): JsonObject[] {
  return [...items].sort((x, y) => {
    for (const { path, descending } of orderby) {
      const order = compare(valueAt(x, path), valueAt(y, path));
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  });
}

/** Applies `$filter` (and `$orderby`) to a collection. */
export function filterItems(items: JsonObject[], query: ODataQuery): JsonObject[] {
  const filter = query.filter;
  const kept = filter === undefined ? items : items.filter((item) => matchesFilter(item, filter));
  return query.orderby === undefined ? kept : sortItems(kept, query.orderby);
}

export function buildPage(items: JsonObject[], query: ODataQuery, options: PageOptions): JsonObject {
  const matching = filterItems(items, query);
  const offset = query.skiptokenOffset ?? query.skip ?? 0;
  const size = query.top ?? options.pageSize;
  const value = matching.slice(offset, offset + size).map((item) => selectProperties(item, query.select, query.expand));
  const page: JsonObject = { "@odata.context": options.context };
  if (query.count === true) page["@odata.count"] = matching.length;
  if (size > 0 && offset + size < matching.length) {
    page["@odata.nextLink"] = `${options.linkBase}?${nextLinkQuery(query, offset + size)}`;
  }
  page.value = value;
  return page;
}
