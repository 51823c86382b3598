/**
 * Emits the tables the runtime validates request bodies with (templates/validate.ts), loaded on
 * first use, in two steps so that a call loads only what its own body can hold:
 * - `schema/bodies-<n>.ts`, the body indexes: for each operation that sends JSON (by its key in the
 *   routes), its body type and the module of that type's table; and the validator. Operations are
 *   spread over the indexes by a hash of their key (`bodyIndexOf`), so a call loads one index
 *   that stays small however many operations the slice has;
 * - `schema/<Type>.ts`: the table of one body type: the type, the types of its properties, and all
 *   types derived from those, with inherited properties flattened in.
 * `schema.ts` lists the indexes, for the client to hand to its runtime.
 */
import { bodyIndexOf } from "../../templates/validation-loader.js";
import { allProperties, descendants, odataTypeValue } from "../model/hierarchy.js";
import type { ApiModel, ModelType, TypeRef } from "../model/ir.js";
import { compareStrings, sortedBy } from "../util/order.js";
import { printStatements } from "./print.js";
import { operationKeys } from "./routes.js";

/** The member that makes an enum evolvable (https://learn.microsoft.com/graph/best-practices-concept#handling-future-members-in-evolvable-enumerations). */
export const EVOLVABLE_SENTINEL = "unknownFutureValue";

/**
 * How many body indexes a slice with `operations` JSON-sending operations gets. An app holds a
 * loader for every index and loads one index of about operations/count entries; a loader and an
 * entry cost about the same gzipped, so √operations indexes keep the sum, 2√operations, near its
 * least (measured on the beta DeviceManagement module: 18 indexes for 339 operations).
 */
export function bodyIndexCount(operations: number): number {
  return operations && Math.max(1, Math.round(Math.sqrt(operations)));
}

/** `schema.ts`, the body indexes and one `schema/<Type>.ts` per body type, as [path in the slice, text]. */
export function emitSchemaFiles(model: ApiModel, header: string): [string, string][] {
  const bodies = operationKeys(model.root).flatMap(([op, key]) => (op.body?.kind === "json" ? [[key, op.body.type] as const] : []));
  const roots = [...new Set(bodies.flatMap(([, type]) => rootType(type, model.types) ?? []))];
  const files = tableFileNames(roots.map((root) => root.tsName));
  const count = bodyIndexCount(bodies.length);
  const indexes: string[][] = Array.from({ length: count }, () => []);
  for (const [key, type] of bodies) {
    const spec = JSON.stringify(typeSpecOf(type, model.types));
    const root = rootType(type, model.types);
    // An import per entry rather than one shared per type: in a bundle that compresses best.
    indexes[bodyIndexOf(key, count)]!.push(root ? `  ${JSON.stringify(key)}: [${spec}, () => import("./${files.get(root.tsName)}.js")],` : `  ${JSON.stringify(key)}: [${spec}],`);
  }
  const loaders = indexes.map((_, n) => `  () => import("./schema/bodies-${n}.js"),`);
  const list = printStatements(header, [
    'import type { BodyIndexes } from "../runtime/validate.js";',
    `/** The slice's body indexes, numbered as the runtime finds an operation's (bodyIndexOf): each is loaded by the first call that validates a body of one of its operations. */\nexport const bodyIndexes: BodyIndexes = [${loaders.length ? `\n${loaders.join("\n")}\n` : ""}];`,
  ]);
  const indexFiles = indexes.map((entries, n): [string, string] => [
    `schema/bodies-${n}.ts`,
    printStatements(header, [
      'import type { BodyTables } from "../../runtime/validate.js";',
      'export { validateValue } from "../../runtime/validate.js";',
      `/** Each operation that sends JSON and whose key hashes to this index, by its key in the routes of \`client.ts\`: its body type, and the module with the table of every type that body can hold. */\nexport const bodies: BodyTables = {${entries.length ? `\n${entries.join("\n")}\n` : ""}};`,
    ]),
  ]);
  const modules = sortedBy(roots, (root) => root.tsName).map((root): [string, string] => [`schema/${files.get(root.tsName)}.ts`, tableFile(root.tsName, reachableTypes(root, model.types), model, header)]);
  return [["schema.ts", list], ...indexFiles, ...modules];
}

/**
 * The file name of each body type's table: its TypeScript name, unless that equals an earlier one
 * (in code-unit order) but for case, which on a case-insensitive file system (macOS, Windows) is the
 * same file; then `<Name>-2`, `-3`, … (no TypeScript name has a hyphen).
 */
