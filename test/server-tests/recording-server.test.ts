import { suite } from "uvu";
import * as assert from "uvu/assert";
import { startGraphServer, type GraphServer } from "../server/graph-server.js";
import { startRecordingServer, type RecordingServer } from "../server/recording-server.js";
import { rejection } from "./helpers.js";

interface Ctx {
  graph: GraphServer;
  foreign: RecordingServer;
}

const test = suite<Ctx>("recording server", {} as Ctx);
const LIST = "/deviceManagement/configurationPolicies/p/assignments";

test.before(async (ctx) => {
  ctx.graph = await startGraphServer();
  ctx.foreign = await startRecordingServer();
});
test.after(async (ctx) => {
  await Promise.all([ctx.graph.close(), ctx.foreign.close()]);
});
test.before.each((ctx) => {
  ctx.foreign.requests.length = 0;
  ctx.graph.requests.length = 0;
  ctx.graph.faults.clear();
  ctx.graph.store.reset();
  ctx.graph.store.addPolicy({ id: "p" });
});

test("listens on its own 127.0.0.1 port", ({ graph, foreign }) => {
  assert.match(foreign.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.is.not(foreign.url, graph.url);
});

test("by default answers 200 with a small Graph-like list body and CORS, recording everything", async ({ foreign }) => {
  const res = await fetch(`${foreign.url}/beta/anything?$top=1`, {
    method: "PATCH",
    headers: { Authorization: "Bearer secret", Cookie: "a=b", "content-type": "application/json" },
    body: '{"x":1}',
  });
  assert.is(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
  assert.is(res.headers.get("access-control-allow-origin"), "*");
  assert.equal(await res.json(), { value: [] });
  assert.is(foreign.requests.length, 1);
  const [recorded] = foreign.requests;
  assert.is(recorded!.method, "PATCH");
  assert.is(recorded!.rawPath, "/beta/anything?$top=1");
  assert.is(recorded!.headers.authorization, "Bearer secret");
  assert.is(recorded!.headers.cookie, "a=b");
  assert.is(recorded!.body, '{"x":1}');
});

test("respond() (sync or async) decides status, headers and body and sees the recorded request", async () => {
  const seen: string[] = [];
  const custom = await startRecordingServer({
    respond: async (req) => {
      seen.push(`${req.method} ${req.rawPath} ${req.headers["x-k"] ?? ""}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return req.method === "GET"
        ? { status: 418, headers: { "Content-Type": "text/plain", "X-Y": "z" }, body: "teapot" }
        : {};
    },
  });
  try {
    const get = await fetch(`${custom.url}/a`, { headers: { "x-k": "v" } });
    assert.is(get.status, 418);
    assert.is(get.headers.get("content-type"), "text/plain");
    assert.is(get.headers.get("x-y"), "z");
    assert.is(await get.text(), "teapot");
    const post = await fetch(`${custom.url}/b`, { method: "POST", body: "{}" });
    assert.is(post.status, 200);
    assert.equal(await post.json(), { value: [] });
    assert.equal(seen, ["GET /a v", "POST /b "]);
  } finally {
    await custom.close();
  }
});

test("a throwing respond() gives a 500 instead of a hung request", async () => {
  const broken = await startRecordingServer({
    respond: () => {
      throw new Error("boom");
    },
  });
  try {
    const res = await fetch(broken.url);
    assert.is(res.status, 500);
    assert.ok((await res.text()).includes("boom"));
    assert.is(broken.requests.length, 1);
  } finally {
    await broken.close();
  }
});

test("cross-origin redirect from the Graph server: the foreign server records what fetch forwarded", async ({
  graph,
  foreign,
}) => {
  graph.faults.push({ kind: "redirect", status: 307, location: `${foreign.url}/landing?from=graph` });
  const res = await fetch(graph.baseUrl + LIST, { headers: { Authorization: "Bearer secret", "x-trace": "t1" } });
  assert.is(res.status, 200);
  assert.equal(await res.json(), { value: [] });
  assert.is(graph.requests[0]!.headers.authorization, "Bearer secret");
  assert.is(foreign.requests.length, 1);
  const landed = foreign.requests[0]!;
  assert.is(landed.rawPath, "/landing?from=graph");
  assert.is(landed.headers["x-trace"], "t1", "other headers are forwarded, so their absence would be visible");
  assert.is(landed.headers.authorization, undefined, "Node's fetch drops Authorization across origins");
});

test("a foreign nextLink points at the recording server, which sees any request made to it", async ({
  graph,
  foreign,
}) => {
  graph.faults.push({ kind: "nextLink", url: `${foreign.url}/beta${LIST}?$skiptoken=stolen` });
  const page = (await (await fetch(graph.baseUrl + LIST)).json()) as { "@odata.nextLink": string };
  assert.ok(page["@odata.nextLink"].startsWith(foreign.url));
  assert.is(foreign.requests.length, 0);
  await fetch(page["@odata.nextLink"], { headers: { Authorization: "Bearer leaked" } });
  assert.is(foreign.requests[0]!.headers.authorization, "Bearer leaked");
});

test("close() resolves promptly even with a request whose respond() never settles", async () => {
  const hanging = await startRecordingServer({ respond: () => new Promise(() => {}) });
  const pending = rejection(fetch(hanging.url));
  while (hanging.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const started = Date.now();
  await hanging.close();
  assert.ok(Date.now() - started < 500);
  assert.instance(await pending, TypeError);
});

test.run();
