/**
 * The constructs of Microsoft's module descriptions, over real HTTP: the SDK generated from
 * spec/fixtures/module-constructs.yaml against a recording server on 127.0.0.1. PUT with binary and
 * JSON bodies, binary responses as Blobs, function segment parameters as encoded literals, header
 * parameters as typed options, query options under their real wire names, and alternate keys.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateFromConfig } from "../../generator/index.js";
import { FIXTURES, fixtureConfig, REPO } from "../golden/fixtures.js";
import { startRecordingServer, type RecordingResponse, type RecordingServer } from "../server/recording-server.js";
import type { RecordedRequest } from "../server/http-io.js";

const OUT = join(REPO, "node_modules/.cache/graphslice-module-constructs");
const test = suite("runtime: module constructs over HTTP");

// The SDK is generated at test time; its types are checked by the golden test, not here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Sdk = any;
let sdk: Sdk;
let server: RecordingServer;
let respond: (req: RecordedRequest) => RecordingResponse = () => ({});

test.before(async () => {
  await generateFromConfig(fixtureConfig(FIXTURES.find((f) => f.name === "module-constructs")!, OUT), REPO);
  sdk = (await import(pathToFileURL(join(OUT, "module-constructs/index.ts")).href)) as Sdk;
  server = await startRecordingServer({ respond: (req) => respond(req) });
});
test.after(() => server.close());
test.before.each(() => {
  server.requests.length = 0;
  respond = () => ({});
});

const client = () => sdk.createGraphClient({ baseUrl: `${server.url}/v1.0`, token: "t0ken", maxRetries: 0 });
const item = () => client().drives.byId("d1").items.byId("i/1");

test("PUT of binary content sends the bytes as they are, with the spec's content type", async () => {
  respond = () => ({ status: 204, body: "" });
  await item().content.put(new TextEncoder().encode("hello bytes"));
  const [request] = server.requests;
  assert.is(request!.method, "PUT");
  assert.is(request!.rawPath, "/v1.0/drives/d1/items/i%2F1/content");
  assert.is(request!.headers["content-type"], "application/octet-stream");
  assert.is(request!.body, "hello bytes");
});

test("binary content that is not binary is refused before sending, naming the body", async () => {
  const error = await item().content.put({ not: "bytes" } as never).catch((e: unknown) => e);
  assert.instance(error, sdk.GraphError);
  assert.is((error as { code: string }).code, "invalidRequestBody");
  assert.match((error as Error).message, /body: expected binary content/);
  assert.is(server.requests.length, 0);
});

test("a binary response is a Blob with its bytes and content type", async () => {
  respond = () => ({ headers: { "content-type": "application/pdf" }, body: "%PDF-1.7 fake" });
  const blob = await item().content.get();
  assert.instance(blob, Blob);
  assert.is(blob.type, "application/pdf");
  assert.is(await blob.text(), "%PDF-1.7 fake");
  // Media content is of whatever type it was stored with: the request accepts any, not only JSON.
  assert.is(server.requests[0]!.headers.accept, "*/*");
  respond = () => ({ headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "i/1" }) });
  await item().get();
  assert.is(server.requests[1]!.headers.accept, "application/json");
});

test("$ref is .ref: adding a reference answers nothing, removing one names it in @id, listing them takes the query", async () => {
  const following = client().drives.byId("d1").following;
  respond = () => ({ status: 204, body: "" });
  const target = `${server.url}/v1.0/drives/d1/items/i2`;
  assert.is(await following.ref.post({ "@odata.id": target }), undefined);
  assert.is(server.requests[0]!.method, "POST");
  assert.is(server.requests[0]!.rawPath, "/v1.0/drives/d1/following/$ref");
  assert.equal(JSON.parse(server.requests[0]!.body), { "@odata.id": target });
  await following.byId("i 2").ref.delete({ id: target }, { ifMatch: "*" });
  assert.is(server.requests[1]!.method, "DELETE");
  assert.is(server.requests[1]!.rawPath, `/v1.0/drives/d1/following/i%202/$ref?@id=${encodeURIComponent(target)}`);
  assert.is(server.requests[1]!.headers["if-match"], "*");
  respond = () => ({ body: JSON.stringify({ value: [target] }) });
  const page = await following.ref.get({ top: 1 });
  assert.equal(page.value, [target]);
  assert.is(server.requests[2]!.rawPath, "/v1.0/drives/d1/following/$ref?$top=1");
});

