/**
 * Answers a client must survive truthfully (issue 10, items 11 and 12): a page body of `null` or a
 * primitive is a GraphError, not a TypeError; JSON content types match in any case; a response nested
 * 200,000 levels deep is read (the `@odata.type` walk is iterative) instead of failing as "invalid
 * JSON"; and 50 calls sharing one AbortSignal print no MaxListenersExceededWarning.
 */
import * as assert from "uvu/assert";
import { createGraphClient, createLowLevelClient, GraphError } from "../../generated/assignments/index.js";
import { startRecordingServer, type RecordingServer } from "../server/recording-server.js";
import { graphError, POLICY, rejection, reliabilitySuite, TOKEN, until } from "./helpers.js";

const test = reliabilitySuite("reliability: hostile responses and shared signals");

async function answering(body: string, contentType = "application/json"): Promise<RecordingServer> {
  return startRecordingServer({ respond: () => ({ status: 200, headers: { "content-type": contentType }, body }) });
}

const assignmentsAt = (server: RecordingServer) =>
  createGraphClient({ baseUrl: `${server.url}/beta`, token: TOKEN, backoffMs: 1 }).deviceManagement.configurationPolicies.byId(POLICY).assignments;

for (const body of ["null", "42", '"text"', "true", "[]"]) {
  test(`a page body of ${body}: iterate() fails with an invalidResponse GraphError, not a TypeError`, async () => {
    const server = await answering(body);
    try {
      const error = await rejection(assignmentsAt(server).iterate().next());
      assert.instance(error, GraphError, String(error));
      assert.is((error as GraphError).code, "invalidResponse");
      // OData answers an object: what is not one fails before paging looks for "value".
      assert.match((error as GraphError).message, "expected a JSON object");
    } finally {
      await server.close();
    }
  });
}

for (const contentType of ["Application/JSON", "APPLICATION/JSON; charset=UTF-8", "application/problem+JSON"]) {
  test(`content type ${contentType} is JSON`, async () => {
    const server = await answering(JSON.stringify({ value: [{ id: "a", target: { "@odata.type": "microsoft.graph.allDevicesAssignmentTarget" } }] }), contentType);
    try {
      const page = await assignmentsAt(server).get();
      assert.is(page.value[0]!.target?.["@odata.type"], "#microsoft.graph.allDevicesAssignmentTarget");
    } finally {
      await server.close();
    }
  });
}

for (const contentType of ["text/jsonish", "text/notjson", "application/xjson", "json"]) {
  test(`${contentType} is not JSON`, async () => {
    const server = await answering(JSON.stringify({ value: [] }), contentType);
    try {
      const error = await graphError(assignmentsAt(server).get());
      assert.is(error.code, "invalidResponse");
      assert.match(error.message, "expected a JSON body");
    } finally {
      await server.close();
    }
  });
}

for (const body of ["null", "[1,2]", "42", '"text"']) {
  test(`an entity answered with ${body}: invalidResponse, not a value of the wrong shape`, async () => {
    const server = await answering(body);
    try {
      const error = await graphError(assignmentsAt(server).byId("a").get());
      assert.is(error.code, "invalidResponse");
      assert.is(error.status, 200);
      assert.match(error.message, "expected a JSON object");
      assert.is(error.body, body);
    } finally {
      await server.close();
    }
  });
}

test("a count answered 204: invalidResponse, not undefined (a count is always a number)", async () => {
  const server = await startRecordingServer({ respond: () => ({ status: 204, body: "" }) });
  try {
    const error = await graphError(assignmentsAt(server).count());
    assert.is(error.code, "invalidResponse");
    assert.is(error.status, 204);
    assert.match(error.message, "expected a count");
  } finally {
    await server.close();
  }
});

test("onResponse is called for an answer the call accepts, not for one it then rejects as invalidResponse", async () => {
  const seen: number[] = [];
  const onResponse = (info: { status: number }) => void seen.push(info.status);
  const bad = await answering("[1,2]");
  const good = await answering(JSON.stringify({ value: [] }));
  try {
    await graphError(assignmentsAt(bad).get(undefined, { onResponse }));
    assert.equal(seen, []);
    await assignmentsAt(good).get(undefined, { onResponse });
    assert.equal(seen, [200]);
  } finally {
    await Promise.all([bad.close(), good.close()]);
  }
});

