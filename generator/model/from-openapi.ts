/**
 * Model stage, OpenAPI half: the sliced document's component schemas become model types; its
 * operations become model operations. Inheritance comes from `allOf` (first entry = base) and from
 * `discriminator.mapping` / `x-ms-discriminator-value` when a document has them (Graph's slices here
 * have none; the CSDL supplies the hierarchy instead).
 */
import type { OpenAPIV3 } from "openapi-types";
import { isRef, resolvePointer, type SchemaOrRef } from "../load/openapi.js";
import type { SlicedOpenApi } from "../slice/select-paths.js";
import { sortedKeys } from "../util/order.js";
import { describedAsReadOnly } from "./descriptions.js";
import type { EnumType, ModelType, ObjectType, Property, TypeRef } from "./ir.js";

export const SCHEMA_PREFIX = "#/components/schemas/";
const ENTITY = "microsoft.graph.entity";

type Schema = OpenAPIV3.SchemaObject & {
  "x-ms-enum"?: { values?: { value: string; description?: string }[] };
  "x-ms-enum-flags"?: { isFlags?: boolean };
  "x-ms-navigationProperty"?: boolean;
  "x-ms-discriminator-value"?: string;
  type?: string | string[];
};

export interface OpenApiTypes {
  types: Map<string, ModelType>;
  warnings: string[];
}

export function typesFromOpenApi(sliced: SlicedOpenApi): OpenApiTypes {
  const schemas = (sliced.document.components?.schemas ?? {}) as Record<string, SchemaOrRef>;
  const result: OpenApiTypes = { types: new Map(), warnings: [] };
  for (const key of sortedKeys(schemas)) {
    const schema = schemas[key]!;
    if (isRef(schema)) continue;
    const type = typeFromSchema(key, schema as Schema, sliced, result.warnings);
    if (!type) continue;
    result.types.set(type.name, type);
  }
  applyDiscriminators(schemas, result.types);
  markEntities(result.types);
  return result;
}

/**
 * The OpenAPI does not say which types are entities; in Graph they are exactly `microsoft.graph.entity`
 * and the types derived from it (a CSDL, when there is one, says it for every type).
 */
function markEntities(types: Map<string, ModelType>): void {
  for (const type of types.values()) {
    if (type.kind !== "object" || type.category !== "complex") continue;
    const seen = new Set<string>();
    for (let current: ModelType | undefined = type; current?.kind === "object" && !seen.has(current.name); current = current.base ? types.get(current.base) : undefined) {
      seen.add(current.name);
      if (current.name === ENTITY) type.category = "entity";
    }
  }
}

function typeFromSchema(key: string, schema: Schema, sliced: SlicedOpenApi, warnings: string[]): ModelType | undefined {
  // Graph's schema keys are already qualified names (`microsoft.graph.entity`).
  const name = key;
  const origin = `openapi:${SCHEMA_PREFIX}${key}`;
  if (schema.enum) {
    const described = new Map((schema["x-ms-enum"]?.values ?? []).map((v) => [v.value, v.description]));
    const enumType: EnumType = {
      kind: "enum",
      name,
      tsName: "",
      members: schema.enum.map((value) => ({ value: String(value), description: described.get(String(value)) })),
      flags: schema["x-ms-enum-flags"]?.isFlags === true,
      description: schema.description,
      origins: [origin],
    };
    return enumType;
  }
  const base = schema.allOf && isRef(schema.allOf[0]) ? schema.allOf[0].$ref : undefined;
  const own = (base ? schema.allOf!.slice(1).find((s) => !isRef(s)) : schema) as Schema | undefined;
  if (!base && own?.type !== "object" && !own?.properties) return undefined; // a primitive alias such as ODataCountResponse
  const type = objectTypeFrom(name, own ?? {}, base?.startsWith(SCHEMA_PREFIX) ? base.slice(SCHEMA_PREFIX.length) : undefined, origin, sliced, warnings);
  if (isTransportWrapper(key)) type.category = "wrapper";
  if (!base && !own?.properties && own?.additionalProperties) type.freeForm = true;
  return type;
}

/**
 * Graph's OpenAPI converter adds schemas that are not OData types: collection responses, the OData
 * error bodies, and shapes outside any namespace (`ReferenceUpdate`, `ODataCountResponse`). They
 * never get an `@odata.type` of their own.
 */
function isTransportWrapper(key: string): boolean {
  return key.endsWith("CollectionResponse") || key.includes(".ODataErrors.") || !key.includes(".");
}

