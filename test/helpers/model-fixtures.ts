/**
 * Small hand-built model fragments for emitter tests: the IR in, printed TypeScript out.
 */
import type { EnumType, ModelType, ObjectType, Property, TypeRef } from "../../generator/model/ir.js";
import { typeIdentifier } from "../../generator/names/identifiers.js";
import { planNames } from "../../generator/names/plan-names.js";

export function prop(name: string, type: TypeRef, extra: Partial<Property> = {}): Property {
  return { name, type, nullable: false, required: false, readOnly: false, navigation: false, ...extra };
}

export const str: TypeRef = { kind: "primitive", name: "string" };
export const named = (name: string): TypeRef => ({ kind: "named", name: `microsoft.graph.${name}` });

export function object(local: string, extra: Partial<ObjectType> = {}): ObjectType {
  const name = `microsoft.graph.${local}`;
  return { kind: "object", name, tsName: typeIdentifier(name), category: "complex", abstract: false, properties: [], origins: [], ...extra };
}

export function enumType(local: string, members: string[], extra: Partial<EnumType> = {}): EnumType {
  const name = `microsoft.graph.${local}`;
  return { kind: "enum", name, tsName: typeIdentifier(name), members: members.map((value) => ({ value })), flags: false, origins: [], ...extra };
}

/** The types by name, named by the naming stage (as emitters get them). */
export function typeMap(...types: ModelType[]): Map<string, ModelType> {
  const map = new Map(types.map((t) => [t.name, t]));
  planNames({ name: "fixture", types: map, root: { segment: "", kind: "root", path: "", builderName: "", memberName: "", operations: [], children: [] }, warnings: [] });
  return map;
}
