/**
 * fast-check arbitraries for request bodies, derived from the generated validation table itself
 * (generated/assignments/schema.ts), so every target type the spec has is covered, and types added to
 * the spec later are covered without touching this file. Plus types the SDK does not know, extra
 * properties of any JSON value, and one-mutation invalid bodies that predict the JSON path of the error.
 */
import fc from "fast-check";
import * as assignmentsValidation from "../../generated/assignments/operation-indexes.js";
import { sliceSchema } from "../helpers/slice-schema.js";
import type { EnumSchema, ObjectSchema } from "../../generated/runtime/validate.js";

const schema = await sliceSchema(assignmentsValidation.operationIndexes);

type Json = unknown;
type Body = Record<string, Json>;

export const ASSIGNMENT = "microsoft.graph.deviceManagementConfigurationPolicyAssignment";
export const TARGET = "microsoft.graph.deviceAndAppManagementAssignmentTarget";

const objectSchema = (name: string) => schema[name] as ObjectSchema;
const isEnum = (name: string) => "members" in (schema[name] ?? {});

/** Every concrete (non-abstract) type a value declared as `name` can be sent as. */
export function concreteTypes(name: string): string[] {
  const self = objectSchema(name);
  return [name, ...(self.derived ?? [])].filter((t) => !objectSchema(t).abstract);
}

/** Property names that any JSON value may take without meaning anything to the spec. */
function extraKey(known: Record<string, string>): fc.Arbitrary<string> {
  return fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in known) && k !== "@odata.type" && !Object.hasOwn(Object.prototype, k));
}

/** Extra (unknown) properties: Graph types are open, so these must travel untouched. */
function extras(known: Record<string, string>): fc.Arbitrary<Body> {
  return fc.dictionary(extraKey(known), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
}

/** A value of a type spec from the table (`string?`, `[T]`, an enum, an object type). */
export function valueOf(spec: string): fc.Arbitrary<Json> {
  const nullable = spec.endsWith("?");
  const type = nullable ? spec.slice(0, -1) : spec;
  const value = ((): fc.Arbitrary<Json> => {
    if (type.startsWith("[")) return fc.array(valueOf(type.slice(1, -1)), { maxLength: 3 });
    if (type === "string") return fc.string({ maxLength: 20 });
    if (type === "boolean") return fc.boolean();
    if (type === "integer") return fc.integer();
    if (type === "number") return fc.double({ noNaN: true, noDefaultInfinity: true });
    if (type === "unknown") return fc.jsonValue({ maxDepth: 2 });
    if (isEnum(type)) {
      const e = schema[type] as EnumSchema;
      return e.flags ? fc.subarray(e.members, { minLength: 1 }).map((m) => m.join(",")) : fc.constantFrom(...e.members);
    }
    return objectOf(type);
  })();
  return nullable ? fc.oneof(value, fc.constant(null)) : value;
}

/** An `@odata.type` value for `name`, written with or without the leading `#` (both are accepted). */
function odataType(name: string): fc.Arbitrary<string> {
  return fc.constantFrom(`#${name}`, name);
}

/** A type name the SDK does not know: a newer derived type. */
const unknownTypeName = fc.stringMatching(/^[a-z][A-Za-z0-9]{2,20}$/).map((n) => `microsoft.graph.future${n}AssignmentTarget`);

/** A value of object type `name`: any of its concrete types, or an unknown derived type, with extras. */
export function objectOf(name: string): fc.Arbitrary<Body> {
  const declared = objectSchema(name);
  const polymorphic = declared.abstract || (declared.derived?.length ?? 0) > 0;
  const variants = concreteTypes(name).map((type) => {
    const properties = objectSchema(type).properties;
    const known = fc.record(Object.fromEntries(Object.entries(properties).map(([key, spec]) => [key, valueOf(spec)])), { requiredKeys: [] });
    const tag = polymorphic ? odataType(type).map((t) => ({ "@odata.type": t })) : fc.constantFrom({}, { "@odata.type": `#${type}` });
    return fc.tuple(tag, known, extras(properties)).map(([t, k, x]) => ({ ...t, ...k, ...x }));
  });
  if (polymorphic) {
    // An unknown type is checked as the declared type: its known properties must still be valid.
    const unknown = fc.tuple(unknownTypeName.chain(odataType), fc.record(Object.fromEntries(Object.entries(declared.properties).map(([k, s]) => [k, valueOf(s)])), { requiredKeys: [] }), extras(declared.properties));
    variants.push(unknown.map(([t, k, x]) => ({ "@odata.type": t, ...k, ...x })));
  }
  return fc.oneof(...variants);
}

/** A valid assignment (tests replace its id: ids must be unique per POST). */
export const validAssignment = objectOf(ASSIGNMENT);

/** A value that is not a string, and not null (null is valid where a string is nullable). */
const notAString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant({}), fc.array(fc.string(), { maxLength: 2 }));

