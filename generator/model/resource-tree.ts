/**
 * Model stage: arrange operations into the URL tree the request builders mirror. Static segments
 * become nodes (`deviceManagement`, `assignments`), `{…-id}` segments become key nodes (`byId`), a
 * set addressed by an alternate key (`applications(appId='{appId}')`) an alternate-key node below
 * the set (`byAppId`), a composable function (`getByPath(path='{path}')` with `/items` below it) a
 * function node (`getByPath({ path })`, whose `get` is the function's own GET), and `$count` and
 * bound actions/functions (`microsoft.graph.assign`) attach to the node they extend.
 */
import { compareStrings, sortedBy } from "../util/order.js";
import { alternateKeyOf, type AlternateKey } from "../util/alternate-key.js";
import type { BoundCall, Operation, ResourceNode } from "./ir.js";

/**
 * `source` is the spec file, which errors name. Paths that differ only in empty segments (a trailing
 * slash, `//`) are one resource, as in Graph: their operations share a node, and the same method on
 * two of them is an error naming both paths.
 */
export function buildResourceTree(operations: Operation[], source: string): ResourceNode {
  const root: ResourceNode = { segment: "", kind: "root", path: "", builderName: "", memberName: "", operations: [], children: [] };
  const seen = new Map<string, Operation>();
  for (const op of sortedBy(operations, (o) => `${o.path} ${o.method}`)) {
    const segments = op.path.split("/").filter(Boolean);
    const resource = `${op.method} /${segments.join("/")}`;
    const twin = seen.get(resource);
    if (twin) throw new Error(`${source}: ${twin.method} ${twin.path} and ${op.method} ${op.path} are the same operation (paths that differ only in a trailing slash or an empty segment name one resource); remove one of them, e.g. with an overlay`);
    seen.set(resource, op);
    const last = segments.at(-1)!;
    const attachesToParent = last === "$count" || op.call !== undefined;
    let node = root;
    for (const segment of attachesToParent ? segments.slice(0, -1) : segments) {
      const through = op.through?.find((t) => t.segment === segment);
      const alternate = alternateKeyOf(segment);
      if (through) node = functionChild(node, segment, through.call);
      else if (alternate) node = alternateKeyChild(childFor(node, alternate.prefix, op, source), alternate, op, source);
      else node = childFor(node, segment, op, source);
    }
    node.operations.push(op);
    // A node is described by what its GET says (the spec's description of the resource).
    if (!attachesToParent && (op.method === "GET" || !node.description)) node.description = op.description ?? op.summary ?? node.description;
  }
  sortTree(root);
  return root;
}

/** The child of `parent` at `segment`; a key segment must be a path parameter of every operation through it. */
function childFor(parent: ResourceNode, segment: string, op: Operation, source: string): ResourceNode {
  const isKey = segment.startsWith("{") && segment.endsWith("}");
  const key = isKey ? op.pathParameters.find((p) => `{${p.wireName}}` === segment) : undefined;
  if (isKey && !key) throw new Error(`${source}: ${op.method} ${op.path}: path segment ${segment} has no matching path parameter`);
  let child = parent.children.find((c) => c.segment === segment);
  if (!child) {
    child = { segment, kind: isKey ? "key" : "static", key, path: `${parent.path}/${segment}`, builderName: "", memberName: "", operations: [], children: [] };
    if (isKey && parent.children.some((c) => c.kind === "key")) throw new Error(`${source}: ${op.method} ${op.path}: two different key segments under ${parent.path || "/"}`);
    parent.children.push(child);
  }
  return child;
}

/**
 * The node of `set` addressed by an alternate key: below the set, its path the set's with the key's
 * parentheses. Its placeholder must be a path parameter of every operation through it, and one key
 * property is written one way under a set (as a set has one key segment): one member, `by<Key>`.
 */
function alternateKeyChild(set: ResourceNode, alternate: AlternateKey, op: Operation, source: string): ResourceNode {
  const key = op.pathParameters.find((p) => p.wireName === alternate.placeholder);
  if (!key) throw new Error(`${source}: ${op.method} ${op.path}: the alternate key ${alternate.prefix}${alternate.segment} names {${alternate.placeholder}}, which is no path parameter`);
  let child = set.children.find((c) => c.kind === "alternateKey" && c.alternateKey!.name === alternate.name);
  if (child && child.segment !== alternate.segment) throw new Error(`${source}: ${op.method} ${op.path}: the alternate key ${alternate.name} of ${set.path} is written both ${child.segment} and ${alternate.segment}; keep one, e.g. with an overlay`);
  if (!child) {
    child = { segment: alternate.segment, kind: "alternateKey", key, alternateKey: { name: alternate.name, quoted: alternate.quoted }, path: `${set.path}${alternate.segment}`, builderName: "", memberName: "", operations: [], children: [] };
    set.children.push(child);
  }
  return child;
}

/** The node of the composable function `segment` below `parent`, its call parsed as `call`. */
function functionChild(parent: ResourceNode, segment: string, call: BoundCall): ResourceNode {
  let child = parent.children.find((c) => c.kind === "function" && c.segment === segment);
  if (!child) {
    child = { segment, kind: "function", call, path: `${parent.path}/${segment}`, builderName: "", memberName: "", operations: [], children: [] };
    parent.children.push(child);
  }
  return child;
}

/** Every operation of the tree, in tree order. */
export function allOperations(node: ResourceNode): Operation[] {
  return [...node.operations, ...node.children.flatMap(allOperations)];
}

function sortTree(node: ResourceNode): void {
  node.children.sort((a, b) => compareStrings(a.segment, b.segment));
  node.children.forEach(sortTree);
}
