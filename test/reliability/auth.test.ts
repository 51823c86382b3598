/**
 * Tokens: cached until shortly before expiry, one shared refresh for concurrent requests, one fresh
 * token and one retry on 401 (never a loop), and the token in no error, message or toString().
 * The 401 cases use a recording server as the "Graph" base URL, so it can check the token itself.
 */
import * as assert from "uvu/assert";
import type { AccessToken, GraphClientOptions, TokenCredential } from "../../generated/assignments/index.js";
import { createGraphClient } from "../../generated/assignments/index.js";
import { startRecordingServer, type RecordingServer } from "../server/recording-server.js";
import { assertNoToken, graphError, GROUP_TARGET, POLICY, reliabilitySuite, TOKEN } from "./helpers.js";

const test = reliabilitySuite("reliability: tokens");

function countingCredential(expiresInMs: number): TokenCredential & { calls: number } {
  const credential = {
    calls: 0,
    async getToken(): Promise<AccessToken> {
      credential.calls++;
      await new Promise((resolve) => setTimeout(resolve, 10)); // a real round trip to the token endpoint
      return { token: `t${credential.calls}`, expiresOnTimestamp: Date.now() + expiresInMs };
    },
  };
  return credential;
}

/**
 * A base URL whose server accepts only `Bearer <good>` (401 otherwise, with Graph's body). With
 * `staggerMs`, the n-th rejection is answered n × staggerMs late, so 401s reach the client one by one.
 */
async function strictServer(good: string, staggerMs = 0): Promise<RecordingServer> {
  let rejected = 0;
  return startRecordingServer({
    respond: async (req) => {
      if (req.headers.authorization === `Bearer ${good}`) return { status: 200, body: JSON.stringify({ value: [] }) };
      await new Promise((resolve) => setTimeout(resolve, rejected++ * staggerMs));
      return { status: 401, body: JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: "Access token has expired or is not yet valid." } }) };
    },
  });
}

const assignmentsAt = (server: RecordingServer, token: GraphClientOptions["token"]) =>
  createGraphClient({ baseUrl: `${server.url}/beta`, token, backoffMs: 1 }).deviceManagement.configurationPolicies.byId(POLICY).assignments;

test("an AccessToken is cached until shortly before expiry; concurrent first requests share one fetch", async ({ h }) => {
  const credential = countingCredential(60 * 60_000);
  const assignments = h.assignments({ token: credential });
  await Promise.all(Array.from({ length: 10 }, () => assignments.get()));
  for (let i = 0; i < 5; i++) await assignments.get();
  assert.is(credential.calls, 1);
  assert.ok(h.server.requests.every((r) => r.headers.authorization === "Bearer t1"));
});

test("a token inside the expiry margin is refreshed before use", async ({ h }) => {
  const credential = countingCredential(60_000); // expires in 1 min: inside the 2-min margin
  const assignments = h.assignments({ credential, token: undefined });
  for (let i = 0; i < 3; i++) await assignments.get();
  assert.is(credential.calls, 3);
  assert.equal(h.server.requests.map((r) => r.headers.authorization), ["Bearer t1", "Bearer t2", "Bearer t3"]);
});

test("401: one fresh token, one retry, success", async () => {
  const server = await strictServer("t2");
  try {
    const credential = countingCredential(60 * 60_000);
    await assignmentsAt(server, credential).get();
    assert.is(credential.calls, 2);
    assert.equal(server.requests.map((r) => r.headers.authorization), ["Bearer t1", "Bearer t2"]);
    assert.is(server.requests[0]!.headers["client-request-id"], server.requests[1]!.headers["client-request-id"]);
  } finally {
    await server.close();
  }
});

test("401 again after the refresh: the 401 is the answer, after exactly two attempts (no loop)", async () => {
  const server = await strictServer("never");
  try {
    const credential = countingCredential(60 * 60_000);
    const error = await graphError(assignmentsAt(server, credential).get());
    assert.is(error.status, 401);
    assert.is(error.code, "InvalidAuthenticationToken");
    assert.is(error.attempts, 2);
    assert.is(server.requests.length, 2);
    assert.is(credential.calls, 2);
  } finally {
    await server.close();
  }
});

test("401 with a fixed string token: no pointless retry with the same token", async () => {
  const server = await strictServer("never");
  try {
    const error = await graphError(assignmentsAt(server, TOKEN).get());
    assert.is(error.status, 401);
    assert.is(server.requests.length, 1);
  } finally {
    await server.close();
  }
});

test("concurrent 401s share one refresh: 8 requests rejected one after another cause one new token, not eight", async () => {
  const server = await strictServer("t2", 30);
  try {
    const credential = countingCredential(60 * 60_000);
    const assignments = assignmentsAt(server, credential);
    await Promise.all(Array.from({ length: 8 }, () => assignments.get()));
    assert.is(credential.calls, 2, "t1 for all eight, then one refresh to t2 that the later 401s reuse");
    assert.is(server.requests.filter((r) => r.headers.authorization === "Bearer t2").length, 8);
  } finally {
    await server.close();
  }
});

test("a failing token provider is a GraphError that explains it, with the cause kept, and nothing is sent", async ({ h }) => {
  const error = await graphError(h.assignments({ token: async () => Promise.reject(new Error("AADSTS700016: app not found")) }).get());
  assert.is(error.code, "authenticationFailed");
  assert.match(error.message, "AADSTS700016");
  assert.is((error.cause as Error).message, "AADSTS700016: app not found");
  assert.is(h.server.requests.length, 0);
});

test("the token is in no error: an echoing server, a timeout, a network failure, a bad body", async ({ h }) => {
  const echo = await startRecordingServer({ respond: (req) => ({ status: 400, body: JSON.stringify({ error: { code: "BadRequest", message: `bad header ${req.headers.authorization}` }, echo: req.headers }) }) });
  try {
    const echoed = await graphError(assignmentsAt(echo, TOKEN).post({ target: GROUP_TARGET }));
    assert.is(echoed.status, 400);
    assert.match(echoed.message, "bad header Bearer [token]");
    assertNoToken(echoed);
  } finally {
    await echo.close();
  }
  h.server.faults.push({ kind: "stall" }, { method: "GET" });
  assertNoToken(await graphError(h.assignments({ timeoutMs: 100 }).get()));
  h.server.faults.push({ kind: "reset" }, { method: "POST" });
  assertNoToken(await graphError(h.assignments().post({ target: GROUP_TARGET })));
  h.server.faults.push({ kind: "html", status: 200 }, { method: "GET" });
  assertNoToken(await graphError(h.assignments().get()));
  assertNoToken(await graphError(h.assignments().post({ target: { groupId: "g" } } as never)));
});

test("a token provider that throws something other than an Error (a string, null, a symbol, an object without a prototype) is authenticationFailed describing it, never a TypeError", async ({ h }) => {
  for (const [thrown, said] of [["no consent", /no token: no consent/], [null, /no token: null/], [Symbol("x"), /no token: Symbol\(x\)/], [Object.create(null), /no token: /]] as const) {
    const error = await graphError(h.assignments({ token: () => Promise.reject(thrown) }).get());
    assert.is(error.code, "authenticationFailed");
    assert.match(error.message, said);
    if (typeof thrown !== "object" || thrown === null) assert.is(error.cause, thrown);
  }
  assert.is(h.server.requests.length, 0);
});

test.run();
