/**
 * The rules the request builder (request-builder.ts) derives requests by, and the shape of the
 * routes table that records what differs from them. The generator reads the same rules to decide
 * what a slice's table must hold, so this file imports nothing at run time.
 */
import type { GraphRequest } from "./runtime.js";

/** A positional argument of a builder method. */
export type RouteArgument = "params" | "body" | "query" | "options";

/** How a member differs from the naming rules (see the top of this file). */
export interface Route {
  /**
   * The wire segment: of a getter whose name is not its segment (`graphUser` → `microsoft.graph.user`),
   * or of a bound call whose segment is not the rule's (defaultCallSegment):
   * `microsoft.graph.security.applyLabel`, `microsoft.graph.f(a='{a}',b={b})`, where `'{a}'` is
   * `params.a` as a string literal and `{b}` as any other literal.
   */
  segment?: string;
  /** A bound call's method: `GET` for a function, another for an unusual one; without it a call is an action (`POST`). */
  method?: GraphRequest["method"];
  /** The positional arguments, when they are not the usual ones (VERBS; for a call: `body, options` or `options`). */
  args?: readonly RouteArgument[];
  /** The answer, when it is not the method's usual one. */
  expect?: GraphRequest["expect"];
  /** The content type of a binary body. */
  contentType?: string;
  /** Query options whose wire name is not the OData rule's (QUERY_WIRE_NAMES, or the name as written); replaces those of the verb's rule (verbRule). */
  query?: Readonly<Record<string, string>>;
  /** Header parameters whose option name means another header elsewhere in the slice: the option's name → the header (`ifMatch` → `If-Match`). */
  headers?: Readonly<Record<string, string>>;
  /**
   * A member that takes an alternate key (`byAppId(appId)`): what the key fills in after the node's
   * path, without a slash, `(appId='{appId}')` (`'{…}'` a string literal, `{…}` any other).
   */
  keySegment?: string;
  /**
   * A member that is a composable function (`getByPath({ path })`): called with its parameters, it
   * returns the builder below the node's path at this segment, `getByPath(path='{path}')` (`'{…}'` a
   * string literal, `{…}` any other), whose `get` calls the function.
   */
  functionSegment?: string;
}

export type Routes = Readonly<Record<string, Route>>;

/** The usual HTTP method, arguments and answer of each verb. */
export const VERBS: Readonly<Record<string, { method: GraphRequest["method"]; args: readonly RouteArgument[]; expect: GraphRequest["expect"] }>> = {
  get: { method: "GET", args: ["query", "options"], expect: "json" },
  iterate: { method: "GET", args: ["query", "options"], expect: "json" },
  iteratePages: { method: "GET", args: ["query", "options"], expect: "json" },
  post: { method: "POST", args: ["body", "options"], expect: "json" },
  put: { method: "PUT", args: ["body", "options"], expect: "json" },
  patch: { method: "PATCH", args: ["body", "options"], expect: "none" },
  delete: { method: "DELETE", args: ["options"], expect: "none" },
  count: { method: "GET", args: ["options"], expect: "count" },
};

/** A verb's request as the rules give it, before its route (if any) is laid over it. */
export interface VerbRule {
  method: GraphRequest["method"];
  args: readonly RouteArgument[];
  expect: GraphRequest["expect"];
  contentType?: string;
  query?: Readonly<Record<string, string>>;
}

/**
 * The verbs below a `$ref` segment, as Graph describes them: adding or replacing a reference answers
 * nothing (204), and removing one names it in the `@id` query option.
 */
const REFERENCE_VERBS: Readonly<Record<string, Partial<VerbRule>>> = {
  post: { expect: "none" },
  put: { expect: "none" },
  delete: { args: ["query", "options"], query: { id: "@id" } },
};

/** The verbs of a media resource (`$value`, a stream property): its content read as a Blob, replaced by binary content. */
const MEDIA_VERBS: Readonly<Record<string, Partial<VerbRule>>> = {
  get: { args: ["options"], expect: "stream" },
  put: { expect: "none", contentType: "application/octet-stream" },
};

/**
 * What the verb `name` of a node usually is. `segment` is the node's wire segment (none for a key):
 * below `$ref` the verbs are REFERENCE_VERBS; on a segment the slice lists in `mediaSegments`
 * (segments that are media resources wherever they occur, such as `$value` or `content`), MEDIA_VERBS.
 * `iterate` and `iteratePages` follow `get`.
 */
export function verbRule(name: string, segment: string | undefined, mediaSegments: readonly string[]): VerbRule {
  const kind = segment === "$ref" ? REFERENCE_VERBS : segment !== undefined && mediaSegments.includes(segment) ? MEDIA_VERBS : undefined;
  const usual = VERBS[name]!;
  const special = kind?.[name === "iterate" || name === "iteratePages" ? "get" : name];
  return special ? { ...usual, ...special } : usual;
}

/**
 * A getter's wire segment unless its route says otherwise: its name, except for OData's `$ref` and
 * `$value`, which are named without their `$` (`.ref`, `.value`).
 */
export function defaultGetterSegment(member: string): string {
  return member === "ref" || member === "value" ? `$${member}` : member;
}

/**
 * The segment of a bound call unless its route says otherwise: `microsoft.graph.<member>`, with
 * `()` for a function (GET). A route in an operation index's `calls` has `POST` unless it says otherwise.
 */
export function defaultCallSegment(member: string, method: GraphRequest["method"]): string {
  return `microsoft.graph.${member}${method === "GET" ? "()" : ""}`;
}

/** The usual arguments of a bound action or function. */
export const CALL_ARGS: Readonly<Record<GraphRequest["method"], readonly RouteArgument[]>> = { POST: ["body", "options"], PATCH: ["body", "options"], PUT: ["body", "options"], GET: ["options"], DELETE: ["options"] };

/** OData's system query options: in code without their `$` (`top` is sent as `$top`). Others go as written. */
export const QUERY_WIRE_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  ["apply", "compute", "count", "deltatoken", "expand", "filter", "format", "index", "levels", "orderby", "schemaversion", "search", "select", "skip", "skiptoken", "top"].map((name) => [name, `$${name}`]),
);

/** The query options `count()` takes among its options (those of `$count`), unless its route lists others. */
export const COUNT_QUERY: Readonly<Record<string, string>> = { search: QUERY_WIRE_NAMES["search"]!, filter: QUERY_WIRE_NAMES["filter"]! };

/**
 * Members the builder itself interprets: the verbs, `byId`, `batch`, `path`, `then` and `toJSON`. A
 * getter of one of these names is always in the routes table, so that it is not taken for the member.
 * `then` is never a member: a builder is not a promise; `toJSON` serialises a builder as its path;
 * nor is any member of `Object.prototype` (the naming stage reserves them). A function, so that the
 * runtime, which does not need the list, holds none of it.
 */
export function builderMembers(): string[] {
  return [...Object.keys(VERBS), "byId", "batch", "path", "then", "toJSON"];
}

/** A member's key in the routes table: its member path from the root, keys as `{}`. */
export function memberKey(members: string, name: string): string {
  return members ? `${members}/${name}` : name;
}
