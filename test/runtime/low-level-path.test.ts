/**
 * `lowLevelPathSerializer` on its own: a value in parentheses is an alternate key's literal only on a
 * path the spec lists as one, read after the client's base URL, so a function whose path merely ends
 * like an alternate key's (`/groups/{id}/things(name='{name}')` beside `/things(name='{name}')`)
 * keeps its `null` and `''` literals.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { lowLevelPathSerializer } from "../../generated/runtime/low-level-serializers.js";

const test = suite("runtime: the low-level path serializer");
const base = "http://127.0.0.1:9/v1.0";
const serialize = lowLevelPathSerializer(base, ["/things(name='{name}')"]);

test("an alternate key listed is never empty or null; a function's parameter on a path ending the same way may be", () => {
  assert.throws(() => serialize(`${base}/things(name='{name}')`, { name: "" }), /name must be a non-empty string/);
  assert.throws(() => serialize(`${base}/things(name='{name}')`, { name: null }), /name must be a non-empty string/);
  assert.is(serialize(`${base}/groups/{group-id}/things(name='{name}')`, { "group-id": "g/1", name: null }), `${base}/groups/g%2F1/things(name=null)`);
  assert.is(serialize(`${base}/groups/{group-id}/things(name='{name}')`, { "group-id": "g", name: "" }), `${base}/groups/g/things(name='')`);
});

test("a call that sets a base URL of its own: the path is told by its end", () => {
  assert.throws(() => serialize("http://127.0.0.1:8/beta/things(name='{name}')", { name: "" }), /name must be a non-empty string/);
  assert.is(serialize("http://127.0.0.1:8/beta/things(name='{name}')", { name: "O'N" }), "http://127.0.0.1:8/beta/things(name='O%27%27N')");
});

test.run();
