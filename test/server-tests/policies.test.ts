import * as assert from "uvu/assert";
import { assertGraphError, call, graphSuite, POLICIES, send } from "./helpers.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const test = graphSuite("policies");

test("POST creates a policy: 201, absolute Location, body echoed verbatim with a UUID id", async ({ server }) => {
  const body = {
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicy",
    name: "Baseline",
    futureField: { a: [1] },
  };
  const res = await call(server, "POST", POLICIES, body);
  assert.is(res.status, 201);
  const { "@odata.context": context, id, ...rest } = res.json;
  assert.match(id, UUID);
  assert.equal(rest, body);
  assert.is(context, `${server.baseUrl}/$metadata#deviceManagement/configurationPolicies/$entity`);
  assert.is(res.headers.get("location"), `${server.baseUrl}${POLICIES}/${id}`);
  assert.equal(server.store.getPolicy(id), { id, ...body });
  const viaLocation = await fetch(res.headers.get("location")!);
  assert.is(viaLocation.status, 200);
});

test("POST keeps a client-supplied id and answers 409 Conflict for a duplicate", async ({ server }) => {
  const first = await call(server, "POST", POLICIES, { id: "p1", name: "one" });
  assert.is(first.status, 201);
  assert.is(first.json.id, "p1");
  assertGraphError(await call(server, "POST", POLICIES, { id: "p1" }), 409, "Conflict", "p1");
  assertGraphError(await call(server, "POST", POLICIES, { id: 7 }), 400, "BadRequest", "'id'");
  assert.equal(server.store.getPolicy("p1"), { id: "p1", name: "one" });
});

test("GET lists policies in insertion order with @odata.context", async ({ server }) => {
  for (const name of ["b", "a", "c"]) server.store.addPolicy({ id: name, name });
  const res = await call(server, "GET", POLICIES);
  assert.is(res.status, 200);
  assert.is(res.json["@odata.context"], `${server.baseUrl}/$metadata#deviceManagement/configurationPolicies`);
  assert.equal(res.json.value, [
    { id: "b", name: "b" },
    { id: "a", name: "a" },
    { id: "c", name: "c" },
  ]);
  assert.not.ok("@odata.nextLink" in res.json);
});

test("GET by id returns the entity; unknown id → 404 ResourceNotFound naming the id", async ({ server }) => {
  server.store.addPolicy({ id: "p", name: "x", "@odata.type": "microsoft.graph.deviceManagementConfigurationPolicy" });
  const res = await call(server, "GET", `${POLICIES}/p`);
  assert.is(res.status, 200);
  assert.equal(res.json, {
    "@odata.context": `${server.baseUrl}/$metadata#deviceManagement/configurationPolicies/$entity`,
    id: "p",
    name: "x",
    "@odata.type": "microsoft.graph.deviceManagementConfigurationPolicy",
  });
  assertGraphError(await call(server, "GET", `${POLICIES}/nope`), 404, "ResourceNotFound", "nope");
});

test("GET by id with $select keeps selected properties plus id and @odata.type", async ({ server }) => {
  server.store.addPolicy({ "@odata.type": "#t", id: "p", name: "x", description: "d", platforms: "windows10" });
  const res = await call(server, "GET", `${POLICIES}/p?$select=name,platforms`);
  assert.equal(res.json, {
    "@odata.context": `${server.baseUrl}/$metadata#deviceManagement/configurationPolicies(name,platforms)/$entity`,
    "@odata.type": "#t",
    id: "p",
    name: "x",
    platforms: "windows10",
  });
});

test("PATCH merges: present overwritten, null stored, absent unchanged, nested replaced; 200 with the full entity", async ({
  server,
}) => {
  server.store.addPolicy({
    id: "p",
    name: "old",
    description: "keep me",
    templateReference: { a: 1, b: 2 },
    roleScopeTagIds: ["0"],
  });
  const res = await call(server, "PATCH", `${POLICIES}/p`, {
    name: "new",
    roleScopeTagIds: null,
    templateReference: { c: 3 },
    added: true,
  });
  assert.is(res.status, 200);
  const expected = {
    id: "p",
    name: "new",
    description: "keep me",
    templateReference: { c: 3 },
    roleScopeTagIds: null,
    added: true,
  };
  const { "@odata.context": context, ...entity } = res.json;
  assert.equal(entity, expected);
  assert.ok(String(context).endsWith("#deviceManagement/configurationPolicies/$entity"));
  assert.equal(server.store.getPolicy("p"), expected);
});

test("PATCH with an id differing from the URL key → 400; the same id is accepted", async ({ server }) => {
  server.store.addPolicy({ id: "p", name: "old" });
  assertGraphError(
    await call(server, "PATCH", `${POLICIES}/p`, { id: "other", name: "x" }),
    400,
    "BadRequest",
    "does not match",
  );
  assert.is(server.store.getPolicy("p")!.name, "old");
  assert.is((await call(server, "PATCH", `${POLICIES}/p`, { id: "p", name: "x" })).json.name, "x");
  assertGraphError(await call(server, "PATCH", `${POLICIES}/missing`, { name: "x" }), 404, "ResourceNotFound");
});

