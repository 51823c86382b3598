/**
 * Options of the wrong kind, from JavaScript callers or `as any`: each is refused, naming the option,
 * before anything is sent. An `onResponse` that is not a function was found only once the service had
 * answered, so a PATCH it had applied failed with a bare TypeError, which invites sending it again.
 */
import * as assert from "uvu/assert";
import { GraphError } from "../../generated/assignments/index.js";
import { graphError, GROUP_TARGET, POLICY, reliabilitySuite } from "./helpers.js";

const test = reliabilitySuite("reliability: options of the wrong kind");

test("an onResponse that is not a function: invalidRequest naming it, and the PATCH is not sent", async ({ h }) => {
  h.server.store.addAssignment(POLICY, { id: "a1", target: GROUP_TARGET });
  for (const onResponse of ["yes", 5, {}]) {
    const error = await graphError(h.assignments().byId("a1").patch({ target: GROUP_TARGET }, { onResponse } as never));
    assert.is(error.code, "invalidRequest");
    assert.match(error.message, "options.onResponse must be a function");
    assert.is(error.attempts, 0);
  }
  const walking = h.assignments().iterate({}, { onResponse: "yes" } as never)[Symbol.asyncIterator]().next();
  assert.match((await graphError(walking)).message, "options.onResponse must be a function");
  assert.is(h.server.requests.length, 0);
});

test("a signal that is not an AbortSignal: invalidRequest naming it, nothing sent", async ({ h }) => {
  for (const signal of ["x", {}, { aborted: true, reason: "r" }, 5]) {
    const error = await graphError(h.assignments().byId("a1").patch({ target: GROUP_TARGET }, { signal } as never));
    assert.is(error.code, "invalidRequest", JSON.stringify(signal));
    assert.match(error.message, "options.signal must be an AbortSignal");
  }
  assert.is(h.server.requests.length, 0);
});

test("in a batch too: an item's onResponse or signal of the wrong kind rejects the batch before anything is sent", async ({ h }) => {
  const graph = h.client();
  const byOnResponse = await graphError(graph.batch((g) => [g.deviceManagement.configurationPolicies.byId(POLICY).assignments.get({}, { onResponse: 1 } as never)]));
  assert.match(byOnResponse.message, /^batch item 0: GET .* not sent: options.onResponse must be a function/);
  const bySignal = await graphError(graph.batch(() => [], { signal: "x" } as never));
  assert.match(bySignal.message, "options.signal must be an AbortSignal");
  assert.is(h.server.requests.length, 0);
});

test("call headers that are not an object: invalidRequest naming them (a string was sent as headers 0, 1, 2, …)", async ({ h }) => {
  const error = await graphError(h.assignments().byId("a1").get({}, { headers: "x-a" } as never));
  assert.is(error.code, "invalidRequest");
  assert.match(error.message, 'options.headers must be an object of header names and values, got "x-a"');
  assert.is(h.server.requests.length, 0);
});

test("call headers given as a Map (whose entries a plain object's loop never sees) are refused, not sent as nothing, as in a batch", async ({ h }) => {
  const error = await graphError(h.assignments().byId("a1").get({}, { headers: new Map([["x-a", "1"]]) } as never));
  assert.is(error.code, "invalidRequest");
  assert.match(error.message, "options.headers must be an object of header names to strings, got a Map (pass Object.fromEntries(headers))");
  assert.is(h.server.requests.length, 0);
});

test("a real signal and a real onResponse still work", async ({ h }) => {
  h.server.store.addAssignment(POLICY, { id: "a1", target: GROUP_TARGET });
  let status = 0;
  const got = await h.assignments().byId("a1").get({}, { signal: new AbortController().signal, onResponse: (info) => (status = info.status) });
  assert.is(got.id, "a1");
  assert.is(status, 200);
  assert.ok(!(got instanceof GraphError));
});

test("client options of the wrong kind throw a TypeError naming the option when the client is made", ({ h }) => {
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ token: 5 }, /^token must be a string, a function or a TokenCredential \(with getToken\), got 5$/],
    [{ token: { foo: 1 } }, /^token must be .*, got an object$/],
    [{ token: undefined, credential: { getToken: "x" } }, /^credential must be a TokenCredential \(an object with a getToken function\), got an object$/],
    [{ fetch: "x" }, /^fetch must be a function, got "x"$/],
    [{ middleware: [5] }, /^middleware\[0\] must be a function, got 5$/],
    [{ middleware: (() => {}) as unknown }, /^middleware must be an array of functions, got a function$/],
    [{ headers: "x-a" }, /^headers must be an object of header names and values, got "x-a"$/],
    [{ headers: new Map([["x-a", "1"]]) }, /^headers must be an object of header names to strings, got a Map \(pass Object\.fromEntries\(headers\)\)$/],
  ];
  for (const [options, message] of cases) assert.throws(() => h.client(options as never), (error: unknown) => error instanceof TypeError && message.test(error.message), JSON.stringify(options));
  assert.is(h.server.requests.length, 0);
});

test.run();
