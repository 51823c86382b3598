/**
 * The request builder every generated client shares. A slice's `client.ts` declares one interface
 * per node of the URL tree (its getters, `byId` and methods); at run time every node is this one
 * builder, which derives the request from the names it was reached by:
 * - a property is the path segment of that name (`.assignments` → `/assignments`), OData's `$ref`
 *   and `$value` are `.ref` and `.value`;
 * - `byId(id)` is a key segment, percent-encoded; `by<Key>(value)` (in the routes table, `keySegment`)
 *   an alternate key, `applications(appId='…')`, its value an encoded literal; a composable function's
 *   member (`functionSegment`) the function's segment, `getByPath(path='…')`, its parameters encoded literals;
 * - `get`, `iterate`, `iteratePages`, `post`, `patch`, `put`, `delete` and `count` are the HTTP
 *   methods, with the arguments and answer in VERBS (route-rules.ts), or those of a reference
 *   (below `$ref`) or a media resource (a segment of the slice's `mediaSegments`), in verbRule;
 * - a member that is called is a bound action or function: its route (wire segment, method,
 *   arguments) is in the slice's operation indexes, loaded with the call (operation-index.ts);
 * - whatever else differs from these rules (type casts, segments renamed in code, binary content,
 *   header parameters, query options with other wire names) is written in the slice's `routes`
 *   table, keyed by the member path (`deviceManagement/configurationPolicies/{}/assignments/{}/patch`).
 * So a program holds the runtime, the routes table and one loader (of the list of operation indexes),
 * not code per builder nor a route per action: one call costs the same whatever the size of the SDK
 * it comes from.
 */
import { CALL_ARGS, COUNT_QUERY, defaultCallSegment, defaultGetterSegment, memberKey, QUERY_WIRE_NAMES, VERBS, verbRule, type Route, type RouteArgument, type Routes } from "./route-rules.js";
import type { GraphRequest, GraphRuntime } from "./runtime.js";
import type { BatchOptions, PagingOptions } from "./types.js";
import { encodeAlternateKey, encodeKey, encodeLiteral } from "./url.js";

export type { Route, RouteArgument, Routes } from "./route-rules.js";

/** What every builder has besides its own members. */
export interface RequestBuilder {
  /** The request path below the base URL, keys percent-encoded. */
  readonly path: string;
}

/** Header parameters, by the name of their option (`ifMatch` → `If-Match`). */
export type HeaderOptions = Readonly<Record<string, string>>;

/** What the builder knows of a slice: its routes, the header parameters of its operations and its media segments. */
interface Slice {
  runtime: GraphRuntime;
  routes: Routes;
  headerOptions: HeaderOptions;
  mediaSegments: readonly string[];
}

/**
 * The root of a slice's client over `runtime`. `routes` is the slice's table; `headerOptions` its
 * header parameters, each of which is sent when a call's options hold it (a route's own `headers`
 * come on top, for a name that means another header elsewhere in the slice); `mediaSegments` the
 * wire segments that are media resources wherever they occur in the slice (verbRule).
 */
export function createClient(runtime: GraphRuntime, routes: Routes, headerOptions: HeaderOptions = {}, mediaSegments: readonly string[] = []): unknown {
  return builder({ runtime, routes, headerOptions, mediaSegments }, "", "", "", true);
}

/** How many members a node reached by properties alone keeps (a Graph entity has at most a few hundred). */
const MAX_REACHED = 1024;

/** A builder's target: callable, so that calling a member that is a bound action or function reaches the `apply` trap; its one own property is the path (read-only). */
type Target = (() => void) & { path: string };

/**
 * What a builder stands for, as the handler of its proxy. Its state is private to the handler, so
 * inspecting a builder shows its target, which holds only the path, and nothing of the runtime.
 */
class BuilderNode implements ProxyHandler<Target> {
  readonly #slice: Slice;
  readonly #members: string;
  /** The path of the node this member belongs to: below it goes the member's wire segment when it is called. */
  readonly #parent: string;
  /**
   * The members already reached, on a node reached from the root by properties alone (no key): such
   * a node is the same for every call, so `graph.deviceManagement.configurationPolicies` is made once.
   * A node below a key is made per call and keeps nothing. At most MAX_REACHED names are kept, so
   * that code reaching members by computed names (`graph[name]`) cannot grow a client without end.
   */
  readonly #reached: Map<string, unknown> | undefined;
  constructor(slice: Slice, members: string, parent: string, shared: boolean) {
    this.#slice = slice;
    this.#members = members;
    this.#parent = parent;
    this.#reached = shared ? new Map() : undefined;
  }

