import { suite } from "uvu";
import * as assert from "uvu/assert";
import { JSON_CONTENT_TYPE, startGraphServer } from "../server/graph-server.js";
import { call, graphSuite, POLICIES, send } from "./helpers.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EXPOSE = "request-id, client-request-id, date, x-ms-ags-diagnostic, retry-after, location";
const test = graphSuite("protocol");

function assertGraphHeaders(headers: Headers): void {
  assert.match(headers.get("request-id") ?? "", UUID);
  assert.ok(headers.get("client-request-id"), "client-request-id present");
  const date = headers.get("date") ?? "";
  assert.match(date, /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
  assert.ok(Math.abs(Date.parse(date) - Date.now()) < 5000);
  const diagnostic = JSON.parse(headers.get("x-ms-ags-diagnostic") ?? "null");
  assert.type(diagnostic.ServerInfo.DataCenter, "string");
  assert.is(headers.get("access-control-allow-origin"), "*");
}

test("the server listens on 127.0.0.1 with an ephemeral port; baseUrl = url + /beta", async ({ server }) => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.is.not(new URL(server.url).port, "0");
  assert.is(server.baseUrl, `${server.url}/beta`);
});

test("every kind of response carries Graph's headers; JSON ones the exact OData content type", async ({ server }) => {
  server.store.addPolicy({ id: "p" });
  const responses = [
    await send(server, "GET", POLICIES),
    await send(server, "POST", POLICIES, { name: "x" }),
    await send(server, "GET", `${POLICIES}/missing`),
    await send(server, "POST", POLICIES, "{bad"),
    await send(server, "PUT", POLICIES, {}),
  ];
  for (const res of responses) {
    assertGraphHeaders(res.headers);
    assert.is(res.headers.get("content-type"), JSON_CONTENT_TYPE);
    JSON.parse(await res.text());
  }
  const deleted = await send(server, "DELETE", `${POLICIES}/p`);
  assertGraphHeaders(deleted.headers);
  const count = await send(server, "GET", `${POLICIES}/$count`);
  assertGraphHeaders(count.headers);
  const ids = [...responses, deleted, count].map((r) => r.headers.get("request-id"));
  assert.is(new Set(ids).size, ids.length, "request-id is new for every response");
});

test("client-request-id is echoed when sent (headers and error body) and generated otherwise", async ({ server }) => {
  const echoed = await call(server, "GET", `${POLICIES}/missing`, undefined, { "client-request-id": "my-id-123" });
  assert.is(echoed.headers.get("client-request-id"), "my-id-123");
  assert.is(echoed.json.error.innerError["client-request-id"], "my-id-123");
  assert.is(echoed.json.error.innerError["request-id"], echoed.headers.get("request-id"));
  const generated = await send(server, "GET", POLICIES);
  assert.match(generated.headers.get("client-request-id") ?? "", UUID);
  assert.is.not(generated.headers.get("client-request-id"), generated.headers.get("request-id"));
});

test("every request is recorded in order: method, exact rawPath, lower-cased headers, body", async ({ server }) => {
  server.store.addPolicy({ id: "p" });
  await send(server, "GET", `${POLICIES}?$top=2&$select=id,name`, undefined, {
    Authorization: "Bearer t0k",
    "X-Custom": "v",
  });
  await send(server, "PATCH", `${POLICIES}/p`, '{"name":"é"}', { ConsistencyLevel: "eventual" });
  await send(server, "PUT", `${POLICIES}/p`, "not json at all");
  const [get, patch, put] = server.requests;
  assert.is(server.requests.length, 3);
  assert.is(get!.method, "GET");
  assert.is(get!.rawPath, `/beta${POLICIES}?$top=2&$select=id,name`);
  assert.is(get!.headers.authorization, "Bearer t0k");
  assert.is(get!.headers["x-custom"], "v");
  assert.is(get!.body, "");
  assert.is(patch!.method, "PATCH");
  assert.is(patch!.headers.consistencylevel, "eventual");
  assert.is(patch!.headers["content-type"], "application/json");
  assert.is(patch!.body, '{"name":"é"}');
  assert.is(put!.body, "not json at all");
  for (const r of server.requests) assert.ok(Object.keys(r.headers).every((k) => k === k.toLowerCase()));
  assert.ok(get!.receivedAt <= patch!.receivedAt && patch!.receivedAt <= put!.receivedAt);
});

