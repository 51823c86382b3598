/**
 * Naming stage (between model and emit): decides every TypeScript identifier of a slice, in one
 * place, and writes it into the model's name fields. Emitters only look names up.
 *
 * The rules (also in the README, "Names"):
 * 1. A type's name comes from its qualified name alone: `microsoft.graph.x` → `X`, and a type of
 *    another namespace joins the namespace after `microsoft.graph`: `microsoft.graph.security.alert`
 *    → `SecurityAlert`, `microsoft.graph.termStore.group` → `TermStoreGroup`.
 * 2. Names are claimed in a pinned order of precedence, each group sorted by qualified name:
 *    runtime and TypeScript names (reserved) → `microsoft.graph` types → types of other namespaces →
 *    inline body types (`<Owner><Action>RequestBody`) → the helpers of polymorphic types (`XBase`,
 *    `UnknownX`) → request builders (`<Path>RequestBuilder`) → query and options interfaces.
 *    A name that is taken goes to the next candidate (`XProperties` for a helper whose `XBase` is a
 *    real type, `UnknownXType`), else the first candidate with the lowest free number, and the
 *    generator warns, naming both owners.
 * 3. So adding a type never renames a type of a higher group, nor one whose name it does not equal
 *    exactly; `microsoft.graph` types never change name.
 * 4. Builder members: HTTP methods (`get`, `post`, `patch`, `put`, `delete`, `count`, `iterate`,
 *    `iteratePages`) first, then `byId`, then `by<Key>` for alternate keys (`byAppId`), then getters for path segments, then actions and functions
 *    by their name, composable functions (`getByPath({ path })`, which return a builder) among them.
 *    Overloads of one function on one node keep the bare name for the one without parameters and are
 *    `<name>With<Param>And<Param>` otherwise.
 * 5. Query options drop their `$`/`@` (`$top` → `top`, `@id` → `id`); header parameters are camel
 *    case (`If-Match` → `ifMatch`); keys are checked for collisions within their object.
 */
import type { ApiModel, BoundCall, ModelType, ObjectType, ResourceNode } from "../model/ir.js";
import { hasHierarchy } from "../model/hierarchy.js";
import { compareStrings, sortedBy } from "../util/order.js";
import { camelCase, parameterIdentifier, pascalCase, typeIdentifier } from "./identifiers.js";
import { NameScope } from "./registry.js";
import { RESERVED_EXPORTS, RESERVED_MEMBERS, RESERVED_OPTION_KEYS } from "./reserved.js";

/** Assigns every identifier of the model; returns the warnings (names that had to move). */
export function planNames(model: ApiModel): string[] {
  const warnings: string[] = [];
  const exports = new NameScope(`${model.name}`, warnings, RESERVED_EXPORTS);
  nameTypes(model.types, exports);
  nameBuilders(model.root, exports);
  nameMembers(model.root, model.name, warnings);
  nameOperationTypes(model.root, exports);
  return warnings;
}

function nameTypes(types: Map<string, ModelType>, exports: NameScope): void {
  const all = [...types.values()];
  const isDefault = (t: ModelType) => /^microsoft\.graph\.[^.]+$/.test(t.name) || isConverterShape(t);
  const real = all.filter((t) => t.kind === "enum" || t.category !== "inline");
  for (const type of sortedBy(real.filter(isDefault), (t) => t.name)) type.tsName = exports.claim(type.name, naturalName(type));
  for (const type of sortedBy(real.filter((t) => !isDefault(t)), (t) => t.name)) type.tsName = exports.claim(type.name, naturalName(type));
  const inline = all.filter((t): t is ObjectType => t.kind === "object" && t.category === "inline");
  for (const type of sortedBy(inline, (t) => `${hintName(t)} ${t.name}`)) type.tsName = exports.claim(type.name, hintName(type));
  const polymorphic = sortedBy(all.filter((t): t is ObjectType => t.kind === "object" && hasHierarchy(t, types)), (t) => t.name);
  for (const type of polymorphic) {
    type.baseName = exports.claim(`the shared properties of ${type.name}`, `${type.tsName}Base`, `${type.tsName}Properties`);
    type.unknownName = exports.claim(`the unknown derived types of ${type.name}`, `Unknown${type.tsName}`, `Unknown${type.tsName}Type`);
  }
}

function naturalName(type: ModelType): string {
  return isConverterShape(type) ? pascalCase(type.name.slice(type.name.lastIndexOf(".") + 1)) : typeIdentifier(type.name);
}

/**
 * Shapes the OpenAPI converter adds outside Graph's namespaces (`microsoft.graph.ODataErrors.ODataError`,
 * `ReferenceUpdate`): their namespace, if any, is the converter's, so they go by their local name.
 * Collection responses of a namespace (`microsoft.graph.security.alertCollectionResponse`) keep it.
 */
function isConverterShape(type: ModelType): boolean {
  return type.kind === "object" && type.category === "wrapper" && (type.name.includes(".ODataErrors.") || !type.name.includes("."));
}

function hintName(type: ObjectType): string {
  const hint = type.nameHint;
  return hint ? `${pascalCase(hint.owner)}${pascalCase(hint.operation)}${hint.suffix}` : pascalCase(type.name);
}

