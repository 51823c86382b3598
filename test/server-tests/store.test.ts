import { test } from "uvu";
import * as assert from "uvu/assert";
import { GraphStore, StoreError, type JsonObject } from "../server/store.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function storeError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    assert.instance(error, StoreError);
    return error as StoreError;
  }
  assert.unreachable("expected a StoreError");
  throw new Error("unreachable");
}

test("store: addPolicy without a body creates { id } with a fresh UUID; a given id is kept", () => {
  const store = new GraphStore();
  const a = store.addPolicy();
  const b = store.addPolicy();
  assert.equal(Object.keys(a), ["id"]);
  assert.match(a.id as string, UUID);
  assert.is.not(a.id, b.id);
  assert.is(store.addPolicy({ id: "fixed", name: "n" }).id, "fixed");
  assert.equal(store.getPolicy("fixed"), { id: "fixed", name: "n" });
});

test("store: bodies are stored verbatim (key order, @odata.type spelling, unknown properties)", () => {
  const store = new GraphStore();
  const policy = store.addPolicy({ id: "p" });
  const body: JsonObject = {
    "@odata.type": "microsoft.graph.deviceManagementConfigurationPolicyAssignment",
    target: {
      "@odata.type": "microsoft.graph.scopeTagGroupAssignmentTarget",
      groupId: "g",
      futureProp: [1, { x: null }],
    },
    zeta: 1,
    alpha: true,
  };
  const created = store.addAssignment(policy.id as string, body);
  assert.equal(Object.keys(created), ["id", "@odata.type", "target", "zeta", "alpha"]);
  const { id: _id, ...rest } = created;
  assert.equal(rest, body);
  assert.equal(store.getAssignment("p", created.id as string), created);
});

test("store: returned objects and inputs are copies, never aliases of stored data", () => {
  const store = new GraphStore();
  const input: JsonObject = { id: "p", nested: { a: 1 } };
  store.addPolicy(input);
  (input.nested as JsonObject).a = 2;
  const read = store.getPolicy("p")!;
  (read.nested as JsonObject).a = 3;
  assert.equal(store.getPolicy("p"), { id: "p", nested: { a: 1 } });
  store.listPolicies()[0]!.id = "changed";
  assert.ok(store.hasPolicy("p"));
});

test("store: invalid and conflicting ids are refused with a reason", () => {
  const store = new GraphStore();
  store.addPolicy({ id: "p" });
  assert.is(storeError(() => store.addPolicy({ id: "p" })).reason, "conflict");
  assert.is(storeError(() => store.addPolicy({ id: 5 })).reason, "invalid");
  assert.is(storeError(() => store.addPolicy({ id: "" })).reason, "invalid");
  assert.is(storeError(() => store.addAssignment("missing", {})).reason, "not-found");
  store.addAssignment("p", { id: "a" });
  assert.is(storeError(() => store.addAssignment("p", { id: "a" })).reason, "conflict");
  assert.is(storeError(() => store.listAssignments("missing")).reason, "not-found");
  assert.is(storeError(() => store.updateAssignment("p", "nope", {})).reason, "not-found");
  assert.is(storeError(() => store.updatePolicy("nope", {})).reason, "not-found");
});

test("store: update merges top level — null stored, absent kept, nested replaced whole, new keys appended", () => {
  const store = new GraphStore();
  store.addPolicy({ id: "p" });
  store.addAssignment("p", { id: "a", sourceId: "s", source: "direct", target: { groupId: "g", filterId: "f" } });
  const updated = store.updateAssignment("p", "a", { sourceId: null, target: { groupId: "h" }, extra: "x" });
  assert.equal(updated, { id: "a", sourceId: null, source: "direct", target: { groupId: "h" }, extra: "x" });
  assert.equal(Object.keys(updated), ["id", "sourceId", "source", "target", "extra"]);
});

test("store: a '__proto__' key is kept as plain data and does not change the prototype", () => {
  const store = new GraphStore();
  store.addPolicy({ id: "p" });
  const body = JSON.parse('{"id":"a","__proto__":{"polluted":true}}') as JsonObject;
  store.addAssignment("p", body);
  store.updateAssignment("p", "a", JSON.parse('{"__proto__":{"second":1}}') as JsonObject);
  const read = store.getAssignment("p", "a")!;
  assert.ok(Object.hasOwn(read, "__proto__"));
  assert.is(Object.getPrototypeOf(read), Object.prototype);
  assert.is(JSON.stringify(read), '{"id":"a","__proto__":{"second":1}}');
  assert.is(({} as Record<string, unknown>).polluted, undefined);
  store.addAssignment("p", { id: "plain" });
  const patched = store.updateAssignment("p", "plain", JSON.parse('{"__proto__":{"added":1}}') as JsonObject);
  assert.is(JSON.stringify(patched), '{"id":"plain","__proto__":{"added":1}}');
  assert.is(Object.getPrototypeOf(patched), Object.prototype);
});

test("store: assignments keep insertion order; replaceAssignments swaps them all and generates missing ids", () => {
  const store = new GraphStore();
  store.addPolicy({ id: "p" });
  for (const id of ["c", "a", "b"]) store.addAssignment("p", { id });
  assert.equal(
    store.listAssignments("p").map((a) => a.id),
    ["c", "a", "b"],
  );
  const replaced = store.replaceAssignments("p", [{ id: "z" }, { target: { groupId: "g" } }]);
  assert.is(replaced.length, 2);
  assert.is(replaced[0]!.id, "z");
  assert.match(replaced[1]!.id as string, UUID);
  assert.equal(store.listAssignments("p"), replaced);
  assert.is(storeError(() => store.replaceAssignments("p", [{ id: "d" }, { id: "d" }])).reason, "invalid");
  assert.equal(store.listAssignments("p"), replaced, "a refused replacement changes nothing");
});

test("store: delete and reset", () => {
  const store = new GraphStore();
  store.addPolicy({ id: "p" });
  store.addAssignment("p", { id: "a" });
  assert.is(store.deleteAssignment("p", "a"), true);
  assert.is(store.deleteAssignment("p", "a"), false);
  assert.is(store.deletePolicy("p"), true);
  assert.is(store.deletePolicy("p"), false);
  store.addPolicy({ id: "q" });
  store.reset();
  assert.equal(store.listPolicies(), []);
  assert.is(store.getPolicy("q"), undefined);
});

test.run();
