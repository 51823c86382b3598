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
const ODATA_TYPE = "@odata.type";

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
  if (isStringEnum(schema)) {
    const described = new Map((schema["x-ms-enum"]?.values ?? []).map((v) => [v.value, v.description]));
    const enumType: EnumType = {
      kind: "enum",
      name,
      tsName: "",
      // `null` is not a member: it makes references to the enum nullable (see `admitsNull`).
      members: schema.enum!.filter((value) => value !== null).map((value) => ({ value: String(value), description: described.get(String(value)) })),
      flags: schema["x-ms-enum-flags"]?.isFlags === true,
      description: schema.description,
      origins: [origin],
    };
    return enumType;
  }
  if (!isModelSchema(schema)) return undefined; // an alias (ODataCountResponse, a oneOf, a non-string enum): typed where referenced
  const type = objectTypeFrom(name, schema, baseOf(schema), origin, sliced, warnings);
  if (isTransportWrapper(key)) type.category = "wrapper";
  else adoptODataTypeProperty(type, schema);
  if (!type.base && type.properties.length === 0 && schema.additionalProperties) type.freeForm = true;
  return type;
}

/**
 * Newer converters declare `@odata.type` as a property of every OData type, often `required`, with the
 * type's own value as its `default` (`{ type: string, default: '#microsoft.graph.user' }`). The model
 * types `@odata.type` itself (the literal value, required only where `requiresODataType` says), so the
 * declared property is dropped, as if the spec had none; its `default` is the type's value when no
 * discriminator states one (`applyDiscriminators` runs later and wins).
 */
function adoptODataTypeProperty(type: ObjectType, schema: Schema): void {
  if (!type.properties.some((p) => p.name === ODATA_TYPE)) return;
  type.properties = type.properties.filter((p) => p.name !== ODATA_TYPE);
  const declared = [schema, ...(schema.allOf ?? []).filter((s) => !isRef(s))].map((s) => (s as Schema).properties?.[ODATA_TYPE]).find((p) => p && !isRef(p)) as Schema | undefined;
  const value: unknown = declared?.default;
  if (typeof value === "string" && value.startsWith("#")) type.odataType = value;
}

/**
 * Whether a component schema is a model type of its own (an enum or an object type) rather than an
 * alias whose references are typed as the schema itself: an object schema (`type: object`, or
 * properties of its own or in its `allOf` parts), or one that derives from a base through `allOf`.
 */
function isModelSchema(schema: Schema): boolean {
  return isStringEnum(schema) || baseOf(schema) !== undefined || isObjectShaped(schema);
}

function isObjectShaped(schema: Schema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("object") || (schema.properties && Object.keys(schema.properties).length > 0)) return true;
  return (schema.allOf ?? []).some((part) => !isRef(part) && isObjectShaped(part as Schema));
}

/** OData enums are strings; an enum with other values (`[1, 2, 3]`) is typed as a union of its literals. */
function isStringEnum(schema: Schema): boolean {
  return Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === "string" || v === null) && schema.enum.some((v) => v !== null);
}

/** The base of a schema: its first `allOf` part that is a `$ref` to a component schema, wherever it stands. */
function baseOf(schema: Schema): string | undefined {
  const part = schema.allOf?.find((s) => isRef(s) && s.$ref.startsWith(SCHEMA_PREFIX));
  return part && isRef(part) ? part.$ref.slice(SCHEMA_PREFIX.length) : undefined;
}

/** Whether a schema allows `null`: 3.0 `nullable`, 3.1 `type: [..., "null"]`, or `null` among its enum values. */
function admitsNull(schema: Schema): boolean {
  return schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes("null")) || (schema.type as string) === "null" || (Array.isArray(schema.enum) && schema.enum.includes(null));
}

/** The merged object shape of a schema: its properties and required names, from every part. */
export interface ObjectShape {
  properties: Map<string, SchemaOrRef>;
  required: Set<string>;
  description?: string;
}

