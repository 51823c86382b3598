/**
 * emit/schema-table.ts: the validation table's type notation and what the table holds.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emitSchemaFiles, typeSpecOf } from "../../generator/emit/schema-table.js";
import type { ApiModel } from "../../generator/model/ir.js";
import { bodyIndexOf } from "../../templates/validation-loader.js";
import { enumType, named, object, prop, str, typeMap } from "../helpers/model-fixtures.js";

const test = suite("emit/schema-table");
const types = typeMap(
  object("target", { abstract: true, properties: [prop("kind", named("kind"))] }),
  object("groupTarget", { base: "microsoft.graph.target", properties: [prop("groupId", str, { nullable: true })] }),
  object("unrelated", { properties: [prop("x", str)] }),
  enumType("kind", ["a", "b"]),
);

const cases: [string, Parameters<typeof typeSpecOf>, string][] = [
  ["primitive", [str, types], "string"],
  ["nullable primitive", [str, types, true], "string?"],
  ["named type by qualified name", [named("target"), types], "microsoft.graph.target"],
  ["collection of nullable items", [{ kind: "array", items: str, itemsNullable: true }, types], "[string?]"],
  ["nullable collection", [{ kind: "array", items: named("kind"), itemsNullable: false }, types, true], "[microsoft.graph.kind]?"],
  ["a type no input defines", [named("missing"), types], "unknown"],
];
for (const [name, args, want] of cases) test(`typeSpecOf: ${name}`, () => assert.is(typeSpecOf(...args), want));

test("the table holds the body types, their property types and derived types, with inherited properties flattened", () => {
  const root = { segment: "", kind: "root" as const, path: "", builderName: "", memberName: "", children: [], operations: [
    { operationId: "x", method: "POST" as const, path: "/x", kind: "create" as const, pathParameters: [], query: [], headers: [], response: { kind: "none" as const }, successStatus: "201", methodName: "x", body: { kind: "json" as const, type: named("target"), required: true } },
  ] };
  const model: ApiModel = { name: "t", types, root, warnings: [] };
  const files = emitSchemaFiles(model, "");
  assert.equal(files.map(([path]) => path), ["schema.ts", "schema/bodies-0.ts", "schema/Target.ts"], "the list of indexes, one index and one table per body type");
  assert.ok(files[0]![1].includes('() => import("./schema/bodies-0.js"),'), files[0]![1]);
  assert.ok(files[1]![1].includes('"x": ["microsoft.graph.target", () => import("./Target.js")],'), files[1]![1]);
  const text = files[2]![1];
  assert.ok(text.includes('"microsoft.graph.target": {"abstract":true,"properties":{"kind":"microsoft.graph.kind"},"derived":["microsoft.graph.groupTarget"]}'), text);
  assert.ok(text.includes('"microsoft.graph.groupTarget": {"properties":{"kind":"microsoft.graph.kind","groupId":"string?"}}'), text);
  assert.ok(text.includes('"microsoft.graph.kind": {"members":["a","b"]}'), text);
  assert.not.ok(text.includes("unrelated"), "types no body reaches stay out of the table");
});
test("operations are spread over √n indexes, each in the one bodyIndexOf names; a slice that sends no JSON has none", () => {
  const operation = (name: string) => ({ operationId: name, method: "POST" as const, path: `/${name}`, kind: "create" as const, pathParameters: [], query: [], headers: [], response: { kind: "none" as const }, successStatus: "201", methodName: name, body: { kind: "json" as const, type: str, required: true } });
  const names = Array.from({ length: 17 }, (_, i) => `op${i}`);
  const root = { segment: "", kind: "root" as const, path: "", builderName: "", memberName: "", children: [], operations: names.map(operation) };
  const files = new Map(emitSchemaFiles({ name: "t", types, root, warnings: [] }, ""));
  const indexes = [...files.keys()].filter((path) => path.startsWith("schema/bodies-"));
  assert.is(indexes.length, 4);
  for (const name of names) {
    const holding = indexes.filter((path) => files.get(path)!.includes(`"${name}": ["string"],`));
    assert.equal(holding, [`schema/bodies-${bodyIndexOf(name, 4)}.ts`], name);
  }
  const none = emitSchemaFiles({ name: "t", types, root: { ...root, operations: [] }, warnings: [] }, "");
  assert.equal(none.map(([path]) => path), ["schema.ts"]);
  assert.match(none[0]![1], "export const bodyIndexes: BodyIndexes = [];");
});
test("two body types whose names differ only in case get table files that differ in more than case", () => {
  const cased = typeMap(object("box", { tsName: "Box", properties: [prop("a", str)] }), object("BOX", { tsName: "BOX", properties: [prop("b", str)] }));
  const operation = (name: string, type: string) => ({ operationId: name, method: "POST" as const, path: `/${name}`, kind: "create" as const, pathParameters: [], query: [], headers: [], response: { kind: "none" as const }, successStatus: "201", methodName: name, body: { kind: "json" as const, type: named(type), required: true } });
  const root = { segment: "", kind: "root" as const, path: "", builderName: "", memberName: "", children: [], operations: [operation("lower", "box"), operation("upper", "BOX")] };
  const files = new Map(emitSchemaFiles({ name: "t", types: cased, root, warnings: [] }, ""));
  const tables = [...files.keys()].filter((path) => !path.includes("bodies-") && path !== "schema.ts");
  assert.equal(tables, ["schema/BOX.ts", "schema/Box-2.ts"]);
  assert.is(new Set(tables.map((path) => path.toLowerCase())).size, 2);
  const index = [...files].filter(([path]) => path.includes("bodies-")).map(([, text]) => text).join("\n");
  assert.ok(index.includes('"lower": ["microsoft.graph.box", () => import("./Box-2.js")],'), index);
  assert.ok(index.includes('"upper": ["microsoft.graph.BOX", () => import("./BOX.js")],'), index);
  assert.ok(files.get("schema/Box-2.ts")!.includes('"microsoft.graph.box"'));
});
test("an enum with unknownFutureValue is marked evolvable, flags or not; one without is not", () => {
  const evolving = typeMap(
    object("body", { properties: [prop("a", named("open")), prop("b", named("openFlags")), prop("c", named("closed"))] }),
    enumType("open", ["x", "unknownFutureValue"]),
    { ...enumType("openFlags", ["x", "unknownFutureValue", "y"]), flags: true },
    enumType("closed", ["x", "y"]),
  );
  const root = { segment: "", kind: "root" as const, path: "", builderName: "", memberName: "", children: [], operations: [
    { operationId: "x", method: "POST" as const, path: "/x", kind: "create" as const, pathParameters: [], query: [], headers: [], response: { kind: "none" as const }, successStatus: "201", methodName: "", body: { kind: "json" as const, type: named("body"), required: true } },
  ] };
  const text = emitSchemaFiles({ name: "t", types: evolving, root, warnings: [] }, "").map(([, t]) => t).join("\n");
  assert.ok(text.includes('"microsoft.graph.open": {"members":["x","unknownFutureValue"],"evolvable":true}'), text);
  assert.ok(text.includes('"microsoft.graph.openFlags": {"members":["x","unknownFutureValue","y"],"flags":true,"evolvable":true}'), text);
  assert.ok(text.includes('"microsoft.graph.closed": {"members":["x","y"]}'), text);
});
test.run();
