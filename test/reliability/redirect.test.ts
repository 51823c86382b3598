/**
 * Redirects, followed by hand: credentials never reach another origin (header names in any case),
 * 303 becomes GET, at most 5 hops. The "other origin" is a recording server on another port.
 */
import * as assert from "uvu/assert";
import { startRecordingServer } from "../server/recording-server.js";
import { graphError, GROUP_TARGET, LIST, POLICY, reliabilitySuite, TOKEN } from "./helpers.js";

const test = reliabilitySuite("reliability: redirects");

const CREDENTIALS = ["authorization", "cookie", "proxy-authorization"];

test("a redirect to another port strips Authorization, Cookie and Proxy-Authorization, whatever their case", async ({ h }) => {
  h.server.faults.push({ kind: "redirect", status: 307, location: `${h.foreign.url}/elsewhere` }, { method: "GET" });
  const assignments = h.assignments({ headers: { COOKIE: "session=1", "Proxy-Authorization": "Basic cHJveHk=", "X-Trace": "t1" } });
  await assignments.get(undefined, { headers: { "proxy-AUTHORIZATION": "Basic b3ZlcnJpZGU=", "x-call": "c1" } });
  const [first] = h.server.requests;
  assert.is(first!.headers.authorization, `Bearer ${TOKEN}`, "the base origin gets the token");
  assert.is(first!.headers.cookie, "session=1");
  assert.is(first!.headers["proxy-authorization"], "Basic b3ZlcnJpZGU=", "the call's header wins over the client's, case-insensitively");
  const [received] = h.foreign.requests;
  assert.is(h.foreign.requests.length, 1);
  assert.is(received!.rawPath, "/elsewhere");
  for (const name of CREDENTIALS) assert.is(received!.headers[name], undefined, `${name} leaked to the other origin`);
  assert.ok(!JSON.stringify(received!.headers).includes(TOKEN));
  assert.is(received!.headers["x-trace"], "t1", "other headers still go");
  assert.is(received!.headers["x-call"], "c1");
  assert.is(received!.headers["client-request-id"], first!.headers["client-request-id"], "same logical request");
});

test("a caller's own Authorization header (any case) is not sent to another origin either", async ({ h }) => {
  h.server.faults.push({ kind: "redirect", status: 302, location: `${h.foreign.url}/x` }, { method: "GET" });
  await h.assignments({ token: undefined }).get(undefined, { headers: { AUTHORIZATION: "Bearer caller-token" } });
  assert.is(h.server.requests[0]!.headers.authorization, "Bearer caller-token");
  assert.is(h.foreign.requests[0]!.headers.authorization, undefined);
});

test("a same-origin redirect keeps the token; a hop away and back does not regain it", async ({ h }) => {
  h.server.store.addAssignment(POLICY, { id: "a1", target: GROUP_TARGET });
  h.server.faults.push({ kind: "redirect", status: 301, location: `${LIST}/a1` }, { method: "GET", path: `${LIST}/moved` });
  const got = await h.assignments().byId("moved").get();
  assert.is(got.id, "a1");
  assert.equal(h.server.requests.map((r) => r.headers.authorization), [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);

  h.server.requests.length = 0;
  const bouncing = await startRecordingServer({ respond: () => ({ status: 307, headers: { location: `${h.server.url}${LIST}/a1` }, body: "" }) });
  try {
    h.server.faults.push({ kind: "redirect", status: 307, location: `${bouncing.url}/hop` }, { method: "GET", path: `${LIST}/a1` });
    const again = await h.assignments().byId("a1").get();
    assert.is(again.id, "a1");
    assert.is(bouncing.requests[0]!.headers.authorization, undefined);
    assert.is(h.server.requests.length, 2);
    assert.is(h.server.requests[1]!.headers.authorization, undefined, "back on the base origin after leaving it: still no token");
  } finally {
    await bouncing.close();
  }
});

test("303 turns a POST into a GET without a body; 307 keeps the POST and its body (without credentials)", async ({ h }) => {
  h.server.faults.push({ kind: "redirect", status: 303, location: `${h.foreign.url}/see-other` }, { method: "POST" });
  await h.assignments().post({ target: GROUP_TARGET });
  const seeOther = h.foreign.requests[0]!;
  assert.is(seeOther.method, "GET");
  assert.is(seeOther.body, "");
  assert.is(seeOther.headers["content-type"], undefined);

  h.foreign.requests.length = 0;
  h.server.faults.push({ kind: "redirect", status: 307, location: `${h.foreign.url}/temporary` }, { method: "POST" });
  await h.assignments().post({ target: GROUP_TARGET });
  const temporary = h.foreign.requests[0]!;
  assert.is(temporary.method, "POST");
  assert.equal(JSON.parse(temporary.body), { target: GROUP_TARGET });
  assert.is(temporary.headers.authorization, undefined);
  assert.is(h.server.faults.stats.applied, 0, "nothing was created on the Graph server");
});

test("at most 5 redirects: the sixth is an error naming the limit", async ({ h }) => {
  const self = `${h.server.url}${LIST}`;
  h.server.faults.push({ kind: "redirect", status: 302, location: self }, { method: "GET", times: 6 });
  const error = await graphError(h.assignments().get());
  assert.is(error.code, "tooManyRedirects");
  assert.match(error.message, "more than 5 times");
  assert.is(h.server.requests.length, 6);

  h.server.requests.length = 0;
  h.server.faults.clear();
  h.server.faults.push({ kind: "redirect", status: 302, location: self }, { method: "GET", times: 5 });
  await h.assignments().get();
  assert.is(h.server.requests.length, 6, "five hops are fine");
});

test("an unparseable Location is an error, not a crash or a retry", async ({ h }) => {
  h.server.faults.push({ kind: "redirect", status: 302, location: "http://[::1" }, { method: "GET" });
  const error = await graphError(h.assignments().get());
  assert.is(error.code, "invalidRedirect");
  assert.is(h.server.requests.length, 1);
});

test.run();