/**
 * The properties of an object schema, `allOf` merged, for `objectTypeFrom` (and for any stage that
 * needs to read an inline schema's properties, such as a collection response written as
 * `allOf: [{ $ref: BaseCollectionPaginationCountResponse }, { properties: { value } }]`).
 *
 * The rule: every `allOf` part counts, in order, then the schema's sibling `properties`; `required`
 * is the union of all. A `$ref` part is a mixin whose properties (its own base's included) are merged
 * in, except the part that is `base` (the first `$ref`, whose properties are inherited instead).
 * Without a `base`, as for an inline schema, which has no name to derive from, every part is merged.
 * A property declared twice with different schemas keeps the first declaration, with a warning.
 */
export function objectShapeOf(schema: SchemaOrRef, sliced: SlicedOpenApi, where: string, warnings: string[], base?: string): ObjectShape {
  const shape: ObjectShape = { properties: new Map(), required: new Set() };
  // A mixin's description is not the type's: descriptions are read outside `$ref`s only.
  const visit = (raw: SchemaOrRef, seen: Set<string>, skipBase: boolean): void => {
    if (isRef(raw)) {
      if (seen.has(raw.$ref)) {
        warnings.push(`${sliced.source}: ${where}: allOf refers back to ${raw.$ref} (a cycle); its properties are merged once`);
        return;
      }
      visit(resolvePointer<SchemaOrRef>(sliced.document, raw.$ref, sliced.source), new Set([...seen, raw.$ref]), false);
      return;
    }
    const s = raw as Schema;
    let baseSkipped = false;
    for (const part of s.allOf ?? []) {
      if (skipBase && !baseSkipped && isRef(part) && part.$ref === `${SCHEMA_PREFIX}${base}`) {
        baseSkipped = true;
        continue;
      }
      visit(part, seen, false);
    }
    for (const [name, property] of Object.entries(s.properties ?? {})) {
      const earlier = shape.properties.get(name);
      if (!earlier) shape.properties.set(name, property);
      else if (JSON.stringify(earlier) !== JSON.stringify(property)) warnings.push(`${sliced.source}: ${where}: property ${name} is declared twice in allOf with different schemas; the first is kept`);
    }
    for (const name of s.required ?? []) shape.required.add(name);
    if (seen.size === 0) shape.description ??= s.description;
  };
  visit(schema, new Set(), base !== undefined);
  return shape;
}

/**
 * Graph's OpenAPI converter adds schemas that are not OData types: collection responses, the OData
 * error bodies, and shapes outside any namespace (`ReferenceUpdate`, `ODataCountResponse`). They
 * never get an `@odata.type` of their own.
 */
function isTransportWrapper(key: string): boolean {
  return key.endsWith("CollectionResponse") || key.includes(".ODataErrors.") || !key.includes(".");
}

/**
 * An object type from an object schema: `base` is the schema's base (the first `$ref` of its `allOf`)
 * or none; every other part's properties are merged in (`objectShapeOf`).
 */
