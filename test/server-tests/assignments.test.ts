import * as assert from "uvu/assert";
import { assertGraphError, call, graphSuite, POLICIES, send, type AnyJson } from "./helpers.js";

const test = graphSuite("assignments");
const P = `${POLICIES}/p`;
const ASSIGNMENT_CONTEXT = (server: { baseUrl: string }) =>
  `${server.baseUrl}/$metadata#deviceManagement/configurationPolicies('p')/assignments/$entity`;

function withoutContext(json: AnyJson): AnyJson {
  const { "@odata.context": _context, ...rest } = json;
  return rest;
}

test.before.each(({ server }) => {
  server.store.addPolicy({ id: "p", name: "policy" });
});

test("the documented PATCH example: 200 with the updated entity, @odata.type spellings kept exactly", async ({
  server,
}) => {
  const id = "1f069921-9921-1f06-2199-061f2199061f";
  server.store.addAssignment("p", {
    id,
    target: { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: "g" },
  });
  const request = {
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
    target: {
      "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget",
      deviceAndAppManagementAssignmentFilterId: "Device And App Management Assignment Filter Id value",
      deviceAndAppManagementAssignmentFilterType: "include",
      collectionId: "Collection Id value",
    },
  };
  const res = await call(server, "PATCH", `${P}/assignments/${id}`, request);
  assert.is(res.status, 200);
  assert.is(res.json["@odata.context"], ASSIGNMENT_CONTEXT(server));
  assert.equal(withoutContext(res.json), { id, ...request });
  assert.equal(server.store.getAssignment("p", id), { id, ...request });
});

test("POST creates an assignment: 201, Location, unknown target types and properties kept verbatim", async ({
  server,
}) => {
  const body = {
    target: {
      "@odata.type": "microsoft.graph.scopeTagGroupAssignmentTarget",
      groupId: "g",
      newerProperty: { deep: [1, 2] },
    },
    source: "direct",
    notInSpec: "kept",
  };
  const res = await call(server, "POST", `${P}/assignments`, body);
  assert.is(res.status, 201);
  const { id, ...rest } = withoutContext(res.json);
  assert.equal(rest, body);
  assert.is(res.json["@odata.context"], ASSIGNMENT_CONTEXT(server));
  assert.is(res.headers.get("location"), `${server.baseUrl}${P}/assignments/${id}`);
  assert.equal(server.store.listAssignments("p"), [{ id, ...body }]);
});

test("PATCH: null clears, absent unchanged, nested target replaced whole, unknown properties added", async ({
  server,
}) => {
  server.store.addAssignment("p", {
    id: "a",
    source: "direct",
    sourceId: "src",
    target: {
      "@odata.type": "#microsoft.graph.groupAssignmentTarget",
      groupId: "g",
      deviceAndAppManagementAssignmentFilterId: "f",
    },
  });
  const patch = {
    sourceId: null,
    target: { "@odata.type": "microsoft.graph.allDevicesAssignmentTarget" },
    brandNew: 1,
  };
  const res = await call(server, "PATCH", `${P}/assignments/a`, patch);
  const expected = { id: "a", source: "direct", sourceId: null, target: patch.target, brandNew: 1 };
  assert.equal(withoutContext(res.json), expected);
  assert.equal(server.store.getAssignment("p", "a"), expected);
});

test("a '__proto__' property in a body is stored and echoed as plain data", async ({ server }) => {
  const res = await call(
    server,
    "POST",
    `${P}/assignments`,
    '{"id":"a","__proto__":{"x":1},"target":{"__proto__":null}}',
  );
  assert.is(res.status, 201);
  assert.ok(res.text.includes('"__proto__":{"x":1}'));
  assert.ok(res.text.includes('"target":{"__proto__":null}'));
  const read = await send(server, "GET", `${P}/assignments/a`);
  assert.ok((await read.text()).includes('"__proto__":{"x":1}'));
});

test("GET item and list; unknown assignment or policy → 404 ResourceNotFound", async ({ server }) => {
  for (const id of ["z", "y", "x"]) server.store.addAssignment("p", { id, n: id });
  const list = await call(server, "GET", `${P}/assignments`);
  assert.is(
    list.json["@odata.context"],
    `${server.baseUrl}/$metadata#deviceManagement/configurationPolicies('p')/assignments`,
  );
  assert.equal(
    list.json.value.map((a: AnyJson) => a.id),
    ["z", "y", "x"],
  );
  const item = await call(server, "GET", `${P}/assignments/y`);
  assert.equal(withoutContext(item.json), { id: "y", n: "y" });
  assertGraphError(await call(server, "GET", `${P}/assignments/nope`), 404, "ResourceNotFound", "nope");
  const missing = `${POLICIES}/missing`;
  assertGraphError(await call(server, "GET", `${missing}/assignments`), 404, "ResourceNotFound", "missing");
  assertGraphError(await call(server, "GET", `${missing}/assignments/x`), 404, "ResourceNotFound");
  assertGraphError(await call(server, "POST", `${missing}/assignments`, {}), 404, "ResourceNotFound");
  assertGraphError(await call(server, "GET", `${missing}/assignments/$count`), 404, "ResourceNotFound");
  assertGraphError(
    await call(server, "POST", `${missing}/microsoft.graph.assign`, { assignments: [] }),
    404,
    "ResourceNotFound",
  );
});

