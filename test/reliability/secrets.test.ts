/**
 * The token in no form of any GraphError (issue 10, item 2): a token or caller header with CR/LF, a
 * 2xx answer that is not JSON or is truncated and echoes the request, tokens echoed in response
 * headers (`request-id`, `x-ms-ags-diagnostic`, any other), Graph error fields that quote it. The
 * error holds plain data only: no Response, no Headers.
 */
import * as assert from "uvu/assert";
import { inspect } from "node:util";
import { createGraphClient, createLowLevelClient, GraphError } from "../../generated/assignments/index.js";
import { startRecordingServer, type RecordingServer, type RecordingResponse } from "../server/recording-server.js";
import type { RecordedRequest } from "../server/http-io.js";
import { assertNoToken, browserLikeFetch, graphError, GROUP_TARGET, POLICY, reliabilitySuite, TOKEN } from "./helpers.js";

const test = reliabilitySuite("reliability: no token in any error");

/** A Graph base URL answered by `respond`, which sees the request (Authorization included). */
async function withServer(respond: (req: RecordedRequest) => RecordingResponse, run: (server: RecordingServer) => Promise<void>): Promise<void> {
  const server = await startRecordingServer({ respond });
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

const assignmentsAt = (server: RecordingServer, options: Parameters<typeof createGraphClient>[0] = {}) =>
  createGraphClient({ baseUrl: `${server.url}/beta`, token: TOKEN, backoffMs: 1, ...options }).deviceManagement.configurationPolicies.byId(POLICY).assignments;

/** Only plain data: nothing a debugger would expand into the live response or its headers. */
function assertPlainData(error: GraphError): void {
  for (const key of Reflect.ownKeys(error)) {
    const value = (error as unknown as Record<PropertyKey, unknown>)[key];
    assert.not.ok(value instanceof Response || value instanceof Headers || value instanceof Request, `${String(key)} is a live ${String(value)}`);
  }
  assert.not.ok("response" in error || "text" in error || "headers" in error, "undocumented response, text or headers property");
}

test("a token with CR/LF from the token source: authenticationFailed at once, the token in no view, nothing sent", async ({ h }) => {
  const injected = `${TOKEN}\r\nX-Injected: 1`;
  const started = Date.now();
  const error = await graphError(h.assignments({ token: async () => injected }).get());
  assert.is(error.code, "authenticationFailed");
  assert.match(error.message, "cannot be sent in a header");
  assertNoToken(error, TOKEN);
  assertNoToken(error, "X-Injected");
  assert.is(error.attempts, 0);
  assert.is(h.server.requests.length, 0);
  assert.ok(Date.now() - started < 1000, "retried as if it were a network error");
});

test("a caller's Authorization header with CR/LF: invalidRequest naming the header, the value in no view", async ({ h }) => {
  const error = await graphError(h.assignments({ token: undefined }).get(undefined, { headers: { Authorization: `Bearer ${TOKEN}\r\nX-Injected: 1` } }));
  assert.is(error.code, "invalidRequest");
  assert.match(error.message, "header authorization has an invalid value");
  assertNoToken(error, TOKEN);
  assert.is(h.server.requests.length, 0);
});

test("a 2xx answer that is not JSON and echoes the request: the token is masked in body and every view", async () => {
  await withServer(
    (req) => ({ status: 200, headers: { "content-type": "text/plain" }, body: `you sent ${req.headers.authorization}` }),
    async (server) => {
      const error = await graphError(assignmentsAt(server).get());
      assert.is(error.code, "invalidResponse");
      assert.is(error.body, "you sent Bearer [token]");
      assertNoToken(error);
      assertPlainData(error);
    },
  );
});

test("a 2xx answer with truncated JSON that echoes the token: masked in body and cause", async () => {
  await withServer(
    (req) => ({ status: 200, body: `{"value":[],"echo":"${req.headers.authorization}","more":` }),
    async (server) => {
      const error = await graphError(assignmentsAt(server).get());
      assert.is(error.code, "invalidResponse");
      assert.match(error.body, '"echo":"Bearer [token]"');
      assertNoToken(error);
    },
  );
});

test("a 2xx JSON answer that is just the echoed token: not even JSON.parse's excerpt of it stays in the cause", async () => {
  await withServer(
    () => ({ status: 200, body: TOKEN }),
    async (server) => {
      const error = await graphError(assignmentsAt(server).get());
      assert.is(error.code, "invalidResponse");
      assert.instance(error.cause, SyntaxError);
      assert.not.match((error.cause as Error).message, TOKEN.slice(0, 6), "a prefix of the token is in the cause");
      assertNoToken(error);
    },
  );
});

test("tokens echoed in request-id, x-ms-ags-diagnostic, any header and Graph's error fields are masked; no live Response", async () => {
  await withServer(
    (req) => ({
      status: 400,
      headers: { "request-id": `id-${TOKEN}`, "x-ms-ags-diagnostic": JSON.stringify({ echo: req.headers.authorization }), "x-echo": req.headers.authorization ?? "", date: TOKEN, "retry-after": TOKEN },
      body: JSON.stringify({
        error: { code: "BadRequest", message: `bad ${TOKEN}`, target: TOKEN, details: [{ code: "x", message: req.headers.authorization }], innerError: { "request-id": TOKEN, nested: { deep: [TOKEN] } } },
      }),
    }),
    async (server) => {
      const error = await graphError(assignmentsAt(server).post({ target: GROUP_TARGET }));
      assert.is(error.status, 400);
      assert.is(error.code, "BadRequest");
      assert.is(error.requestId, "id-[token]");
      assert.is(error.diagnostic, JSON.stringify({ echo: "Bearer [token]" }));
      assert.is(error.details[0]!.message, "Bearer [token]");
      assertNoToken(error);
      assertPlainData(error);
    },
  );
});

test("a token fetched after a 401 is masked too, and so is a caller's Cookie and Proxy-Authorization", async () => {
  let calls = 0;
  await withServer(
    (req) => ({ status: 401, body: JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: `rejected ${req.headers.authorization} ${req.headers.cookie} ${req.headers["proxy-authorization"]}` } }) }),
    async (server) => {
      const token = async () => `${TOKEN}-${++calls}`;
      const error = await graphError(assignmentsAt(server, { token, headers: { Cookie: "session=cookie-secret", "Proxy-Authorization": "Basic proxy-secret" } }).get());
      assert.is(error.attempts, 2);
      assert.is(error.message.split("[token]").length - 1 >= 3, true, error.message);
      for (const secret of [`${TOKEN}-1`, `${TOKEN}-2`, "cookie-secret", "proxy-secret"]) assertNoToken(error, secret);
    },
  );
});