function tableFileNames(names: string[]): Map<string, string> {
  const taken = new Set<string>();
  const files = new Map<string, string>();
  for (const name of [...names].sort(compareStrings)) {
    let file = name;
    for (let n = 2; taken.has(file.toLowerCase()); n++) file = `${name}-${n}`;
    taken.add(file.toLowerCase());
    files.set(name, file);
  }
  return files;
}

function tableFile(name: string, reachable: ModelType[], model: ApiModel, header: string): string {
  const entries = sortedBy(reachable, schemaKey).map((type) => `  ${JSON.stringify(schemaKey(type))}: ${JSON.stringify(schemaEntry(type, model.types))}`);
  // JSON text rather than an object literal: a compiler does not check thousands of entries against
  // the Schema type in every program that imports the slice, and engines parse JSON faster than code.
  const table = `{${entries.length ? `\n${entries.join(",\n")}\n` : ""}}`.replace(/[\\`]|\$\{/g, (c) => `\\${c}`);
  return printStatements(header, [
    'import type { Schema } from "../../runtime/validate.js";',
    `/** Every type a ${name} body can hold, for validation before sending (JSON, one type per line). */\nexport const schema: Schema = JSON.parse(\`${table}\`);`,
  ]);
}

/** The named type a body's table starts from (the items' type, for a collection); none for a primitive. */
function rootType(ref: TypeRef, types: Map<string, ModelType>): ModelType | undefined {
  if (ref.kind === "array") return rootType(ref.items, types);
  return ref.kind === "named" ? types.get(ref.name) : undefined;
}

/** A model type reference in the table's notation (see TypeSpec in templates/validate.ts). */
export function typeSpecOf(ref: TypeRef, types: Map<string, ModelType>, nullable = false): string {
  const suffix = nullable ? "?" : "";
  switch (ref.kind) {
    case "primitive":
      return ref.name + suffix;
    case "named": {
      const type = types.get(ref.name);
      return (type ? schemaKey(type) : "unknown") + suffix;
    }
    case "array":
      return `[${typeSpecOf(ref.items, types, ref.itemsNullable)}]${suffix}`;
    default:
      return "unknown";
  }
}

/**
 * A type's key in the table: for OData types the `@odata.type` value without `#` (what the validator
 * looks up), otherwise its model key.
 */
export function schemaKey(type: ModelType): string {
  return type.kind === "object" && (type.category === "entity" || type.category === "complex") ? odataTypeValue(type).replace(/^#/, "") : modelKey(type);
}

/** How the table and the manifest name a type: its qualified name, or for an inline body its TypeScript name. */
export function modelKey(type: ModelType): string {
  return type.kind === "object" && type.category === "inline" ? type.tsName : type.name;
}

function schemaEntry(type: ModelType, types: Map<string, ModelType>): object {
  if (type.kind === "enum") {
    const members = type.members.map((m) => m.value);
    // Graph's evolvable-enum rule: the `unknownFutureValue` sentinel marks an enum the service extends.
    return { members, ...(type.flags ? { flags: true } : {}), ...(members.includes(EVOLVABLE_SENTINEL) ? { evolvable: true } : {}) };
  }
  const properties = Object.fromEntries(allProperties(type, types).map((p) => [p.name, typeSpecOf(p.type, types, p.nullable)]));
  const derived = descendants(type, types).map(schemaKey);
  return { ...(type.abstract ? { abstract: true } : {}), properties, ...(derived.length ? { derived: derived.sort() } : {}) };
}

/** `root`, the types of its properties and every type derived from one of them, transitively. */
function reachableTypes(root: ModelType, types: Map<string, ModelType>): ModelType[] {
  const found = new Map<string, ModelType>();
  const visitRef = (ref: TypeRef): void => {
    if (ref.kind === "named") visitType(types.get(ref.name));
    if (ref.kind === "array") visitRef(ref.items);
    if (ref.kind === "union") ref.members.forEach(visitRef);
  };
  const visitType = (type: ModelType | undefined): void => {
    if (!type || found.has(type.name)) return;
    found.set(type.name, type);
    if (type.kind !== "object") return;
    allProperties(type, types).forEach((p) => visitRef(p.type));
    descendants(type, types).forEach(visitType);
  };
  visitType(root);
  return [...found.values()];
}
