/**
 * Request-body validation before sending, driven by the tables the generator writes for each slice
 * (`schema/`, loaded on first use: operation-index.ts): no schema is compiled at run time, the
 * table is simply walked alongside the body. It checks what would otherwise come back as a 400
 * from Graph, or worse be stored wrongly: enum values, primitive types, nulls where the spec
 * forbids them, and the `@odata.type` a value of an abstract type needs. Properties the spec does not know are allowed: Graph types are open.
 */
import { describeValue } from "./describe-value.js";

/**
 * A type in the table: `string`, `number`, `integer`, `boolean`, `unknown`, or a qualified type name
 * (`microsoft.graph.groupAssignmentTarget`); `[T]` is a collection of T; `A|B` a value of either (no
 * member is a collection); a trailing `?` allows null.
 */
export type TypeSpec = string;

export interface ObjectSchema {
  abstract?: true | undefined;
  /** Every property, inherited ones included. */
  properties: Record<string, TypeSpec>;
  /** Every type derived from this one, directly or not. */
  derived?: string[] | undefined;
}

export interface EnumSchema {
  members: string[];
  /** A flags enum: several members may be joined by commas. */
  flags?: true | undefined;
  /**
   * An evolvable enum (it has the `unknownFutureValue` member): members newer than the spec come
   * after that sentinel and the service sends them, so any well-formed member name is accepted.
   * A value Graph returned is then never refused when it is sent back. Enums without the sentinel
   * are closed: an unknown member is refused before sending.
   */
  evolvable?: true | undefined;
}

/** An OData member name (SimpleIdentifier): what a member newer than the spec can look like. */
const MEMBER_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

export type Schema = Record<string, ObjectSchema | EnumSchema>;

/** A module with one body type's table (a slice's `schema/<Type>.ts`). */
export interface BodyTable {
  schema: Schema;
}

/** Each operation's body type, by its key in the routes, and the module of its table (none for a primitive body). */
export type BodyTables = Readonly<Record<string, readonly [TypeSpec, (() => Promise<BodyTable>)?]>>;

/** Returns a message naming the JSON path of the first problem, or undefined when the value is valid. */
export function validateValue(value: unknown, spec: TypeSpec, schema: Schema, path = "$"): string | undefined {
  const nullable = spec.endsWith("?");
  const type = nullable ? spec.slice(0, -1) : spec;
  const expected = (what: string) => `${path}: expected ${what}, got ${describeValue(value)}`;
  if (value === null) return nullable ? undefined : `${path}: must not be null`;
  if (type[0] === "[") {
    if (!Array.isArray(value)) return expected("an array");
    for (let i = 0; i < value.length; i++) {
      const problem = validateValue(value[i], type.slice(1, -1), schema, `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  // A union (OpenAPI's oneOf or anyOf, `number|string|microsoft.graph.referenceNumeric`): any member will do.
  if (type.includes("|")) {
    const members = type.split("|");
    const problems: string[] = [];
    for (const member of members) {
      const problem = validateValue(value, member, schema, path);
      if (problem === undefined) return undefined;
      problems.push(problem);
    }
    // A member the value has the shape of, wrong only inside (`body.shape.r`), says what is wrong better than the list of members.
    const inside = problems.find((problem) => problem.startsWith(`${path}.`) || problem.startsWith(`${path}[`));
    return inside ?? expected(members.map((member) => expectation(member, schema)).join(" or "));
  }
  if (type === "string" || type === "boolean") return typeof value === type ? undefined : expected(type);
  // NaN and Infinity would go over the wire as null.
  if (type === "number") return Number.isFinite(value) ? undefined : expected(expectation(type, schema));
  if (type === "integer") return Number.isInteger(value) ? undefined : expected(expectation(type, schema));
  const definition = lookup(schema, type);
  // `unknown`, or a type the slice refers to but does not define: nothing to check.
  if (!definition) return undefined;
  if ("members" in definition) {
    const { members, flags, evolvable } = definition;
    const values = typeof value === "string" ? (flags ? value.split(",") : [value]) : [];
    const known = (v: string) => members.includes(v) || (evolvable === true && MEMBER_NAME.test(v));
    return values.length && values.every((v) => known(v.trim())) ? undefined : expected(expectation(type, schema));
  }
  if (typeof value !== "object" || Array.isArray(value)) return expected(expectation(type, schema));
  const record = value as Record<string, unknown>;
  const odataType = record["@odata.type"];
  let actual = definition;
  if (odataType !== undefined) {
    const at = `${path}["@odata.type"]`;
    if (typeof odataType !== "string") return `${at}: expected a type name, got ${describeValue(odataType)}`;
    const name = odataType[0] === "#" ? odataType.slice(1) : odataType;
    const named = lookup(schema, name) as ObjectSchema | undefined;
    // A name the table does not know is a newer derived type: it is checked as the declared type.
    if (named && name !== type) {
      if (!definition.derived?.includes(name)) return `${at}: ${odataType} is not a ${shortName(type)}`;
      actual = named;
    }
    if (named?.abstract) return `${at}: ${odataType} is abstract; ${chooseOne(definition, schema)}`;
  } else if (definition.abstract) {
    return `${path}: "@odata.type" is required because ${shortName(type)} is abstract; ${chooseOne(definition, schema)}`;
  }
  for (const key in actual.properties) {
    const problem = record[key] === undefined ? undefined : validateValue(record[key], actual.properties[key]!, schema, `${path}.${key}`);
    if (problem) return problem;
  }
  return undefined;
}

/** What a value of a type (one without `?`, no union) must be, as an error says it. */
function expectation(type: TypeSpec, schema: Schema): string {
  if (type[0] === "[") return "an array";
  if (type === "number") return "a finite number";
  if (type === "integer") return "an integer";
  const definition = lookup(schema, type);
  if (!definition || !("members" in definition)) return definition ? `a ${shortName(type)} object` : type;
  const { members, flags, evolvable } = definition;
  return `one of ${members.join(", ")}${flags ? " (or several, comma-separated)" : ""}${evolvable ? " or a newer member name" : ""}`;
}

/** The concrete types a value of an abstract type can be sent as. */
function chooseOne(definition: ObjectSchema, schema: Schema): string {
  return `use one of ${(definition.derived ?? []).filter((d) => !(lookup(schema, d) as ObjectSchema).abstract).map((d) => `#${d}`).join(", ")}`;
}

/** Own entries only: a type named `constructor` or `__proto__` in a body must not reach Object.prototype. */
function lookup(schema: Schema, name: string): ObjectSchema | EnumSchema | undefined {
  return Object.hasOwn(schema, name) ? schema[name] : undefined;
}

function shortName(qualified: string): string {
  return qualified.slice(qualified.lastIndexOf(".") + 1);
}
