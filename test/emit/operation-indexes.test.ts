/**
 * emit/operation-indexes.ts: every operation with a bound call's route or a JSON body is in the
 * index operationIndexOf names for its key, and in no other; a call's route leaves out what the
 * rule for calls gives (POST, `microsoft.graph.<member>`).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emitOperationIndexes } from "../../generator/emit/operation-indexes.js";
import type { Operation, ResourceNode } from "../../generator/model/ir.js";
import { operationIndexOf } from "../../templates/operation-index.js";
import { str, typeMap } from "../helpers/model-fixtures.js";

const test = suite("emit/operation-indexes");

function operation(name: string, extra: Partial<Operation> = {}): Operation {
  return { operationId: name, method: "POST", path: `/${name}`, kind: "create", pathParameters: [], query: [], headers: [], response: { kind: "none" }, successStatus: "201", methodName: name, ...extra } as Operation;
}
const action = (name: string, prefix = `microsoft.graph.${name}`): Operation =>
  operation(name, { kind: "action", body: { kind: "json", type: str, required: true }, response: { kind: "json", type: str }, successStatus: "200", call: { qualifiedName: `microsoft.graph.${name}`, name, prefix, parameters: [], entries: [], parenthesised: false } } as Partial<Operation>);
const root = (operations: Operation[]): ResourceNode => ({ segment: "", kind: "root", path: "", builderName: "", memberName: "", children: [], operations }) as ResourceNode;
const emit = (operations: Operation[]) => new Map(emitOperationIndexes({ name: "t", types: typeMap(), root: root(operations), warnings: [] }, ""));

test("operations are spread over 2√n indexes, each in the one operationIndexOf names", () => {
  const names = Array.from({ length: 16 }, (_, i) => `op${i}`);
  const files = emit(names.map((name) => operation(name, { body: { kind: "json", type: str, required: true } })));
  const indexes = [...files.keys()].filter((path) => path.startsWith("operation-indexes/"));
  assert.is(indexes.length, 8);
  for (const name of names) {
    const holding = indexes.filter((path) => files.get(path)!.includes(`"${name}": ["string"],`));
    assert.equal(holding, [`operation-indexes/${operationIndexOf(name, 8)}.ts`], name);
  }
  assert.match(files.get("operation-indexes.ts")!, '() => import("./operation-indexes/7.js"),');
});

test("a bound call's route is in its index without what the rule gives; a slice with neither calls nor JSON bodies has no index", () => {
  const files = emit([action("publish"), action("archive", "microsoft.graph.security.archive")]);
  const text = [...files].filter(([path]) => path.startsWith("operation-indexes/")).map(([, t]) => t).join("\n");
  assert.match(text, '"publish": {},');
  assert.match(text, '"archive": {"segment":"microsoft.graph.security.archive"},');
  const none = emit([operation("plain")]);
  assert.equal([...none.keys()], ["operation-indexes.ts"]);
  assert.match(none.get("operation-indexes.ts")!, "export const operationIndexes: OperationIndexes = [];");
});

test.run();
