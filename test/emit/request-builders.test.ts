/**
 * emit/request-builders.ts and emit/routes.ts, table-driven: resource-tree fragments in, builder
 * interfaces and routes out. What the routes make the runtime send is tested over HTTP
 * (runtime/module-constructs.test.ts and the slices' tests).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { emitOperationIndexes } from "../../generator/emit/operation-indexes.js";
import { clientStatements } from "../../generator/emit/request-builders.js";
import { printStatements } from "../../generator/emit/print.js";
import type { ApiModel, Operation, Parameter, ResourceNode, SegmentParameter } from "../../generator/model/ir.js";
import { planNames } from "../../generator/names/plan-names.js";
import { named, object, typeMap } from "../helpers/model-fixtures.js";

const string = { kind: "primitive", name: "string" } as const;
const key: Parameter = { wireName: "note-id", name: "", type: string, nullable: false, required: true, description: "The note's id" };
const param = (wireName: string, extra: Partial<Parameter> = {}): Parameter => ({ wireName, name: "", type: string, nullable: false, required: false, ...extra });
const segmentParam = (wireName: string, quoted: boolean): SegmentParameter => ({ ...param(wireName, { required: true }), placeholder: wireName, quoted });

function op(method: Operation["method"], kind: Operation["kind"], extra: Partial<Operation> = {}): Operation {
  return { operationId: `${method}${kind}`, method, path: "/notes", kind, pathParameters: [], query: [], headers: [], response: { kind: "none" }, successStatus: "200", methodName: "", ...extra };
}

const call = (prefix: string, parameters: SegmentParameter[] = [], parenthesised = parameters.length > 0) => ({
  qualifiedName: prefix,
  name: prefix.slice(prefix.lastIndexOf(".") + 1),
  prefix,
  parameters,
  entries: parameters.map((_, parameter) => ({ parameter })),
  parenthesised,
});

function tree(collectionOps: Operation[], itemOps: Operation[]): ResourceNode {
  const node = (segment: string, kind: ResourceNode["kind"], path: string, operations: Operation[], children: ResourceNode[]): ResourceNode => ({ segment, kind, path, operations, children, builderName: "", memberName: "" });
  const item = { ...node("{note-id}", "key", "/notes/{note-id}", itemOps, []), key };
  return node("", "root", "", [], [node("notes", "static", "/notes", collectionOps, [item])]);
}

const types = typeMap(object("note", { category: "entity" }), object("noteList", { category: "inline" }));
const model = (root: ResourceNode): ApiModel => {
  const m: ApiModel = { name: "notes", types, root, warnings: [] };
  planNames(m);
  return m;
};
/** `client.ts` and the operation indexes, where bound calls have their routes. */
const print = (root: ResourceNode) => {
  const m = model(root);
  return [printStatements("", clientStatements(m)), ...emitOperationIndexes(m, "").map(([, text]) => text)].join("\n");
};