export function objectTypeFrom(name: string, own: Schema, base: string | undefined, origin: string, sliced: SlicedOpenApi, warnings: string[]): ObjectType {
  const required = new Set(own.required ?? []);
  const properties: Property[] = Object.entries(own.properties ?? {}).map(([propertyName, raw]) => {
    const { type, nullable } = typeRefOf(raw, sliced, `${origin}/properties/${propertyName}`, warnings);
    const schema = (isRef(raw) ? {} : raw) as Schema;
    return {
      name: propertyName,
      type,
      nullable,
      required: required.has(propertyName),
      readOnly: schema.readOnly === true || describedAsReadOnly(schema.description),
      // Read beside a $ref too (ignored by OpenAPI 3.0 itself, but it is what the converter means).
      navigation: (raw as Schema)["x-ms-navigationProperty"] === true,
      description: schema.description,
    };
  });
  return {
    kind: "object",
    name,
    tsName: "",
    category: "complex",
    base,
    abstract: false,
    description: own.description,
    properties,
    origins: [origin],
  };
}

/** The model type of a schema, and whether null is allowed (3.0 `nullable`, 3.1 `type: [..., "null"]`, or a nullable `anyOf` member). */
export function typeRefOf(raw: SchemaOrRef, sliced: SlicedOpenApi, where: string, warnings: string[]): { type: TypeRef; nullable: boolean } {
  if (isRef(raw)) {
    if (raw.$ref.startsWith(SCHEMA_PREFIX)) {
      const target = resolvePointer<Schema>(sliced.document, raw.$ref, sliced.source);
      if (!target.enum && !target.allOf && !target.properties && target.type !== "object" && typeof target.type === "string") {
        return typeRefOf(target, sliced, where, warnings); // a primitive alias
      }
      return { type: { kind: "named", name: raw.$ref.slice(SCHEMA_PREFIX.length) }, nullable: false };
    }
    warnings.push(`${sliced.source}: ${where}: $ref ${raw.$ref} is not a schema; typed as unknown`);
    return { type: { kind: "unknown" }, nullable: false };
  }
  const schema = raw as Schema;
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = schema.nullable === true || types.includes("null");
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const members = variants.filter((v) => !isNullOnly(v)).map((v) => typeRefOf(v, sliced, where, warnings));
    const list = members.map((m) => m.type);
    return {
      type: list.length === 0 ? { kind: "unknown" } : list.length === 1 ? list[0]! : { kind: "union", members: list },
      nullable: nullable || members.length < variants.length || members.some((m) => m.nullable),
    };
  }
  if (schema.allOf?.length === 1) return typeRefOf(schema.allOf[0]!, sliced, where, warnings);
  const primary = types.find((t) => t !== "null");
  switch (primary) {
    case "string":
      return { type: { kind: "primitive", name: "string", format: schema.format }, nullable };
    case "boolean":
      return { type: { kind: "primitive", name: "boolean" }, nullable };
    case "integer":
      return { type: { kind: "primitive", name: "integer", format: schema.format }, nullable };
    case "number":
      return { type: { kind: "primitive", name: /^(u?int\d+|s?byte)$/.test(schema.format ?? "") ? "integer" : "number", format: schema.format }, nullable };
    case "array": {
      const items = typeRefOf((schema as OpenAPIV3.ArraySchemaObject).items ?? {}, sliced, `${where}/items`, warnings);
      return { type: { kind: "array", items: items.type, itemsNullable: items.nullable }, nullable };
    }
  }
  if (schema.properties && Object.keys(schema.properties).length > 0) {
    const inline = objectTypeFrom("inline", schema, undefined, where, sliced, warnings);
    return { type: { kind: "object", properties: inline.properties }, nullable };
  }
  if (primary === "object" || schema.properties || schema.additionalProperties) return { type: { kind: "unknown" }, nullable };
  warnings.push(`${sliced.source}: ${where}: schema has no type the generator understands; typed as unknown`);
  return { type: { kind: "unknown" }, nullable };
}

function isNullOnly(raw: SchemaOrRef): boolean {
  if (isRef(raw)) return false;
  const s = raw as Schema;
  return ((s.type as string) === "null" || (s.nullable === true && (s.type === "object" || s.type === undefined))) && !s.properties && !s.enum;
}

/**
 * OpenAPI `discriminator.mapping` (value → derived schema) and `x-ms-discriminator-value` (on a
 * derived schema): they give the `@odata.type` value of a type, and a base the `allOf` did not state.
 */
function applyDiscriminators(schemas: Record<string, SchemaOrRef>, types: Map<string, ModelType>): void {
  for (const key of sortedKeys(schemas)) {
    const schema = schemas[key]!;
    if (isRef(schema)) continue;
    const own = (schema.allOf?.find((s) => !isRef(s)) ?? schema) as Schema;
    const self = types.get(key);
    if (self?.kind === "object" && own["x-ms-discriminator-value"]) self.odataType = own["x-ms-discriminator-value"];
    for (const [value, target] of Object.entries(own.discriminator?.mapping ?? {})) {
      const derived = types.get(target.slice(SCHEMA_PREFIX.length));
      if (derived?.kind !== "object") continue;
      derived.odataType = value;
      if (derived.name !== key && !derived.base) derived.base = key;
    }
  }
}
