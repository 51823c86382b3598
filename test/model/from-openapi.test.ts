/**
 * model/from-openapi.ts on spec/fixtures/allof-shapes.yaml: every `allOf` part counts (the first
 * `$ref` is the base wherever it stands, the others are merged in), aliases are typed as what they
 * stand for, and a declared `@odata.type` property is the model's own.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { modelStatements } from "../../generator/emit/models.js";
import { printStatements } from "../../generator/emit/print.js";
import { loadOpenApi } from "../../generator/load/openapi.js";
import { buildModel } from "../../generator/model/build-model.js";
import type { ApiModel, ObjectType, Operation, ResourceNode } from "../../generator/model/ir.js";
import { planNames } from "../../generator/names/plan-names.js";
import { selectPaths } from "../../generator/slice/select-paths.js";
import { REPO } from "../golden/fixtures.js";

const test = suite("model: OpenAPI schemas (allOf parts, aliases, @odata.type)");
let model: ApiModel;
let printed: string;

test.before(async () => {
  const sliced = selectPaths(await loadOpenApi(`${REPO}spec/fixtures/allof-shapes.yaml`), ["/**"]);
  model = buildModel("fixture", sliced, undefined);
  model.warnings.push(...planNames(model));
  printed = printStatements("", modelStatements(model.types));
});

const object = (name: string): ObjectType => {
  const type = model.types.get(name);
  assert.ok(type?.kind === "object", `${name} is an object type of the model`);
  return type as ObjectType;
};
/** The printed declaration of one interface or type alias, without its doc comments. */
const declaration = (tsName: string): string => {
  const match = new RegExp(`^export (interface ${tsName}\\b[^]*?^\\}|type ${tsName}\\b.*;)$`, "m").exec(printed);
  assert.ok(match, `${tsName} is printed`);
  return match![0].replace(/^\s*\/\*\*.*\*\/\n/gm, "");
};
const operations = (node: ResourceNode): Operation[] => [...node.operations, ...node.children.flatMap(operations)];

test("allOf: the first $ref is the base; every other part, a second $ref (a mixin), sibling properties and required are merged", () => {
  const thing = object("microsoft.graph.thing");
  assert.is(thing.base, "microsoft.graph.entity");
  assert.equal(thing.properties.map((p) => [p.name, p.required]), [["first", true], ["second", false], ["holder", false], ["mixed", false], ["third", true]]);
  assert.is(thing.description, "A thing.");
});

test("allOf: the order of the parts does not matter (an inline part first, then the $ref base)", () => {
  const inlineFirst = object("microsoft.graph.inlineFirst");
  assert.is(inlineFirst.base, "microsoft.graph.mixin");
  assert.equal(inlineFirst.properties.map((p) => p.name), ["own"]);
  assert.equal(model.warnings.filter((w) => w.includes("no input defines")), []);
  assert.match(declaration("Holder"), "inl?: InlineFirst;");
});

test("aliases are typed as what they stand for: a nullable primitive, a oneOf, a $ref; 3.1 type lists and non-string enums", () => {
  const holder = declaration("Holder");
  for (const line of [
    "nullableAlias?: string | null;",
    "unionAlias?: Mixin | string;",
    "refAlias?: Mixin;",
    "multi?: string | number;",
    "intEnum?: 1 | 2 | 3;",
    "nullEnum?: NullEnum | null;",
    "allOfNullable?: Mixin | null;",
  ]) assert.ok(holder.includes(line), `${line} in\n${holder}`);
  assert.match(printed, 'export type NullEnum = "a" | "b";');
  assert.not.ok(model.types.has("microsoft.graph.intEnum"), "an integer enum is not an OData enum type");
});

test("a derived type redeclaring an inherited property: assignable stays, otherwise the base's property is omitted", () => {
  const circle = declaration("Circle");
  assert.match(circle, 'export interface Circle extends Omit<ShapeBase, "size"> {');
  assert.match(circle, "size?: number;");
  assert.match(circle, "name?: string;");
});

test("a declared @odata.type (required, with the type's value as default) is typed as if the spec had none", () => {
  assert.not.ok(object("microsoft.graph.user").properties.some((p) => p.name === "@odata.type"));
  assert.is(object("microsoft.graph.user").odataType, "#microsoft.graph.user");
  assert.not.ok(object("microsoft.graph.entity").properties.some((p) => p.name === "@odata.type"));
  assert.match(declaration("User"), '"@odata.type"?: "#microsoft.graph.user";');
  assert.match(declaration("Reminder"), '"@odata.type"?: "#microsoft.graph.reminder";');
});

test("an inline allOf response with a value array and a nextLink (from its base) is a page of its items", () => {
  const reminderView = operations(model.root).find((op) => op.operationId === "users_reminderView")!;
  assert.equal(reminderView.response, { kind: "collection", items: { kind: "named", name: "microsoft.graph.reminder" } });
});

test("no warnings", () => {
  assert.equal(model.warnings, []);
});

test.run();
