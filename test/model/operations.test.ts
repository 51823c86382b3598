/**
 * The model stage on small documents built here, through slice → model → names → emit: the shapes of
 * operations Graph's descriptions write in more than one way (collection pages through `allOf`, a
 * `default`-only response, required query options, a list without query options), and the errors a
 * malformed description gets instead of a crash or a hang, each naming the file.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { OpenApiDocument } from "../../generator/load/openapi.js";
import { emitPathsFile } from "../../generator/emit/paths.js";
import { emitClientFile } from "../../generator/emit/request-builders.js";
import { buildModel } from "../../generator/model/build-model.js";
import { hasHierarchy } from "../../generator/model/hierarchy.js";
import type { ObjectType, Operation } from "../../generator/model/ir.js";
import { allOperations } from "../../generator/model/resource-tree.js";
import { planNames } from "../../generator/names/plan-names.js";
import { selectPaths } from "../../generator/slice/select-paths.js";

const test = suite("model: operations");

const SOURCE = "t.yml";
const ref = (name: string) => ({ $ref: `#/components/schemas/microsoft.graph.${name}` });
const json = (schema: object, description = "ok") => ({ description, content: { "application/json": { schema } } });
const key = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
const thing = { type: "object", properties: { name: { type: "string" } } };
const page = (items: object) => ({ type: "object", properties: { value: { type: "array", items }, "@odata.nextLink": { type: "string", nullable: true } } });

function documentOf(paths: Record<string, object>, schemas: Record<string, object> = {}): OpenApiDocument {
  return { openapi: "3.0.4", info: { title: "t", version: "1" }, paths, components: { schemas: { "microsoft.graph.thing": thing, ...schemas } } } as unknown as OpenApiDocument;
}

function generate(document: OpenApiDocument) {
  const model = buildModel("t", selectPaths({ source: SOURCE, document }, ["/**"]), undefined);
  planNames(model);
  const operation = (method: string, path: string): Operation => allOperations(model.root).find((o) => o.method === method && o.path === path)!;
  return { model, operation, client: () => emitClientFile(model, ""), paths: () => emitPathsFile(model, "") };
}

function throwsNaming(run: () => unknown, ...parts: string[]) {
  try {
    run();
  } catch (error) {
    const message = (error as Error).message;
    for (const part of parts) assert.ok(message.includes(part), `${JSON.stringify(message)} does not name ${part}`);
    return;
  }
  assert.unreachable(`no error naming ${parts.join(", ")}`);
}

const BASE_PAGE = {
  BaseCollectionPaginationCountResponse: { type: "object", properties: { "@odata.count": { type: "integer", nullable: true }, "@odata.nextLink": { type: "string", nullable: true } } },
};

test("a collection page written through allOf (newer converters), inline or behind a $ref, is a page like the flat one", () => {
  const allOfPage = { type: "object", allOf: [{ $ref: "#/components/schemas/BaseCollectionPaginationCountResponse" }, { type: "object", properties: { value: { type: "array", items: ref("thing") } } }] };
  const { operation, client } = generate(
    documentOf(
      {
        "/flat": { get: { responses: { 200: json(page(ref("thing"))) } } },
        "/inline": { get: { responses: { "2XX": json(allOfPage) } } },
        "/named": { get: { responses: { "2XX": json(ref("thingCollectionResponse")) } } },
      },
      { ...BASE_PAGE, "microsoft.graph.thingCollectionResponse": allOfPage },
    ),
  );
  for (const path of ["/flat", "/inline", "/named"]) {
    const op = operation("GET", path);
    assert.is(op.kind, "list", path);
    assert.equal(op.response.kind === "collection" && op.response.items, { kind: "named", name: "microsoft.graph.thing" }, path);
  }
  assert.is(operation("GET", "/named").response.kind === "collection" && (operation("GET", "/named").response as { wrapper?: string }).wrapper, "microsoft.graph.thingCollectionResponse");
  assert.match(client(), /iterate\(options\?: PagingOptions\): AsyncGenerator<Thing, void, undefined>;/);
});

test("an allOf without @odata.nextLink is no page; an allOf that refers to itself is a base cycle, named", () => {
  const valueOnly = { allOf: [{ type: "object", properties: { value: { type: "array", items: ref("thing") } } }] };
  const { operation } = generate(documentOf({ "/values": { get: { responses: { 200: json(ref("values")) } } } }, { "microsoft.graph.values": valueOnly }));
  assert.is(operation("GET", "/values").kind, "get");
  const loop = { allOf: [{ type: "object", properties: { value: { type: "array", items: ref("thing") } } }, { $ref: "#/components/schemas/microsoft.graph.loop" }] };
  assert.throws(() => generate(documentOf({ "/loop": { get: { responses: { 200: json(ref("loop")) } } } }, { "microsoft.graph.loop": loop })), /form a cycle: microsoft\.graph\.loop → microsoft\.graph\.loop/);
});

test("a list without query options (a type cast) takes only its options, and its route says so", () => {
  const { client } = generate(documentOf({ "/groups/{group-id}/members/microsoft.graph.thing": { get: { parameters: [key("group-id")], responses: { 200: json(page(ref("thing"))) } } } }));
  const code = client();
  assert.match(code, /get\(options\?: RequestOptions\): Promise<Page<Thing>>;/);
  assert.match(code, /iteratePages\(options\?: PagingOptions\): AsyncGenerator<Page<Thing>, void, undefined>;/);
  assert.match(code, /"groups\/\{\}\/members\/graphThing\/get": \{"args":\["options"\]\}/);
});

test("a query with a required option is a required argument; an optional body before it may be undefined", () => {
  const startEnd = [
    { name: "startDateTime", in: "query", required: true, schema: { type: "string" } },
    { name: "endDateTime", in: "query", required: true, schema: { type: "string" } },
    { name: "$top", in: "query", schema: { type: "integer" } },
  ];
  const { client } = generate(
    documentOf({
      "/calendarView": { get: { parameters: startEnd, responses: { 200: json(page(ref("thing"))) } } },
      "/things": {
        get: { parameters: [{ name: "$top", in: "query", schema: { type: "integer" } }], responses: { 200: json(page(ref("thing"))) } },
        post: { parameters: [{ name: "mode", in: "query", required: true, schema: { type: "string" } }], requestBody: { content: { "application/json": { schema: ref("thing") } } }, responses: { 201: json(ref("thing")) } },
      },
    }),
  );
  const code = client();
  assert.match(code, /get\(query: CalendarViewListQuery, options\?: RequestOptions\): Promise<Page<Thing>>;/);
  assert.match(code, /iterate\(query: CalendarViewListQuery, options\?: PagingOptions\)/);
  assert.match(code, /get\(query\?: ThingsListQuery, options\?: RequestOptions\)/);
  assert.match(code, /post\(body: RequestBody<Thing> \| undefined, query: ThingsCreateQuery, options\?: RequestOptions\): Promise<Thing>;/);
});

test("a response listed only under default is the success response, not an error", () => {
  const { operation, paths } = generate(documentOf({ "/things": { post: { requestBody: { content: { "application/json": { schema: ref("thing") } } }, responses: { default: json(ref("thing"), "created") } } } }));
  const op = operation("POST", "/things");
  assert.equal(op.response, { kind: "json", type: { kind: "named", name: "microsoft.graph.thing" } });
  assert.is(op.successStatus, "default");
  assert.is(op.error, undefined);
  assert.is(paths().match(/"default":/g)?.length, 1);
});

test("beside a 2xx response, default is the error response (Graph's ODataError)", () => {
  const { operation } = generate(documentOf({ "/things": { get: { responses: { 200: json(ref("thing")), default: json(ref("error")) } } } }, { "microsoft.graph.error": thing }));
  assert.equal(operation("GET", "/things").error, { status: "default", type: { kind: "named", name: "microsoft.graph.error" } });
});

const cycle = {
  "microsoft.graph.a": { allOf: [ref("b"), { type: "object", properties: { fromA: { type: "string" } } }] },
  "microsoft.graph.b": { allOf: [ref("a"), { type: "object", properties: { fromB: { type: "string" } } }] },
};

test("an allOf cycle the slice reaches is an error naming the file and the cycle", () => {
  const document = documentOf({ "/things/{thing-id}": { get: { parameters: [key("thing-id")], responses: { 200: json({ type: "object", properties: { b: ref("b") } }) } } } }, cycle);
  throwsNaming(() => generate(document), SOURCE, "microsoft.graph.a → microsoft.graph.b → microsoft.graph.a");
});

test("an allOf cycle among schemas no path reaches is left out, without hanging", () => {
  const { model } = generate(documentOf({ "/things": { get: { responses: { 200: json(ref("thing")) } } } }, cycle));
  assert.equal([...model.types.keys()], ["microsoft.graph.thing"]);
});

test("paths that differ only in a trailing slash are one resource: the same method on both is an error naming both", () => {
  const get = { get: { parameters: [key("thing-id")], responses: { 200: json(ref("thing")) } } };
  throwsNaming(() => generate(documentOf({ "/things/{thing-id}/": get, "/things/{thing-id}": get })), SOURCE, "GET /things/{thing-id} and GET /things/{thing-id}/");
  const { model } = generate(documentOf({ "/things/{thing-id}/": get, "/things/{thing-id}": { delete: { parameters: [key("thing-id")], responses: { 204: { description: "ok" } } } } }));
  const item = model.root.children[0]!.children[0]!;
  assert.equal(item.operations.map((o) => o.methodName).sort(), ["delete", "get"]);
});

test("a path segment with no path parameter is an error naming the file", () => {
  throwsNaming(() => generate(documentOf({ "/things/{thing-id}/x/{other-id}": { get: { parameters: [key("thing-id")], responses: { 200: json(ref("thing")) } } } })), SOURCE, "GET /things/{thing-id}/x/{other-id}", "{other-id}");
});

test("a key or alternate key an operation below it does not declare is an error naming the file, that operation and the placeholder, though an earlier path declared it", () => {
  const param = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
  const get = (...names: string[]) => ({ get: { parameters: names.map(param), responses: { 200: json(ref("thing")) } } });
  throwsNaming(() => generate(documentOf({ "/things(appId='{appId}')": get("appId"), "/things(appId='{appId}')/parts": get() })), SOURCE, "GET /things(appId='{appId}')/parts", "{appId}");
  throwsNaming(() => generate(documentOf({ "/things/{thing-id}": get("thing-id"), "/things/{thing-id}/parts": get() })), SOURCE, "GET /things/{thing-id}/parts", "{thing-id}");
});

test("one alternate key written two ways under one set (another placeholder, or quoted and not) is an error naming both, as two key segments are", () => {
  const param = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
  const get = (name: string) => ({ get: { parameters: [param(name)], responses: { 200: json(ref("thing")) } } });
  throwsNaming(() => generate(documentOf({ "/things(appId='{appId}')": get("appId"), "/things(appId='{app-id}')/parts": get("app-id") })), SOURCE, "/things", "(appId='{appId}')", "(appId='{app-id}')");
  throwsNaming(() => generate(documentOf({ "/things(n='{n}')": get("n"), "/things(n={n})/parts": get("n") })), SOURCE, "(n='{n}')", "(n={n})");
  // Two key properties are two members, even where their names meet.
  const { model } = generate(documentOf({ "/things(appId='{appId}')": get("appId"), "/things(uniqueName='{uniqueName}')": get("uniqueName") }));
  assert.equal(model.root.children[0]!.children.map((c) => c.memberName), ["byAppId", "byUniqueName"]);
});

test("the low-level path types of a key and an alternate key are never null (the client refuses it), though the spec says nullable; a function parameter's may be", () => {
  const nullable = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", nullable: true } });
  const { paths } = generate(
    documentOf({
      "/things/{thing-id}": { get: { parameters: [nullable("thing-id")], responses: { 200: json(ref("thing")) } } },
      "/things(appId='{appId}')": { get: { parameters: [nullable("appId")], responses: { 200: json(ref("thing")) } } },
      "/things(appId='{appId}')/microsoft.graph.f(x='{x}')": { get: { parameters: [nullable("appId"), nullable("x")], responses: { 200: json(ref("thing")) } } },
    }),
  );
  assert.not.match(paths(), /"(thing-id|appId)": string \| null;/);
  assert.match(paths(), /"appId": string;/);
  assert.match(paths(), /"x": string \| null;/);
});

test("an inline body below an alternate key is named after its key type and the segments after it, as below an {id} key", () => {
  const param = (name: string, keyType: string) => ({ name, in: "path", required: true, schema: { type: "string" }, "x-ms-docs-key-type": keyType });
  const checkin = { "x-ms-docs-operation-type": "action", requestBody: { content: { "application/json": { schema: { type: "object", properties: { comment: { type: "string" } } } } } }, responses: { 204: { description: "ok" } } };
  const names = (path: string, key: string) => {
    const { model } = generate(documentOf({ [path]: { post: { ...checkin, parameters: [param("drive-id", "drive"), param(key, "driveItem")] } } }));
    return [...model.types.values()].filter((t) => t.name !== "microsoft.graph.thing").map((t) => t.tsName);
  };
  assert.equal(names("/drives/{drive-id}/items/{driveItem-id}/versions/microsoft.graph.checkin", "driveItem-id"), ["DriveItemVersionsCheckinRequestBody"]);
  assert.equal(names("/drives/{drive-id}/items(name='{name}')/versions/microsoft.graph.checkin", "name"), ["DriveItemVersionsCheckinRequestBody"]);
  assert.equal(names("/drives/{drive-id}/items(name='{name}')/microsoft.graph.checkin", "name"), ["DriveItemCheckinRequestBody"]);
});

test("a placeholder written twice in a function segment is one path parameter of the low-level client", () => {
  const { paths, client } = generate(
    documentOf({ "/things/microsoft.graph.g(a='{x}',b='{x}')": { get: { parameters: [{ name: "x", in: "path", required: true, schema: { type: "string" } }], responses: { 200: json(ref("thing")) } } } }),
  );
  assert.is(paths().match(/"x": string;/g)?.length, 1);
  assert.match(client(), /g\(params: \{ a: string; b: string \}, options\?: RequestOptions\): Promise<Thing>;/);
});

test("an alternate key is a by<Key> member of its set, also below a key; a composite one is left out with a warning; a qualified function with a path below it is composable", () => {
  const param = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
  const { model, client } = generate(
    documentOf({
      "/things/{thing-id}": { get: { parameters: [key("thing-id")], responses: { 200: json(ref("thing")) } } },
      "/things(appId='{appId}')": { get: { parameters: [param("appId")], responses: { 200: json(ref("thing")) } } },
      "/things(appId='{appId}')/parts": { get: { parameters: [param("appId")], responses: { 200: json(ref("thing")) } } },
      "/things(a='{a}',b='{b}')": { get: { parameters: [param("a"), param("b")], responses: { 200: json(ref("thing")) } } },
      "/things/microsoft.graph.getByPath(path='{path}')/parts": { get: { parameters: [param("path")], responses: { 200: json(ref("thing")) } } },
    }),
  );
  assert.equal(allOperations(model.root).map((o) => o.path).sort(), ["/things(appId='{appId}')", "/things(appId='{appId}')/parts", "/things/microsoft.graph.getByPath(path='{path}')/parts", "/things/{thing-id}"]);
  const things = model.root.children.find((c) => c.segment === "things")!;
  const alternate = things.children.find((c) => c.kind === "alternateKey")!;
  assert.is(alternate.memberName, "byAppId");
  assert.is(alternate.path, "/things(appId='{appId}')");
  assert.equal(alternate.alternateKey, { name: "appId", quoted: true });
  assert.match(client(), /byAppId\(appId: string\): ThingsWithAppIdRequestBuilder;/);
  assert.match(client(), /"things\/byAppId": \{"keySegment":"\(appId='\{appId\}'\)"\}/);
  assert.ok(model.warnings.some((w) => w.includes("/things(a='{a}',b='{b}')") && w.includes("composite alternate key")), model.warnings.join("\n"));
  assert.equal(model.warnings.length, 1, model.warnings.join("\n"));
  assert.match(client(), /getByPath\(params: \{ path: string \}\): ThingsGetByPathWithPathRequestBuilder;/);
  assert.match(client(), /"things\/getByPath": \{"functionSegment":"microsoft\.graph\.getByPath\(path='\{path\}'\)"\}/);
});

test("unqualified bound operations (descriptions written without the namespace prefix) are calls by x-ms-docs-operation-type, not alternate keys; one with a path below it is composable", () => {
  const param = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
  const fn = (parameters: object[]) => ({ get: { parameters, responses: { 200: json(ref("thing")) }, "x-ms-docs-operation-type": "function" } });
  const { model, client } = generate(
    documentOf({
      "/things/{thing-id}": { get: { parameters: [key("thing-id")], responses: { 200: json(ref("thing")) } } },
      "/things/delta()": fn([]),
      "/things/{thing-id}/getActivities(start='{start}',end='{end}')": fn([key("thing-id"), param("start"), param("end")]),
      "/things/{thing-id}/getByPath(path='{path}')": fn([key("thing-id"), param("path")]),
      "/things/{thing-id}/getByPath(path='{path}')/parts": { get: { parameters: [key("thing-id"), param("path")], responses: { 200: json(ref("thing")) } } },
      "/things/{thing-id}/archive": { post: { parameters: [key("thing-id")], responses: { 204: { description: "ok" } }, "x-ms-docs-operation-type": "action" } },
    }),
  );
  const calls = allOperations(model.root).filter((o) => o.call).map((o) => `${o.methodName} ${o.path}`).sort();
  assert.equal(calls, [
    "archive /things/{thing-id}/archive",
    "delta /things/delta()",
    "getActivities /things/{thing-id}/getActivities(start='{start}',end='{end}')",
  ]);
  // getByPath has a path below it: its member returns its builder, whose get is the function's GET.
  const getByPath = model.root.children[0]!.children.find((c) => c.kind === "key")!.children.find((c) => c.kind === "function")!;
  assert.is(getByPath.memberName, "getByPath");
  assert.equal(getByPath.operations.map((o) => `${o.methodName} ${o.path}`), ["get /things/{thing-id}/getByPath(path='{path}')"]);
  assert.equal(getByPath.children.map((c) => c.path), ["/things/{thing-id}/getByPath(path='{path}')/parts"]);
  assert.equal(model.warnings, []);
  assert.match(client(), /getByPath\(params: \{ path: string \}\): ThingsItemGetByPathWithPathRequestBuilder;/);
  assert.match(client(), /getActivities\(params: \{ start: string; end: string \}/);
  assert.not.match(client(), /byPath|byStart/);
});

test("a function with operations of its own besides its GET (a workbook range's PATCH) is composable: one builder with get, patch and what is below", () => {
  const param = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
  const { model, client } = generate(
    documentOf({
      "/wb/range(address='{address}')": {
        get: { parameters: [param("address")], responses: { 200: json(ref("thing")) }, "x-ms-docs-operation-type": "function" },
        patch: { parameters: [param("address")], requestBody: { content: { "application/json": { schema: ref("thing") } } }, responses: { 204: { description: "ok" } }, "x-ms-docs-operation-type": "operation" },
      },
      "/wb/microsoft.graph.cell(row={row})": {
        get: { parameters: [{ name: "row", in: "path", required: true, schema: { type: "integer" } }], responses: { 200: json(ref("thing")) } },
        delete: { parameters: [{ name: "row", in: "path", required: true, schema: { type: "integer" } }], responses: { 204: { description: "ok" } } },
      },
    }),
  );
  const wb = model.root.children.find((c) => c.segment === "wb")!;
  assert.equal(wb.children.map((c) => `${c.kind} ${c.memberName}`), ["function cell", "function range"]);
  const range = wb.children.find((c) => c.memberName === "range")!;
  assert.equal(range.operations.map((o) => o.methodName).sort(), ["get", "patch"]);
  assert.equal(wb.operations, [], "no call and no alternate key is left beside the builder");
  assert.equal(model.warnings, []);
  assert.match(client(), /range\(params: \{ address: string \}\): WbRangeWithAddressRequestBuilder;/);
  assert.match(client(), /cell\(params: \{ row: number \}\): WbCellWithRowRequestBuilder;/);
  assert.not.match(client(), /byAddress|cellWithRow\(/);
});

test("types without a namespace (transport wrappers) are no union of what derives from them, unless a discriminator names those by @odata.type", () => {
  const { model } = generate(
    documentOf(
      { "/shapes/{id}": { get: { parameters: [key("id")], responses: { 200: json({ $ref: "#/components/schemas/Shape" }) } } }, "/pages": { get: { responses: { 200: json({ $ref: "#/components/schemas/ThingCollectionResponse" }) } } } },
      {
        ...BASE_PAGE,
        ThingCollectionResponse: { allOf: [{ $ref: "#/components/schemas/BaseCollectionPaginationCountResponse" }, { type: "object", properties: { value: { type: "array", items: ref("thing") } } }] },
        Shape: { type: "object", properties: { name: { type: "string" } }, discriminator: { propertyName: "@odata.type", mapping: { "#Circle": "#/components/schemas/Circle" } } },
        Circle: { allOf: [{ $ref: "#/components/schemas/Shape" }, { type: "object", properties: { r: { type: "number" } } }] },
      },
    ),
  );
  const type = (name: string) => model.types.get(name) as ObjectType;
  assert.ok(hasHierarchy(type("Shape"), model.types), "a discriminated hierarchy stays a union");
  assert.not.ok(hasHierarchy(type("BaseCollectionPaginationCountResponse"), model.types));
});

test.run();
