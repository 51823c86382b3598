import * as assert from "uvu/assert";
import type { GraphServer } from "../server/graph-server.js";
import { assertGraphError, call, graphSuite, POLICIES, send } from "./helpers.js";

const test = graphSuite("throttle");
const LIST = `${POLICIES}/p/assignments`;

test.before.each(({ server }) => {
  server.store.addPolicy({ id: "p" });
});

/** Status of `n` sequential POSTs (optionally with a GET between each, which must not consume decisions). */
async function postPattern(server: GraphServer, n: number, withGets = false): Promise<string> {
  let pattern = "";
  for (let i = 0; i < n; i++) {
    if (withGets) assert.is((await send(server, "GET", LIST)).status, 200);
    const res = await send(server, "POST", LIST, {});
    await res.arrayBuffer();
    pattern += res.status === 429 ? "T" : res.status === 201 ? "." : "?";
  }
  return pattern;
}

test("rate 1: every POST/PATCH is 429 TooManyRequests with Retry-After 0 and is not applied; GET/DELETE pass", async ({
  server,
}) => {
  server.store.addAssignment("p", { id: "a", n: 0 });
  server.faults.throttle({ rate: 1 });
  const post = await call(server, "POST", LIST, { id: "b" });
  assertGraphError(post, 429, "TooManyRequests");
  assert.is(post.headers.get("retry-after"), "0");
  assert.is((await call(server, "PATCH", `${LIST}/a`, { n: 1 })).status, 429);
  assert.is((await call(server, "GET", LIST)).status, 200);
  assert.equal(server.store.listAssignments("p"), [{ id: "a", n: 0 }]);
  assert.is((await send(server, "DELETE", `${LIST}/a`)).status, 204);
  assert.equal(server.faults.stats.throttled, 2);
  assert.equal(server.faults.stats.applied, 1, "the DELETE");
});

test("retryAfterSeconds and methods options; throttle(null) switches it off", async ({ server }) => {
  server.store.addAssignment("p", { id: "a" });
  server.faults.throttle({ rate: 1, retryAfterSeconds: 2, methods: ["delete"] });
  assert.is((await send(server, "POST", LIST, {})).status, 201);
  const del = await send(server, "DELETE", `${LIST}/a`);
  assert.is(del.status, 429);
  assert.is(del.headers.get("retry-after"), "2");
  server.faults.throttle(null);
  assert.is((await send(server, "DELETE", `${LIST}/a`)).status, 204);
});

test("queued faults take precedence over the throttle", async ({ server }) => {
  server.faults.throttle({ rate: 1 });
  server.faults.push({ kind: "status", status: 503 });
  assert.is((await send(server, "POST", LIST, {})).status, 503);
  assert.is((await send(server, "POST", LIST, {})).status, 429);
  assert.is(server.faults.stats.throttled, 1);
});

test("deterministic: the same seed gives the same decisions (GETs do not consume any); another seed differs", async ({
  server,
}) => {
  server.faults.throttle({ rate: 0.5, seed: 42 });
  const first = await postPattern(server, 40);
  server.faults.throttle({ rate: 0.5, seed: 42 });
  const again = await postPattern(server, 40, true);
  server.faults.throttle({ rate: 0.5, seed: 43 });
  const other = await postPattern(server, 40);
  assert.is(again, first);
  assert.is.not(other, first);
  const throttled = [...first].filter((c) => c === "T").length;
  assert.ok(throttled > 8 && throttled < 32, `about half throttled, got ${first}`);
  assert.not.ok(first.includes("?"));
  server.faults.throttle({ rate: 0 });
  assert.is(await postPattern(server, 10), "..........");
});

test("stats count applied writes per client-request-id, so duplicates are visible; clear() zeroes them", async ({
  server,
}) => {
  const headers = { "client-request-id": "dup" };
  await send(server, "POST", LIST, {}, headers);
  await send(server, "POST", LIST, {}, headers);
  await send(server, "POST", LIST, "{bad", { "client-request-id": "failed" });
  await send(server, "POST", LIST, {});
  await send(server, "GET", LIST, undefined, { "client-request-id": "read" });
  const { stats } = server.faults;
  assert.is(stats.applied, 3, "two dup POSTs and one without an id; failures and reads are not writes applied");
  assert.equal([...stats.appliedByClientRequestId], [["dup", 2]]);
  server.faults.clear();
  assert.is(stats.applied, 0);
  assert.is(stats.appliedByClientRequestId.size, 0);
});

test("load: 2,000 POST/PATCH with 32 in flight under 30% throttling — each applied exactly once", async ({
  server,
}) => {
  const total = 2000;
  for (let i = 0; i < total / 2; i++) server.store.addAssignment("p", { id: `old-${i}`, n: -1 });
  server.faults.throttle({ rate: 0.3, seed: 7 });
  let next = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let seen429 = 0;
  const statuses: number[] = [];
  const logical = async (i: number): Promise<void> => {
    const post = i % 2 === 0;
    const path = post ? LIST : `${LIST}/old-${(i - 1) / 2}`;
    const body = JSON.stringify(post ? { id: `new-${i}`, n: i } : { n: i });
    const headers = { "content-type": "application/json", "client-request-id": `logical-${i}` };
    for (let attempt = 0; attempt < 100; attempt++) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const res = await fetch(server.baseUrl + path, { method: post ? "POST" : "PATCH", headers, body });
      await res.arrayBuffer();
      inFlight -= 1;
      if (res.status !== 429) return void (statuses[i] = res.status);
      assert.is(res.headers.get("retry-after"), "0");
      seen429 += 1;
    }
    assert.unreachable(`logical request ${i} never got through`);
  };
  const worker = async (): Promise<void> => {
    while (next < total) await logical(next++);
  };
  await Promise.all(Array.from({ length: 32 }, worker));

  const { stats } = server.faults;
  assert.is(maxInFlight, 32);
  assert.ok(seen429 > 300, `throttled ${seen429} times`);
  assert.is(stats.throttled, seen429);
  assert.is(stats.applied, total);
  assert.is(stats.appliedByClientRequestId.size, total);
  assert.equal(
    [...stats.appliedByClientRequestId.values()].filter((count) => count !== 1),
    [],
  );
  assert.is(server.requests.length, total + seen429);
  assert.equal(
    statuses.filter((s, i) => s !== (i % 2 === 0 ? 201 : 200)),
    [],
  );
  const stored = server.store.listAssignments("p");
  assert.is(stored.length, total);
  assert.ok(
    stored.every((a) => typeof a.n === "number" && a.n >= 0),
    "every old assignment was patched",
  );
});

test.run();