test("a token with whitespace around it is masked as it was sent (fetch trims a header value)", async () => {
  await withServer(
    (req) => ({ status: 400, body: JSON.stringify({ error: { code: "BadRequest", message: `you sent ${req.headers.authorization}` } }) }),
    async (server) => {
      for (const token of [`${TOKEN} `, `\t${TOKEN}`]) {
        const error = await graphError(assignmentsAt(server, { token: async () => token }).get());
        assert.match(error.message, /you sent Bearer\s*\[token\]$/);
        assertNoToken(error);
      }
    },
  );
});

test("a \\u-escaped echo deeper than 64 levels in innerError is masked, not kept raw", async () => {
  let inner = `"${TOKEN.replace(/e/g, "\\u0065")}"`;
  for (let i = 0; i < 70; i++) inner = `{"x":${inner}}`;
  await withServer(
    () => ({ status: 400, body: `{"error":{"code":"BadRequest","message":"m","innerError":${inner}}}` }),
    async (server) => {
      const error = await graphError(assignmentsAt(server).get());
      assert.is(error.code, "BadRequest");
      assertNoToken(error);
      // What lies past the walk is kept as masked JSON text.
      let level: unknown = error.innerError;
      for (let i = 0; i < 80 && typeof level === "object" && level !== null; i++) level = (level as { x: unknown }).x;
      assert.type(level, "string");
      assert.match(level as string, "[token]");
    },
  );
});

