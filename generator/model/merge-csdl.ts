/**
 * Model stage, CSDL half: merge the OData CSDL into the model built from OpenAPI.
 * - Types the model has get CSDL's kind (entity/complex), `Abstract`, `BaseType` (when the OpenAPI
 *   did not state one) and properties OpenAPI lacks; shared properties get nullability "either says
 *   nullable" (so no valid value is rejected), read-only flags and descriptions (see descriptions.ts).
 * - Types the OpenAPI lacks come from the CSDL when the slice reaches them (prune.ts): derived
 *   types of a declared type (that is where Graph's assignment targets are), and referenced types.
 */
import type { CsdlDocument, CsdlProperty, CsdlStructuredType } from "../load/csdl.js";
import { sortedKeys } from "../util/order.js";
import { csdlDescription, csdlReadOnly, describedAsReadOnly, firstDescription } from "./descriptions.js";
import type { ModelType, ObjectType, Property, TypeRef } from "./ir.js";

/** Adds CSDL's knowledge to the types the OpenAPI gave (kind, `Abstract`, base, properties, descriptions). */
export function enrichFromCsdl(types: Map<string, ModelType>, csdl: CsdlDocument, warnings: string[]): void {
  for (const type of types.values()) {
    const structured = csdl.structuredTypes.get(type.name);
    if (type.kind === "object" && structured) mergeStructured(type, structured, csdl, warnings);
    const enumType = csdl.enumTypes.get(type.name);
    if (type.kind === "enum" && enumType) {
      for (const member of enumType.members) if (!type.members.some((m) => m.value === member)) type.members.push({ value: member });
      type.flags ||= enumType.flags;
      type.description = firstDescription(csdlDescription(enumType.annotations), type.description);
      type.origins.push(`csdl:EnumType ${type.name}`);
    }
  }
}

/**
 * The CSDL as a source of types the OpenAPI lacks, made on demand when the slice reaches them
 * (a property's type, or a type derived from a declared type; see prune.ts).
 */
export function csdlTypeSource(csdl: CsdlDocument, warnings: string[]): { typeNamed(name: string): ModelType | undefined; baseOf(name: string): string | undefined; derived: Map<string, string[]> } {
  const derived = new Map<string, string[]>();
  for (const name of sortedKeys(Object.fromEntries(csdl.structuredTypes))) {
    const base = csdl.structuredTypes.get(name)!.baseType;
    if (base) derived.set(base, [...(derived.get(base) ?? []), name]);
  }
  return {
    derived,
    baseOf: (name) => csdl.structuredTypes.get(name)?.baseType,
    typeNamed(name) {
      const structured = csdl.structuredTypes.get(name);
      if (structured) return typeFromCsdl(structured, csdl, warnings);
      const enumType = csdl.enumTypes.get(name);
      if (!enumType) return undefined;
      return {
        kind: "enum",
        name,
        tsName: "",
        members: enumType.members.map((value) => ({ value })),
        flags: enumType.flags,
        description: csdlDescription(enumType.annotations),
        origins: [`csdl:EnumType ${name}`],
      };
    },
  };
}

function mergeStructured(type: ObjectType, structured: CsdlStructuredType, csdl: CsdlDocument, warnings: string[]): void {
  type.category = structured.kind;
  type.abstract = structured.abstract;
  if (structured.baseType && type.base && type.base !== structured.baseType) {
    warnings.push(`${csdl.source}: ${type.name} has BaseType ${structured.baseType} but the OpenAPI says ${type.base}; using the OpenAPI base`);
  }
  type.base ??= structured.baseType;
  type.description = firstDescription(csdlDescription(structured.annotations), csdlDescription(csdl.annotations.get(type.name)), type.description);
  for (const p of structured.properties) {
    const existing = type.properties.find((q) => q.name === p.name);
    const fromCsdl = propertyFromCsdl(type.name, p, csdl);
    if (!existing) {
      type.properties.push(fromCsdl);
      continue;
    }
    existing.nullable ||= fromCsdl.nullable;
    existing.readOnly ||= fromCsdl.readOnly;
    existing.navigation ||= fromCsdl.navigation;
    existing.description = firstDescription(csdlDescription(p.annotations), csdlDescription(csdl.annotations.get(`${type.name}/${p.name}`)), existing.description);
    if (existing.type.kind === "unknown") existing.type = fromCsdl.type;
  }
  type.origins.push(`csdl:${structured.kind === "entity" ? "EntityType" : "ComplexType"} ${type.name}`);
}

function typeFromCsdl(structured: CsdlStructuredType, csdl: CsdlDocument, warnings: string[]): ObjectType {
  const type: ObjectType = {
    kind: "object",
    name: structured.name,
    tsName: "",
    category: structured.kind,
    abstract: false,
    properties: [],
    origins: [],
  };
  mergeStructured(type, structured, csdl, warnings);
  return type;
}

function propertyFromCsdl(owner: string, p: CsdlProperty, csdl: CsdlDocument): Property {
  const outOfLine = csdl.annotations.get(`${owner}/${p.name}`);
  const description = firstDescription(csdlDescription(p.annotations), csdlDescription(outOfLine));
  const collection = /^Collection\((.*)\)$/.exec(p.type);
  const type: TypeRef = collection ? { kind: "array", items: edmType(collection[1]!), itemsNullable: p.nullable } : edmType(p.type);
  return {
    name: p.name,
    type,
    nullable: collection ? false : p.nullable,
    required: false,
    readOnly: csdlReadOnly(p.annotations) || csdlReadOnly(outOfLine) || describedAsReadOnly(description),
    navigation: p.navigation,
    description,
  };
}

/** CSDL primitive types as model types; anything else is a named model type. */
export function edmType(name: string): TypeRef {
  switch (name) {
    case "Edm.String":
      return { kind: "primitive", name: "string" };
    case "Edm.Boolean":
      return { kind: "primitive", name: "boolean" };
    case "Edm.Byte":
    case "Edm.SByte":
    case "Edm.Int16":
    case "Edm.Int32":
    case "Edm.Int64":
      return { kind: "primitive", name: "integer", format: name.slice(4).toLowerCase() };
    case "Edm.Single":
    case "Edm.Double":
    case "Edm.Decimal":
      return { kind: "primitive", name: "number", format: name.slice(4).toLowerCase() };
    case "Edm.DateTimeOffset":
      return { kind: "primitive", name: "string", format: "date-time" };
    case "Edm.Date":
      return { kind: "primitive", name: "string", format: "date" };
    case "Edm.TimeOfDay":
      return { kind: "primitive", name: "string", format: "time" };
    case "Edm.Duration":
      return { kind: "primitive", name: "string", format: "duration" };
    case "Edm.Guid":
      return { kind: "primitive", name: "string", format: "uuid" };
    case "Edm.Binary":
    case "Edm.Stream":
      return { kind: "primitive", name: "string", format: "base64url" };
  }
  return name.startsWith("Edm.") ? { kind: "unknown" } : { kind: "named", name };
}
