/**
 * What fetch would refuse fails at once as the caller's error, naming the header or URL, with
 * nothing retried (issue 10, item 5): invalid header values and names, credentials in a URL. And
 * redirects to anything but http(s) fail at once instead of being followed (item 4): `data:` used
 * to be followed and its content returned as the result.
 */
import * as assert from "uvu/assert";
import { graphError, GROUP_TARGET, POLICY, reliabilitySuite } from "./helpers.js";

const test = reliabilitySuite("reliability: refused before sending");

const BAD_VALUES = { "CR/LF": "a\r\nX-Injected: 1", LF: "a\nb", NUL: "a\0b", "non-Latin-1": "caf\u20ac" };

test("an invalid header value on a GET: invalidRequest at once, naming the header, nothing sent or retried", async ({ h }) => {
  for (const [what, value] of Object.entries(BAD_VALUES)) {
    const started = Date.now();
    const error = await graphError(h.assignments({ backoffMs: 500 }).get(undefined, { headers: { "X-Trace": value } }));
    assert.is(error.code, "invalidRequest", what);
    assert.match(error.message, "header x-trace has an invalid value");
    assert.not.match(error.message, value);
    assert.is(error.attempts, 0);
    assert.ok(Date.now() - started < 400, `${what}: took ${Date.now() - started} ms (retried?)`);
  }
  assert.is(h.server.requests.length, 0);
});

test("an invalid header on a POST is invalidRequest, not 'may already have been applied'", async ({ h }) => {
  const error = await graphError(h.assignments({ headers: { "X-Client": "\u2603" } }).post({ target: GROUP_TARGET }));
  assert.is(error.code, "invalidRequest");
  assert.not.match(error.message, "may already have been applied");
  assert.is(h.server.requests.length, 0);
});

test("headers the HTTP stack manages (which fetch refuses): invalidRequest naming them, nothing sent or retried, not 'may already have been applied'", async ({ h }) => {
  for (const name of ["Transfer-Encoding", "Expect", "Upgrade", "Keep-Alive"]) {
    for (const call of [() => h.assignments().get(undefined, { headers: { [name]: "x" } }), () => h.assignments().post({ target: GROUP_TARGET }, { headers: { [name]: "x" } })]) {
      const error = await graphError(call());
      assert.is(error.code, "invalidRequest", name);
      assert.match(error.message, `header ${name.toLowerCase()} cannot be set`);
      assert.is(error.attempts, 0);
    }
  }
  assert.is(h.server.requests.length, 0);
});

test("headers given as a Headers object or as [name, value] pairs (JavaScript callers) are sent, and checked, like a record", async ({ h }) => {
  const given = [new Headers({ "X-Trace": "from-headers" }), [["X-Trace", "from-pairs"]]] as unknown as Record<string, string>[];
  for (const headers of given) await h.assignments().get(undefined, { headers });
  assert.equal(h.server.requests.map((r) => r.headers["x-trace"]), ["from-headers", "from-pairs"]);
  const error = await graphError(h.assignments().get(undefined, { headers: new Headers({ Expect: "100-continue" }) as unknown as Record<string, string> }));
  assert.is(error.code, "invalidRequest");
});

test("an invalid header name is named too", async ({ h }) => {
  const error = await graphError(h.assignments().get(undefined, { headers: { "bad name": "x" } }));
  assert.is(error.code, "invalidRequest");
  assert.match(error.message, '"bad name"');
});

test("a client option that is NaN, negative, fractional where a count is meant, or not a number: a TypeError naming it", ({ h }) => {
  const bad: Array<[string, Record<string, unknown>]> = [
    ["maxRetries", { maxRetries: Number.NaN }], ["maxRetries", { maxRetries: -1 }], ["maxRetries", { maxRetries: 1.5 }],
    ["timeoutMs", { timeoutMs: Number.NaN }], ["timeoutMs", { timeoutMs: -5 }], ["timeoutMs", { timeoutMs: "100" }],
    ["maxRetryDelayMs", { maxRetryDelayMs: Number.NaN }], ["backoffMs", { backoffMs: -1 }],
  ];
  for (const [name, options] of bad) {
    assert.throws(() => h.client(options as never), (error: Error) => error instanceof TypeError && error.message.startsWith(`${name} must be`), JSON.stringify(options));
  }
  for (const baseUrl of ["not a url", "ftp://graph.example/beta", "/beta"]) {
    assert.throws(() => h.client({ baseUrl }), (error: Error) => error instanceof TypeError && error.message.includes("baseUrl") && error.message.includes(JSON.stringify(baseUrl)), baseUrl);
  }
  // The edges that mean something: no retries, no timeout, no cap.
  h.client({ maxRetries: 0, timeoutMs: 0, maxRetryDelayMs: 0, backoffMs: 0 });
  h.client({ maxRetries: Infinity, timeoutMs: Infinity, maxRetryDelayMs: Infinity });
});

test("a call option timeoutMs or maxRetries that is NaN or negative: invalidRequest naming it, nothing sent", async ({ h }) => {
  for (const options of [{ timeoutMs: Number.NaN }, { timeoutMs: -1 }, { maxRetries: Number.NaN }, { maxRetries: 2.5 }, { timeoutMs: 5n }, { maxRetries: () => 3 }]) {
    const name = Object.keys(options)[0]!;
    const error = await graphError(h.assignments().get(undefined, options as never));
    assert.is(error.code, "invalidRequest", name);
    assert.match(error.message, `not sent: options.${name} must be`);
  }
  // What was given is named, never serialised: a BigInt cannot be, and a function's source is no message.
  assert.match((await graphError(h.assignments().get(undefined, { timeoutMs: 5n } as never))).message, /, got 5n$/);
  assert.match((await graphError(h.assignments().get(undefined, { maxRetries: () => 3 } as never))).message, /, got a function$/);
  assert.is(h.server.requests.length, 0);
});

test("a same-origin nextLink with user:password@ fails at once as invalidRequest, not after 6 attempts", async ({ h }) => {
  h.server.store.addAssignment(POLICY, { id: "a1", target: GROUP_TARGET });
  const next = `${h.server.url.replace("://", "://u:p@")}/beta/deviceManagement/configurationPolicies/${POLICY}/assignments?$skiptoken=x`;
  const started = Date.now();
  const error = await graphError(h.assignments({ backoffMs: 500 }).iterate(undefined, { nextLink: next }).next());
  assert.is(error.code, "invalidRequest");
  assert.match(error.message, "credentials");
  assert.is(error.attempts, 0);
  assert.ok(Date.now() - started < 400, `took ${Date.now() - started} ms`);
  assert.is(h.server.requests.length, 0);
});

for (const location of ["data:application/json,%7B%22value%22%3A%5B%5D%7D", "file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)"]) {
  const scheme = location.slice(0, location.indexOf(":") + 1);
  test(`a redirect to ${scheme} fails at once with invalidRequest and is not followed`, async ({ h }) => {
    h.server.faults.push({ kind: "redirect", status: 302, location }, { method: "GET" });
    const started = Date.now();
    const error = await graphError(h.assignments({ backoffMs: 500 }).get());
    assert.is(error.code, "invalidRequest");
    assert.match(error.message, `a ${scheme} URL; only http and https redirects are followed`);
    assert.is(error.attempts, 1);
    assert.is(h.server.requests.length, 1);
    assert.ok(Date.now() - started < 400, `took ${Date.now() - started} ms`);
  });
}

test.run();
