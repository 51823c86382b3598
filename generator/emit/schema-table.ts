/**
 * Emits `schema.ts`: the tables the runtime validates request bodies with (templates/validate.ts),
 * loaded on the first call that sends a body. `schema` holds only what request bodies can reach:
 * their types, the types of their properties, and all types derived from those, with inherited
 * properties flattened in. `bodies` gives each operation's body type by its key in the routes.
 */
import { allProperties, descendants, odataTypeValue } from "../model/hierarchy.js";
import type { ApiModel, ModelType, TypeRef } from "../model/ir.js";
import { allOperations } from "../model/resource-tree.js";
import { sortedBy } from "../util/order.js";
import { printStatements } from "./print.js";
import { operationKeys } from "./routes.js";

/** The member that makes an enum evolvable (https://learn.microsoft.com/graph/best-practices-concept#handling-future-members-in-evolvable-enumerations). */
export const EVOLVABLE_SENTINEL = "unknownFutureValue";

export function emitSchemaFile(model: ApiModel, header: string): string {
  const entries = sortedBy(bodyReachableTypes(model), schemaKey).map((type) => `  ${JSON.stringify(schemaKey(type))}: ${JSON.stringify(schemaEntry(type, model.types))}`);
  // JSON text rather than an object literal: a compiler does not check thousands of entries against
  // the Schema type in every program that imports the slice, and engines parse JSON faster than code.
  const table = `{${entries.length ? `\n${entries.join(",\n")}\n` : ""}}`.replace(/[\\`]|\$\{/g, (c) => `\\${c}`);
  const bodies = operationKeys(model.root).flatMap(([op, key]) => (op.body?.kind === "json" ? [`  ${JSON.stringify(key)}: ${JSON.stringify(typeSpecOf(op.body.type, model.types))},`] : []));
  return printStatements(header, [
    'import type { Schema, TypeSpec } from "../runtime/validate.js";',
    'export { validateValue } from "../runtime/validate.js";',
    `/** Every type a request body of this slice can hold, for validation before sending (JSON, one type per line). */\nexport const schema: Schema = JSON.parse(\`${table}\`);`,
    `/** The body type of each operation that sends JSON, by its key in the routes of \`client.ts\`. */\nexport const bodies: Readonly<Record<string, TypeSpec>> = {${bodies.length ? `\n${bodies.join("\n")}\n` : ""}};`,
  ]);
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

function bodyReachableTypes(model: ApiModel): ModelType[] {
  const found = new Map<string, ModelType>();
  const visitRef = (ref: TypeRef): void => {
    if (ref.kind === "named") visitType(model.types.get(ref.name));
    if (ref.kind === "array") visitRef(ref.items);
    if (ref.kind === "union") ref.members.forEach(visitRef);
  };
  const visitType = (type: ModelType | undefined): void => {
    if (!type || found.has(type.name)) return;
    found.set(type.name, type);
    if (type.kind !== "object") return;
    allProperties(type, model.types).forEach((p) => visitRef(p.type));
    descendants(type, model.types).forEach(visitType);
  };
  for (const op of allOperations(model.root)) if (op.body?.kind === "json") visitRef(op.body.type);
  return [...found.values()];
}
