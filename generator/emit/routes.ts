/**
 * Emits the routes of a slice: for every member whose request the runtime builder
 * (templates/request-builder.ts) cannot derive from its name, how it differs. A getter whose name
 * is its segment, `byId`, and a verb with its usual arguments and answer need no entry (an alternate
 * key's `by<Key>` and a composable function's member always have one), so most of
 * a module needs none. The routes table of `client.ts` holds the casts, renamed segments, binary
 * content, header parameters and unusual query options; the routes of bound actions and functions
 * go into the slice's operation indexes (operation-indexes.ts), loaded by the call.
 */
import type { BoundCall, Operation, ResourceNode } from "../model/ir.js";
import { compareStrings } from "../util/order.js";
import { builderMembers, CALL_ARGS, COUNT_QUERY, defaultCallSegment, defaultGetterSegment, memberKey, QUERY_WIRE_NAMES, VERBS, verbRule, type Route, type VerbRule } from "../../templates/route-rules.js";
import { methodArguments } from "./builder-methods.js";

/** Every operation with its key: its member path from the root (`deviceManagement/configurationPolicies/{}/assign`). */
export function operationKeys(node: ResourceNode, members = ""): [Operation, string][] {
  return [
    ...node.operations.map((op): [Operation, string] => [op, memberKey(members, op.methodName)]),
    ...node.children.flatMap((child) => operationKeys(child, memberKey(members, child.kind === "key" ? "{}" : child.memberName))),
  ];
}

/**
 * The header parameters of the slice, by option name (`ifMatch` → `If-Match`): every option name
 * that means one header throughout the slice. A name that means different headers on different
 * operations goes into those operations' routes instead.
 */
export function headerOptions(root: ResourceNode): Record<string, string> {
  const wire = new Map<string, Set<string>>();
  for (const [op] of operationKeys(root)) for (const h of op.headers) wire.set(h.name, (wire.get(h.name) ?? new Set()).add(h.wireName));
  return Object.fromEntries([...wire].filter(([, names]) => names.size === 1).map(([name, names]): [string, string] => [name, [...names][0]!]).sort(([a], [b]) => compareStrings(a, b)));
}

/** What the slice's routes are written against: its header parameters (headerOptions) and media segments (mediaSegments). */
export interface RouteContext {
  shared: Record<string, string>;
  mediaSegments: readonly string[];
}

/**
 * The wire segments that are media resources wherever they occur in the slice: every node of the
 * segment that has a `get` or a `put` answers its `get` with binary content and sends binary
 * content with its `put`. Their verbs then need no route (verbRule), unless their arguments or
 * answers differ from a media resource's in some other way.
 */
export function mediaSegments(root: ResourceNode): string[] {
  const fits = new Map<string, boolean>();
  const visit = (node: ResourceNode) => {
    const verbs = node.operations.filter((op) => !op.call && (op.methodName === "get" || op.methodName === "put"));
    if (node.kind === "static" && verbs.length) {
      const media = verbs.every((op) => (op.methodName === "get" ? op.response.kind === "stream" : op.body?.kind === "binary"));
      fits.set(node.segment, (fits.get(node.segment) ?? true) && media);
    }
    node.children.forEach(visit);
  };
  visit(root);
  return [...fits].filter(([, media]) => media).map(([segment]) => segment).sort(compareStrings);
}