test("$value is .value: a media resource read as a Blob and replaced by binary content", async () => {
  const thumbnail = item().thumbnail.value;
  assert.is(thumbnail.path, "/drives/d1/items/i%2F1/thumbnail/$value");
  respond = () => ({ headers: { "content-type": "image/png" }, body: "PNG bytes" });
  const blob = await thumbnail.get();
  assert.instance(blob, Blob);
  assert.is(await blob.text(), "PNG bytes");
  respond = () => ({ status: 204, body: "" });
  assert.is(await thumbnail.put(new TextEncoder().encode("new bytes")), undefined);
  assert.is(server.requests[1]!.rawPath, "/v1.0/drives/d1/items/i%2F1/thumbnail/$value");
  assert.is(server.requests[1]!.headers["content-type"], "application/octet-stream");
  assert.is(server.requests[1]!.body, "new bytes");
});

test("PUT of JSON replaces, validated against the model first", async () => {
  respond = () => ({ status: 204, body: "" });
  await item().put({ name: "report.docx" });
  assert.equal(JSON.parse(server.requests[0]!.body), { name: "report.docx" });
  const error = await item().put({ name: 5 } as never).catch((e: unknown) => e);
  assert.is((error as { code: string }).code, "invalidRequestBody");
  assert.is(server.requests.length, 1, "the invalid PUT was not sent");
});

test("a function's segment parameters are sent as encoded OData literals, its query under wire names", async () => {
  await item().getActivitiesByIntervalWithStartDateTimeAndEndDateTimeAndInterval({ startDateTime: "2023-01-01", endDateTime: "O'Neil)/x", interval: null }, { top: 2 });
  assert.is(
    server.requests[0]!.rawPath,
    "/v1.0/drives/d1/items/i%2F1/microsoft.graph.getActivitiesByInterval(startDateTime='2023-01-01',endDateTime='O%27%27Neil%29%2Fx',interval=null)?$top=2",
  );
});

test("the overload without parameters keeps the bare name and an empty parameter list", async () => {
  await item().getActivitiesByInterval();
  assert.is(server.requests[0]!.rawPath, "/v1.0/drives/d1/items/i%2F1/microsoft.graph.getActivitiesByInterval()");
});

test("a segment parameter that is not a literal is refused before sending, naming it", async () => {
  const error = await client().drives.byId("d1").quotaUsed({ unit: { bad: true } as never }).catch((e: unknown) => e);
  assert.instance(error, sdk.GraphError);
  assert.match((error as Error).message, /unit/);
  assert.is(server.requests.length, 0);
});

test("a function answering a wrapped primitive is typed and returned", async () => {
  respond = () => ({ body: JSON.stringify({ value: 42 }) });
  const result = await client().drives.byId("d1").quotaUsed({ unit: "GB" });
  assert.is(result.value, 42);
  assert.is(server.requests[0]!.rawPath, "/v1.0/drives/d1/microsoft.graph.quotaUsed(unit=GB)");
});

