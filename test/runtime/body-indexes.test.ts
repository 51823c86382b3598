/**
 * A slice's body indexes (schema/bodies-<n>.ts): the generator puts each operation in the index the
 * runtime looks it up in (bodyIndexOf), and a call that validates loads that one index and its
 * body type's table, nothing else.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { bodyIndexes } from "../../generated/configuration-policies/schema.js";
import { createRuntime, type GraphRequest } from "../../generated/runtime/runtime.js";
import type { BodyIndexes } from "../../generated/runtime/validate.js";
import { bodyIndexOf } from "../../generated/runtime/validation-loader.js";

const test = suite("runtime: body indexes");

/** The configuration-policies runtime, whose index loads are counted by index. */
function countingRuntime() {
  const loads = bodyIndexes.map(() => 0);
  const counted: BodyIndexes = bodyIndexes.map((load, n) => () => {
    loads[n]!++;
    return load();
  });
  return { runtime: createRuntime({ baseUrl: "http://127.0.0.1:9/beta", token: "t" }, counted), loads };
}
const request = (operation: string, body: unknown): GraphRequest => ({ method: "POST", path: "/x", operation, body, expect: "json" });

test("every operation is in the index bodyIndexOf names, and in no other", async () => {
  assert.ok(bodyIndexes.length > 1, "the slice has several indexes");
  const seen = new Set<string>();
  for (const [n, load] of bodyIndexes.entries()) {
    for (const key of Object.keys((await load()).bodies)) {
      assert.is(bodyIndexOf(key, bodyIndexes.length), n, key);
      assert.not.ok(seen.has(key), `${key} is in one index`);
      seen.add(key);
    }
  }
  assert.ok(seen.has("deviceManagement/configurationPolicies/{}/assign"));
  assert.is(bodyIndexes.length, Math.round(Math.sqrt(seen.size)), "√operations indexes");
});

test("a validating call loads only its operation's index, once", async () => {
  const { runtime, loads } = countingRuntime();
  const assign = "deviceManagement/configurationPolicies/{}/assign";
  const own = bodyIndexOf(assign, bodyIndexes.length);
  await runtime.loadValidation(request(assign, { assignments: [] }));
  await runtime.loadValidation(request(assign, { assignments: [] }));
  assert.equal(loads, bodyIndexes.map((_, n) => (n === own ? 1 : 0)));
  assert.throws(() => runtime.prepare(request(assign, { assignments: [{ target: 5 }] })), /body\.assignments\[0\]\.target: expected/);
});

test("an operation no index holds is not validated, and a call that does not validate loads nothing", async () => {
  const { runtime, loads } = countingRuntime();
  await runtime.loadValidation({ ...request("deviceManagement/configurationPolicies/{}/assign", {}), options: { validate: false } });
  assert.equal(loads, bodyIndexes.map(() => 0));
  await runtime.loadValidation(request("no/such/operation", { anything: 1 }));
  assert.is(loads.reduce((a, b) => a + b), 1, "its index was looked in");
  assert.is(runtime.prepare(request("no/such/operation", { anything: 1 })).body, '{"anything":1}');
});

test.run();
