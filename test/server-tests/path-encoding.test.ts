import { request } from "node:http";
import * as assert from "uvu/assert";
import type { GraphServer } from "../server/graph-server.js";
import { assertGraphError, call, graphSuite, POLICIES } from "./helpers.js";

const test = graphSuite("path encoding");

/** Sends a request-target byte for byte (fetch would normalise it). */
function rawGet(server: GraphServer, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(server.url);
    const req = request({ host: "127.0.0.1", port, path: target, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("an id containing '/' arrives as %2F and is decoded once to find the entity; rawPath is verbatim", async ({
  server,
}) => {
  server.store.addPolicy({ id: "a/b", name: "slash" });
  const res = await call(server, "GET", `${POLICIES}/a%2Fb`);
  assert.is(res.status, 200);
  assert.is(res.json.id, "a/b");
  assert.is(server.requests[0]!.rawPath, `/beta${POLICIES}/a%2Fb`);
  assertGraphError(await call(server, "GET", `${POLICIES}/a/b`), 400, "BadRequest", "segment 'b'");
});

test("never decoded twice: %252F finds the id 'a%2Fb', and %2F does not", async ({ server }) => {
  server.store.addPolicy({ id: "a%2Fb" });
  server.store.addAssignment("a%2Fb", { id: "x%41" });
  const res = await call(server, "GET", `${POLICIES}/a%252Fb/assignments/x%2541`);
  assert.is(res.status, 200);
  assert.is(res.json.id, "x%41");
  assertGraphError(await call(server, "GET", `${POLICIES}/a%2Fb`), 404, "ResourceNotFound", "'a/b'");
  assertGraphError(await call(server, "GET", `${POLICIES}/a%252Fb/assignments/xA`), 404, "ResourceNotFound");
});

test("fixed segments are compared raw: '$count' is the count, '%24count' is an id", async ({ server }) => {
  server.store.addPolicy({ id: "$count", name: "tricky" });
  server.store.addAssignment("$count", { id: "$count" });
  assert.is((await call(server, "GET", `${POLICIES}/$count`)).text, "1");
  assert.is((await call(server, "GET", `${POLICIES}/%24count`)).json.name, "tricky");
  assert.is((await call(server, "GET", `${POLICIES}/%24count/assignments/$count`)).text, "1");
  assert.is((await call(server, "GET", `${POLICIES}/%24count/assignments/%24count`)).json.id, "$count");
  const action = await call(server, "POST", `${POLICIES}/%24count/microsoft.graph%2Eassign`, { assignments: [] });
  assertGraphError(action, 400, "BadRequest", "microsoft.graph.assign");
});

test("ids with reserved and non-ASCII characters round-trip through encodeURIComponent and Location", async ({
  server,
}) => {
  const policyId = "pol ?#&=+'\"é☃";
  const created = await call(server, "POST", POLICIES, { id: policyId });
  assert.is(created.status, 201);
  const location = created.headers.get("location")!;
  assert.is(location, `${server.baseUrl}${POLICIES}/${encodeURIComponent(policyId)}`);
  assert.is(((await (await fetch(location)).json()) as { id: string }).id, policyId);
  const post = await call(server, "POST", `${POLICIES}/${encodeURIComponent(policyId)}/assignments`, { id: "a?b" });
  assert.is(post.headers.get("location"), `${location}/assignments/a%3Fb`);
  assert.equal(server.store.listAssignments(policyId), [{ id: "a?b" }]);
  assert.ok(post.json["@odata.context"].includes(`configurationPolicies('pol ?#&=+''"é☃')/assignments`));
});

test("empty segments (an empty id) and trailing slashes → 400", async ({ server }) => {
  server.store.addPolicy({ id: "p" });
  assertGraphError(await call(server, "GET", `${POLICIES}//assignments`), 400, "BadRequest", "Empty segment");
  assertGraphError(await call(server, "GET", `${POLICIES}/`), 400, "BadRequest", "Empty segment");
  assertGraphError(await call(server, "GET", `${POLICIES}/p/assignments/`), 400, "BadRequest", "Empty segment");
});

test("malformed percent-encoding in a path segment → 400", async ({ server }) => {
  assertGraphError(await call(server, "GET", `${POLICIES}/%E0%A4%A`), 400, "BadRequest", "percent-encoding");
});

test("unknown segments → 400 'Resource not found for the segment'", async ({ server }) => {
  server.store.addPolicy({ id: "p" });
  const cases: [string, string][] = [
    [`${server.url}/v1.0${POLICIES}`, "v1.0"],
    [`${server.baseUrl}/deviceManagement`, "deviceManagement"],
    [`${server.baseUrl}/deviceManagement/deviceConfigurations`, "deviceConfigurations"],
    [`${server.baseUrl}${POLICIES}/p/templates`, "templates"],
    [`${server.baseUrl}${POLICIES}/p/settings/0/definitions`, "definitions"],
    [`${server.baseUrl}${POLICIES}/p/assignments/a/target`, "target"],
    [`${server.baseUrl}${POLICIES}/$count/assignments`, "assignments"],
  ];
  for (const [url, segment] of cases) {
    const res = await fetch(url);
    const text = await res.text();
    assert.is(res.status, 400, url);
    assert.ok(text.includes(`Resource not found for the segment '${segment}'`), text);
  }
});

test("rawPath keeps what fetch would normalise: dot segments and lower-case escapes", async ({ server }) => {
  server.store.addPolicy({ id: "." });
  const dot = await rawGet(server, `/beta${POLICIES}/%2e`);
  assert.is(dot.status, 200);
  assert.is(JSON.parse(dot.body).id, ".");
  const traversal = await rawGet(server, `/beta${POLICIES}/..?$select=id`);
  assert.is(traversal.status, 404, "'..' is looked up as an id, never resolved");
  assert.ok(traversal.body.includes("No policy with id '..'"), traversal.body);
  assert.equal(
    server.requests.map((r) => r.rawPath),
    [`/beta${POLICIES}/%2e`, `/beta${POLICIES}/..?$select=id`],
  );
});

test.run();