test("header parameters are typed options sent under their wire names", async () => {
  respond = () => ({ status: 204, body: "" });
  await item().delete({ ifMatch: 'W/"etag-1"' });
  assert.is(server.requests[0]!.headers["if-match"], 'W/"etag-1"');
  await client().drives.byId("d1").labels.get(undefined, { consistencyLevel: "eventual" });
  assert.is(server.requests[1]!.headers.consistencylevel, "eventual");
  await item().delete();
  assert.not.ok("if-match" in server.requests[2]!.headers, "an absent header option is not sent");
  respond = (req) => ({
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(req.rawPath.includes("page=2") ? { value: [{ id: "b" }] } : { value: [{ id: "a" }], "@odata.nextLink": `${server.url}/v1.0/drives/d1/labels?page=2` }),
  });
  const labels: unknown[] = [];
  for await (const label of client().drives.byId("d1").labels.iterate(undefined, { consistencyLevel: "eventual" })) labels.push(label);
  assert.equal(labels, [{ id: "a" }, { id: "b" }]);
  assert.equal(server.requests.slice(3).map((r) => r.headers.consistencylevel), ["eventual", "eventual"], "iterate sends the header parameters with every page");
});

test("query options keep their real wire names: $deltatoken, $skiptoken, @id", async () => {
  await client().drives.byId("d1").labels.get({ deltatoken: "abc", skiptoken: "s1", id: "https://graph/x" });
  assert.is(server.requests[0]!.rawPath, "/v1.0/drives/d1/labels?$deltatoken=abc&$skiptoken=s1&@id=https%3A%2F%2Fgraph%2Fx");
});

test("a type cast segment is a path: graphDriveItem lists, iterates and counts", async () => {
  respond = (req) => (req.rawPath.includes("$count") ? { headers: { "content-type": "text/plain" }, body: "7" } : { body: JSON.stringify({ value: [{ id: "a", name: "x" }] }) });
  const cast = client().drives.byId("d1").items.graphDriveItem;
  const page = await cast.get({ top: 1 });
  assert.is(page.value[0].name, "x");
  assert.is(await cast.count(), 7);
  const all = [];
  for await (const item of cast.iterate()) all.push(item);
  assert.is(all.length, 1);
  assert.equal(server.requests.map((r: RecordedRequest) => r.rawPath), [
    "/v1.0/drives/d1/items/microsoft.graph.driveItem?$top=1",
    "/v1.0/drives/d1/items/microsoft.graph.driveItem/$count",
    "/v1.0/drives/d1/items/microsoft.graph.driveItem",
  ]);
});

test("an action of another namespace posts to its qualified segment", async () => {
  respond = () => ({ body: JSON.stringify({ sensitivity: 3 }) });
  const label = await item().applyLabel({ label: { sensitivity: 2 } });
  assert.is(label.sensitivity, 3);
  assert.is(server.requests[0]!.rawPath, "/v1.0/drives/d1/items/i%2F1/microsoft.graph.security.applyLabel");
});


test("an alternate key is by<Key>: get, patch and delete address items(name='…') with the key as a string literal, quotes doubled and encoded", async () => {
  const items = () => client().drives.byId("d1").items;
  respond = () => ({ headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "i1", name: "it's a/b" }) });
  const got = await items().byName("it's a/b").get({ select: ["id", "name"] });
  assert.is(got.name, "it's a/b");
  respond = () => ({ status: 204, body: "" });
  await items().byName("plain").patch({ name: "renamed" });
  await items().byName("plain").delete();
  assert.equal(server.requests.map((r) => `${r.method} ${r.rawPath}`), [
    "GET /v1.0/drives/d1/items(name='it%27%27s%20a%2Fb')?$select=id,name",
    "PATCH /v1.0/drives/d1/items(name='plain')",
    "DELETE /v1.0/drives/d1/items(name='plain')",
  ]);
  assert.equal(JSON.parse(server.requests[1]!.body), { name: "renamed" });
  assert.is(items().byName("x").path, "/drives/d1/items(name='x')");
});

test("below an alternate key the builder goes on (a media resource as a Blob); an unquoted key is a bare literal", async () => {
  respond = () => ({ headers: { "content-type": "text/plain" }, body: "the content" });
  const blob = await client().drives.byId("d1").items.byName("n").content.get();
  assert.is(await blob.text(), "the content");
  respond = () => ({ headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "i7" }) });
  await client().drives.byId("d1").items.bySequence(7).get();
  assert.equal(server.requests.map((r) => r.rawPath), ["/v1.0/drives/d1/items(name='n')/content", "/v1.0/drives/d1/items(sequence=7)"]);
});

