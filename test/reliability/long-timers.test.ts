/**
 * Timers past setTimeout's 32-bit limit (issue 10, item 7): Node and browsers run a delay of 2³¹ ms
 * or more, or Infinity, after 1 ms. `timeoutMs: Infinity` must mean "never", and a huge Retry-After
 * under `maxRetryDelayMs: Infinity` must be waited for, not retried at once.
 */
import * as assert from "uvu/assert";
import { startTimer } from "../../generated/runtime/timer.js";
import { rejection, reliabilitySuite, until } from "./helpers.js";

const test = reliabilitySuite("reliability: long timers");

for (const timeoutMs of [Infinity, 2 ** 31, 2 ** 40]) {
  test(`timeoutMs: ${timeoutMs} does not time out after 1 ms: a 150 ms answer succeeds (client and per call)`, async ({ h }) => {
    h.server.faults.push({ kind: "stall", ms: 150 }, { method: "GET", times: 2 });
    assert.equal((await h.assignments({ timeoutMs }).get()).value, []);
    assert.equal((await h.assignments().get(undefined, { timeoutMs })).value, []);
    assert.is(h.server.requests.length, 2);
  });
}

test("maxRetryDelayMs: Infinity with Retry-After of 30 days: the retry waits (the call is aborted, never retried)", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 429, retryAfter: String(30 * 24 * 3600) }, { method: "GET" });
  const controller = new AbortController();
  const call = rejection(h.assignments({ maxRetryDelayMs: Infinity, timeoutMs: 0 }).get(undefined, { signal: controller.signal }));
  await until(() => h.server.requests.length === 1, "the first attempt");
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.is(h.server.requests.length, 1, "retried at once: the 30-day wait became 1 ms");
  controller.abort(new Error("enough"));
  assert.is(((await call) as Error).message, "enough");
});

test("startTimer: a delay past 2³¹ ms is a chain of timers that has not fired yet; cancel stops it", async () => {
  let fired = 0;
  const cancel = startTimer(() => fired++, 2 ** 31 + 5);
  const never = startTimer(() => fired++, Infinity);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.is(fired, 0);
  cancel();
  never();
  const soon = await new Promise<number>((resolve) => {
    const started = Date.now();
    startTimer(() => resolve(Date.now() - started), 30);
  });
  assert.ok(soon >= 25, `fired after ${soon} ms`);
});

test.run();
