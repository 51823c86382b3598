/**
 * Token sources under pressure (issue 10, items 9, 10, 13, 14): 200 concurrent 401s share one
 * refresh whatever the source returns; a credential returning null fails before sending; a CAE
 * claims challenge leads to `getToken(scopes, { claims })` and one retry; the call's signal reaches
 * `getToken`; the default scope comes from the cloud, never from a proxy's origin.
 */
import * as assert from "uvu/assert";
import { createGraphClient, type AccessToken, type GraphClientOptions } from "../../generated/assignments/index.js";
import { startRecordingServer, type RecordingResponse, type RecordingServer } from "../server/recording-server.js";
import { assertNoToken, graphError, POLICY, rejection, reliabilitySuite, until } from "./helpers.js";

const test = reliabilitySuite("reliability: token refresh, claims and scope");

/** A Graph base URL that accepts only `Bearer <good>`; others get 401 (with `challenge`, if given). */
async function acceptOnly(good: () => string, challenge?: string): Promise<RecordingServer> {
  return startRecordingServer({
    respond: async (req): Promise<RecordingResponse> => {
      if (req.headers.authorization === `Bearer ${good()}`) return { status: 200, body: JSON.stringify({ value: [] }) };
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20)); // 401s arrive one by one
      return { status: 401, headers: challenge ? { "www-authenticate": challenge } : ({} as Record<string, string>), body: JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: "expired" } }) };
    },
  });
}

const assignmentsAt = (server: RecordingServer, options: GraphClientOptions) =>
  createGraphClient({ baseUrl: `${server.url}/beta`, backoffMs: 1, ...options }).deviceManagement.configurationPolicies.byId(POLICY).assignments;

test("200 concurrent 401s with a string-returning function: one refresh, every call succeeds with the new token", async () => {
  let calls = 0;
  const server = await acceptOnly(() => "fresh");
  try {
    const token = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return calls === 1 ? "stale" : "fresh";
    };
    const assignments = assignmentsAt(server, { token });
    await Promise.all(Array.from({ length: 200 }, () => assignments.get()));
    // The non-refresh path calls a function every time it is not cached: count only what 401s caused.
    const refreshes = server.requests.filter((r) => r.headers.authorization === "Bearer fresh").length;
    assert.is(refreshes, 200);
    assert.is(calls, 2, "one call for the first token, one refresh shared by all 200 401s");
  } finally {
    await server.close();
  }
});

test("200 concurrent 401s with a source that always returns the same string: one refresh attempt, no retries", async () => {
  let calls = 0;
  const server = await acceptOnly(() => "never");
  try {
    const assignments = assignmentsAt(server, { token: () => (calls++, "same") });
    const first = await graphError(assignments.get());
    assert.is(first.status, 401);
    calls = 0;
    const errors = await Promise.all(Array.from({ length: 200 }, () => graphError(assignments.get())));
    assert.ok(errors.every((e) => e.status === 401 && e.attempts === 1));
    assert.ok(calls <= 201, `${calls} token calls`);
    assert.is(server.requests.length, 201, "a retry with the same token was sent");
  } finally {
    await server.close();
  }
});

test("a credential whose getToken returns null: authenticationFailed before sending", async ({ h }) => {
  for (const token of [{ getToken: async () => null }, async () => null, async () => ""]) {
    const error = await graphError(h.assignments({ token: token as never }).get());
    assert.is(error.code, "authenticationFailed");
    assert.match(error.message, /no token|empty token/);
  }
  // Only whitespace, from any source: refused too, and the error stays readable (an empty secret masks nothing).
  for (const token of [" ", async () => "\t", { getToken: async () => ({ token: "  ", expiresOnTimestamp: Date.now() + 3_600_000 }) }]) {
    const error = await graphError(h.assignments({ token: token as never }).get());
    assert.is(error.code, "authenticationFailed");
    assert.is(error.status, 0);
    assert.match(error.message, /^GET http:\/\/127\.0\.0\.1:\d+\/.* not sent: (the token is empty or only whitespace|no token)/);
    assert.not.match(JSON.stringify(error), "[token]");
  }
  assert.is(h.server.requests.length, 0, "sent without Authorization");
});