  /** What a member of this node is. */
  get(target: Target, name: string | symbol): unknown {
    if (typeof name !== "string" || name === "then") return undefined;
    const { path } = target;
    // A builder serialises as its path.
    if (name === "toJSON") return () => ({ path });
    // `toString`, `valueOf`, `constructor`, …: an object's own, so a builder prints and compares as one.
    if (name in Object.prototype) return (Object.prototype as unknown as Record<string, unknown>)[name];
    if (name === "path") return path;
    const reached = this.#reached;
    if (!reached) return this.#member(path, name);
    let member = reached.get(name);
    if (member === undefined) {
      member = this.#member(path, name);
      if (reached.size < MAX_REACHED) reached.set(name, member);
    }
    return member;
  }

  #member(path: string, name: string): unknown {
    const slice = this.#slice;
    const members = this.#members;
    const key = memberKey(members, name);
    const route = Object.hasOwn(slice.routes, key) ? slice.routes[key]! : undefined;
    if (route?.keySegment !== undefined) return alternateKey(slice, route.keySegment, path, key, name);
    if (route?.functionSegment !== undefined) return composableFunction(slice, route.functionSegment, path, key);
    if (route?.segment === undefined) {
      if (name === "byId") return (id: string) => builder(slice, `${path}/${encodeKey(id, `${members.slice(members.lastIndexOf("/") + 1)}.byId(id)`)}`, memberKey(members, "{}"), path);
      if (name === "batch" && !members) return batch(slice);
      if (Object.hasOwn(VERBS, name)) return verb(slice, name, path, members);
    }
    return builder(slice, `${path}/${route?.segment ?? defaultGetterSegment(name)}`, key, path, this.#reached !== undefined);
  }

