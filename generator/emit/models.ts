/**
 * Emits `models.ts`: one TypeScript type per model type, named after the schema, with wire property
 * names.
 *
 * Open types — the decision and why. Graph's OpenAPI puts `additionalProperties: {type: object}` on
 * every schema. Read literally it says "any extra property, and its value is an object", which makes
 * a string-valued `"@odata.type"` or a derived type's `collectionId` illegal (an index signature
 * `[key: string]: Record<string, never>` rejects the documented PATCH body). Read loosely, as
 * `[key: string]: unknown`, it makes every typo legal. Neither is what Graph means: the converter adds
 * it so that OData instance annotations and properties of derived or newer types may appear. So:
 * - known properties are typed and closed, so a misspelt property on a known type fails to compile;
 * - instance annotations (`@odata.etag`, `target@odata.type`) are always allowed, through an index
 *   signature on keys containing `@` (`ODataAnnotations`);
 * - a polymorphic type X (abstract, or with derived types) becomes `XBase` (its properties),
 *   `UnknownX` (a derived type newer than the spec: branded `@odata.type`, any property) and `X`, the
 *   union of every type a value declared as X can be, which narrows on `"@odata.type"`. The brand on
 *   `UnknownODataType` keeps the narrowing of the known members exact;
 * - a free-form schema (`additionalProperties` and no properties, e.g. `InnerError`) is open.
 * At run time nothing is dropped either way: the runtime never removes or renames a property.
 *
 * Other rules: an enum becomes a union of string literals (`Flags<…>` for flags enums); a type
 * without derived types becomes an interface with its `@odata.type` literal, required on derived
 * complex types (see `requiresODataType`).
 */
import type { InterfaceDeclarationStructure, PropertySignatureStructure, StatementStructures, TypeAliasDeclarationStructure } from "ts-morph";
import { allProperties, derivedTypes, hasHierarchy, odataTypeValue, requiresODataType } from "../model/hierarchy.js";
import type { ApiModel, EnumType, ModelType, ObjectType, Property } from "../model/ir.js";
import { propertyKey } from "../names/identifiers.js";
import { sortedBy } from "../util/order.js";
import { importStatements } from "./imports.js";
import { docs, printStatements, StructureKind } from "./print.js";
import { typeExpression } from "./type-expression.js";

export function emitModelsFile(model: ApiModel, header: string): string {
  const statements = modelStatements(model.types);
  const imports = importStatements([{ from: "../runtime/types.js", values: [], types: ["Flags", "ODataAnnotations", "UnknownODataType"] }], JSON.stringify(statements));
  return printStatements(header, [...imports, ...statements]);
}

export function modelStatements(types: Map<string, ModelType>): StatementStructures[] {
  return sortedBy(types.values(), (t) => t.tsName).flatMap((type) => (type.kind === "enum" ? [enumStatement(type)] : objectStatements(type, types)));
}

export function enumStatement(type: EnumType): TypeAliasDeclarationStructure {
  const literals = type.members.map((m) => JSON.stringify(m.value)).join(" | ");
  const described = type.members.filter((m) => m.description);
  return {
    kind: StructureKind.TypeAlias,
    name: type.tsName,
    isExported: true,
    type: type.flags ? `Flags<${literals}>` : literals,
    docs: docs(
      type.description,
      type.flags && "A flags enum: one member, or several joined by commas.",
      ...described.map((m) => `- \`${m.value}\`: ${m.description}`),
    ),
  };
}

