/**
 * A fetch that hides redirects (`opaqueredirect`, as browsers answer `redirect: "manual"`) where the
 * runtime did not expect one: the request was already sent once, so only a GET or DELETE is sent
 * again (with `redirect: "follow"`, remembered for every later call); a POST or PATCH fails with
 * `redirectNotFollowed`. Chromium itself is covered in test/browser (it follows from the start).
 */
import * as assert from "uvu/assert";
import { createGraphClient } from "../../generated/assignments/index.js";
import { graphError, GROUP_TARGET, POLICY, reliabilitySuite } from "./helpers.js";

const test = reliabilitySuite("reliability: opaque redirects");

/** A fetch that answers `redirect: "manual"` with an opaque redirect and anything else normally. */
function hidingFetch(sent: Array<{ method: string; redirect: string | undefined }>): typeof fetch {
  return async (input, init) => {
    sent.push({ method: init?.method ?? "GET", redirect: init?.redirect });
    if (init?.redirect === "manual") {
      const opaque = new Response(null, { status: 200 });
      Object.defineProperty(opaque, "type", { value: "opaqueredirect" });
      Object.defineProperty(opaque, "status", { value: 0 });
      return opaque;
    }
    return fetch(input, init);
  };
}

test("a POST meeting an opaque redirect is not sent again: redirectNotFollowed", async ({ h }) => {
  const sent: Array<{ method: string; redirect: string | undefined }> = [];
  const error = await graphError(h.assignments({ fetch: hidingFetch(sent) }).post({ target: GROUP_TARGET }));
  assert.is(error.code, "redirectNotFollowed");
  assert.match(error.message, "not sent again");
  assert.equal(sent, [{ method: "POST", redirect: "manual" }]);
});

test("a GET is sent again with redirect: follow, and so is every later call of that client, from the start", async ({ h }) => {
  const sent: Array<{ method: string; redirect: string | undefined }> = [];
  const graph = createGraphClient({ baseUrl: h.server.baseUrl, token: "t", fetch: hidingFetch(sent) });
  const assignments = graph.deviceManagement.configurationPolicies.byId(POLICY).assignments;
  assert.equal((await assignments.get()).value, []);
  await assignments.post({ target: GROUP_TARGET });
  assert.equal(sent, [
    { method: "GET", redirect: "manual" },
    { method: "GET", redirect: "follow" },
    { method: "POST", redirect: "follow" },
  ]);
  assert.is(h.server.store.listAssignments(POLICY).length, 1);
});

test.run();