  /** A member called: a bound action or function, whose route comes with the slice's operation index. */
  apply(target: Target, self: unknown, args: unknown[]): Promise<unknown> {
    return call(this.#slice, this.#members, `${this.#parent}/`, args);
  }
}

/** `by<Key>(value)`: the node of the entity with that alternate key, `applications(appId='…')`. */
function alternateKey(slice: Slice, template: string, path: string, members: string, name: string): (value: unknown) => object {
  return (value) => builder(slice, path + fillSegment(template, (placeholder, quoted) => encodeAlternateKey(value, quoted, `${name}(${placeholder})`)), members, path);
}

/** A composable function's member, `getByPath({ path })`: the node below `path` at its segment, each parameter an encoded literal. */
function composableFunction(slice: Slice, template: string, path: string, members: string): (params?: Record<string, unknown>) => object {
  return (params) => builder(slice, `${path}/${fillSegment(template, (name, quoted) => encodeLiteral(params?.[name], quoted, name))}`, members, path);
}

/** `template` with each `{placeholder}` (`'{placeholder}'`, in quotes, a string literal) replaced by `encode`'s literal. */
function fillSegment(template: string, encode: (placeholder: string, quoted: boolean) => string): string {
  return template.replace(/('?)\{([^}]+)\}\1/g, (_, quote: string, placeholder: string) => encode(placeholder, quote === "'"));
}

function builder(slice: Slice, path: string, members: string, parent: string, shared = false): object {
  // Read-only: a node reached by properties alone serves every later call of the client, so no
  // assignment to its path may send those calls to another resource.
  const target = Object.defineProperty(() => {}, "path", { value: path, enumerable: true }) as Target;
  return new Proxy(target, new BuilderNode(slice, members, parent, shared));
}

type FullRoute = Omit<Route, "method"> & { method: GraphRequest["method"]; args: readonly RouteArgument[]; expect: GraphRequest["expect"] };

/**
 * A verb of the builder at `path`: its rule (by the node's wire segment; a key has none), then its
 * route, if any, `<members>/<verb>` (`iterate` and `iteratePages` share `get`'s).
 */
function verb(slice: Slice, name: string, path: string, members: string): (...args: unknown[]) => unknown {
  const { runtime, routes } = slice;
  const paging = name === "iterate" || name === "iteratePages";
  const key = memberKey(members, paging ? "get" : name);
  const segment = members === "{}" || members.endsWith("/{}") ? undefined : path.slice(path.lastIndexOf("/") + 1);
  const route: FullRoute = { ...verbRule(name, segment, slice.mediaSegments), ...(Object.hasOwn(routes, key) ? routes[key] : undefined) };
  if (paging) {
    return (...args: unknown[]) => {
      const { query, options } = argumentsOf(route, args);
      return walk(name, runtime, request(slice, route, key, path, query, undefined, options), options as PagingOptions | undefined);
    };
  }
  return async (...args: unknown[]) => {
    const given = argumentsOf(route, args);
    if (name !== "count") return runtime.send(request(slice, route, key, path, given.query, given.body, given.options));
    // `count()` takes the query options of `$count` (usually `search` and `filter`) among its options.
    const options: Record<string, unknown> = { ...(given.options as object) };
    const query: Record<string, unknown> = {};
    for (const name in route.query ?? COUNT_QUERY) {
      query[name] = options[name];
      delete options[name];
    }
    return runtime.send(request(slice, route, key, `${path}/$count`, query, undefined, options));
  };
}

/** `iterate` or `iteratePages`: the paging code is imported on first use, so a program that never walks pages does not hold it. */
async function* walk(name: string, runtime: GraphRuntime, first: GraphRequest, options: PagingOptions | undefined): AsyncGenerator<unknown, void, undefined> {
  const paging = await import("./paging.js");
  yield* (name === "iterate" ? paging.iterateItems : paging.iteratePages)(runtime, first, options);
}

/** A bound action or function: its segment, with `params` encoded into it, below `path`. */
async function call(slice: Slice, key: string, path: string, args: unknown[]): Promise<unknown> {
  const route = await slice.runtime.route(key);
  if (!route) throw new TypeError(`${memberPath(slice.routes, key)} is not a method: no bound action or function of the slice has that member path`);
  const method = route.method ?? "POST";
  const full: FullRoute = { args: CALL_ARGS[method], expect: "json", ...route, method };
  const given = argumentsOf(full, args);
  const params = (given.params ?? {}) as Record<string, unknown>;
  const segment = fillSegment(route.segment ?? defaultCallSegment(key.slice(key.lastIndexOf("/") + 1), method), (name, quoted) => encodeLiteral(params[name], quoted, name));
  return slice.runtime.send(request(slice, full, key, path + segment, given.query, given.body, given.options));
}

/** A member key as the code that reached it reads: `applications/byAppId/{}`… as `applications.byAppId().…`, `{}` as `byId()`. */
function memberPath(routes: Routes, key: string): string {
  let prefix = "";
  return key
    .split("/")
    .map((part) => {
      prefix = prefix ? `${prefix}/${part}` : part;
      const route = Object.hasOwn(routes, prefix) ? routes[prefix] : undefined;
      return part === "{}" ? "byId()" : route?.keySegment !== undefined || route?.functionSegment !== undefined ? `${part}()` : part;
    })
    .join(".");
}

function argumentsOf(route: FullRoute, args: unknown[]): Partial<Record<RouteArgument, unknown>> {
  const given: Partial<Record<RouteArgument, unknown>> = {};
  route.args.forEach((name, i) => (given[name] = args[i]));
  return given;
}

function request(slice: Slice, route: FullRoute, operation: string, path: string, query: unknown, body: unknown, options: unknown): GraphRequest {
  const request: GraphRequest = { method: route.method, path, operation, expect: route.expect, options: options as GraphRequest["options"] };
  if (query !== undefined) {
    request.query = query as object;
    request.queryNames = route.query ? { ...QUERY_WIRE_NAMES, ...route.query } : QUERY_WIRE_NAMES;
  }
  const callOptions = options as Record<string, string | undefined> | undefined;
  const names = route.headers ? { ...slice.headerOptions, ...route.headers } : slice.headerOptions;
  for (const name in names) if (callOptions?.[name] !== undefined) (request.headers ??= {})[names[name]!] = callOptions[name];
  if (route.args.includes("body")) request.body = body;
  if (route.contentType) request.contentType = route.contentType;
  return request;
}

/**
 * `graph.batch(build, options)`: the batching runtime is imported on first use, so a program that
 * never batches never loads it. On a batch's recording client, the recorder refuses it (notBatchable)
 * at once, without running `build` or sending anything.
 */
function batch({ runtime, routes, headerOptions, mediaSegments }: Slice) {
  const { refuseBatch } = runtime as GraphRuntime & { refuseBatch?: () => Promise<never> };
  if (refuseBatch) return () => refuseBatch();
  return (build: (graph: unknown) => unknown, options?: BatchOptions) =>
    import("./batch.js").then(({ sendBatch }) => sendBatch(runtime, (recorder) => build(createClient(recorder, routes, headerOptions, mediaSegments)), options));
}
