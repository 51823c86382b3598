/**
 * Load: 2,000 writes (1,000 POST + 1,000 PATCH), 32 in flight, while the server throttles 20% of
 * them with 429 (Retry-After: 0). Every logical request must succeed and be applied exactly once
 * (counted by the server per client-request-id), with no unhandled rejection, bounded memory, on
 * loopback, in well under a minute. Prints the figures.
 *
 * The retry budget is raised to 10 here: at a 20% throttle rate a request fails only if 11 attempts
 * in a row are throttled (0.2^11 ≈ 2e-8 per request); with the default 5 it is 0.2^6 ≈ 6e-5 per
 * request, about 12% for the whole run, which would make the test flaky, not the SDK wrong.
 */
import * as assert from "uvu/assert";
import { GROUP_TARGET, POLICY, reliabilitySuite } from "./helpers.js";

const test = reliabilitySuite("reliability: load");

const WRITES = 2000;
const IN_FLIGHT = 32;

test("2,000 POST/PATCH with 32 in flight under 20% throttling: all succeed, each applied exactly once", async ({ h }) => {
  assert.is(new URL(h.server.url).hostname, "127.0.0.1", "loopback only");
  for (let i = 0; i < WRITES / 2; i++) h.server.store.addAssignment(POLICY, { id: `existing-${i}`, target: GROUP_TARGET });
  h.server.requests.length = 0;
  h.server.faults.throttle({ rate: 0.2, retryAfterSeconds: 0, seed: 1, methods: ["POST", "PATCH"] });

  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  const assignments = h.assignments({ maxRetries: 10 });
  const attempts: number[] = [];
  const failures: unknown[] = [];
  const heapStart = process.memoryUsage().heapUsed;
  let heapPeak = heapStart;
  const started = Date.now();

  const write = async (i: number): Promise<void> => {
    const k = i >> 1;
    const onResponse = (info: { attempts: number }) => attempts.push(info.attempts);
    if (i % 2 === 0) {
      await assignments.post({ id: `new-${k}`, target: { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: `g-${k}` } }, { onResponse });
    } else {
      await assignments.byId(`existing-${k}`).patch({ target: { "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget", groupId: `x-${k}` } }, { onResponse });
    }
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < WRITES) {
      const i = next++;
      await write(i).catch((error: unknown) => failures.push(error));
      if (i % 100 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await new Promise((resolve) => setImmediate(resolve)); // let any stray rejection surface
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
  const seconds = (Date.now() - started) / 1000;

  const { stats } = h.server.faults;
  const perId = [...stats.appliedByClientRequestId.values()];
  const retried = attempts.reduce((sum, n) => sum + n - 1, 0);
  const duplicated = perId.filter((n) => n > 1).length;
  const stored = h.server.store.listAssignments(POLICY);
  const created = new Set(stored.filter((a) => String(a.id).startsWith("new-")).map((a) => (a.target as { groupId: string }).groupId));
  const patched = stored.filter((a) => String(a.id).startsWith("existing-") && (a.target as { groupId: string }).groupId.startsWith("x-")).length;
  const lost = WRITES / 2 - created.size + (WRITES / 2 - patched);
  console.log(
    `  load: ${WRITES} logical writes (${IN_FLIGHT} in flight), ${h.server.requests.length} HTTP requests, ${stats.throttled} throttled, ${retried} retried, ` +
      `at most ${Math.max(...attempts)} attempts for one write, ${failures.length} failed, ${lost} lost, ${duplicated} duplicated; ${seconds.toFixed(1)} s; heap ${(heapStart / 2 ** 20).toFixed(0)} → peak ${(heapPeak / 2 ** 20).toFixed(0)} MB`,
  );

  assert.equal(failures, [], "every logical request succeeded");
  assert.equal(unhandled, [], "no unhandled rejections");
  assert.is(attempts.length, WRITES);
  assert.ok(stats.throttled > WRITES * 0.15, `the throttle really bit (${stats.throttled})`);
  assert.is(retried, stats.throttled, "every throttled attempt was retried, nothing else was");
  assert.is(h.server.requests.length, WRITES + stats.throttled);
  assert.is(stats.applied, WRITES);
  assert.is(perId.length, WRITES, "one client-request-id per logical request");
  assert.is(duplicated, 0);
  assert.is(lost, 0);
  assert.is(stored.length, WRITES, "1,000 created + 1,000 patched, nothing extra");
  assert.ok(heapPeak - heapStart < 256 * 2 ** 20, `heap grew by ${((heapPeak - heapStart) / 2 ** 20).toFixed(0)} MB`);
  assert.ok(seconds < 60, `${seconds} s`);
});

test.run();