const cases: [string, { given: ResourceNode; want: string[] }][] = [
  ["static segments are getters from the root, and need no route", { given: tree([], []), want: ["export interface GraphClient {", "readonly notes: NotesRequestBuilder;", "const routes: Routes = {};"] }],
  [
    "a key segment is byId on an interface over the runtime builder",
    { given: tree([], []), want: ["export interface NotesRequestBuilder extends RequestBuilder {", "byId(noteId: string): NotesItemRequestBuilder;", "(`note-id`)"] },
  ],
  [
    "a list is get + iterate + iteratePages over pages of the item type",
    {
      given: tree([op("GET", "list", { response: { kind: "collection", items: named("note") }, query: [param("$top", { type: { kind: "primitive", name: "integer" } })] })], []),
      want: [
        "get(query?: NotesListQuery, options?: RequestOptions): Promise<Page<Note>>",
        "iterate(query?: NotesListQuery, options?: PagingOptions): AsyncGenerator<Note, void, undefined>",
        "iteratePages(query?: NotesListQuery, options?: PagingOptions)",
        'export type NotesListQuery = Pick<ODataQuery<string, string>, "top">;',
        "const routes: Routes = {};",
      ],
    },
  ],
  [
    "a query option that is not OData's own as Graph documents it gets a full interface",
    {
      given: tree([op("GET", "list", { response: { kind: "collection", items: named("note") }, query: [param("$top", { type: { kind: "primitive", name: "integer" }, description: "At most this many notes" })] })], []),
      want: ["export interface NotesListQuery {", "At most this many notes", "top?: number;"],
    },
  ],
  [
    "a query option whose wire name is not the OData rule's is routed",
    {
      given: tree([op("GET", "list", { response: { kind: "collection", items: named("note") }, query: [param("@id")] })], []),
      want: ['"notes/get": {"query":{"id":"@id"}}'],
    },
  ],
  [
    "create and update take RequestBody<T>; an update that answers JSON is routed",
    {
      given: tree([op("POST", "create", { body: { kind: "json", type: named("note"), required: true }, response: { kind: "json", type: named("note") } })], [op("PATCH", "update", { body: { kind: "json", type: named("note"), required: true }, response: { kind: "json", type: named("note") } })]),
      want: [
        "post(body: RequestBody<Note>, options?: RequestOptions): Promise<Note>",
        "patch(body: RequestBody<Note>, options?: RequestOptions): Promise<Note>",
        '"notes/{}/patch": {"expect":"json"}',
      ],
    },
  ],
  [
    "$count is count() with its query options folded into the options, answering a number",
    {
      given: tree([op("GET", "count", { path: "/notes/$count", response: { kind: "count" }, query: [param("$filter")] })], []),
      want: ["count(options?: RequestOptions & { filter?: string }): Promise<number>", "const routes: Routes = {};"],
    },
  ],
  [
    "a bound action is a method named after it, posting to the qualified segment",
    {
      given: tree([], [op("POST", "action", { path: "/notes/{note-id}/microsoft.graph.archive", call: call("microsoft.graph.archive"), response: { kind: "none" } })]),
      want: ["archive(options?: RequestOptions): Promise<void>", '"notes/{}/archive": {"args":["options"],"expect":"none"}', "const routes: Routes = {};"],
    },
  ],
  ["delete answers nothing", { given: tree([], [op("DELETE", "delete")]), want: ["delete(options?: RequestOptions): Promise<void>"] }],
  [
    "a header parameter is a typed option sent under its wire name",
    {
      given: tree([], [op("DELETE", "delete", { path: "/notes/{note-id}", headers: [param("If-Match", { description: "ETag" })] })]),
      want: ["export interface NotesItemDeleteOptions extends RequestOptions {", "ifMatch?: string;", "delete(options?: NotesItemDeleteOptions): Promise<void>", 'const headerOptions: HeaderOptions = {"ifMatch":"If-Match"};', "const routes: Routes = {};"],
    },
  ],
  [
    "PUT with binary content takes a BinaryBody and sends its content type",
    {
      given: tree([], [op("PUT", "replace", { path: "/notes/{note-id}", body: { kind: "binary", contentType: "application/octet-stream", required: true }, response: { kind: "none" } })]),
      want: ["put(body: BinaryBody, options?: RequestOptions): Promise<void>", '"notes/{}/put": {"expect":"none","contentType":"application/octet-stream"}'],
    },
  ],
  [
    "PUT with JSON replaces with a validated RequestBody",
    {
      given: tree([], [op("PUT", "replace", { path: "/notes/{note-id}", body: { kind: "json", type: named("note"), required: true }, response: { kind: "json", type: named("note") } })]),
      want: ["put(body: RequestBody<Note>, options?: RequestOptions): Promise<Note>", "const routes: Routes = {};"],
    },
  ],
  [
    "binary content answers a Blob",
    {
      given: tree([], [op("GET", "get", { path: "/notes/{note-id}", response: { kind: "stream", contentType: "application/octet-stream" } })]),
      want: ["get(options?: RequestOptions): Promise<Blob>", '"notes/{}/get": {"args":["options"],"expect":"stream"}'],
    },
  ],
  [
    "a function's segment parameters are typed arguments, encoded as OData literals",
    {
      given: tree([], [op("GET", "function", { path: "/notes/{note-id}/microsoft.graph.within(start='{start}',days={days})", call: call("microsoft.graph.within", [segmentParam("start", true), { ...segmentParam("days", false), type: { kind: "primitive", name: "integer" }, nullable: true }]), response: { kind: "json", type: named("note") } })]),
      want: [
        "within(params: { start: string; days: number | null }, options?: RequestOptions): Promise<Note>",
        `"notes/{}/within": {"segment":"microsoft.graph.within(start='{start}',days={days})","method":"GET","args":["params","options"]}`,
      ],
    },
  ],
  [
    "overloads of one function on one node get distinct names; the one without parameters keeps the bare name",
    {
      given: tree([], [
        op("GET", "function", { path: "/notes/{note-id}/microsoft.graph.report()", call: call("microsoft.graph.report", [], true), response: { kind: "json", type: named("note") } }),
        op("GET", "function", { path: "/notes/{note-id}/microsoft.graph.report(period='{period}')", call: call("microsoft.graph.report", [segmentParam("period", true)]), response: { kind: "json", type: named("note") } }),
      ]),
      want: ["report(options?: RequestOptions): Promise<Note>", "reportWithPeriod(params: { period: string }, options?: RequestOptions): Promise<Note>", "/microsoft.graph.report()`"],
    },
  ],
];

