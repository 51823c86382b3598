/**
 * Emits the routes of a slice: for every member whose request the runtime builder
 * (templates/request-builder.ts) cannot derive from its name, how it differs. A getter whose name
 * is its segment, `byId`, and a verb with its usual arguments and answer need no entry, so most of
 * a module needs none. The routes table of `client.ts` holds the casts, renamed segments, binary
 * content, header parameters and unusual query options; the routes of bound actions and functions
 * go into the slice's operation indexes (operation-indexes.ts), loaded by the call.
 */
import type { Operation, ResourceNode } from "../model/ir.js";
import { compareStrings } from "../util/order.js";
import { builderMembers, CALL_ARGS, COUNT_QUERY, defaultCallSegment, memberKey, QUERY_WIRE_NAMES, VERBS, type Route } from "../../templates/route-rules.js";
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

/** The routes table's entries, in tree order; `shared` is the slice's headerOptions. */
export function routeEntries(node: ResourceNode, shared: Record<string, string>, members = "", interpreted = builderMembers()): [string, Route][] {
  const own = node.operations.flatMap((op): [string, Route][] => {
    // A bound call's route is loaded with it, from the slice's operation indexes (callRoutes).
    if (op.call) return [];
    const route = operationRoute(op, shared);
    return Object.keys(route).length ? [[memberKey(members, op.methodName), route]] : [];
  });
  const children = node.children.flatMap((child) => {
    if (child.kind === "key") return routeEntries(child, shared, memberKey(members, "{}"), interpreted);
    const key = memberKey(members, child.memberName);
    // A getter named after one of the builder's own members is always written, so it is not taken for that member.
    const renamed = child.memberName !== child.segment || interpreted.includes(child.memberName);
    return [...(renamed ? [[key, { segment: child.segment }] as [string, Route]] : []), ...routeEntries(child, shared, key, interpreted)];
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
      const { segment, method, ...rest } = operationRoute(op, shared);
      const route: Route = {
        ...(segment === defaultCallSegment(op.methodName, method!) ? {} : { segment }),
        ...(method === "POST" ? {} : { method }),
        ...rest,
      };
      return [[key, route]];
    }),
  );
}

/** How `op` differs from the runtime builder's rule for its member (empty: not at all). */
function operationRoute(op: Operation, shared: Record<string, string>): Route {
  const usual = op.call ? { method: op.method, args: CALL_ARGS[op.method], expect: "json" } : VERBS[op.methodName];
  if (!usual) throw new Error(`${op.method} ${op.path}: the member ${op.methodName} is neither a verb of the request builder nor a bound action or function`);
  const route: Route = op.call ? { segment: callSegment(op), method: op.method } : {};
  const args = methodArguments(op);
  if (args.join() !== usual.args.join()) route.args = args;
  const expect = op.response.kind === "collection" ? "json" : op.response.kind;
  if (expect !== usual.expect) route.expect = expect;
  if (op.body?.kind === "binary") route.contentType = op.body.contentType;
  // `count()` takes its query options from its options: those of `$count` (COUNT_QUERY) unless it has others, then all of them.
  const unusualCount = op.kind === "count" && op.query.some((p) => COUNT_QUERY[p.name] !== p.wireName);
  const query = unusualCount ? op.query : op.query.filter((p) => p.wireName !== (QUERY_WIRE_NAMES[p.name] ?? p.name));
  if (query.length) route.query = Object.fromEntries(query.map((p) => [p.name, p.wireName]));
  const headers = op.headers.filter((h) => shared[h.name] !== h.wireName);
  if (headers.length) route.headers = Object.fromEntries(headers.map((h) => [h.name, h.wireName]));
  return route;
}

/** A bound call's segment, each parameter as a `{name}` placeholder (in quotes for a string literal); aliases as written. */
function callSegment(op: Operation): string {
  const call = op.call!;
  if (!call.parenthesised) return call.prefix;
  const entries = call.entries.map((entry) => {
    if ("text" in entry) return entry.text;
    const p = call.parameters[entry.parameter]!;
    const quote = p.quoted ? "'" : "";
    return `${p.wireName}=${quote}{${p.name}}${quote}`;
  });
  return `${call.prefix}(${entries.join(",")})`;
}
