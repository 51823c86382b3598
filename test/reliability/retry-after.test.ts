/**
 * `Retry-After` as RFC 9110 §10.2.3 defines it (issue 10, item 6): delta-seconds (digits only) or an
 * HTTP-date in one of its three forms. `1.5`, `-1` and a duplicated `1, 1` were read by V8's lenient
 * `Date.parse` as dates in 2001, so the retry fired at once; they now fall back to backoff.
 * `retry-after-ms` and `x-ms-retry-after-ms` are honoured, as the Azure SDK does.
 */
import * as assert from "uvu/assert";
import { parseRetryAfter, retryDelayMs } from "../../generated/runtime/retry-after.js";
import { DEFAULT_RETRY_POLICY } from "../../generated/runtime/retry.js";
import { GROUP_TARGET, reliabilitySuite } from "./helpers.js";

const test = reliabilitySuite("reliability: Retry-After parsing");

const NOW = Date.parse("Sun, 06 Nov 1994 08:49:00 GMT");

test("the three HTTP-date forms and delta-seconds are read; nothing looser is", () => {
  assert.is(parseRetryAfter("120", NOW), 120_000);
  assert.is(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", NOW), 37_000, "IMF-fixdate");
  assert.is(parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", NOW), 37_000, "RFC 850");
  assert.is(parseRetryAfter("Sun Nov  6 08:49:37 1994", NOW), 37_000, "asctime, read as UTC");
  for (const invalid of ["1.5", "-1", "1, 1", "+3", "1e3", "0x10", "soon", "2026-01-01", "Sun, 06 Nov 1994 08:49:37", ""]) {
    assert.is(parseRetryAfter(invalid, NOW), undefined, JSON.stringify(invalid));
  }
  // An invalid value gets the backoff, which is never 0 ms (it starts at half the first step).
  const delay = retryDelayMs("1.5", 1, DEFAULT_RETRY_POLICY, NOW);
  assert.ok(delay >= DEFAULT_RETRY_POLICY.baseDelayMs / 2 && delay <= DEFAULT_RETRY_POLICY.baseDelayMs, String(delay));
});

for (const value of ["1.5", "-1", "1, 1"]) {
  test(`429 with Retry-After: ${value} over HTTP: backoff, not an immediate retry`, async ({ h }) => {
    h.server.faults.push({ kind: "status", status: 429, retryAfter: value }, { method: "GET" });
    await h.assignments({ backoffMs: 400 }).get();
    const [first, second] = h.server.requests;
    const gap = second!.receivedAt - first!.receivedAt;
    assert.ok(gap >= 190, `retried after ${gap} ms: "${value}" was read as a date`);
    assert.ok(gap < 1400, `waited ${gap} ms`);
  });
}

for (const header of ["retry-after-ms", "x-ms-retry-after-ms"]) {
  test(`429 with ${header}: 300 waits 300 ms (and wins over Retry-After)`, async ({ h }) => {
    h.server.faults.push({ kind: "status", status: 429, retryAfter: "5", headers: { [header]: "300" } }, { method: "POST" });
    await h.assignments({ backoffMs: 1 }).post({ target: GROUP_TARGET });
    const [first, second] = h.server.requests;
    const gap = second!.receivedAt - first!.receivedAt;
    assert.ok(gap >= 290 && gap < 2000, `retried after ${gap} ms`);
  });
}

test("a 504 to a POST with only retry-after-ms is a throttling answer: retried", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 504, headers: { "retry-after-ms": "10" } }, { method: "POST" });
  await h.assignments().post({ target: GROUP_TARGET });
  assert.equal(h.server.requests.map((r) => r.method), ["POST", "POST"]);
});

test.run();
