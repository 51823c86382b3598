/**
 * emit/schema-table.ts: the validation table's type notation and what the table holds (through
 * the operation indexes that name each body's table).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emitOperationIndexes } from "../../generator/emit/operation-indexes.js";
import { typeSpecOf } from "../../generator/emit/schema-table.js";
import type { ApiModel } from "../../generator/model/ir.js";
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
  const files = emitOperationIndexes(model, "");
  assert.equal(files.map(([path]) => path), ["operation-indexes.ts", "operation-indexes/0.ts", "schema/Target.ts"], "the list of indexes, one index and one table per body type");
  assert.ok(files[1]![1].includes('"x": ["microsoft.graph.target", () => import("../schema/Target.js")],'), files[1]![1]);
  const text = files[2]![1];
  assert.ok(text.includes('"microsoft.graph.target": {"abstract":true,"properties":{"kind":"microsoft.graph.kind"},"derived":["microsoft.graph.groupTarget"]}'), text);
  assert.ok(text.includes('"microsoft.graph.groupTarget": {"properties":{"kind":"microsoft.graph.kind","groupId":"string?"}}'), text);
  assert.ok(text.includes('"microsoft.graph.kind": {"members":["a","b"]}'), text);
  assert.not.ok(text.includes("unrelated"), "types no body reaches stay out of the table");
});
test("two body types whose names differ only in case get table files that differ in more than case", () => {
  const cased = typeMap(object("box", { tsName: "Box", properties: [prop("a", str)] }), object("BOX", { tsName: "BOX", properties: [prop("b", str)] }));
  const operation = (name: string, type: string) => ({ operationId: name, method: "POST" as const, path: `/${name}`, kind: "create" as const, pathParameters: [], query: [], headers: [], response: { kind: "none" as const }, successStatus: "201", methodName: name, body: { kind: "json" as const, type: named(type), required: true } });
  const root = { segment: "", kind: "root" as const, path: "", builderName: "", memberName: "", children: [], operations: [operation("lower", "box"), operation("upper", "BOX")] };
  const files = new Map(emitOperationIndexes({ name: "t", types: cased, root, warnings: [] }, ""));
  const tables = [...files.keys()].filter((path) => path.startsWith("schema/"));
  assert.equal(tables, ["schema/BOX.ts", "schema/Box-2.ts"]);
  assert.is(new Set(tables.map((path) => path.toLowerCase())).size, 2);
  const index = [...files].filter(([path]) => path.startsWith("operation-indexes/")).map(([, text]) => text).join("\n");
  assert.ok(index.includes('"lower": ["microsoft.graph.box", () => import("../schema/Box-2.js")],'), index);
  assert.ok(index.includes('"upper": ["microsoft.graph.BOX", () => import("../schema/BOX.js")],'), index);
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
  const text = emitOperationIndexes({ name: "t", types: evolving, root, warnings: [] }, "").map(([, t]) => t).join("\n");
  assert.ok(text.includes('"microsoft.graph.open": {"members":["x","unknownFutureValue"],"evolvable":true}'), text);
  assert.ok(text.includes('"microsoft.graph.openFlags": {"members":["x","unknownFutureValue","y"],"flags":true,"evolvable":true}'), text);
  assert.ok(text.includes('"microsoft.graph.closed": {"members":["x","y"]}'), text);
});
test.run();
