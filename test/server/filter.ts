/**
 * A deliberately tiny `$filter` subset: `path eq|ne literal` comparisons joined by `and`, where path is
 * `prop` or `prop/sub` and literal is a 'string' (quotes doubled inside), null, true, false or a number.
 * Anything else is rejected so a client never mistakes "ignored" for "applied".
 */
import { ODataHttpError } from "./odata.js";
import type { Json, JsonObject } from "./store.js";

export interface Comparison {
  path: string[];
  op: "eq" | "ne";
  value: Json;
}

/** A conjunction of comparisons. */
export type Filter = Comparison[];

const TOKEN = /\s*(?:('(?:[^']|'')*')|([A-Za-z_@][\w.@]*(?:\/[A-Za-z_@][\w.@]*)*)|(-?\d+(?:\.\d+)?))/y;

type Token = { kind: "string"; value: string } | { kind: "word"; value: string } | { kind: "number"; value: number };

function unsupported(source: string, why: string): ODataHttpError {
  return new ODataHttpError(
    400,
    "BadRequest",
    `Unsupported $filter '${source}': ${why}. This test server supports only 'property eq|ne literal' joined by 'and'.`,
  );
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    if (/^\s+$/.test(source.slice(index))) break;
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(source);
    if (match === null) throw unsupported(source, `unexpected text at position ${index}`);
    index = TOKEN.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: "string", value: match[1].slice(1, -1).replaceAll("''", "'") });
    else if (match[2] !== undefined) tokens.push({ kind: "word", value: match[2] });
    else tokens.push({ kind: "number", value: Number(match[3]) });
  }
  return tokens;
}

function literal(token: Token | undefined, source: string): Json {
  if (token === undefined) throw unsupported(source, "missing value after operator");
  if (token.kind !== "word") return token.value;
  if (token.value === "null") return null;
  if (token.value === "true") return true;
  if (token.value === "false") return false;
  throw unsupported(source, `'${token.value}' is not a literal`);
}

export function parseFilter(source: string): Filter {
  const tokens = tokenize(source);
  if (tokens.length === 0) throw unsupported(source, "empty expression");
  const filter: Filter = [];
  for (let i = 0; ; i += 4) {
    const [path, op, value, joiner] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i + 3]];
    if (path?.kind !== "word") throw unsupported(source, "expected a property name");
    if (op?.kind !== "word" || (op.value !== "eq" && op.value !== "ne")) {
      throw unsupported(source, `expected 'eq' or 'ne' after '${path.value}'`);
    }
    filter.push({ path: path.value.split("/"), op: op.value, value: literal(value, source) });
    if (joiner === undefined) return filter;
    if (joiner.kind !== "word" || joiner.value !== "and") throw unsupported(source, "expected 'and'");
  }
}

function resolve(entity: JsonObject, path: string[]): Json | undefined {
  let current: Json | undefined = entity;
  for (const key of path) {
    if (typeof current !== "object" || current === null || Array.isArray(current) || !Object.hasOwn(current, key)) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}

export function matchesFilter(entity: JsonObject, filter: Filter): boolean {
  return filter.every(({ path, op, value }) => {
    const actual = resolve(entity, path) ?? null;
    return op === "eq" ? actual === value : actual !== value;
  });
}
