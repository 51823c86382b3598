/**
 * Emits the tables the runtime validates request bodies with (templates/validate.ts), loaded on
 * first use (templates/operation-index.ts): `schema/<Type>.ts` holds the table of one body type:
 * the type, the types of its properties, and all types derived from those, with inherited
 * properties flattened in. An operation's entry in the slice's operation indexes
 * (operation-indexes.ts) names its body type and the module of its table.
 */
import { allProperties, descendants, odataTypeValue } from "../model/hierarchy.js";
import type { ApiModel, ModelType, TypeRef } from "../model/ir.js";
import { compareStrings, sortedBy } from "../util/order.js";
import { printStatements } from "./print.js";

/** The member that makes an enum evolvable (https://learn.microsoft.com/graph/best-practices-concept#handling-future-members-in-evolvable-enumerations). */
export const EVOLVABLE_SENTINEL = "unknownFutureValue";

/** The tables of a slice's body types, and each body's entry in an operation index. */
export interface BodyTableFiles {
  /** `schema/<Type>.ts` per body type, as [path in the slice, text]. */
  files: [string, string][];
  /** A body's entry in an index one folder below the slice, as the text of `[TypeSpec, table loader]` (no loader for a primitive body). */
  entry(body: TypeRef): string;
}

/** The tables of the JSON bodies `bodies` (their types). */
export function emitBodyTables(model: ApiModel, bodies: TypeRef[], header: string): BodyTableFiles {
  const roots = [...new Set(bodies.flatMap((type) => rootType(type, model.types) ?? []))];
  const names = tableFileNames(roots.map((root) => root.tsName));
  const files = sortedBy(roots, (root) => root.tsName).map((root): [string, string] => [`schema/${names.get(root.tsName)}.ts`, tableFile(root.tsName, reachableTypes(root, model.types), model, header)]);
  return {
    files,
    entry(body) {
      const spec = JSON.stringify(typeSpecOf(body, model.types));
      const root = rootType(body, model.types);
      // An import per entry rather than one shared per type: in a bundle that compresses best.
      return root ? `[${spec}, () => import("../schema/${names.get(root.tsName)}.js")]` : `[${spec}]`;
    },
  };
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
    case "literal":
      // The validator checks the literal's primitive type; the compiler checks the value.
      return (typeof ref.value === "number" ? "number" : typeof ref.value) + suffix;
    case "union": {
      // Any member will do; with a member that is unchecked or a collection, so will anything.
      const members = [...new Set(ref.members.map((member) => typeSpecOf(member, types)))];
      return members.some((member) => member === "unknown" || member[0] === "[") ? `unknown${suffix}` : members.join("|") + suffix;
    }
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