test("a CAE claims challenge: getToken(scopes, { claims }) with the decoded claims, then one retry", async () => {
  const claims = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';
  const challenge = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${Buffer.from(claims).toString("base64")}"`;
  const server = await acceptOnly(() => "with-claims", challenge);
  try {
    const asked: Array<{ scopes: string | string[]; claims?: string; enableCae?: boolean }> = [];
    // A credential that, like @azure/identity's, returns its cached token unless claims force a new one.
    const credential = {
      async getToken(scopes: string | string[], options?: { claims?: string; enableCae?: boolean }): Promise<AccessToken> {
        asked.push({ scopes, claims: options?.claims, enableCae: options?.enableCae });
        return { token: options?.claims ? "with-claims" : "cached", expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    await assignmentsAt(server, { credential }).get();
    assert.equal(asked, [
      { scopes: ["https://graph.microsoft.com/.default"], claims: undefined, enableCae: true },
      { scopes: ["https://graph.microsoft.com/.default"], claims, enableCae: true },
    ]);
    assert.equal(server.requests.map((r) => r.headers.authorization), ["Bearer cached", "Bearer with-claims"]);
  } finally {
    await server.close();
  }
});

test("a 401 without a challenge and a credential that returns its cached token: no retry, the 401 is the answer", async () => {
  const server = await acceptOnly(() => "other");
  try {
    const credential = { getToken: async () => ({ token: "cached", expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const error = await graphError(assignmentsAt(server, { credential }).get());
    assert.is(error.status, 401);
    assert.is(server.requests.length, 1);
  } finally {
    await server.close();
  }
});

test("a 401 whose token refresh fails: the call fails with that 401 (Graph's code, request-id), the refresh's error as cause", async () => {
  const server = await startRecordingServer({
    respond: () => ({ status: 401, headers: { "request-id": "rid-401" }, body: JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: "Lifetime validation failed" } }) }),
  });
  try {
    let calls = 0;
    const token = async () => {
      if (calls++ === 0) return "first-token";
      throw new Error("the identity service is down");
    };
    const error = await graphError(assignmentsAt(server, { token }).get());
    assert.is(error.status, 401);
    assert.is(error.code, "InvalidAuthenticationToken");
    assert.is(error.requestId, "rid-401");
    assert.is(error.attempts, 1);
    assert.not.match(error.message, "not sent");
    assert.match(String((error.cause as Error | undefined)?.message), "the identity service is down");
    assert.is(server.requests.length, 1);
  } finally {
    await server.close();
  }
});

test("the call's signal reaches getToken: aborting the only waiting call aborts the token request", async ({ h }) => {
  let seen: AbortSignal | undefined;
  const credential = {
    getToken: (_scopes: string | string[], options?: { abortSignal?: AbortSignal }) =>
      new Promise<AccessToken>((_, reject) => {
        seen = options?.abortSignal;
        seen?.addEventListener("abort", () => reject(new Error("token request aborted")));
      }),
  };
  const controller = new AbortController();
  const call = rejection(h.assignments({ credential, token: undefined }).get(undefined, { signal: controller.signal }));
  await until(() => seen !== undefined, "getToken to be called");
  assert.instance(seen, AbortSignal);
  assert.is(seen!.aborted, false);
  controller.abort(new Error("caller gave up"));
  assert.is(((await call) as Error).message, "caller gave up");
  assert.is(seen!.aborted, true, "the token request goes on for nobody");
  assert.is(h.server.requests.length, 0);
});

test("a shared token fetch is aborted only when every waiting call has given up", async ({ h }) => {
  let seen: AbortSignal | undefined;
  let resolveToken!: (token: AccessToken) => void;
  const credential = {
    getToken: (_scopes: string | string[], options?: { abortSignal?: AbortSignal }) => {
      seen = options?.abortSignal;
      return new Promise<AccessToken>((resolve) => (resolveToken = resolve));
    },
  };
  const assignments = h.assignments({ credential, token: undefined });
  const first = new AbortController();
  const leaving = rejection(assignments.get(undefined, { signal: first.signal }));
  const staying = assignments.get();
  await until(() => seen !== undefined, "getToken to be called");
  first.abort(new Error("first gave up"));
  await leaving;
  assert.is(seen!.aborted, false, "one caller's abort cancelled the token for the other");
  resolveToken({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 });
  assert.equal((await staying).value, []);
});

test("the default scope comes from the cloud, not the base URL's origin; explicit scopes win", async ({ h }) => {
  const asked: string[][] = [];
  const credential = { getToken: async (scopes: string | string[]) => (asked.push([scopes].flat()), { token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) };
  await h.assignments({ credential, token: undefined }).get();
  await h.assignments({ credential, token: undefined, cloud: "usGovL4" }).get();
  await h.assignments({ credential, token: undefined, scopes: ["api://custom/.default"] }).get();
  assert.equal(asked, [["https://graph.microsoft.com/.default"], ["https://graph.microsoft.us/.default"], ["api://custom/.default"]]);
  assert.match(h.server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+/, "the base URL is a local proxy-like origin");
});

test("a CAE challenge's claims are in no error: a refresh that fails quoting them (as @azure/identity's AuthenticationRequiredError does), a 401 body echoing them, decoded or base64", async () => {
  const claims = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"},"xms_cc":{"values":["cp1"]}}}';
  const encoded = Buffer.from(claims).toString("base64");
  const challenge = `Bearer realm="", error="insufficient_claims", claims="${encoded}"`;
  const server = await startRecordingServer({
    respond: () => ({ status: 401, headers: { "www-authenticate": challenge }, body: JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: `challenge ${encoded}` }, claims }) }),
  });
  try {
    const credential = {
      async getToken(_scopes: string | string[], options?: { claims?: string }): Promise<AccessToken> {
        if (!options?.claims) return { token: "cached", expiresOnTimestamp: Date.now() + 3_600_000 };
        throw Object.assign(new Error(`interaction required for claims ${options.claims}`), { name: "AuthenticationRequiredError", getTokenOptions: { claims: options.claims } });
      },
    };
    const error = await graphError(assignmentsAt(server, { token: credential }).get());
    assert.is(error.status, 401);
    assert.match(String((error.cause as Error).message), "interaction required for claims");
    assertNoToken(error, claims);
    assertNoToken(error, encoded);
  } finally {
    await server.close();
  }
});

test("claims too short to be a CAE challenge's (`{}`) are not masked: the error's text stays as the service wrote it", async () => {
  const server = await startRecordingServer({
    respond: () => ({ status: 401, headers: { "www-authenticate": 'Bearer error="insufficient_claims", claims="e30="' }, body: JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: "empty claims {} e30=" } }) }),
  });
  try {
    const credential = { getToken: async (): Promise<AccessToken> => ({ token: "cached-token", expiresOnTimestamp: Date.now() + 3_600_000 }) };
    const error = await graphError(assignmentsAt(server, { token: credential }).get());
    assert.is(error.status, 401);
    assert.match(error.message, "empty claims {} e30=");
  } finally {
    await server.close();
  }
});

test.run();