test("DELETE → 204 empty; the assignment is gone and a second DELETE is 404", async ({ server }) => {
  server.store.addAssignment("p", { id: "a" });
  server.store.addAssignment("p", { id: "b" });
  const res = await send(server, "DELETE", `${P}/assignments/a`);
  assert.is(res.status, 204);
  assert.is(await res.text(), "");
  assert.equal(server.store.listAssignments("p"), [{ id: "b" }]);
  assertGraphError(await call(server, "DELETE", `${P}/assignments/a`), 404, "ResourceNotFound");
});

test("assignments/$count → text/plain number", async ({ server }) => {
  const empty = await send(server, "GET", `${P}/assignments/$count`);
  assert.is(empty.headers.get("content-type"), "text/plain");
  assert.is(await empty.text(), "0");
  for (let i = 0; i < 5; i++) server.store.addAssignment("p", { source: i % 2 === 0 ? "direct" : "policySets" });
  assert.is(await (await send(server, "GET", `${P}/assignments/$count`)).text(), "5");
  assert.is(await (await send(server, "GET", `${P}/assignments/$count?$filter=source eq 'direct'`)).text(), "3");
});

test("assign action replaces all assignments, keeps given ids, generates missing ones → 200 collection", async ({
  server,
}) => {
  server.store.addAssignment("p", { id: "old" });
  const assignments = [
    { id: "keep-me", target: { "@odata.type": "microsoft.graph.groupAssignmentTarget", groupId: "g1" } },
    { target: { "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", groupId: "g2" } },
  ];
  const res = await call(server, "POST", `${P}/microsoft.graph.assign`, { assignments });
  assert.is(res.status, 200);
  assert.is(
    res.json["@odata.context"],
    `${server.baseUrl}/$metadata#Collection(microsoft.graph.deviceManagementConfigurationPolicyAssignment)`,
  );
  assert.is(res.json.value.length, 2);
  assert.equal(res.json.value[0], assignments[0]);
  const generated = res.json.value[1];
  assert.match(generated.id, /^[0-9a-f-]{36}$/);
  assert.equal(generated.target, assignments[1]!.target);
  assert.equal(server.store.listAssignments("p"), res.json.value);
  const cleared = await call(server, "POST", `${P}/microsoft.graph.assign`, { assignments: [] });
  assert.equal(cleared.json.value, []);
  assert.equal(server.store.listAssignments("p"), []);
});

test("assign action rejects bad bodies with 400 and changes nothing; GET → 405", async ({ server }) => {
  server.store.addAssignment("p", { id: "a" });
  const action = `${P}/microsoft.graph.assign`;
  assertGraphError(await call(server, "POST", action, {}), 400, "BadRequest", "assignments");
  assertGraphError(await call(server, "POST", action, { assignments: [1] }), 400, "BadRequest", "assignments");
  assertGraphError(
    await call(server, "POST", action, { assignments: [{ id: "d" }, { id: "d" }] }),
    400,
    "BadRequest",
    "'d'",
  );
  assertGraphError(await call(server, "POST", action, "{oops"), 400, "BadRequest", "Invalid JSON");
  assert.equal(server.store.listAssignments("p"), [{ id: "a" }]);
  const get = await call(server, "GET", action);
  assertGraphError(get, 405, "MethodNotAllowed");
  assert.is(get.headers.get("allow"), "POST");
});

test("assignment PATCH/POST validation: id mismatch 400, duplicate id 409, wrong methods 405", async ({ server }) => {
  server.store.addAssignment("p", { id: "a", source: "direct" });
  assertGraphError(await call(server, "PATCH", `${P}/assignments/a`, { id: "b" }), 400, "BadRequest", "does not match");
  assertGraphError(await call(server, "POST", `${P}/assignments`, { id: "a" }), 409, "Conflict", "'a'");
  assertGraphError(await call(server, "PATCH", `${P}/assignments`, {}), 405, "MethodNotAllowed");
  assertGraphError(await call(server, "POST", `${P}/assignments/a`, {}), 405, "MethodNotAllowed");
  assertGraphError(await call(server, "DELETE", `${P}/assignments/$count`), 405, "MethodNotAllowed");
  assertGraphError(await call(server, "PATCH", `${P}/assignments/a`, "[]"), 400, "BadRequest", "JSON object");
  assert.equal(server.store.listAssignments("p"), [{ id: "a", source: "direct" }]);
});

test.run();