const test = suite("emit/request-builders");
for (const [name, { given, want }] of cases) {
  test(name, () => {
    const printed = print(given);
    for (const w of want) assert.ok(printed.includes(w), `expected to find:\n${w}\n\nin:\n${printed}`);
  });
}
test("builder names follow the path, keys as Item", () => {
  const root = model(tree([], [])).root;
  assert.is(root.builderName, "GraphClient");
  assert.is(root.children[0]!.builderName, "NotesRequestBuilder");
  assert.is(root.children[0]!.children[0]!.builderName, "NotesItemRequestBuilder");
});
test("createGraphClient gives the runtime the slice's validation tables to load on first use", () => {
  assert.ok(print(tree([], [])).includes('return createClient(createRuntime(options, () => import("./operation-indexes.js")), routes, headerOptions, mediaSegments) as GraphClient;'));
});
test("a header option that means two headers in one slice is routed where it differs", () => {
  const printed = print(tree([op("DELETE", "delete", { headers: [param("X-Tag")] })], [op("DELETE", "delete", { path: "/notes/{note-id}", headers: [param("x-tag")] })]));
  assert.ok(printed.includes("const headerOptions: HeaderOptions = {};"), printed);
  assert.ok(printed.includes('"notes/delete": {"headers":{"xTag":"X-Tag"}}') && printed.includes('"notes/{}/delete": {"headers":{"xTag":"x-tag"}}'), printed);
});
test("a getter named like a member of the builder is always routed, so it is not taken for the verb", () => {
  const root = tree([], []);
  root.children[0]!.children.push({ segment: "count", kind: "static", path: "/notes/count", operations: [op("GET", "get", { path: "/notes/count", response: { kind: "json", type: named("note") } })], children: [], builderName: "", memberName: "" });
  const printed = print(root);
  assert.ok(printed.includes("readonly count: NotesCountRequestBuilder;"), printed);
  assert.ok(printed.includes('"notes/count": {"segment":"count"}'), printed);
});
/** A static child of `parent` with `operations`, its path below the parent's. */
function child(parent: ResourceNode, segment: string, operations: Operation[]): ResourceNode {
  const path = `${parent.path}/${segment}`;
  const node: ResourceNode = { segment, kind: "static", path, operations: operations.map((o) => ({ ...o, path })), children: [], builderName: "", memberName: "" };
  parent.children.push(node);
  return node;
}
const streamGet = () => op("GET", "get", { response: { kind: "stream", contentType: "application/octet-stream" } });
const binaryPut = () => op("PUT", "replace", { body: { kind: "binary", contentType: "application/octet-stream", required: true }, response: { kind: "none" } });

test("$ref is .ref and $value is .value, and their usual verbs need no route", () => {
  const root = tree([], []);
  const item = root.children[0]!.children[0]!;
  child(item, "$ref", [op("POST", "create", { body: { kind: "json", type: named("note"), required: true }, response: { kind: "none" } }), op("DELETE", "delete", { query: [param("@id", { required: true })] })]);
  child(item, "$value", [streamGet(), binaryPut()]);
  const printed = print(root);
  for (const want of ["readonly ref: NotesItemRefRequestBuilder;", "readonly value: NotesItemValueRequestBuilder;", "get(options?: RequestOptions): Promise<Blob>", "put(body: BinaryBody, options?: RequestOptions): Promise<void>", "const routes: Routes = {};", 'const mediaSegments: readonly string[] = ["$value"];']) {
    assert.ok(printed.includes(want), `expected ${want} in:\n${printed}`);
  }
});
test("a verb below $ref that differs from the reference rule is routed, its query names replacing the rule's", () => {
  const root = tree([], []);
  const item = root.children[0]!.children[0]!;
  child(item, "$ref", [op("DELETE", "delete"), op("POST", "create", { body: { kind: "json", type: named("note"), required: true }, response: { kind: "json", type: named("note") } })]);
  const other = child(root.children[0]!, "$ref", [op("DELETE", "delete", { query: [param("$top")] })]);
  assert.ok(other.operations.length === 1);
  const printed = print(root);
  assert.ok(printed.includes('"notes/{}/ref/delete": {"args":["options"]}'), printed);
  assert.ok(printed.includes('"notes/{}/ref/post": {"expect":"json"}'), printed);
  assert.ok(printed.includes('"notes/ref/delete": {"query":{}}'), printed);
});
test("a segment that is a media resource wherever it occurs is listed once instead of routing its verbs", () => {
  const root = tree([], []);
  child(root.children[0]!, "content", [streamGet()]);
  child(root.children[0]!.children[0]!, "content", [streamGet(), binaryPut()]);
  const printed = print(root);
  assert.ok(printed.includes('const mediaSegments: readonly string[] = ["content"];'), printed);
  assert.ok(printed.includes("const routes: Routes = {};"), printed);
});
test("a segment that is a media resource on one node and JSON on another is not listed, and its verbs are routed", () => {
  const root = tree([], []);
  child(root.children[0]!, "photo", [streamGet(), binaryPut()]);
  child(root.children[0]!.children[0]!, "photo", [op("GET", "get", { response: { kind: "json", type: named("note") } })]);
  const printed = print(root);
  assert.ok(printed.includes("const mediaSegments: readonly string[] = [];"), printed);
  assert.ok(printed.includes('"notes/photo/get": {"args":["options"],"expect":"stream"}') && printed.includes('"notes/photo/put": {"expect":"none","contentType":"application/octet-stream"}'), printed);
  assert.ok(printed.includes('"notes/{}/photo/get": {"args":["options"]}'), printed);
});
test("a navigation property named value is routed, so that it is not taken for $value", () => {
  const root = tree([], []);
  child(root.children[0]!, "value", [op("GET", "get", { response: { kind: "json", type: named("note") } })]);
  const printed = print(root);
  assert.ok(printed.includes('"notes/value": {"segment":"value"}'), printed);
});
test.run();