for (const body of ["9".repeat(400), "9007199254740993", "-1", "1e3"]) {
  test(`a count answered ${body.length > 20 ? `${body.slice(0, 8)}… (${body.length} digits)` : body}: invalidResponse, not Infinity or a rounded number`, async () => {
    const server = await answering(body, "text/plain");
    try {
      const error = await graphError(assignmentsAt(server).count());
      assert.is(error.code, "invalidResponse");
      assert.match(error.message, "expected a count");
    } finally {
      await server.close();
    }
  });
}

test("a response nested 200,000 levels deep is read, with the @odata.type at the bottom fixed", async () => {
  const depth = 200_000;
  const body = `{"value":[],"deep":${'{"a":'.repeat(depth)}{"@odata.type":"microsoft.graph.x"}${"}".repeat(depth)}}`;
  const server = await answering(body);
  try {
    const page = (await assignmentsAt(server).get()) as unknown as { deep: Record<string, unknown> };
    let node: Record<string, unknown> = page.deep;
    for (let i = 0; i < depth; i++) node = node.a as Record<string, unknown>;
    assert.is(node["@odata.type"], "#microsoft.graph.x");
  } finally {
    await server.close();
  }
});

test("50 concurrent calls sharing one AbortSignal: no MaxListenersExceededWarning, and the abort reaches them all", async ({ h }) => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on("warning", onWarning);
  try {
    const controller = new AbortController();
    const assignments = h.assignments();
    const done = await Promise.all(Array.from({ length: 50 }, () => assignments.get(undefined, { signal: controller.signal })));
    assert.is(done.length, 50);
    h.server.faults.push({ kind: "stall" }, { method: "GET", times: Infinity });
    const stalled = Array.from({ length: 50 }, () => rejection(assignments.get(undefined, { signal: controller.signal })));
    await until(() => h.server.requests.length === 100, "50 stalled requests");
    controller.abort(new Error("all of them"));
    const reasons = await Promise.all(stalled);
    assert.ok(reasons.every((reason) => (reason as Error).message === "all of them"));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(warnings.map((w) => w.name), []);
  } finally {
    process.off("warning", onWarning);
  }
});

// What reading a body past the longest string V8 can make throws: Node's error, and a RangeError elsewhere.
const TOO_LONG = [Object.assign(new Error("Cannot create a string longer than 0x1fffffe8 characters"), { code: "ERR_STRING_TOO_LONG" }), new RangeError("Invalid string length")];

test("a body too large to read as one string (a decompression bomb) is invalidResponse after one attempt, not a network error retried", async () => {
  for (const tooLong of TOO_LONG) {
    let sent = 0;
    const fetch: typeof globalThis.fetch = async () => {
      sent++;
      const response = new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
      response.text = async () => Promise.reject(tooLong);
      return response;
    };
    const error = await graphError(createGraphClient({ baseUrl: "http://127.0.0.1:9/beta", token: TOKEN, backoffMs: 1, fetch }).deviceManagement.configurationPolicies.byId(POLICY).assignments.get());
    assert.is(error.code, "invalidResponse");
    assert.match(error.message, "body too large to read");
    assert.is(error.attempts, 1);
    assert.is(sent, 1);
  }
});

test("the low-level client: a JSON answer too large to read as text is an invalidResponse GraphError, not a bare Error", async () => {
  for (const tooLong of TOO_LONG) {
    const fetch: typeof globalThis.fetch = async () => {
      const response = new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
      response.blob = async () => Object.assign(new Blob(["{}"]), { text: async () => Promise.reject(tooLong) });
      return response;
    };
    const api = createLowLevelClient({ baseUrl: "http://127.0.0.1:9/beta", token: TOKEN, backoffMs: 1, fetch });
    const error = await rejection(api.GET("/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments", { params: { path: { "deviceManagementConfigurationPolicy-id": POLICY } } }));
    assert.instance(error, GraphError);
    assert.is((error as GraphError).code, "invalidResponse");
    assert.match((error as GraphError).message, "expected a body short enough to read as text");
  }
});

test.run();
