/**
 * emit/models.ts, table-driven: a model fragment in, printed TypeScript out.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { modelStatements } from "../../generator/emit/models.js";
import { printStatements } from "../../generator/emit/print.js";
import type { ModelType } from "../../generator/model/ir.js";
import { enumType, named, object, prop, str, typeMap } from "../helpers/model-fixtures.js";

const print = (types: Map<string, ModelType>) => printStatements("", modelStatements(types)).trim();

const cases: [string, { given: Map<string, ModelType>; want: string }][] = [
  [
    "an enum becomes a literal union with member docs",
    {
      given: typeMap(enumType("filterType", ["none", "include"], { description: "Filter type.", members: [{ value: "none", description: "Nothing." }, { value: "include" }] })),
      want: `/**
 * Filter type.
 * - \`none\`: Nothing.
 */
export type FilterType = "none" | "include";`,
    },
  ],
  [
    "a flags enum accepts comma-joined members",
    { given: typeMap(enumType("platforms", ["ios", "android"], { flags: true })), want: `/** A flags enum: one member, or several joined by commas. */
export type Platforms = Flags<"ios" | "android">;` },
  ],
  [
    "a root complex type: optional @odata.type literal, nullable and read-only properties, open to annotations",
    {
      given: typeMap(object("note", { properties: [prop("text", str, { nullable: true, description: "The text." }), prop("id", str, { readOnly: true })] })),
      want: `export interface Note extends ODataAnnotations {
  /** The OData type; optional, since the URL or the declared type already says it. */
  "@odata.type"?: "#microsoft.graph.note";
  /** The text. */
  text?: string | null;
  /** Read-only. */
  readonly id?: string;
}`,
    },
  ],
  [
    "an abstract base becomes Base + Unknown + a union of its derived types; derived complex types require @odata.type",
    {
      given: typeMap(
        object("target", { abstract: true, properties: [prop("filterId", str)] }),
        object("groupTarget", { base: "microsoft.graph.target", properties: [prop("groupId", str)] }),
      ),
      want: `export interface GroupTarget extends TargetBase {
  /** The OData type; required, since the declared type of the property holding this value is a base type. */
  "@odata.type": "#microsoft.graph.groupTarget";
  groupId?: string;
}

/** A value declared as microsoft.graph.target (abstract): one of the types below, told apart by \`"@odata.type"\`. */
export type Target = GroupTarget | UnknownTarget;

/** The properties every {@link Target} has. */
export interface TargetBase extends ODataAnnotations {
  filterId?: string;
}

/** A value whose type derives from Target but is unknown to this SDK (newer than its spec). Every property is kept and sent back unchanged. */
export interface UnknownTarget extends TargetBase {
  [property: string]: unknown;
  /** A type derived from microsoft.graph.target that this SDK does not know (newer than its spec). */
  "@odata.type": UnknownODataType;
}`,
    },
  ],
  [
    "a concrete type with derived types is itself a member of its union",
    {
      given: typeMap(object("group", { category: "entity" }), object("team", { category: "entity", base: "microsoft.graph.group" })),
      want: `/** A value declared as microsoft.graph.group: one of the types below, told apart by \`"@odata.type"\`. */
export type Group = (GroupBase & { "@odata.type"?: "#microsoft.graph.group" }) | Team | UnknownGroup;`,
    },
  ],
  [
    "wrapper types carry no @odata.type; arrays of nullable items are parenthesised",
    {
      given: typeMap(object("notePage", { category: "wrapper", properties: [prop("value", { kind: "array", items: named("note"), itemsNullable: true }, { required: true })] }), object("note")),
      want: `export interface NotePage extends ODataAnnotations {
  value: (Note | null)[];
}`,
    },
  ],
  [
    "a reference to a type no input defines is typed unknown",
    { given: typeMap(object("holder", { category: "wrapper", properties: [prop("x", named("missing"))] })), want: `export interface Holder extends ODataAnnotations {
  x?: unknown;
}` },
  ],
];

const test = suite("emit/models");
for (const [name, { given, want }] of cases) {
  test(name, () => {
    const printed = print(given);
    assert.ok(printed.includes(want), `expected to find:\n${want}\n\nin:\n${printed}`);
  });
}
test("types are emitted in name order whatever the map order", () => {
  const a = object("zeta"), b = object("alpha");
  assert.is(print(typeMap(a, b)), print(typeMap(b, a)));
  assert.ok(print(typeMap(a, b)).indexOf("interface Alpha") < print(typeMap(a, b)).indexOf("interface Zeta"));
});
test.run();
