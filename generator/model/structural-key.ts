/**
 * A stable text for an object type's shape (properties, their types and flags), so two inline
 * schemas that are the same type can be recognised as one.
 */
import type { ObjectType } from "./ir.js";

export function structuralKey(type: ObjectType): string {
  return JSON.stringify(type.properties.map((p) => [p.name, p.type, p.nullable, p.required, p.readOnly]));
}
