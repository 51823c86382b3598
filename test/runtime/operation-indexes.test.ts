/**
 * A slice's operation indexes (operation-indexes/<n>.ts): the generator puts each operation in the
 * index the runtime looks it up in (operationIndexOf), and a call that validates or is a bound
 * action loads that one index (and its body type's table), nothing else.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { operationIndexes } from "../../generated/configuration-policies/operation-indexes.js";
import { createGraphClient } from "../../generated/configuration-policies/index.js";
import { createRuntime, type GraphRequest } from "../../generated/runtime/runtime.js";
import { operationIndexOf, type OperationIndexes } from "../../generated/runtime/operation-index.js";

const test = suite("runtime: operation indexes");

/** The configuration-policies runtime, whose index loads are counted by index. */
function countingRuntime() {
  const loads = operationIndexes.map(() => 0);
  const counted: OperationIndexes = operationIndexes.map((load, n) => () => {
    loads[n]!++;
    return load();
  });
  return { runtime: createRuntime({ baseUrl: "http://127.0.0.1:9/beta", token: "t" }, counted), loads };
}
const request = (operation: string, body: unknown): GraphRequest => ({ method: "POST", path: "/x", operation, body, expect: "json" });

test("every operation is in the index operationIndexOf names, and in no other", async () => {
  assert.ok(operationIndexes.length > 1, "the slice has several indexes");
  const seen = new Set<string>();
  for (const [n, load] of operationIndexes.entries()) {
    const index = await load();
    for (const key of new Set([...Object.keys(index.bodies), ...Object.keys(index.calls)])) {
      assert.is(operationIndexOf(key, operationIndexes.length), n, key);
      assert.not.ok(seen.has(key), `${key} is in one index`);
      seen.add(key);
    }
  }
  assert.ok(seen.has("deviceManagement/configurationPolicies/{}/assign"));
  assert.is(operationIndexes.length, Math.round(2 * Math.sqrt(seen.size)), "2√operations indexes");
});

test("a validating call loads only its operation's index, once", async () => {
  const { runtime, loads } = countingRuntime();
  const assign = "deviceManagement/configurationPolicies/{}/assign";
  const own = operationIndexOf(assign, operationIndexes.length);
  await runtime.loadValidation(request(assign, { assignments: [] }));
  await runtime.loadValidation(request(assign, { assignments: [] }));
  assert.equal(loads, operationIndexes.map((_, n) => (n === own ? 1 : 0)));
  assert.throws(() => runtime.prepare(request(assign, { assignments: [{ target: 5 }] })), /body\.assignments\[0\]\.target: expected/);
});

test("an operation no index holds is not validated, and a call that does not validate loads nothing", async () => {
  const { runtime, loads } = countingRuntime();
  await runtime.loadValidation({ ...request("deviceManagement/configurationPolicies/{}/assign", {}), options: { validate: false } });
  assert.equal(loads, operationIndexes.map(() => 0));
  await runtime.loadValidation(request("no/such/operation", { anything: 1 }));
  assert.is(loads.reduce((a, b) => a + b), 1, "its index was looked in");
  assert.is(runtime.prepare(request("no/such/operation", { anything: 1 })).body, '{"anything":1}');
});

test("a bound call's route comes from its operation's index, loaded once with what validation needs", async () => {
  const { runtime, loads } = countingRuntime();
  const assign = "deviceManagement/configurationPolicies/{}/assign";
  assert.equal(await runtime.route(assign), {}, "the rule gives POST microsoft.graph.assign, with body and options");
  await runtime.loadValidation(request(assign, { assignments: [] }));
  assert.is(loads.reduce((a, b) => a + b), 1, "one load of the index for the route and the body type");
  assert.is(await runtime.route("deviceManagement/configurationPolicies/{}/assignments/post"), undefined, "a verb has no call route");
  assert.is(await runtime.route("no/such/call"), undefined);
});

test("calling a member that is no bound action or function rejects with a TypeError naming it, and sends nothing", async () => {
  let sent = 0;
  const graph = createGraphClient({ baseUrl: "http://127.0.0.1:9/beta", token: "t", fetch: async () => (sent++, new Response(null, { status: 204 })) }) as unknown as { deviceManagement: { configurationPolicies: { byId(id: string): { nothing(): Promise<unknown> } } } };
  const error = await graph.deviceManagement.configurationPolicies.byId("p").nothing().then(() => undefined, (e: unknown) => e);
  assert.instance(error, TypeError);
  assert.match(String(error), "deviceManagement.configurationPolicies.byId().nothing is not a method");
  assert.is(sent, 0);
});

/** The configuration-policies indexes behind a list loader that counts its loads and fails the first `failures`. */
function listedRuntime(options: { validate?: boolean }, failures = 0) {
  const lists = { count: 0 };
  const source = async () => {
    lists.count++;
    if (lists.count <= failures) throw new Error("list chunk failed to load");
    return { operationIndexes };
  };
  return { runtime: createRuntime({ baseUrl: "http://127.0.0.1:9/beta", token: "t", ...options }, source), lists };
}

test("the list of indexes loads when a validating client is made, and once", async () => {
  const { runtime, lists } = listedRuntime({});
  assert.is(lists.count, 1, "prefetched by the validating client");
  const assign = "deviceManagement/configurationPolicies/{}/assign";
  await runtime.loadValidation(request(assign, { assignments: [] }));
  await runtime.loadValidation(request("deviceManagement/configurationPolicies/{}/createCopy", { displayName: "x" }));
  assert.is(lists.count, 1);
  assert.throws(() => runtime.prepare(request(assign, { assignments: [{ target: 5 }] })), /body\.assignments\[0\]\.target: expected/);
});

test("with validate: false the list loads only for a call that needs an index; a failed load is tried again", async () => {
  const { runtime, lists } = listedRuntime({ validate: false }, 1);
  await Promise.resolve();
  assert.is(lists.count, 0, "a client that does not validate does not load the list up front");
  await runtime.route("deviceManagement/configurationPolicies/{}/assign").then(
    () => assert.unreachable("the list failed to load"),
    (error: Error & { code?: string }) => {
      assert.match(error.message, /^not sent: the route of deviceManagement\/configurationPolicies\/\{\}\/assign could not be loaded \(list chunk failed to load\)/);
      assert.is(error.code, "moduleNotLoaded", "a GraphError");
    },
  );
  assert.ok(await runtime.route("deviceManagement/configurationPolicies/{}/assign"), "loaded on the next call");
  assert.is(lists.count, 2);
});

test("a validating client whose list fails to load up front sends nothing unvalidated: the call loads it again", async () => {
  const { runtime, lists } = listedRuntime({}, 1);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.is(lists.count, 1);
  const assign = "deviceManagement/configurationPolicies/{}/assign";
  await runtime.loadValidation(request(assign, { assignments: [] }));
  assert.is(lists.count, 2);
  assert.throws(() => runtime.prepare(request(assign, { assignments: [{ target: 5 }] })), /body\.assignments\[0\]\.target: expected/);
});

test.run();
