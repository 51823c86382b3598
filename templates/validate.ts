/**
 * Request-body validation before sending, driven by the table the generator writes for each slice
 * (`schema.ts`): no schema is compiled at run time, the table is simply walked alongside the body.
 * It checks what would otherwise come back as a 400 from Graph, or worse be stored wrongly: enum
 * values, primitive types, nulls where the spec forbids them, and the `@odata.type` a value of an
 * abstract type needs. Properties the spec does not know are allowed: Graph types are open.
 */

/**
 * A type in the table: `string`, `number`, `integer`, `boolean`, `unknown`, or a qualified type name
 * (`microsoft.graph.groupAssignmentTarget`); `[T]` is a collection of T; a trailing `?` allows null.
 */
export type TypeSpec = string;

export interface ObjectSchema {
  abstract?: true;
  /** Every property, inherited ones included. */
  properties: Record<string, TypeSpec>;
  /** Every type derived from this one, directly or not. */
  derived?: string[];
}

export interface EnumSchema {
  members: string[];
  /** A flags enum: several members may be joined by commas. */
  flags?: true;
}

export type Schema = Record<string, ObjectSchema | EnumSchema>;

/** Returns a message naming the JSON path of the first problem, or undefined when the value is valid. */
export function validateValue(value: unknown, spec: TypeSpec, schema: Schema, path = "$"): string | undefined {
  if (value === null) return spec.endsWith("?") ? undefined : `${path}: must not be null`;
  const type = spec.endsWith("?") ? spec.slice(0, -1) : spec;
  if (type.startsWith("[")) {
    if (!Array.isArray(value)) return `${path}: expected an array, got ${describe(value)}`;
    const item = type.slice(1, -1);
    for (let i = 0; i < value.length; i++) {
      const problem = validateValue(value[i], item, schema, `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  switch (type) {
    case "unknown":
      return undefined;
    case "string":
    case "boolean":
      return typeof value === type ? undefined : `${path}: expected ${type}, got ${describe(value)}`;
    case "number":
      // NaN and Infinity would go over the wire as null.
      return Number.isFinite(value) ? undefined : `${path}: expected a finite number, got ${describe(value)}`;
    case "integer":
      return Number.isInteger(value) ? undefined : `${path}: expected an integer, got ${describe(value)}`;
  }
  const definition = lookup(schema, type);
  if (!definition) return undefined; // a type the slice refers to but does not define: nothing to check
  return "members" in definition ? checkEnum(value, type, definition, path) : checkObject(value, type, definition, schema, path);
}

function checkEnum(value: unknown, type: string, definition: EnumSchema, path: string): string | undefined {
  const values = typeof value === "string" ? (definition.flags ? value.split(",") : [value]) : [];
  if (values.length > 0 && values.every((v) => definition.members.includes(v.trim()))) return undefined;
  return `${path}: ${describe(value)} is not a ${shortName(type)} (one of ${definition.members.join(", ")}${definition.flags ? ", or several joined by commas" : ""})`;
}

function checkObject(value: unknown, declared: string, definition: ObjectSchema, schema: Schema, path: string): string | undefined {
  if (typeof value !== "object" || Array.isArray(value)) return `${path}: expected a ${shortName(declared)} object, got ${describe(value)}`;
  const record = value as Record<string, unknown>;
  const odataType = record["@odata.type"];
  let actual = definition;
  if (odataType !== undefined) {
    if (typeof odataType !== "string") return `${path}["@odata.type"]: expected a type name string, got ${describe(odataType)}`;
    const name = odataType.startsWith("#") ? odataType.slice(1) : odataType;
    const named = lookup(schema, name);
    if (name !== declared && named) {
      if (!definition.derived?.includes(name)) return `${path}["@odata.type"]: ${odataType} is not a ${shortName(declared)}`;
      actual = named as ObjectSchema;
    }
    // A name the table does not know is a newer derived type: checked as the declared type.
    if (actual.abstract && named) return `${path}["@odata.type"]: ${odataType} is abstract; ${chooseOne(definition, schema)}`;
  } else if (definition.abstract) {
    return `${path}: "@odata.type" is required because ${shortName(declared)} is abstract; ${chooseOne(definition, schema)}`;
  }
  for (const key in actual.properties) {
    if (record[key] === undefined) continue;
    const problem = validateValue(record[key], actual.properties[key]!, schema, `${path}.${key}`);
    if (problem) return problem;
  }
  return undefined;
}

/** The concrete types a value of an abstract type can be sent as. */
function chooseOne(definition: ObjectSchema, schema: Schema): string {
  return `use one of ${(definition.derived ?? []).filter((d) => !(lookup(schema, d) as ObjectSchema | undefined)?.abstract).map((d) => `#${d}`).join(", ")}`;
}

/** Own entries only: a type named `constructor` or `__proto__` in a body must not reach Object.prototype. */
function lookup(schema: Schema, name: string): ObjectSchema | EnumSchema | undefined {
  return Object.hasOwn(schema, name) ? schema[name] : undefined;
}

function shortName(qualified: string): string {
  return qualified.slice(qualified.lastIndexOf(".") + 1);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === null || typeof value !== "object" ? String(value) : "an object";
}
