import * as assert from "uvu/assert";
import type { Fault } from "../server/graph-server.js";
import { call, graphSuite, POLICIES, send } from "./helpers.js";

const test = graphSuite("fault matching");
const LIST = `${POLICIES}/p/assignments`;
const teapot: Fault = { kind: "status", status: 418 };

test.before.each(({ server }) => {
  server.store.addPolicy({ id: "p" });
});

async function statuses(run: () => Promise<Response>, n: number): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < n; i++) result.push((await run()).status);
  return result;
}

test("a fault is used once by default; times: n and Infinity; pending counts uses left", async ({ server }) => {
  server.faults.push(teapot);
  assert.is(server.faults.pending, 1);
  assert.equal(await statuses(() => send(server, "GET", LIST), 2), [418, 200]);
  assert.is(server.faults.pending, 0);
  server.faults.push(teapot, { times: 3 });
  assert.equal(await statuses(() => send(server, "GET", LIST), 4), [418, 418, 418, 200]);
  server.faults.push(teapot, { times: Infinity });
  assert.equal(await statuses(() => send(server, "GET", LIST), 5), [418, 418, 418, 418, 418]);
  server.faults.clear();
  assert.is(server.faults.pending, 0);
  assert.is((await send(server, "GET", LIST)).status, 200);
});

test("method matching is case-insensitive; other methods pass through untouched", async ({ server }) => {
  server.faults.push(teapot, { method: "post" });
  assert.is((await send(server, "GET", LIST)).status, 200);
  assert.is((await send(server, "POST", LIST, {})).status, 418);
  assert.is((await send(server, "POST", LIST, {})).status, 201);
});

test("string paths match the rawPath, the rawPath without query, or either with the server url", async ({ server }) => {
  const path = `/beta${LIST}`;
  for (const pattern of [path, `${path}?$top=1`, `${server.url}${path}`]) {
    server.faults.push(teapot, { path: pattern });
    assert.is((await send(server, "GET", `${LIST}/x`)).status, 404, `${pattern} must not match a longer path`);
    assert.is((await send(server, "GET", `${LIST}?$top=1`)).status, 418, pattern);
  }
  server.faults.push(teapot, { path: "/beta" });
  assert.is((await send(server, "GET", LIST)).status, 200, "a prefix string is not a match");
  server.faults.clear();
});

test("RegExp paths are tested against rawPath (global flags do not make matching flaky)", async ({ server }) => {
  server.faults.push(teapot, { path: /\/assignments\?\$top=2$/g, times: 3 });
  assert.is((await send(server, "GET", `${LIST}?$top=1`)).status, 200);
  assert.equal(await statuses(() => send(server, "GET", `${LIST}?$top=2`), 3), [418, 418, 418]);
  server.faults.push(teapot, { path: /%2F/ });
  server.store.addPolicy({ id: "a/b" });
  assert.is((await send(server, "GET", `${POLICIES}/a%2Fb`)).status, 418, "matched on the encoded form");
});

test("the first pushed matching fault wins; non-matching earlier faults are skipped and kept", async ({ server }) => {
  server.faults.push({ kind: "status", status: 503 }, { method: "DELETE" });
  server.faults.push({ kind: "status", status: 504 });
  server.faults.push({ kind: "status", status: 500 });
  assert.equal(await statuses(() => send(server, "GET", LIST), 3), [504, 500, 200]);
  assert.is(server.faults.pending, 1);
  assert.is((await send(server, "DELETE", `${POLICIES}/p`)).status, 503);
});

test("faults skip CORS preflights unless the match names OPTIONS; faulted requests are recorded", async ({
  server,
}) => {
  server.faults.push(teapot);
  const preflight = await fetch(server.baseUrl + LIST, {
    method: "OPTIONS",
    headers: { "access-control-request-method": "GET" },
  });
  assert.is(preflight.status, 204);
  assert.is(server.faults.pending, 1);
  server.faults.clear();
  server.faults.push(teapot, { method: "OPTIONS" });
  assert.is((await fetch(server.baseUrl + LIST, { method: "OPTIONS" })).status, 418);
  assert.equal(
    server.requests.map((r) => r.method),
    ["OPTIONS", "OPTIONS"],
  );
});

test("invalid pushes and throttle settings throw TypeError", ({ server }) => {
  const bad: [Fault, object][] = [
    [teapot, { times: 0 }],
    [teapot, { times: 1.5 }],
    [{ kind: "status", status: 99 }, {}],
    [{ kind: "html", status: 1000 }, {}],
    [{ kind: "stall", ms: -1 }, {}],
    [{ kind: "huge", bytes: 0 }, {}],
  ];
  for (const [fault, match] of bad) assert.throws(() => server.faults.push(fault, match), TypeError);
  assert.throws(() => server.faults.throttle({ rate: 1.5 }), TypeError);
  assert.throws(() => server.faults.throttle({ rate: Number.NaN }), TypeError);
  assert.is(server.faults.pending, 0);
});

test("redirect: status and Location as given; fetch follows a same-origin redirect to a real route", async ({
  server,
}) => {
  server.store.addAssignment("p", { id: "a" });
  server.faults.push({ kind: "redirect", status: 308, location: "/somewhere/else" });
  const manual = await fetch(server.baseUrl + LIST, { redirect: "manual" });
  assert.is(manual.status, 308);
  assert.is(manual.headers.get("location"), "/somewhere/else");
  assert.is(await manual.text(), "");
  server.faults.push({ kind: "redirect", status: 302, location: `${server.baseUrl}${LIST}/a` });
  const followed = await fetch(server.baseUrl + LIST);
  assert.is(followed.status, 200);
  assert.is(((await followed.json()) as { id: string }).id, "a");
  assert.equal(
    server.requests.slice(1).map((r) => r.rawPath),
    [`/beta${LIST}`, `/beta${LIST}/a`],
  );
});

test("redirect of a POST is not applied unless apply: true", async ({ server }) => {
  server.faults.push({ kind: "redirect", status: 307, location: "/x" });
  assert.is(
    (
      await fetch(server.baseUrl + LIST, {
        method: "POST",
        redirect: "manual",
        body: "{}",
        headers: { "content-type": "application/json" },
      })
    ).status,
    307,
  );
  assert.is(server.store.listAssignments("p").length, 0);
  server.faults.push({ kind: "redirect", status: 307, location: "/x", apply: true });
  await fetch(server.baseUrl + LIST, {
    method: "POST",
    redirect: "manual",
    body: "{}",
    headers: { "content-type": "application/json" },
  });
  assert.is(server.store.listAssignments("p").length, 1);
});

test("nextLink: the real page with @odata.nextLink replaced by the given url; errors pass through", async ({
  server,
}) => {
  server.store.addAssignment("p", { id: "a" });
  server.faults.push({ kind: "nextLink", url: "https://evil.example/beta/steal?$skiptoken=x" });
  const page = await call(server, "GET", `${LIST}?$count=true`);
  assert.is(page.status, 200);
  assert.is(page.json["@odata.nextLink"], "https://evil.example/beta/steal?$skiptoken=x");
  assert.equal(page.json.value, [{ id: "a" }]);
  assert.is(page.json["@odata.count"], 1);
  server.faults.push({ kind: "nextLink", url: "http://x" });
  assert.is((await call(server, "GET", `${POLICIES}/missing/assignments`)).status, 404);
  assert.is(server.faults.pending, 0);
});

test.run();
