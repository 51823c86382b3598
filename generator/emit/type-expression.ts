/**
 * Model type references as TypeScript type expressions.
 */
import type { ModelType, TypeRef } from "../model/ir.js";
import { propertyKey } from "../names/identifiers.js";

export function typeExpression(ref: TypeRef, types: Map<string, ModelType>): string {
  switch (ref.kind) {
    case "primitive":
      return ref.name === "integer" ? "number" : ref.name;
    case "named":
      return types.get(ref.name)?.tsName ?? "unknown";
    case "array": {
      const items = typeExpression(ref.items, types);
      return ref.itemsNullable ? `(${items} | null)[]` : /[|&]/.test(items) ? `(${items})[]` : `${items}[]`;
    }
    case "union":
      return ref.members.map((m) => typeExpression(m, types)).join(" | ");
    case "object":
      return `{ ${ref.properties.map((p) => `${propertyKey(p.name)}${p.required ? "" : "?"}: ${typeExpression(p.type, types)}${p.nullable ? " | null" : ""}`).join("; ")} }`;
    case "literal":
      return JSON.stringify(ref.value);
    case "unknown":
      return "unknown";
  }
}

/** Names of model types a reference uses (for imports). */
export function referencedTypeNames(ref: TypeRef, types: Map<string, ModelType>): string[] {
  switch (ref.kind) {
    case "named": {
      const type = types.get(ref.name);
      return type ? [type.tsName] : [];
    }
    case "array":
      return referencedTypeNames(ref.items, types);
    case "union":
      return ref.members.flatMap((m) => referencedTypeNames(m, types));
    case "object":
      return ref.properties.flatMap((p) => referencedTypeNames(p.type, types));
    default:
      return [];
  }
}