test("DELETE → 204 with an empty body and no content-type; the policy and its assignments are gone", async ({
  server,
}) => {
  server.store.addPolicy({ id: "p" });
  server.store.addAssignment("p", { id: "a" });
  const res = await send(server, "DELETE", `${POLICIES}/p`);
  assert.is(res.status, 204);
  assert.is(await res.text(), "");
  assert.is(res.headers.get("content-type"), null);
  assert.is(server.store.getPolicy("p"), undefined);
  assertGraphError(await call(server, "GET", `${POLICIES}/p/assignments`), 404, "ResourceNotFound");
  assertGraphError(await call(server, "DELETE", `${POLICIES}/p`), 404, "ResourceNotFound");
});

test("$count → text/plain with the number, honouring $filter", async ({ server }) => {
  for (const id of ["a", "b", "c"]) server.store.addPolicy({ id, platforms: id === "b" ? "macOS" : "windows10" });
  const res = await send(server, "GET", `${POLICIES}/$count`);
  assert.is(res.status, 200);
  assert.is(res.headers.get("content-type"), "text/plain");
  assert.is(await res.text(), "3");
  const filtered = await send(server, "GET", `${POLICIES}/$count?$filter=platforms eq 'windows10'`);
  assert.is(await filtered.text(), "2");
});

test("$expand=assignments inlines assignments (item and list); expansions other than assignments/settings → 400", async ({ server }) => {
  server.store.addPolicy({ id: "p", name: "x" });
  server.store.addAssignment("p", { id: "a", target: { groupId: "g" } });
  const item = await call(server, "GET", `${POLICIES}/p?$expand=assignments`);
  assert.equal(item.json.assignments, [{ id: "a", target: { groupId: "g" } }]);
  const selected = await call(server, "GET", `${POLICIES}/p?$select=id&$expand=assignments`);
  assert.equal(Object.keys(selected.json), ["@odata.context", "id", "assignments"]);
  const list = await call(server, "GET", `${POLICIES}?$expand=assignments&$select=name`);
  assert.equal(list.json.value, [{ id: "p", name: "x", assignments: [{ id: "a", target: { groupId: "g" } }] }]);
  assertGraphError(await call(server, "GET", `${POLICIES}/p?$expand=templateReference`), 400, "BadRequest", "templateReference");
  assert.not.ok("assignments" in (await call(server, "GET", `${POLICIES}/p`)).json);
});

test("wrong methods → 405 MethodNotAllowed with an Allow header", async ({ server }) => {
  server.store.addPolicy({ id: "p" });
  const cases: [string, string, string][] = [
    ["DELETE", POLICIES, "GET, POST"],
    ["PATCH", POLICIES, "GET, POST"],
    ["PUT", `${POLICIES}/p`, "GET, PATCH, DELETE"],
    ["POST", `${POLICIES}/p`, "GET, PATCH, DELETE"],
    ["POST", `${POLICIES}/$count`, "GET"],
    ["HEAD", `${POLICIES}/p`, "GET, PATCH, DELETE"],
  ];
  for (const [method, path, allow] of cases) {
    const res = await send(server, method, path, method === "HEAD" ? undefined : {});
    assert.is(res.status, 405, `${method} ${path}`);
    assert.is(res.headers.get("allow"), allow);
    if (method !== "HEAD")
      assert.is(((await res.json()) as { error: { code: string } }).error.code, "MethodNotAllowed");
  }
  assert.equal(server.store.listPolicies(), [{ id: "p" }]);
});

test("bodies: invalid JSON, empty, non-object → 400; non-JSON content-type → 415; nothing stored", async ({
  server,
}) => {
  const invalid = await call(server, "POST", POLICIES, '{"name": ');
  assertGraphError(invalid, 400, "BadRequest", "Invalid JSON");
  assertGraphError(await call(server, "POST", POLICIES, ""), 400, "BadRequest", "Empty Payload");
  assertGraphError(await call(server, "POST", POLICIES, "[1,2]"), 400, "BadRequest", "JSON object");
  assertGraphError(await call(server, "POST", POLICIES, "null"), 400, "BadRequest", "JSON object");
  const textPlain = await call(server, "POST", POLICIES, '{"name":"x"}', { "content-type": "text/plain" });
  assertGraphError(textPlain, 415, "UnsupportedMediaType", "text/plain");
  const charset = await call(server, "POST", POLICIES, '{"name":"x"}', {
    "content-type": "application/json; charset=utf-8",
  });
  assert.is(charset.status, 201);
  assert.is(server.store.listPolicies().length, 1);
});

test.run();
