/**
 * The shapes of Microsoft's Kiota descriptions (msgraph-metadata's openapi.yaml), over real HTTP: the
 * SDK generated from spec/fixtures/kiota-style.yaml against a recording server on 127.0.0.1. Bound
 * calls without the namespace prefix, `graph.*` casts, alternate keys with upsert, collection and
 * delta pages written through `allOf`, `$ref` bodies (`ReferenceCreate`, `ReferenceUpdate`),
 * discriminated values, flags enums and number `oneOf`s.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateFromConfig } from "../../generator/index.js";
import { FIXTURES, fixtureConfig, REPO } from "../golden/fixtures.js";
import { startRecordingServer, type RecordingResponse, type RecordingServer } from "../server/recording-server.js";
import type { RecordedRequest } from "../server/http-io.js";

const OUT = join(REPO, "node_modules/.cache/graphslice-kiota-style");
const test = suite("runtime: Kiota-style description over HTTP");

// The SDK is generated at test time; its types are checked by the golden test, not here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Sdk = any;
let sdk: Sdk;
let server: RecordingServer;
let respond: (req: RecordedRequest) => RecordingResponse = () => ({});
let warnings: string[] = [];

test.before(async () => {
  const result = await generateFromConfig(fixtureConfig(FIXTURES.find((f) => f.name === "kiota-style")!, OUT), REPO);
  warnings = result.warnings;
  sdk = (await import(pathToFileURL(join(OUT, "kiota-style/index.ts")).href)) as Sdk;
  server = await startRecordingServer({ respond: (req) => respond(req) });
});
test.after(() => server.close());
test.before.each(() => {
  server.requests.length = 0;
  respond = () => ({});
});

const client = () => sdk.createGraphClient({ baseUrl: `${server.url}/v1.0`, token: "t0ken-value", maxRetries: 0 });
const json = (value: unknown): RecordingResponse => ({ body: JSON.stringify(value) });
const sent = () => server.requests.map((r) => `${r.method} ${r.rawPath}`);

test("the description generates without warnings (the composable function too)", () => {
  assert.equal(warnings, []);
});

test("an unqualified action posts its $ref'd request body, @odata.type of a derived value with its #", async () => {
  respond = () => ({ status: 204, body: "" });
  const message = { subject: "hi", toRecipients: [{ "@odata.type": "microsoft.graph.attendee", emailAddress: { address: "a@b" }, type: "required" }] };
  await client().users.byId("u 1").sendMail({ Message: message, SaveToSentItems: true });
  assert.equal(sent(), ["POST /v1.0/users/u%201/sendMail"]);
  const body = JSON.parse(server.requests[0]!.body);
  assert.is(body.Message.toRecipients[0]["@odata.type"], "#microsoft.graph.attendee");
  assert.is(body.SaveToSentItems, true);
  const error = await client().users.byId("u1").sendMail({ Message: { subject: 3 } }).catch((e: unknown) => e);
  assert.is((error as { code: string }).code, "invalidRequestBody");
  assert.is(server.requests.length, 1);
});

test("unqualified functions: parameters as encoded literals (quotes doubled), nullable ones as null; a report as a Blob", async () => {
  respond = () => json({ "@odata.type": "#microsoft.graph.site", id: "s" });
  // getByPath has paths below it (a composable function): its builder's get calls it.
  await client().sites.byId("s1").getByPath({ path: "/a b/c'd" }).get();
  await client().sites.byId("s1").getByPath({ path: null }).get();
  respond = () => json({ value: [] });
  await client().users.byId("u1").reminderView({ StartDateTime: "2024-01-01T00:00:00", EndDateTime: "2024-01-02T00:00:00" }, { top: 2 });
  respond = () => ({ headers: { "content-type": "application/octet-stream" }, body: "a,b" });
  const report = await client().reports.getEmailActivityCounts({ period: "D7" });
  assert.is(await report.text(), "a,b");
  assert.equal(sent(), [
    "GET /v1.0/sites/s1/getByPath(path='%2Fa%20b%2Fc%27%27d')",
    "GET /v1.0/sites/s1/getByPath(path=null)",
    "GET /v1.0/users/u1/reminderView(StartDateTime='2024-01-01T00%3A00%3A00',EndDateTime='2024-01-02T00%3A00%3A00')?$top=2",
    "GET /v1.0/reports/getEmailActivityCounts(period='D7')",
  ]);
});

test("alternate keys: byAppId gets and patches, byUniqueName upserts with PUT and its Prefer header", async () => {
  respond = () => json({ "@odata.type": "#microsoft.graph.application", appId: "a" });
  await client().applications.byAppId("a'b c").get();
  await client().applications.byAppId("a").patch({ uniqueName: "n" });
  await client().applications.byUniqueName("n/1").put({ uniqueName: "n/1", logo: "AQID" }, { prefer: "create-if-missing" });
  assert.equal(sent(), ["GET /v1.0/applications(appId='a%27%27b%20c')", "PATCH /v1.0/applications(appId='a')", "PUT /v1.0/applications(uniqueName='n%2F1')"]);
  assert.is(server.requests[2]!.headers.prefer, "create-if-missing");
  assert.equal(JSON.parse(server.requests[2]!.body), { uniqueName: "n/1", logo: "AQID" });
  // A member the slice lacks is named as the code reached it, the alternate key called.
  const error = await client().applications.byAppId("a").nothing().catch((e: unknown) => e);
  assert.instance(error, TypeError);
  assert.match(String(error), "applications.byAppId().nothing is not a method");
  assert.is(server.requests.length, 3);
});

test("$ref: ReferenceCreate posts @odata.id, ReferenceUpdate puts it, removal names it in @id or the path", async () => {
  respond = () => ({ status: 204, body: "" });
  const target = `${server.url}/v1.0/directoryObjects/u2`;
  await client().groups.byId("g1").members.ref.post({ "@odata.id": target });
  await client().users.byId("u1").manager.ref.put({ "@odata.id": target });
  await client().groups.byId("g1").members.ref.delete({ id: target });
  await client().groups.byId("g1").members.byId("u2").ref.delete({ ifMatch: "*" });
  assert.equal(sent(), [
    "POST /v1.0/groups/g1/members/$ref",
    "PUT /v1.0/users/u1/manager/$ref",
    `DELETE /v1.0/groups/g1/members/$ref?@id=${encodeURIComponent(target)}`,
    "DELETE /v1.0/groups/g1/members/u2/$ref",
  ]);
  assert.equal(JSON.parse(server.requests[0]!.body), { "@odata.id": target });
  assert.equal(JSON.parse(server.requests[1]!.body), { "@odata.id": target });
});

test("a collection written through allOf (BaseCollectionPaginationCountResponse) iterates; query options and headers under their wire names", async () => {
  respond = (req) => json(req.rawPath.includes("skiptoken") ? { value: [{ id: "b" }] } : { value: [{ id: "a" }], "@odata.count": 2, "@odata.nextLink": `${server.url}/v1.0/users?$skiptoken=s` });
  const ids: string[] = [];
  for await (const user of client().users.iterate({ top: 1, select: ["id"], orderby: ["displayName desc"], count: true }, { consistencyLevel: "eventual" })) ids.push(user.id);
  assert.equal(ids, ["a", "b"]);
  assert.equal(sent(), ["GET /v1.0/users?$top=1&$select=id&$orderby=displayName%20desc&$count=true", "GET /v1.0/users?$skiptoken=s"]);
  assert.is(server.requests[0]!.headers.consistencylevel, "eventual");
  respond = () => ({ headers: { "content-type": "text/plain" }, body: "42" });
  assert.is(await client().users.count({ filter: "a eq 'b'" }), 42);
});

test("delta() is a page: a first page leads on by @odata.nextLink, the last keeps @odata.deltaLink", async () => {
  const deltaLink = `${server.url}/v1.0/users/delta()?$deltatoken=xyz`;
  respond = () => json({ value: [{ id: "a" }], "@odata.deltaLink": deltaLink });
  const page = await client().users.delta({ top: 1 });
  assert.equal(page.value, [{ id: "a" }]);
  assert.is(page["@odata.deltaLink"], deltaLink);
  assert.equal(sent(), ["GET /v1.0/users/delta()?$top=1"]);
});

test("a delta's later pages are walked with the collection's iteratePages from its nextLink, to the page that carries @odata.deltaLink", async () => {
  const next = `${server.url}/v1.0/users/delta()?$skiptoken=p2`;
  const deltaLink = `${server.url}/v1.0/users/delta()?$deltatoken=d`;
  respond = (req) => json(req.rawPath.includes("skiptoken") ? { value: [{ id: "b" }], "@odata.deltaLink": deltaLink } : { value: [{ id: "a" }], "@odata.nextLink": next });
  const first = await client().users.delta();
  const pages = [first];
  for await (const page of client().users.iteratePages(undefined, { nextLink: first["@odata.nextLink"]! })) pages.push(page);
  assert.equal(pages.map((page) => page.value.map((user: { id: string }) => user.id)), [["a"], ["b"]]);
  assert.is(pages.at(-1)!["@odata.deltaLink"], deltaLink);
  assert.equal(sent(), ["GET /v1.0/users/delta()", "GET /v1.0/users/delta()?$skiptoken=p2"]);
});

test("a graph.* cast is a path segment; the members of a discriminated collection keep their @odata.type", async () => {
  respond = () => json({ value: [{ "@odata.type": "#microsoft.graph.group", id: "g", mailEnabled: true }, { "@odata.type": "#microsoft.graph.user", id: "u" }] });
  const page = await client().users.byId("u1").memberOf.get({ top: 5 });
  assert.equal(page.value.map((o: { "@odata.type": string }) => o["@odata.type"]), ["#microsoft.graph.group", "#microsoft.graph.user"]);
  await client().users.byId("u1").memberOf.graphGroup.get();
  assert.equal(sent(), ["GET /v1.0/users/u1/memberOf?$top=5", "GET /v1.0/users/u1/memberOf/graph.group"]);
});

test("flags enums take several members joined by commas; number oneOfs take numbers and their string forms", async () => {
  respond = () => ({ status: 204, body: "" });
  await client().workbooks.byId("w1").format.patch({ columnWidth: "NaN", rowHeight: 12.5, protectionFlags: "locked,formulaHidden" });
  assert.equal(JSON.parse(server.requests[0]!.body), { columnWidth: "NaN", rowHeight: 12.5, protectionFlags: "locked,formulaHidden" });
  // The enum has unknownFutureValue (evolvable: newer members pass), but a flags value is a string.
  const error = await client().workbooks.byId("w1").format.patch({ protectionFlags: 5 }).catch((e: unknown) => e);
  assert.is((error as { code?: string }).code, "invalidRequestBody", String(error));
  // A number oneOf is checked against each member: NaN (sent as null) and a boolean are neither.
  for (const rowHeight of [Number.NaN, true, { value: 1 }]) {
    const refused = await client().workbooks.byId("w1").format.patch({ rowHeight }).catch((e: unknown) => e);
    assert.is((refused as { code?: string }).code, "invalidRequestBody", String(refused));
    assert.match(String(refused), "body.rowHeight: expected a finite number or string or one of -INF, INF, NaN");
  }
  await client().workbooks.byId("w1").format.patch({ rowHeight: null, columnWidth: 3, discount: "0.5" });
  assert.equal(JSON.parse(server.requests.at(-1)!.body), { rowHeight: null, columnWidth: 3, discount: "0.5" });
  assert.is(server.requests.length, 2);
});

test("a client of a v1.0 description goes to Graph v1.0 by default (its servers), on the cloud's host with cloud; baseUrl still wins", async () => {
  const asked: string[] = [];
  // Only the URL is looked at: the call is answered here, nothing leaves the process.
  const fetch = async (input: RequestInfo | URL) => (asked.push(String(input instanceof Request ? input.url : input)), new Response(null, { status: 204 }));
  await sdk.createGraphClient({ token: "t", fetch }).users.byId("u1").delete();
  await sdk.createGraphClient({ token: "t", fetch, cloud: "china" }).users.byId("u1").delete();
  await sdk.createLowLevelClient({ token: "t", fetch }).DELETE("/users/{user-id}", { params: { path: { "user-id": "u1" } } });
  await sdk.createGraphClient({ token: "t", fetch, baseUrl: `${server.url}/beta` }).users.byId("u1").delete();
  assert.equal(asked, ["https://graph.microsoft.com/v1.0/users/u1", "https://microsoftgraph.chinacloudapi.cn/v1.0/users/u1", "https://graph.microsoft.com/v1.0/users/u1", `${server.url}/beta/users/u1`]);
});

test("low-level client: an unqualified function's empty parameter is the literal '', an alternate key's empty value is refused", async () => {
  respond = () => json({ value: [] });
  const api = sdk.createLowLevelClient({ baseUrl: `${server.url}/v1.0`, token: "t0ken-value", maxRetries: 0 });
  const path = "/users/{user-id}/reminderView(StartDateTime='{StartDateTime}',EndDateTime='{EndDateTime}')";
  const { error } = await api.GET(path, { params: { path: { "user-id": "u1", StartDateTime: "", EndDateTime: "O'Neil)" } } });
  assert.is(error, undefined);
  assert.equal(sent(), ["GET /v1.0/users/u1/reminderView(StartDateTime='',EndDateTime='O%27%27Neil%29')"]);
  const refused = await api.GET("/applications(appId='{appId}')", { params: { path: { appId: "" } } }).catch((e: unknown) => e);
  assert.is((refused as { code?: string }).code, "invalidRequest", String(refused));
  assert.match(String(refused), /appId/);
  assert.is(server.requests.length, 1);
});

test("a composable function: getByPath({ path }) is a builder whose get calls the function and whose members go below it", async () => {
  respond = (req) => json(req.rawPath.includes("/items") ? { value: [{ "@odata.type": "#microsoft.graph.listItem", id: "i1" }] } : { "@odata.type": "#microsoft.graph.site", id: "s1", name: "n" });
  const site = await client().sites.byId("s1").getByPath({ path: "/a/b's c" }).get();
  assert.is(site.id, "s1");
  const items = [];
  for await (const item of client().sites.byId("s1").getByPath({ path: "x" }).items.iterate()) items.push(item.id);
  await client().sites.byId("s1").getByPath({ path: null }).items.get();
  assert.equal(items, ["i1"]);
  assert.equal(sent(), ["GET /v1.0/sites/s1/getByPath(path='%2Fa%2Fb%27%27s%20c')", "GET /v1.0/sites/s1/getByPath(path='x')/items", "GET /v1.0/sites/s1/getByPath(path=null)/items"]);
  // A missing parameter, or one that is no literal, is refused before anything is sent.
  for (const params of [{}, { path: { a: 1 } }, undefined]) {
    let error: unknown;
    try {
      await client().sites.byId("s1").getByPath(params).items.get();
    } catch (e) {
      error = e;
    }
    assert.is((error as { code?: string }).code, "invalidRequest", String(error));
    assert.match(String(error), "path must be a string, finite number or boolean");
  }
  const missing = await client().sites.byId("s1").getByPath({ path: "x" }).nothing().catch((e: unknown) => e);
  assert.match(String(missing), "sites.byId().getByPath().nothing is not a method");
  assert.is(server.requests.length, 3);
});

test("a composable function in a batch and through the low-level client: the same literal path", async () => {
  respond = (req) => (req.rawPath.endsWith("$batch") ? json({ responses: [{ id: "1", status: 200, body: { value: [] } }] }) : json({ value: [] }));
  const [page] = await client().batch((g: Sdk) => [g.sites.byId("s1").getByPath({ path: "O'N" }).items.get()]);
  assert.is(page.status, "fulfilled");
  assert.equal(JSON.parse(server.requests[0]!.body).requests[0].url, "/sites/s1/getByPath(path='O%27%27N')/items");
  const api = sdk.createLowLevelClient({ baseUrl: `${server.url}/v1.0`, token: "t0ken-value", maxRetries: 0 });
  await api.GET("/sites/{site-id}/getByPath(path='{path}')/items", { params: { path: { "site-id": "s1", path: "O'N" } } });
  assert.is(server.requests[1]!.rawPath, "/v1.0/sites/s1/getByPath(path='O%27%27N')/items");
});

test.run();
