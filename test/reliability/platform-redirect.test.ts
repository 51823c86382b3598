/**
 * Where the platform follows redirects itself (`redirect: "follow"`: a browser page, and the option
 * issue 12 weighs for Node), the credential rules must hold without the transport's help. This pins
 * them for the fetch this project ships on (Node 20, undici 6): across origins it drops exactly the
 * headers the transport withholds (Authorization, Cookie, Proxy-Authorization, in any case), keeps the
 * others, never regains them on a hop back, turns a 303 into a GET, and re-sends a POST on 307/308.
 * It differs where the transport is stricter, which is why Node keeps `redirect: "manual"`: a
 * non-http(s) Location and too many hops are bare network errors (a GET would be retried as one),
 * not `invalidRequest` and `tooManyRedirects`, and the limit is 20 hops, not 5. The fetch below
 * forces `follow` on every call, so the transport never sees a 3xx: everything here is the
 * platform's doing.
 */
import * as assert from "uvu/assert";
import { isCredentialHeader } from "../../generated/runtime/mask.js";
import { startRecordingServer } from "../server/recording-server.js";
import { graphError, GROUP_TARGET, LIST, POLICY, reliabilitySuite, TOKEN } from "./helpers.js";

const test = reliabilitySuite("reliability: redirects followed by the platform");

/** Statuses the transport was handed, and whether fetch had followed a redirect to get them. */
const seen: Array<{ status: number; redirected: boolean }> = [];
const platformFollowing: typeof fetch = async (input, init) => {
  const response = await fetch(input, { ...init, redirect: "follow" });
  seen.push({ status: response.status, redirected: response.redirected });
  return response;
};
const CREDENTIALS = ["authorization", "cookie", "proxy-authorization"];

test("Node's fetch strips the transport's credential headers on a redirect to another origin, and only those", async ({ h }) => {
  h.server.faults.push({ kind: "redirect", status: 307, location: `${h.foreign.url}/elsewhere` }, { method: "GET" });
  const assignments = h.assignments({ fetch: platformFollowing, headers: { COOKIE: "session=1", "Proxy-Authorization": "Basic cHJveHk=", "X-Trace": "t1" } });
  seen.length = 0;
  await assignments.get();
  assert.equal(seen, [{ status: 200, redirected: true }], "the platform, not the transport, followed the redirect");
  assert.is(h.server.requests[0]!.headers.authorization, `Bearer ${TOKEN}`, "the base origin gets the token");
  assert.is(h.server.requests[0]!.headers.cookie, "session=1");
  const [received] = h.foreign.requests;
  assert.is(h.foreign.requests.length, 1);
  assert.is(received!.rawPath, "/elsewhere");
  for (const name of CREDENTIALS) assert.is(received!.headers[name], undefined, `${name} leaked to the other origin (Node ${process.version}, undici ${process.versions.undici})`);
  for (const name of CREDENTIALS) assert.ok(isCredentialHeader(name), `the transport withholds ${name} too`);
  assert.ok(!JSON.stringify(received!.headers).includes(TOKEN));
  assert.is(received!.headers["x-trace"], "t1", "other headers still go");
});

test("a hop to another origin and back does not regain the token; a same-origin redirect keeps it", async ({ h }) => {
  h.server.store.addAssignment(POLICY, { id: "a1", target: GROUP_TARGET });
  h.server.faults.push({ kind: "redirect", status: 301, location: `${LIST}/a1` }, { method: "GET", path: `${LIST}/moved` });
  assert.is((await h.assignments({ fetch: platformFollowing }).byId("moved").get()).id, "a1");
  assert.equal(h.server.requests.map((r) => r.headers.authorization), [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);

  h.server.requests.length = 0;
  const bouncing = await startRecordingServer({ respond: () => ({ status: 307, headers: { location: `${h.server.url}${LIST}/a1` }, body: "" }) });
  try {
    h.server.faults.push({ kind: "redirect", status: 307, location: `${bouncing.url}/hop` }, { method: "GET", path: `${LIST}/a1` });
    assert.is((await h.assignments({ fetch: platformFollowing }).byId("a1").get()).id, "a1");
    assert.is(bouncing.requests[0]!.headers.authorization, undefined);
    assert.is(h.server.requests.length, 2);
    assert.is(h.server.requests[1]!.headers.authorization, undefined, "back on the base origin after leaving it: still no token");
  } finally {
    await bouncing.close();
  }
});

test("a 303 after a POST becomes a GET without the body, on the other origin without credentials", async ({ h }) => {
  h.server.faults.push({ kind: "redirect", status: 303, location: `${h.foreign.url}/see-other` }, { method: "POST" });
  await h.assignments({ fetch: platformFollowing }).post({ target: GROUP_TARGET });
  const [received] = h.foreign.requests;
  assert.is(received!.method, "GET");
  assert.is(received!.body, "");
  assert.is(received!.headers.authorization, undefined);
});

test("307 and 308 re-send a POST with its body to the other origin, without credentials, exactly as the transport does", async ({ h }) => {
  for (const status of [307, 308] as const) {
    h.foreign.requests.length = 0;
    h.server.faults.push({ kind: "redirect", status, location: `${h.foreign.url}/kept-${status}` }, { method: "POST" });
    await h.assignments({ fetch: platformFollowing, headers: { Cookie: "session=1" } }).post({ target: GROUP_TARGET });
    const [received] = h.foreign.requests;
    assert.is(received!.method, "POST", `${status}`);
    assert.equal(JSON.parse(received!.body), { target: GROUP_TARGET });
    for (const name of CREDENTIALS) assert.is(received!.headers[name], undefined, `${name} leaked on a ${status}`);
  }
  assert.is(h.server.faults.stats.applied, 0, "the base origin applied nothing");
});

test("a Location that is not http(s) is refused by the platform too, but only as a bare network error", async ({ h }) => {
  for (const location of ["file:///etc/passwd", "data:application/json,{}", "javascript:alert(1)"]) {
    h.server.faults.push({ kind: "redirect", status: 302, location }, { method: "POST" });
    const error = await graphError(h.assignments({ fetch: platformFollowing }).post({ target: GROUP_TARGET }));
    assert.is(error.code, "networkError", location);
    assert.is(h.foreign.requests.length, 0);
  }
});

test("the platform allows 20 hops where the transport allows 5, and ends the 21st as a bare network error", async ({ h }) => {
  const self = `${h.server.url}${LIST}`;
  h.server.faults.push({ kind: "redirect", status: 307, location: self }, { method: "POST", times: 25 });
  const error = await graphError(h.assignments({ fetch: platformFollowing }).post({ target: GROUP_TARGET }));
  assert.is(error.code, "networkError");
  assert.match(error.message, "redirect count exceeded");
  assert.is(h.server.requests.length, 21, "the platform's own limit, not the transport's tooManyRedirects after 5");
});

test.run();
