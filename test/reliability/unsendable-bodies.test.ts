/**
 * Values JSON cannot carry (issue 10, item 8): NaN and ±Infinity in properties the spec does not know
 * went out as `null` (which in a PATCH clears the property), functions and symbols were dropped
 * silently. Every one is now `invalidRequestBody` before sending, naming its path, with validation
 * on or off (it is not a question of the spec but of JSON).
 */
import * as assert from "uvu/assert";
import { serializeODataJson } from "../../generated/runtime/odata-type.js";
import { graphError, GROUP_TARGET, POLICY, reliabilitySuite } from "./helpers.js";

const test = reliabilitySuite("reliability: bodies JSON cannot carry");

const CASES: Array<[string, unknown, string]> = [
  ["NaN", Number.NaN, "NaN is not a JSON number"],
  ["Infinity", Infinity, "Infinity is not a JSON number"],
  ["-Infinity", -Infinity, "-Infinity is not a JSON number"],
  ["a function", () => 1, "a function cannot be sent"],
  ["a symbol", Symbol("s"), "a symbol cannot be sent"],
  ["a BigInt", 10n, "a BigInt cannot be sent"],
  // JSON.stringify sends these as {} (or an object of indexes): what they hold would be lost.
  ["a Map", new Map([["k", 1]]), "a Map cannot be sent as JSON"],
  ["a Set", new Set([1]), "a Set cannot be sent as JSON"],
  ["a Blob", new Blob(["x"]), "a Blob cannot be sent as JSON"],
  ["a typed array", new Uint8Array([1, 2]), "binary content cannot be sent as JSON"],
];

for (const [what, value, message] of CASES) {
  test(`${what} in an unknown property of a PATCH: invalidRequestBody naming the path, nothing sent, nothing cleared`, async ({ h }) => {
    h.server.store.addAssignment(POLICY, { id: "a1", target: GROUP_TARGET, customWeight: 5 });
    for (const validate of [true, false]) {
      const body = { target: { ...GROUP_TARGET, extra: { list: [1, value] } }, customWeight: 1 } as never;
      const error = await graphError(h.assignments({ validate }).byId("a1").patch(body));
      assert.is(error.code, "invalidRequestBody", what);
      assert.is(error.target, "body.target.extra.list[1]");
      assert.match(error.message, `body.target.extra.list[1]: ${message}`);
      assert.is(error.attempts, 0);
    }
    const top = await graphError(h.assignments().byId("a1").patch({ customWeight: value } as never));
    assert.is(top.target, "body.customWeight");
    assert.is(h.server.requests.length, 0);
    assert.is(h.server.store.getAssignment(POLICY, "a1")?.customWeight, 5);
  });
}

test("undefined in an array (sent as null) and an array hole are refused; an undefined property is simply absent", async ({ h }) => {
  const hole = [1, , 3]; // eslint-disable-line no-sparse-arrays
  assert.is((await graphError(h.assignments().post({ target: GROUP_TARGET, tags: [undefined] } as never))).target, "body.tags[0]");
  assert.is((await graphError(h.assignments().post({ target: GROUP_TARGET, tags: hole } as never))).target, "body.tags[1]");
  assert.is(h.server.requests.length, 0);
  const created = await h.assignments().post({ target: GROUP_TARGET, source: undefined });
  assert.ok(created.id);
  assert.not.ok("source" in JSON.parse(h.server.requests[0]!.body));
});

test("a class instance is sent as its own properties, as JSON.stringify sends it, whatever its prototype has", () => {
  class Target {
    "@odata.type" = "microsoft.graph.groupAssignmentTarget";
    groupId = "g1";
  }
  Object.defineProperty(Target.prototype, "helper", { value: () => 1, enumerable: true });
  assert.is(serializeODataJson({ target: new Target() }), '{"target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":"g1"}}');
});

test("a cycle is named too; a Date is sent as its toJSON string", async ({ h }) => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const error = await graphError(h.assignments().post({ target: GROUP_TARGET, cyclic } as never));
  assert.is(error.target, "body.cyclic.self");
  assert.match(error.message, "circular");
  const when = new Date(0);
  assert.is(serializeODataJson({ when }), '{"when":"1970-01-01T00:00:00.000Z"}');
  assert.is(h.server.requests.length, 0);
});