test("API-key headers are credentials: masked in errors and never sent to another origin", async () => {
  const other = await startRecordingServer({ respond: () => ({ status: 400, body: JSON.stringify({ error: { code: "BadRequest", message: "other origin" } }) }) });
  try {
    await withServer(
      (req) =>
        req.method === "GET"
          ? { status: 307, headers: { location: `${other.url}/beta/x` }, body: "" }
          : { status: 400, body: JSON.stringify({ error: { code: "BadRequest", message: `${req.headers["x-api-key"]} ${req.headers["ocp-apim-subscription-key"]}` } }) },
      async (server) => {
        const headers = { "X-Api-Key": "api-key-secret", "Ocp-Apim-Subscription-Key": "subscription-secret" };
        const echoed = await graphError(assignmentsAt(server, { headers }).post({ target: GROUP_TARGET }));
        for (const secret of ["api-key-secret", "subscription-secret"]) assertNoToken(echoed, secret);
        await graphError(assignmentsAt(server, { headers }).get());
        assert.is(other.requests.length, 1);
        assert.is(other.requests[0]!.headers["x-api-key"], undefined);
        assert.is(other.requests[0]!.headers["ocp-apim-subscription-key"], undefined);
        assert.is(other.requests[0]!.headers.authorization, undefined);
      },
    );
  } finally {
    await other.close();
  }
});

test("in Node with a document (jsdom, happy-dom) the transport still follows redirects by hand: API keys stay on their origin", async () => {
  const other = await startRecordingServer({ respond: () => ({ status: 200, body: JSON.stringify({ value: [] }) }) });
  const scope = globalThis as { document?: unknown };
  scope.document = {};
  try {
    await withServer(
      () => ({ status: 307, headers: { location: `${other.url}/beta/x` }, body: "" }),
      async (server) => {
        await assignmentsAt(server, { headers: { "X-Api-Key": "api-key-secret" } }).get();
        assert.is(other.requests.length, 1);
        assert.is(other.requests[0]!.headers["x-api-key"], undefined, "the API key followed the redirect");
      },
    );
  } finally {
    delete scope.document;
    await other.close();
  }
});

test("a fetch that hides redirects (a browser's) is not let follow one with an API key: redirectNotFollowed, nothing sent to the other origin", async () => {
  const other = await startRecordingServer();
  try {
    await withServer(
      () => ({ status: 307, headers: { location: `${other.url}/beta/x` }, body: "" }),
      async (server) => {
        const assignments = assignmentsAt(server, { fetch: browserLikeFetch });
        // The first redirect tells the client that this fetch hides them: a GET without a key follows.
        await assignments.get();
        assert.is(other.requests.length, 1);
        const error = await graphError(assignments.get(undefined, { headers: { "X-Api-Key": "api-key-secret" } }));
        assert.is(error.code, "redirectNotFollowed");
        assert.match(error.message, "x-api-key");
        assertNoToken(error, "api-key-secret");
        assert.is(other.requests.length, 1, "the request with the key went to the other origin");
      },
    );
  } finally {
    await other.close();
  }
});

test("a URL with credentials in a nextLink is named without them", async ({ h }) => {
  h.server.faults.push({ kind: "nextLink", url: `${h.server.url.replace("://", "://user:pa55word@")}/beta/deviceManagement/configurationPolicies/${POLICY}/assignments?$skiptoken=x` }, { method: "GET" });
  const pages = h.assignments().iteratePages();
  await pages.next();
  const error = await graphError(pages.next());
  assert.is(error.code, "invalidRequest");
  assertNoToken(error, "pa55word");
  assert.not.match(error.url ?? "", "user");
});

