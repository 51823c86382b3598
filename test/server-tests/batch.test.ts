import * as assert from "uvu/assert";
import { assertGraphError, call, graphSuite, POLICIES } from "./helpers.js";

const test = graphSuite("$batch");
const LIST = `${POLICIES}/p/assignments`;

test.before.each(({ server }) => {
  server.store.addPolicy({ id: "p" });
  server.store.addAssignment("p", { id: "a", n: 0 });
});

const batch = (server: Parameters<typeof call>[0], requests: unknown[]) => call(server, "POST", "/$batch", { requests });

test("each item goes through the real routes, in order; answers come back in reverse order with their own status, headers and JSON body", async ({ server }) => {
  const res = await batch(server, [
    { id: "1", method: "PATCH", url: `${LIST}/a`, headers: { "Content-Type": "application/json" }, body: { n: 1 } },
    { id: "2", method: "GET", url: `${LIST}/a` },
    { id: "3", method: "GET", url: `${LIST}/missing` },
    { id: "4", method: "GET", url: `${LIST}/$count` },
    { id: "5", method: "DELETE", url: `${LIST}/a` },
  ]);
  assert.is(res.status, 200);
  const responses = res.json.responses as { id: string; status: number; headers: Record<string, string>; body?: { n?: number; error?: { code: string } } }[];
  assert.equal(responses.map((r) => [r.id, r.status]), [["5", 204], ["4", 200], ["3", 404], ["2", 200], ["1", 200]]);
  assert.is(responses[3]!.body!.n, 1, "item 2 saw item 1's PATCH");
  assert.is(responses[2]!.body!.error!.code, "ResourceNotFound");
  assert.is(responses[1]!.body, "1" as never, "text bodies stay text");
  assert.match(responses[4]!.headers["content-type"]!, /^application\/json/);
  assert.equal(server.store.listAssignments("p"), []);
  assert.is(server.faults.stats.applied, 2, "the PATCH and the DELETE, not the envelope");
});

test("dependsOn: an item whose dependency failed is 424 FailedDependency and is not applied", async ({ server }) => {
  const res = await batch(server, [
    { id: "1", method: "PATCH", url: `${LIST}/missing`, headers: { "content-type": "application/json" }, body: { n: 1 } },
    { id: "2", method: "DELETE", url: `${LIST}/a`, dependsOn: ["1"] },
  ]);
  const second = (res.json.responses as { id: string; status: number; body: unknown }[]).find((r) => r.id === "2")!;
  assert.is(second.status, 424);
  assert.is((second.body as { error: { code: string } }).error.code, "FailedDependency");
  assert.is(server.store.listAssignments("p").length, 1);
});

test("per-item faults and the throttle: a queued 429 matched by the item's method and /beta path, with Retry-After", async ({ server }) => {
  server.faults.push({ kind: "status", status: 429, retryAfter: "3" }, { method: "PATCH", path: `/beta${LIST}/a` });
  const res = await batch(server, [
    { id: "1", method: "PATCH", url: `${LIST}/a`, headers: { "content-type": "application/json" }, body: { n: 1 } },
    { id: "2", method: "PATCH", url: `${LIST}/a`, headers: { "content-type": "application/json" }, body: { n: 2 } },
  ]);
  const byId = new Map((res.json.responses as { id: string; status: number; headers: Record<string, string> }[]).map((r) => [r.id, r]));
  assert.is(byId.get("1")!.status, 429);
  assert.is(byId.get("1")!.headers["retry-after"], "3");
  assert.is(byId.get("2")!.status, 200);
  assert.is(server.store.getAssignment("p", "a")!.n, 2);
  // PATCH only: with POST in the throttle's methods, the $batch envelope itself would be throttled.
  server.faults.throttle({ rate: 1, methods: ["PATCH"] });
  const throttled = await batch(server, [{ id: "x", method: "PATCH", url: `${LIST}/a`, headers: { "content-type": "application/json" }, body: { n: 3 } }]);
  assert.is(throttled.json.responses[0].status, 429);
});

test("bad batches are 400: more than 20 items, duplicate ids, absolute or versioned URLs, a dependsOn that is not earlier", async ({ server }) => {
  const get = (id: string, extra: object = {}) => ({ id, method: "GET", url: LIST, ...extra });
  assertGraphError(await batch(server, Array.from({ length: 21 }, (_, i) => get(String(i)))), 400, "BadRequest");
  assertGraphError(await batch(server, [get("1"), get("1")]), 400, "BadRequest");
  assertGraphError(await batch(server, [get("1", { url: `/beta${LIST}` })]), 400, "BadRequest");
  assertGraphError(await batch(server, [get("1", { url: `${server.baseUrl}${LIST}` })]), 400, "BadRequest");
  assertGraphError(await batch(server, [get("1", { dependsOn: ["2"] }), get("2")]), 400, "BadRequest");
  assert.is((await batch(server, Array.from({ length: 20 }, (_, i) => get(String(i))))).status, 200);
});

test.run();