/** The routes table's entries, in tree order. */
export function routeEntries(node: ResourceNode, context: RouteContext, members = "", interpreted = builderMembers()): [string, Route][] {
  const segment = node.kind === "static" ? node.segment : undefined;
  const own = node.operations.flatMap((op): [string, Route][] => {
    // A bound call's route is loaded with it, from the slice's operation indexes (callRoutes).
    if (op.call) return [];
    if (!Object.hasOwn(VERBS, op.methodName)) throw new Error(`${op.method} ${op.path}: the member ${op.methodName} is neither a verb of the request builder nor a bound action or function`);
    const route = operationRoute(op, verbRule(op.methodName, segment, context.mediaSegments), context.shared);
    return Object.keys(route).length ? [[memberKey(members, op.methodName), route]] : [];
  });
  const children = node.children.flatMap((child) => {
    if (child.kind === "key") return routeEntries(child, context, memberKey(members, "{}"), interpreted);
    const key = memberKey(members, child.memberName);
    // An alternate key is always written: its member takes the key into `keySegment`.
    if (child.kind === "alternateKey") return [[key, { keySegment: child.segment }] as [string, Route], ...routeEntries(child, context, key, interpreted)];
    // So is a composable function: its member takes the parameters into `functionSegment`.
    if (child.kind === "function") return [[key, { functionSegment: segmentOf(child.call!) }] as [string, Route], ...routeEntries(child, context, key, interpreted)];
    // A getter named after one of the builder's own members is always written, so it is not taken for that member.
    const renamed = defaultGetterSegment(child.memberName) !== child.segment || interpreted.includes(child.memberName);
    return [...(renamed ? [[key, { segment: child.segment }] as [string, Route]] : []), ...routeEntries(child, context, key, interpreted)];
  });
  return [...own, ...children];
}

/**
 * The route of every bound action and function, by its key: what a call loads before it is sent.
 * What the rule for calls gives (defaultCallSegment in route-rules.ts) is left out: `POST`, and the
 * segment `microsoft.graph.<member>` (with `()` for a function), which most calls have.
 */
export function callRoutes(root: ResourceNode, shared: Record<string, string>): Map<string, Route> {
  return new Map(
    operationKeys(root).flatMap(([op, key]): [string, Route][] => {
      if (!op.call) return [];
      const { segment, method, ...rest } = operationRoute(op, { method: op.method, args: CALL_ARGS[op.method], expect: "json" }, shared);
      const route: Route = {
        ...(segment === defaultCallSegment(op.methodName, method!) ? {} : { segment }),
        ...(method === "POST" ? {} : { method }),
        ...rest,
      };
      return [[key, route]];
    }),
  );
}

/** How `op` differs from `usual`, the runtime builder's rule for its member (empty: not at all). */
function operationRoute(op: Operation, usual: VerbRule, shared: Record<string, string>): Route {
  const route: Route = op.call ? { segment: segmentOf(op.call), method: op.method } : {};
  const args = methodArguments(op);
  if (args.join() !== usual.args.join()) route.args = args;
  const expect = op.response.kind === "collection" ? "json" : op.response.kind;
  if (expect !== usual.expect) route.expect = expect;
  const contentType = op.body?.kind === "binary" ? op.body.contentType : undefined;
  // mediaSegments lists no segment with a JSON `put`: a route never has to undo a rule's content type.
  if (contentType === undefined && usual.contentType !== undefined) throw new Error(`${op.method} ${op.path}: a JSON body where the rules expect binary content`);
  if (contentType !== usual.contentType) route.contentType = contentType;
  // `count()` takes its query options from its options: those of `$count` (COUNT_QUERY) unless it has others, then all of them.
  const unusualCount = op.kind === "count" && op.query.some((p) => COUNT_QUERY[p.name] !== p.wireName);
  const query = Object.fromEntries((unusualCount ? op.query : op.query.filter((p) => p.wireName !== (QUERY_WIRE_NAMES[p.name] ?? p.name))).map((p) => [p.name, p.wireName]));
  // A route's query names replace the rule's, so they are written whenever the two differ (for an operation that has query options at all).
  if (op.query.length && !sameEntries(query, usual.query ?? {})) route.query = query;
  const headers = op.headers.filter((h) => shared[h.name] !== h.wireName);
  if (headers.length) route.headers = Object.fromEntries(headers.map((h) => [h.name, h.wireName]));
  return route;
}

function sameEntries(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

/** A bound call's segment, each parameter as a `{name}` placeholder (in quotes for a string literal); aliases as written. */
function segmentOf(call: BoundCall): string {
  if (!call.parenthesised) return call.prefix;
  const entries = call.entries.map((entry) => {
    if ("text" in entry) return entry.text;
    const p = call.parameters[entry.parameter]!;
    const quote = p.quoted ? "'" : "";
    return `${p.wireName}=${quote}{${p.name}}${quote}`;
  });
  return `${call.prefix}(${entries.join(",")})`;
}