test("a cycle far down is named as a cycle; one object twice side by side is no cycle", () => {
  const root: Record<string, unknown> = {};
  let node = root;
  const chain: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 100; i++) chain.push((node = node.a = {}) as Record<string, unknown>);
  node.back = chain[80];
  const error = (() => {
    try {
      serializeODataJson(root, "body");
    } catch (caught) {
      return caught as TypeError & { path?: string };
    }
    return undefined;
  })();
  assert.match(error?.message ?? "", "a circular reference cannot be sent as JSON");
  assert.is(error?.path, `body${".a".repeat(100)}.back`);

  const shared = { n: Number.NaN };
  assert.throws(() => serializeODataJson({ first: shared, second: [shared] }, "body"), (e: Error & { path?: string }) => e.path === "body.first.n");
  const fine = { id: "x" };
  assert.is(serializeODataJson({ first: fine, second: fine }), '{"first":{"id":"x"},"second":{"id":"x"}}');
});

const TO_JSON_CASES: Array<[string, () => unknown, string]> = [
  ["undefined", () => undefined, "undefined cannot be sent as JSON (it would be dropped)"],
  ["a function", () => () => 1, "a function cannot be sent as JSON (it would be dropped)"],
  ["NaN", () => Number.NaN, "NaN is not a JSON number (it would be sent as null)"],
  ["a Map", () => new Map([["k", 1]]), "a Map cannot be sent as JSON"],
];

for (const [what, toJSON, message] of TO_JSON_CASES) {
  test(`a toJSON that returns ${what}: invalidRequestBody naming the path, nothing sent, nothing cleared`, async ({ h }) => {
    h.server.store.addAssignment(POLICY, { id: "a1", target: GROUP_TARGET, customWeight: 5 });
    for (const validate of [true, false]) {
      const error = await graphError(h.assignments({ validate }).byId("a1").patch({ target: GROUP_TARGET, customWeight: { toJSON } } as never));
      assert.is(error.code, "invalidRequestBody", what);
      assert.is(error.target, "body.customWeight");
      assert.match(error.message, `body.customWeight: ${message}`);
    }
    assert.is(h.server.requests.length, 0);
    assert.is(h.server.store.getAssignment(POLICY, "a1")?.customWeight, 5);
  });
}

test("a getter, a Proxy trap or a toJSON that throws (anything, even null): invalidRequestBody naming the path, with what it threw as the cause", async ({ h }) => {
  const thrown = [new Error("boom"), null, "text", undefined];
  for (const validate of [true, false]) {
    for (const value of thrown) {
      const getter = Object.defineProperty({ "@odata.type": "#microsoft.graph.groupAssignmentTarget" }, "groupId", { enumerable: true, get: () => { throw value; } });
      const proxy = new Proxy({ ...GROUP_TARGET }, { get: (target, key) => { if (key === "groupId") throw value; return Reflect.get(target, key); } });
      const toJSON = { ...GROUP_TARGET, groupId: { toJSON: () => { throw value; } } };
      for (const target of [getter, proxy, toJSON]) {
        const error = await graphError(h.assignments({ validate }).post({ target } as never));
        assert.is(error.code, "invalidRequestBody");
        assert.is(error.target, "body.target.groupId", `${validate} ${String(value)}`);
        assert.match(error.message, /body\.target\.groupId: (reading it|its toJSON) threw/);
        assert.is(error.cause, value);
      }
    }
  }
  assert.is(h.server.requests.length, 0);
});

test("a body is validated as it is sent: a toJSON's result is what is checked", async ({ h }) => {
  const sentAsGroup = { toJSON: () => GROUP_TARGET };
  const created = await h.assignments().post({ target: sentAsGroup } as never);
  assert.is(created.target?.["@odata.type"], "#microsoft.graph.groupAssignmentTarget");
  const wrong = { ...GROUP_TARGET, toJSON: () => ({ ...GROUP_TARGET, groupId: 5 }) };
  const error = await graphError(h.assignments().post({ target: wrong } as never));
  assert.is(error.target, "body.target.groupId");
  assert.match(error.message, "expected string, got 5");
  assert.is(h.server.requests.length, 1);
  // As JSON.stringify does: toJSON gets the property name (an array's index as a string), and a Date in a body is sent as its string.
  const keys: string[] = [];
  serializeODataJson({ a: { toJSON: (key: string) => keys.push(key) }, list: [{ toJSON: (key: string) => keys.push(key) }] });
  assert.equal(keys, ["a", "0"]);
  assert.is(serializeODataJson({ when: new Date(0), nested: { toJSON: () => ({ "@odata.type": "microsoft.graph.x" }) } }), '{"when":"1970-01-01T00:00:00.000Z","nested":{"@odata.type":"#microsoft.graph.x"}}');
});

test.run();