test("an empty, null or non-literal alternate key is invalidRequest naming the member, and nothing is sent", async () => {
  for (const bad of ["", null, undefined, { a: 1 }, Number.NaN, 7n]) {
    const error = await Promise.resolve()
      .then(() => client().drives.byId("d1").items.byName(bad as never).get())
      .catch((e: unknown) => e);
    assert.instance(error, sdk.GraphError, String(bad));
    assert.is((error as { code: string }).code, "invalidRequest");
    assert.match((error as Error).message, /byName\(name\) must be a (non-empty )?string, finite number or boolean of valid Unicode/);
  }
  assert.is(server.requests.length, 0);
});

test("an alternate-key call can be batched: its item's URL is the literal path", async () => {
  respond = () => ({ headers: { "content-type": "application/json" }, body: JSON.stringify({ responses: [{ id: "1", status: 200, body: { id: "i1" } }] }) });
  const [item] = await client().batch((g: Sdk) => [g.drives.byId("d1").items.byName("n'1").get()]);
  assert.is(item.status, "fulfilled");
  assert.equal(JSON.parse(server.requests[0]!.body).requests[0].url, "/drives/d1/items(name='n%27%271')");
});


test("the low-level client writes function parameters and alternate keys as the typed client does: literals, quotes doubled, nothing breaking out", async () => {
  const api = sdk.createLowLevelClient({ baseUrl: `${server.url}/v1.0`, token: "t0ken", maxRetries: 0 });
  respond = () => ({ headers: { "content-type": "application/json" }, body: JSON.stringify({ id: "i1", value: [] }) });
  await api.GET("/drives/{drive-id}/items(name='{name}')", { params: { path: { "drive-id": "d1", name: "it's a)/b" } } });
  await api.GET("/drives/{drive-id}/items/{driveItem-id}/microsoft.graph.getActivitiesByInterval(startDateTime='{startDateTime}',endDateTime='{endDateTime}',interval='{interval}')", {
    params: { path: { "drive-id": "d1", "driveItem-id": "i/1", startDateTime: "2023-01-01", endDateTime: "O'Neil)/x", interval: null } },
  });
  await api.GET("/drives/{drive-id}/items(sequence={sequence})", { params: { path: { "drive-id": "d1", sequence: 7 } } });
  assert.equal(server.requests.map((r) => r.rawPath), [
    "/v1.0/drives/d1/items(name='it%27%27s%20a%29%2Fb')",
    "/v1.0/drives/d1/items/i%2F1/microsoft.graph.getActivitiesByInterval(startDateTime='2023-01-01',endDateTime='O%27%27Neil%29%2Fx',interval=null)",
    "/v1.0/drives/d1/items(sequence=7)",
  ]);
  const error = await api.GET("/drives/{drive-id}/items(name='{name}')", { params: { path: { "drive-id": "d1", name: "" } } }).catch((e: unknown) => e);
  assert.is((error as { code?: string }).code, "invalidRequest");
  assert.is(server.requests.length, 3, "an empty alternate key is not sent");
});

test("calls written without the namespace prefix (x-ms-docs-operation-type) go to their own segment: sharedWithMe(), restore(version='…')", async () => {
  respond = () => ({ headers: { "content-type": "application/json" }, body: JSON.stringify({ value: [], id: "i1" }) });
  await client().drives.byId("d1").sharedWithMe();
  await item().restore({ version: "v'2" });
  assert.equal(server.requests.map((r) => `${r.method} ${r.rawPath}`), ["GET /v1.0/drives/d1/sharedWithMe()", "GET /v1.0/drives/d1/items/i%2F1/restore(version='v%27%272')"]);
});

test.run();