export function objectStatements(type: ObjectType, types: Map<string, ModelType>): StatementStructures[] {
  const parent = type.base ? types.get(type.base) : undefined;
  const extendsBase = parent?.kind === "object" ? [extendsClause(type, parent, types)] : ["ODataAnnotations"];
  const properties = type.properties.map((p) => propertySignature(p, types));
  if (!hasHierarchy(type, types)) {
    const own = isODataType(type) && !type.properties.some((p) => p.name === "@odata.type") ? [odataTypeSignature(type, requiresODataType(type))] : [];
    return [interfaceOf(type.tsName, extendsBase, [...own, ...properties], docs(type.description), type.freeForm)];
  }
  const members = [
    ...(type.abstract ? [] : [`(${type.baseName} & { ${odataTypeMember(type, requiresODataType(type))} })`]),
    ...derivedTypes(type, types).map((d) => d.tsName),
    type.unknownName!,
  ];
  return [
    {
      kind: StructureKind.TypeAlias,
      name: type.tsName,
      isExported: true,
      type: members.join(" | "),
      docs: docs(
        type.description,
        `A value declared as ${type.name}${type.abstract ? " (abstract)" : ""}: one of the types below, told apart by \`"@odata.type"\`.`,
      ),
    },
    interfaceOf(type.baseName!, extendsBase, properties, docs(`The properties every {@link ${type.tsName}} has.`)),
    interfaceOf(type.unknownName!, [type.baseName!], [
      { kind: StructureKind.PropertySignature, name: '"@odata.type"', type: "UnknownODataType", docs: docs("A type derived from " + type.name + " that this SDK does not know (newer than its spec).") },
    ], docs(`A value whose type derives from ${type.tsName} but is unknown to this SDK (newer than its spec). Every property is kept and sent back unchanged.`), true),
  ];
}

/**
 * The base a derived interface extends. A derived type may redeclare an inherited property: when its
 * declaration is assignable to the inherited one (the same type, made required or non-nullable), the
 * base is extended as it is; otherwise the base's property is left out (`Omit<ShapeBase, "size">`) and
 * the derived declaration holds, as in the validation table (where the derived type's wins too).
 */
function extendsClause(type: ObjectType, parent: ObjectType, types: Map<string, ModelType>): string {
  const name = parent.baseName ?? parent.tsName;
  const inherited = new Map(allProperties(parent, types).map((p) => [p.name, p]));
  const overridden = type.properties.filter((p) => {
    const q = inherited.get(p.name);
    if (!q) return false;
    const assignable = typeExpression(p.type, types) === typeExpression(q.type, types) && (!p.nullable || q.nullable) && (p.required || !q.required);
    return !assignable;
  });
  return overridden.length === 0 ? name : `Omit<${name}, ${overridden.map((p) => JSON.stringify(p.name)).join(" | ")}>`;
}

function isODataType(type: ObjectType): boolean {
  return type.category === "entity" || type.category === "complex";
}

function odataTypeMember(type: ObjectType, required: boolean): string {
  return `"@odata.type"${required ? "" : "?"}: ${JSON.stringify(odataTypeValue(type))}`;
}

function odataTypeSignature(type: ObjectType, required: boolean): PropertySignatureStructure {
  return {
    kind: StructureKind.PropertySignature,
    name: '"@odata.type"',
    hasQuestionToken: !required,
    type: JSON.stringify(odataTypeValue(type)),
    docs: docs(
      required
        ? "The OData type; required, since the declared type of the property holding this value is a base type."
        : "The OData type; optional, since the URL or the declared type already says it.",
    ),
  };
}

function propertySignature(p: Property, types: Map<string, ModelType>): PropertySignatureStructure {
  const type = typeExpression(p.type, types);
  return {
    kind: StructureKind.PropertySignature,
    name: propertyKey(p.name),
    isReadonly: p.readOnly,
    hasQuestionToken: !p.required,
    type: p.nullable ? `${type} | null` : type,
    docs: docs(
      p.description,
      p.readOnly && !/read-only/i.test(p.description ?? "") && "Read-only.",
      p.navigation && "Navigation property: present only when requested with `expand`.",
      p.type.kind === "primitive" && p.type.format && `Format: ${p.type.format}.`,
    ),
  };
}

function interfaceOf(
  name: string,
  extendsNames: string[],
  properties: PropertySignatureStructure[],
  description: { description: string }[] | undefined,
  open = false,
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    extends: extendsNames,
    properties,
    indexSignatures: open ? [{ kind: StructureKind.IndexSignature, keyName: "property", keyType: "string", returnType: "unknown" }] : [],
    docs: description,
  };
}