export function objectTypeFrom(name: string, schema: Schema, base: string | undefined, origin: string, sliced: SlicedOpenApi, warnings: string[]): ObjectType {
  const shape = objectShapeOf(schema, sliced, origin, warnings, base);
  const properties: Property[] = [...shape.properties].map(([propertyName, raw]) => {
    const { type, nullable } = typeRefOf(raw, sliced, `${origin}/properties/${propertyName}`, warnings);
    const schema = (isRef(raw) ? {} : raw) as Schema;
    return {
      name: propertyName,
      type,
      nullable,
      required: shape.required.has(propertyName),
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
    description: shape.description,
    properties,
    origins: [origin],
  };
}

/** The model type of a schema, and whether null is allowed (3.0 `nullable`, 3.1 `type: [..., "null"]`, a `null` enum value, or a nullable `anyOf` member). */
export function typeRefOf(raw: SchemaOrRef, sliced: SlicedOpenApi, where: string, warnings: string[], seen: ReadonlySet<string> = new Set()): { type: TypeRef; nullable: boolean } {
  if (isRef(raw)) {
    if (!raw.$ref.startsWith(SCHEMA_PREFIX)) {
      warnings.push(`${sliced.source}: ${where}: $ref ${raw.$ref} is not a schema; typed as unknown`);
      return { type: { kind: "unknown" }, nullable: false };
    }
    if (seen.has(raw.$ref)) {
      warnings.push(`${sliced.source}: ${where}: $ref ${raw.$ref} is an alias of itself (a cycle of $refs); typed as unknown`);
      return { type: { kind: "unknown" }, nullable: false };
    }
    const target = resolvePointer<SchemaOrRef>(sliced.document, raw.$ref, sliced.source);
    // An alias (a `$ref`, a primitive, a union, an array or a non-string enum) is typed as what it
    // stands for; a model type by its name, nullable when the schema allows null.
    if (isRef(target) || !isModelSchema(target as Schema)) return typeRefOf(target, sliced, where, warnings, new Set([...seen, raw.$ref]));
    return { type: { kind: "named", name: raw.$ref.slice(SCHEMA_PREFIX.length) }, nullable: admitsNull(target as Schema) };
  }
  const schema = raw as Schema;
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nullable = admitsNull(schema);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    const members = variants.filter((v) => !isNullOnly(v)).map((v) => typeRefOf(v, sliced, where, warnings, seen));
    const list = members.map((m) => m.type);
    return {
      type: list.length === 0 ? { kind: "unknown" } : list.length === 1 ? list[0]! : { kind: "union", members: list },
      nullable: nullable || members.length < variants.length || members.some((m) => m.nullable),
    };
  }
  if (schema.allOf) {
    // `allOf: [$ref]` (with `nullable` or a description beside it) is the referenced type.
    if (schema.allOf.length === 1 && !schema.properties) {
      const only = typeRefOf(schema.allOf[0]!, sliced, where, warnings, seen);
      return { type: only.type, nullable: nullable || only.nullable };
    }
    // Several parts: one inline object with every part's properties (objectShapeOf, without a base).
    const inline = objectTypeFrom("inline", schema, undefined, where, sliced, warnings);
    return { type: { kind: "object", properties: inline.properties }, nullable };
  }
  if (Array.isArray(schema.enum) && !isStringEnum(schema)) {
    const values = schema.enum.filter((v): v is string | number | boolean => v !== null && ["string", "number", "boolean"].includes(typeof v));
    if (values.length > 0) {
      const literals: TypeRef[] = values.map((value) => ({ kind: "literal", value }));
      return { type: literals.length === 1 ? literals[0]! : { kind: "union", members: literals }, nullable };
    }
  }
  const primaries = types.filter((t) => t !== "null");
  if (primaries.length > 1) {
    // 3.1 `type: [string, integer]`: a union of each.
    const members = primaries.map((t) => typeRefOf({ ...schema, type: t } as SchemaOrRef, sliced, where, warnings, seen).type);
    return { type: { kind: "union", members }, nullable };
  }
  const primary = primaries[0];
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
      const items = typeRefOf((schema as OpenAPIV3.ArraySchemaObject).items ?? {}, sliced, `${where}/items`, warnings, seen);
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
    // The schema itself, then its inline `allOf` parts: the first that states it.
    const parts = [schema, ...(schema.allOf ?? []).filter((s) => !isRef(s))] as Schema[];
    const self = types.get(key);
    const value = parts.find((p) => p["x-ms-discriminator-value"])?.["x-ms-discriminator-value"];
    if (self?.kind === "object" && value) self.odataType = value;
    const mapping = parts.find((p) => p.discriminator?.mapping)?.discriminator?.mapping ?? {};
    for (const [value, target] of Object.entries(mapping)) {
      const derived = types.get(target.slice(SCHEMA_PREFIX.length));
      if (derived?.kind !== "object") continue;
      derived.odataType = value;
      if (derived.name !== key && !derived.base) derived.base = key;
    }
  }
}