export interface InvalidBody {
  body: Body;
  /** The JSON path the error must name. */
  path: string;
  what: string;
}

const FILTER_TYPE = "deviceAndAppManagementAssignmentFilterType";
const FILTER_ID = "deviceAndAppManagementAssignmentFilterId";

/** A valid target of a concrete type that has property `key` (typed `string` or `string?`). */
function targetWith(key: string): fc.Arbitrary<Body> {
  const types = concreteTypes(TARGET).filter((t) => key in objectSchema(t).properties);
  return fc.constantFrom(...types).chain((t) => objectOf(t).filter((v) => String(v["@odata.type"]).replace("#", "") === t));
}

/** A valid assignment with exactly one thing wrong, and the path the error must name. */
export const invalidAssignment: fc.Arbitrary<InvalidBody> = fc.oneof(
  fc.tuple(validAssignment, fc.string().filter((s) => s !== "direct" && s !== "policySets")).map(([a, bad]) => ({ body: { ...a, source: bad }, path: "body.source", what: "enum value" })),
  fc.tuple(validAssignment, fc.oneof(notAString, fc.constant(null))).map(([a, bad]) => ({ body: { ...a, source: bad }, path: "body.source", what: "enum type" })),
  fc.tuple(validAssignment, notAString).map(([a, bad]) => ({ body: { ...a, sourceId: bad }, path: "body.sourceId", what: "primitive type" })),
  fc.tuple(validAssignment, fc.oneof(notAString, fc.constant(null))).map(([a, bad]) => ({ body: { ...a, id: bad }, path: "body.id", what: "primitive type" })),
  fc.tuple(validAssignment, fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.constant({})))).map(([a, bad]) => ({ body: { ...a, target: bad }, path: "body.target", what: "object type" })),
  fc.tuple(validAssignment, objectOf(TARGET)).map(([a, t]) => {
    const { "@odata.type": _, ...untagged } = t;
    return { body: { ...a, target: untagged }, path: "body.target", what: "missing @odata.type" };
  }),
  fc.tuple(validAssignment, objectOf(TARGET), fc.constantFrom(ASSIGNMENT, TARGET, `microsoft.graph.${FILTER_TYPE}`)).map(([a, t, wrong]) => ({
    body: { ...a, target: { ...t, "@odata.type": `#${wrong}` } },
    path: 'body.target["@odata.type"]',
    what: "not a derived type",
  })),
  fc.tuple(validAssignment, objectOf(TARGET), fc.oneof(fc.string().filter((s) => !["none", "include", "exclude"].includes(s)), notAString, fc.constant(null))).map(([a, t, bad]) => ({
    body: { ...a, target: { ...t, [FILTER_TYPE]: bad } },
    path: `body.target.${FILTER_TYPE}`,
    what: "enum value",
  })),
  fc.tuple(validAssignment, objectOf(TARGET), notAString).map(([a, t, bad]) => ({ body: { ...a, target: { ...t, [FILTER_ID]: bad } }, path: `body.target.${FILTER_ID}`, what: "primitive type" })),
  fc.tuple(validAssignment, targetWith("groupId"), notAString).map(([a, t, bad]) => ({ body: { ...a, target: { ...t, groupId: bad } }, path: "body.target.groupId", what: "primitive type" })),
  fc.tuple(validAssignment, targetWith("collectionId"), notAString).map(([a, t, bad]) => ({ body: { ...a, target: { ...t, collectionId: bad } }, path: "body.target.collectionId", what: "primitive type" })),
);