test("CORS preflight: 204, allow-origin *, methods, requested headers echoed, nothing routed", async ({ server }) => {
  const res = await fetch(`${server.baseUrl}${POLICIES}/p/assignments`, {
    method: "OPTIONS",
    headers: {
      origin: "http://app.example",
      "access-control-request-method": "PATCH",
      "access-control-request-headers": "authorization,content-type,x-trace",
    },
  });
  assert.is(res.status, 204);
  assert.is(res.headers.get("access-control-allow-origin"), "*");
  assert.is(res.headers.get("access-control-allow-methods"), "GET, POST, PATCH, DELETE, PUT");
  assert.is(res.headers.get("access-control-allow-headers"), "authorization,content-type,x-trace");
  assert.is(res.headers.get("access-control-expose-headers"), EXPOSE);
  assert.is(await res.text(), "");
  assert.is(server.requests.length, 1, "preflight recorded");
  assert.is(server.requests[0]!.method, "OPTIONS");
});

test("CORS preflight without requested headers allows the default list", async ({ server }) => {
  const res = await fetch(`${server.baseUrl}${POLICIES}`, { method: "OPTIONS" });
  assert.is(res.status, 204);
  assert.is(
    res.headers.get("access-control-allow-headers"),
    "authorization, content-type, client-request-id, consistencylevel, if-match, prefer, sdkversion",
  );
});

test("CORS headers are on success and error responses alike", async ({ server }) => {
  for (const res of [await send(server, "GET", POLICIES), await send(server, "GET", `${POLICIES}/nope`)]) {
    assert.is(res.headers.get("access-control-allow-origin"), "*");
    assert.is(res.headers.get("access-control-expose-headers"), EXPOSE);
  }
});

test.run();

const noCors = graphSuite("protocol (cors: false)", { cors: false });

noCors("no CORS headers anywhere; OPTIONS is just a disallowed method (405)", async ({ server }) => {
  const res = await send(server, "GET", POLICIES);
  assert.is(res.status, 200);
  assert.is(res.headers.get("access-control-allow-origin"), null);
  assert.is(res.headers.get("access-control-expose-headers"), null);
  const options = await fetch(`${server.baseUrl}${POLICIES}`, { method: "OPTIONS" });
  assert.is(options.status, 405);
  assert.is(options.headers.get("access-control-allow-origin"), null);
  assert.is(server.requests.length, 2);
});

noCors.run();

const lifecycle = suite("lifecycle");

lifecycle("startGraphServer validates pageSize; servers are independent; close() is idempotent and final", async () => {
  try {
    await startGraphServer({ pageSize: 0 });
    assert.unreachable("pageSize 0 must be refused");
  } catch (error) {
    assert.instance(error, TypeError);
  }
  const a = await startGraphServer();
  const b = await startGraphServer();
  a.store.addPolicy({ id: "only-in-a" });
  assert.is.not(a.url, b.url);
  assert.is((await fetch(`${b.baseUrl}${POLICIES}/only-in-a`)).status, 404);
  assert.is((await fetch(`${a.baseUrl}${POLICIES}/only-in-a`)).status, 200);
  await Promise.all([a.close(), a.close()]);
  await a.close();
  await b.close();
  let refused = false;
  await fetch(`${a.baseUrl}${POLICIES}`).catch(() => (refused = true));
  assert.ok(refused, "a closed server refuses connections");
});

lifecycle.run();
