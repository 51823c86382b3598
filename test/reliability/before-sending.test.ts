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

test("an invalid header name is named too", async ({ h }) => {
  const error = await graphError(h.assignments().get(undefined, { headers: { "bad name": "x" } }));
  assert.is(error.code, "invalidRequest");
  assert.match(error.message, '"bad name"');
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