test("an echo of the token JSON-escaped (\\u002B, \\/) or percent-encoded is masked too, in the typed and the low-level client", async () => {
  const token = "tok+en/AB==x y";
  const escaped = (text: string) => JSON.stringify(text).replace(/\+/g, "\\u002B").replace(/\//g, "\\/");
  await withServer(
    (req) => ({
      status: 400,
      headers: { "content-type": "application/json", "request-id": encodeURIComponent(req.headers.authorization!) },
      body: `{"error":{"code":"BadRequest","message":${escaped(`bad ${req.headers.authorization}`)},"innerError":{"form":"${encodeURIComponent(token).replace(/%20/g, "+")}"}}}`,
    }),
    async (server) => {
      const typed = await graphError(assignmentsAt(server, { token: async () => token }).get());
      const low = await createLowLevelClient({ baseUrl: `${server.url}/beta`, token: async () => token, backoffMs: 1 }).GET("/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments", {
        params: { path: { "deviceManagementConfigurationPolicy-id": POLICY } },
      });
      for (const view of [typed.message, typed.body, JSON.stringify(JSON.parse(typed.body!)), String(typed.requestId), decodeURIComponent(String(typed.requestId)), JSON.stringify(low.error)]) {
        for (const form of [token, "tok+en", encodeURIComponent(token)]) assert.not.ok(view.includes(form), `${form} in ${view}`);
      }
      assert.match(typed.message, "bad Bearer [token]");
      assertNoToken(typed, token);
    },
  );
});

test("a cause that holds the token deep inside (an AggregateError's errors, an error in a property, ten causes down) is replaced by a masked copy", async () => {
  const leak = `Bearer ${TOKEN}`;
  let deep = new Error(`deep ${leak}`);
  for (let i = 0; i < 10; i++) deep = new Error(`level ${i}`, { cause: deep });
  const causes = [new AggregateError([new Error(`upstream rejected ${leak}`)], "all failed"), Object.assign(new Error("x"), { attempt: new Error(`sent ${leak}`) }), deep];
  for (const cause of causes) {
    await withServer(
      () => ({ status: 204 }),
      async (server) => {
        const error = await graphError(assignmentsAt(server, { maxRetries: 0, middleware: [async () => Promise.reject(cause)] }).get());
        assert.is(error.code, "networkError");
        assert.not.ok(inspect(error.cause, { depth: Infinity, showHidden: true }).includes(TOKEN), inspect(error.cause, { depth: 3 }));
        assertNoToken(error);
      },
    );
  }
});

test("a credential a middleware sets is the call's too: masked in errors, and not let follow a redirect by a fetch that hides them", async () => {
  const setsKey = async (request: Request, next: (request: Request) => Promise<Response>) => {
    request.headers.set("Ocp-Apim-Subscription-Key", "apim-secret-value");
    return next(request);
  };
  await withServer(
    (req) => ({ status: 400, body: JSON.stringify({ error: { code: "BadRequest", message: `bad key ${req.headers["ocp-apim-subscription-key"]}` } }) }),
    async (server) => {
      const error = await graphError(assignmentsAt(server, { middleware: [setsKey] }).get());
      assert.match(error.message, "bad key [token]");
      assertNoToken(error, "apim-secret-value");
    },
  );
  const other = await startRecordingServer();
  try {
    await withServer(
      () => ({ status: 307, headers: { location: `${other.url}/beta/x` }, body: "" }),
      async (server) => {
        const error = await graphError(assignmentsAt(server, { fetch: browserLikeFetch, middleware: [setsKey] }).get());
        assert.is(error.code, "redirectNotFollowed");
        assert.match(error.message, "ocp-apim-subscription-key");
        assert.is(other.requests.length, 0, "the key a middleware set went to the other origin");
      },
    );
  } finally {
    await other.close();
  }
});

test("whatever request a middleware sends (a new Request, next called twice), the transport's redirect mode holds: API keys never follow to another origin", async () => {
  const other = await startRecordingServer();
  // A middleware that replaces the request without copying its redirect mode (a new Request follows by default).
  const rebuilds = async (request: Request, next: (request: Request) => Promise<Response>) => next(new Request(request.url, { method: request.method, headers: request.headers, signal: request.signal }));
  // A middleware that sets a key and calls next twice.
  const twice = async (request: Request, next: (request: Request) => Promise<Response>) => {
    request.headers.set("x-api-key", "api-key-secret");
    const first = await next(request.clone());
    return first.status < 500 ? first : next(request);
  };
  try {
    await withServer(
      () => ({ status: 307, headers: { location: `${other.url}/beta/x` }, body: "" }),
      async (server) => {
        // Node: the transport follows by hand, withholding the key, though the middleware made a following request.
        await assignmentsAt(server, { headers: { "X-Api-Key": "api-key-secret" }, middleware: [rebuilds] }).get();
        assert.is(other.requests.at(-1)!.headers["x-api-key"], undefined, "Node's fetch followed the redirect with the key");
      },
    );
    let answered = 0;
    await withServer(
      () => (answered++ === 0 ? { status: 503, body: "" } : { status: 307, headers: { location: `${other.url}/beta/y` }, body: "" }),
      async (server) => {
        const assignments = assignmentsAt(server, { fetch: browserLikeFetch, middleware: [twice], maxRetries: 0 });
        // The first call learns that this fetch hides redirects; the second is in follow mode from the start.
        await graphError(assignments.get());
        const before = other.requests.length;
        answered = 0;
        const error = await graphError(assignments.get());
        assert.is(error.code, "redirectNotFollowed");
        assert.is(other.requests.slice(before).filter((r) => r.headers["x-api-key"] !== undefined).length, 0, "the key went to the other origin");
      },
    );
  } finally {
    await other.close();
  }
});

test.run();
