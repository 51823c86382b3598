/**
 * emit/request-builders.ts, table-driven: resource-tree fragments in, builder code out.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { builderName, clientStatements } from "../../generator/emit/request-builders.js";
import { printStatements } from "../../generator/emit/print.js";
import type { ApiModel, Operation, ResourceNode } from "../../generator/model/ir.js";
import { named, object, typeMap } from "../helpers/model-fixtures.js";

const key = { wireName: "note-id", name: "noteId", type: { kind: "primitive", name: "string" } as const, required: true, description: "The note's id" };

function op(method: Operation["method"], kind: Operation["kind"], extra: Partial<Operation> = {}): Operation {
  return { operationId: `${method}${kind}`, method, path: "/notes", kind, pathParameters: [], query: [], headers: [], response: { kind: "none" }, ...extra };
}

function tree(collectionOps: Operation[], itemOps: Operation[]): ResourceNode {
  const item: ResourceNode = { segment: "{note-id}", kind: "key", key, path: "/notes/{note-id}", operations: itemOps, children: [] };
  const notes: ResourceNode = { segment: "notes", kind: "static", path: "/notes", operations: collectionOps, children: [item] };
  return { segment: "", kind: "root", path: "", operations: [], children: [notes] };
}

const types = typeMap(object("note", { category: "entity" }), object("noteList", { category: "inline" }));
const model = (root: ResourceNode): ApiModel => ({ name: "notes", types, root, schemaPointers: new Map(), warnings: [] });
const print = (root: ResourceNode) => printStatements("", clientStatements(model(root)));

const cases: [string, { given: ResourceNode; want: string[] }][] = [
  ["static segments are getters from the root", { given: tree([], []), want: ["get notes(): NotesRequestBuilder {", 'return new NotesRequestBuilder(this.runtime, "/notes");'] }],
  [
    "a key segment is byId, percent-encoded and checked by the runtime",
    { given: tree([], []), want: ["byId(noteId: string): NotesItemRequestBuilder {", 'encodeKey(noteId, "note-id")'] },
  ],
  [
    "a list is get + iterate + iteratePages over pages of the item type",
    {
      given: tree([op("GET", "list", { response: { kind: "collection", items: named("note") }, query: [{ wireName: "$top", name: "top", type: { kind: "primitive", name: "integer" }, required: false }] })], []),
      want: [
        "get(query?: NotesListQuery, options?: RequestOptions): Promise<Page<Note>>",
        "iterate(query?: NotesListQuery, options?: PagingOptions): AsyncGenerator<Note, void, undefined>",
        "iteratePages(query?: NotesListQuery, options?: PagingOptions)",
        "export interface NotesListQuery {",
        "top?: number;",
      ],
    },
  ],
  [
    "create and update take RequestBody<T> and name the body type for validation",
    {
      given: tree([op("POST", "create", { body: { type: named("note"), required: true }, response: { kind: "json", type: named("note") } })], [op("PATCH", "update", { body: { type: named("note"), required: true }, response: { kind: "json", type: named("note") } })]),
      want: [
        "post(body: RequestBody<Note>, options?: RequestOptions): Promise<Note>",
        "patch(body: RequestBody<Note>, options?: RequestOptions): Promise<Note>",
        'bodyType: "microsoft.graph.note"',
      ],
    },
  ],
  [
    "$count is count() with its query options folded into the options, answering a number",
    {
      given: tree([op("GET", "count", { path: "/notes/$count", response: { kind: "count" }, query: [{ wireName: "$filter", name: "filter", type: { kind: "primitive", name: "string" }, required: false }] })], []),
      want: ["count(options: RequestOptions & { filter?: string } = {}): Promise<number>", 'path: `${this.path}/$count`', 'expect: "count"'],
    },
  ],
  [
    "a bound action is a method named after it, posting to the qualified segment",
    {
      given: tree([], [op("POST", "action", { path: "/notes/{note-id}/microsoft.graph.archive", actionName: "archive", response: { kind: "none" } })]),
      want: ["archive(options?: RequestOptions): Promise<void>", 'path: `${this.path}/microsoft.graph.archive`', 'expect: "none"'],
    },
  ],
  ["delete answers nothing", { given: tree([], [op("DELETE", "delete")]), want: ["delete(options?: RequestOptions): Promise<void>"] }],
];

const test = suite("emit/request-builders");
for (const [name, { given, want }] of cases) {
  test(name, () => {
    const printed = print(given);
    for (const w of want) assert.ok(printed.includes(w), `expected to find:\n${w}\n\nin:\n${printed}`);
  });
}
test("builder names follow the path, keys as Item", () => {
  const root = tree([], []);
  assert.is(builderName(root), "GraphClient");
  assert.is(builderName(root.children[0]!), "NotesRequestBuilder");
  assert.is(builderName(root.children[0]!.children[0]!), "NotesItemRequestBuilder");
});
test("createGraphClient passes the slice's validation table to the runtime", () => {
  assert.ok(print(tree([], [])).includes("return new GraphClient(createRuntime(options, schema));"));
});
test.run();