function nameBuilders(node: ResourceNode, exports: NameScope, parentStem = ""): void {
  const stem = parentStem + stemOf(node);
  node.builderName = node.kind === "root" ? "GraphClient" : exports.claim(`the builder of ${node.path}`, `${stem}RequestBuilder`);
  if (node.key) node.key.name = parameterIdentifier(node.key.wireName);
  for (const p of node.call?.parameters ?? []) p.name = p.wireName;
  node.children.forEach((child) => nameBuilders(child, exports, stem));
}

/**
 * A node's part of its builder's name: `{…-id}` → `Item`, an alternate key `(appId='{appId}')` →
 * `WithAppId` (`ApplicationsWithAppId`), a composable function `getByPath(path='{path}')` →
 * `GetByPathWithPath`, any other segment in Pascal case.
 */
function stemOf(node: ResourceNode): string {
  if (node.kind === "root") return "";
  if (node.kind === "key") return "Item";
  if (node.kind === "function") return pascalCase(callName(node.call!, true));
  return pascalCase(node.segment.replace(/\((\w+)=.*\)$/, " with $1"));
}

/** A call's member name: its own (`getByPath`), or with `parameters` its parameters too (`getByPathWithPath`), as an overload is named. */
function callName(call: BoundCall, parameters: boolean): string {
  const bare = camelCase(call.name);
  return parameters && call.parameters.length ? `${bare}With${call.parameters.map((p) => pascalCase(p.wireName)).join("And")}` : bare;
}

const HTTP_METHODS: Record<string, string[]> = {
  list: ["get", "iterate", "iteratePages"],
  get: ["get"],
  create: ["post"],
  update: ["patch"],
  replace: ["put"],
  delete: ["delete"],
  count: ["count"],
};

function nameMembers(node: ResourceNode, slice: string, warnings: string[]): void {
  const members = new NameScope(`${slice} ${node.builderName}`, warnings, RESERVED_MEMBERS);
  const plain = node.operations.filter((op) => !op.call);
  for (const op of sortedBy(plain, (o) => `${o.kind} ${o.method}`)) {
    const [first, ...extra] = HTTP_METHODS[op.kind]!;
    op.methodName = members.claim(`${op.method} ${op.path}`, first!);
    for (const name of extra) members.claim(`${op.method} ${op.path}`, name);
  }
  for (const child of node.children) {
    if (child.kind === "key") child.memberName = members.claim(child.path, "byId");
  }
  for (const child of node.children) {
    if (child.kind === "alternateKey") child.memberName = members.claim(child.path, `by${pascalCase(child.alternateKey!.name)}`, `by${pascalCase(child.alternateKey!.name)}Key`);
  }
  for (const child of node.children) {
    // A type cast segment (`microsoft.graph.user`) is a getter without the `microsoft.` (`graphUser`).
    const segment = child.segment.replace(/^microsoft\.(?=graph\.)/, "");
    if (child.kind === "static") child.memberName = members.claim(child.path, camelCase(segment), camelCase(`${segment}Segment`));
  }
  // Actions and functions, composable ones (function children) among them, by their name.
  const calls: { call: BoundCall; owner: string; path: string; suffix: string; assign: (name: string) => void }[] = [
    ...node.operations.filter((op) => op.call).map((op) => ({ call: op.call!, owner: `${op.method} ${op.path}`, path: op.path, suffix: op.kind === "action" ? "Action" : "Function", assign: (name: string) => (op.methodName = name) })),
    ...node.children.filter((c) => c.kind === "function").map((child) => ({ call: child.call!, owner: child.path, path: child.path, suffix: "Function", assign: (name: string) => (child.memberName = name) })),
  ];
  const byName = new Map<string, typeof calls>();
  for (const entry of sortedBy(calls, (c) => c.path)) byName.set(entry.call.name, [...(byName.get(entry.call.name) ?? []), entry]);
  for (const [, overloads] of [...byName].sort(([a], [b]) => compareStrings(a, b))) {
    for (const { call, owner, suffix, assign } of overloads) {
      const qualified = camelCase(call.qualifiedName.replace(/^microsoft\.graph\./, ""));
      assign(members.claim(owner, callName(call, overloads.length > 1), qualified, `${callName(call, false)}${suffix}`));
    }
  }
  node.children.forEach((child) => nameMembers(child, slice, warnings));
}

function nameOperationTypes(node: ResourceNode, exports: NameScope): void {
  const stem = node.builderName.replace(/RequestBuilder$/, "");
  for (const op of sortedBy(node.operations, (o) => `${o.path} ${o.method}`)) {
    const label = pascalCase(op.call ? op.methodName : op.kind);
    for (const p of op.pathParameters) p.name = parameterIdentifier(p.wireName);
    const queryKeys = new NameScope(`${op.method} ${op.path} query`, []);
    for (const p of op.query) p.name = queryKeys.claim(p.wireName, camelCase(p.wireName.replace(/^[$@]/, "")), camelCase(p.wireName));
    const headerKeys = new NameScope(`${op.method} ${op.path} options`, [], RESERVED_OPTION_KEYS);
    for (const p of op.headers) p.name = headerKeys.claim(p.wireName, camelCase(p.wireName), `${camelCase(p.wireName)}Header`);
    for (const p of op.call?.parameters ?? []) p.name = p.wireName;
    if (op.query.length > 0 && op.kind !== "count") op.queryName = exports.claim(`the query of ${op.method} ${op.path}`, `${stem}${label}Query`);
    if (op.headers.length > 0) op.optionsName = exports.claim(`the options of ${op.method} ${op.path}`, `${stem}${label}Options`);
  }
  node.children.forEach((child) => nameOperationTypes(child, exports));
}
