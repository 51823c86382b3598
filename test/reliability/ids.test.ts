/**
 * Id injection: whatever an id holds (`../x`, `a/b`, `a?b#c`, `%2F`, any Unicode), the request goes to
 * exactly one path segment under the intended collection. Checked on the raw request-target the
 * server received, for fixed nasty ids and for arbitrary ones (fast-check).
 */
import fc from "fast-check";
import * as assert from "uvu/assert";
import { GraphError } from "../../generated/assignments/index.js";
import { GROUP_TARGET, LIST, POLICY, reliabilitySuite } from "./helpers.js";

const test = reliabilitySuite("reliability: id injection");

const POLICIES = "/beta/deviceManagement/configurationPolicies";
const NASTY = ["../x", "a/b", "a?b#c", "%2F", "..%2F..", "./a", "$count", "microsoft.graph.assign", "a b&c=d", "é/ü\\", "...", "%", "#", "?"];

/** The raw path must be the collection plus exactly one segment that decodes back to the id. */
function assertOneSegment(rawPath: string, collection: string, id: string): void {
  assert.ok(rawPath.startsWith(`${collection}/`), `${rawPath} left ${collection}`);
  const segment = rawPath.slice(collection.length + 1);
  assert.not.match(segment, /[/?#]/, `id ${JSON.stringify(id)} became ${segment}`);
  assert.is(decodeURIComponent(segment), id);
}

test("nasty assignment ids: GET, PATCH and DELETE each hit exactly that assignment", async ({ h }) => {
  for (const id of NASTY) {
    h.server.store.addAssignment(POLICY, { id, target: GROUP_TARGET });
    const item = h.assignments().byId(id);
    assert.is((await item.get()).id, id);
    await item.patch({ source: "direct" });
    assert.is(h.server.store.getAssignment(POLICY, id)?.source, "direct");
    await item.delete();
    assert.is(h.server.store.getAssignment(POLICY, id), undefined);
  }
  assert.is(h.server.requests.length, NASTY.length * 3);
  for (const [i, request] of h.server.requests.entries()) assertOneSegment(request.rawPath, LIST, NASTY[Math.floor(i / 3)]!);
});

test("nasty policy ids stay one segment too, with the rest of the path after them", async ({ h }) => {
  for (const id of NASTY) {
    h.server.store.addPolicy({ id });
    const page = await h.client().deviceManagement.configurationPolicies.byId(id).assignments.get();
    assert.equal(page.value, []);
    const rawPath = h.server.requests.at(-1)!.rawPath;
    assert.ok(rawPath.endsWith("/assignments"));
    assertOneSegment(rawPath.slice(0, -"/assignments".length), POLICIES, id);
  }
});

test('"", ".", ".." and a lone surrogate are refused before anything is sent, naming the parameter', async ({ h }) => {
  for (const id of ["", ".", "..", "a\uD800b"]) {
    let error: unknown;
    try {
      h.assignments().byId(id);
    } catch (e) {
      error = e;
    }
    assert.instance(error, GraphError, JSON.stringify(id));
    assert.is((error as GraphError).code, "invalidRequest");
    assert.match((error as GraphError).message, /^assignments\.byId\(id\) must be a non-empty string/);
  }
  assert.is(h.server.requests.length, 0);
});

/** Ids built from path-significant pieces and arbitrary Unicode. */
const anyId = fc
  .array(fc.oneof(fc.constantFrom("/", "?", "#", "%", "%2F", "%25", ".", "..", "\\", ";", "&", "=", "+", " ", "$"), fc.string({ unit: "binary", minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""))
  .filter((id) => id !== "." && id !== "..");

test("property: any id reaches exactly its own segment and the right assignment", async ({ h }) => {
  const assignments = h.assignments();
  await fc.assert(
    fc.asyncProperty(anyId, async (id) => {
      h.server.requests.length = 0;
      h.server.store.addAssignment(POLICY, { id, target: GROUP_TARGET });
      try {
        assert.is((await assignments.byId(id).get()).id, id);
        assertOneSegment(h.server.requests[0]!.rawPath, LIST, id);
      } finally {
        h.server.store.deleteAssignment(POLICY, id);
      }
    }),
    { numRuns: 200, seed: 20240601 },
  );
});

test.run();
