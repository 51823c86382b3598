/**
 * Paging and $count: nextLinks only on the base origin (a foreign one is refused and receives
 * nothing), empty pages walked through, page-level iteration resumable from a saved nextLink, the
 * max-pages guard; `ConsistencyLevel: eventual` and a number from $count; metadata on success.
 */
import * as assert from "uvu/assert";
import { assertNoToken, graphError, GROUP_TARGET, LIST, POLICY, rejection, reliabilitySuite, TOKEN } from "./helpers.js";
import { GraphError, type ResponseInfo } from "../../generated/assignments/index.js";

const test = reliabilitySuite("reliability: paging, $count, metadata");

function seed(h: { server: { store: { addAssignment(p: string, b: object): unknown } } }, n: number): void {
  for (let i = 0; i < n; i++) h.server.store.addAssignment(POLICY, { id: `a${i}`, target: GROUP_TARGET });
}

test("a nextLink to another origin is refused after the first page; the other server receives nothing", async ({ h }) => {
  seed(h, 5);
  h.server.faults.push({ kind: "nextLink", url: `${h.foreign.url}/beta/deviceManagement/configurationPolicies/p/assignments?$skiptoken=x` }, { method: "GET" });
  const seen: string[] = [];
  const error = await graphError(
    (async () => {
      for await (const a of h.assignments().iterate()) seen.push(a.id!);
    })(),
  );
  assert.equal(seen, ["a0", "a1"], "the first page's items were delivered");
  assert.is(error.code, "foreignUrl");
  assert.match(error.message, "not sent");
  assert.is(error.attempts, 0);
  assert.is(h.foreign.requests.length, 0);
});

test("a resume nextLink on another origin, or on another scheme or port of the same host, is refused too", async ({ h }) => {
  const base = new URL(h.server.url);
  const elsewhere = [`${h.foreign.url}/beta/x`, `https://${base.host}/beta/x`, `http://localhost:${base.port}/beta/x`, `${h.server.url}@evil.example/beta/x`];
  for (const nextLink of elsewhere) {
    const error = (await rejection(h.assignments().iteratePages(undefined, { nextLink }).next())) as { code?: string };
    assert.is(error.code, "foreignUrl", nextLink);
  }
  assert.is(h.server.requests.length + h.foreign.requests.length, 0);
});

test("a resume nextLink that is not an absolute http(s) URL is invalidRequest naming the option; nothing is sent", async ({ h }) => {
  for (const nextLink of ["not a url", "", "/beta/deviceManagement/configurationPolicies/p/assignments", "javascript:alert(1)", 42 as unknown as string]) {
    const error = (await rejection(h.assignments().iteratePages(undefined, { nextLink }).next())) as GraphError;
    assert.instance(error, GraphError, String(nextLink));
    assert.is(error.code, "invalidRequest", String(nextLink));
    assert.is(error.target, "nextLink");
    assert.match(error.message, /^GET not sent: the nextLink option must be (a string|an absolute http\(s\) URL)/);
    assert.is(error.attempts, 0);
  }
  assert.is(h.server.requests.length + h.foreign.requests.length, 0);
});

test("an answer that is not a page (200 or 204) is invalidResponse with the answer's status, URL, attempts, request-id and masked body", async ({ h }) => {
  // The body echoes the token: the error keeps the body, with the token masked.
  h.server.faults.push({ kind: "status", status: 200, body: JSON.stringify({ value: `Bearer ${TOKEN}` }) }, { method: "GET" });
  const error = await graphError(h.assignments().iterate().next());
  assert.is(error.code, "invalidResponse");
  assert.is(error.status, 200);
  assert.is(error.method, "GET");
  assert.is(error.url, `${h.server.url}${LIST}`);
  assert.is(error.attempts, 1);
  assert.match(error.requestId ?? "", /^[0-9a-f-]{36}$/);
  assert.is(error.body, JSON.stringify({ value: "Bearer [token]" }));
  assert.match(error.message, `GET ${h.server.url}${LIST} answered 200 with `);
  assert.match(error.message, `expected a collection page with a "value" array`);
  assertNoToken(error);

  h.server.faults.push({ kind: "empty", status: 204 }, { method: "GET" });
  const empty = await graphError(h.assignments().iteratePages().next());
  assert.is(empty.code, "invalidResponse");
  assert.is(empty.status, 204);
  assert.is(empty.attempts, 1);
  assert.match(empty.requestId ?? "", /^[0-9a-f-]{36}$/);
  assert.match(empty.message, `GET ${h.server.url}${LIST} answered 204 with an empty body`);
});

test("a nextLink that is not a string, or not an absolute http(s) URL, is invalidResponse naming @odata.nextLink, after its page; nothing more is sent", async ({ h }) => {
  const links: [unknown, RegExp][] = [
    [12345, /expected @odata\.nextLink to be a string \(an absolute http\(s\) URL\), got 12345/],
    [{ href: "x" }, /expected @odata\.nextLink to be a string \(an absolute http\(s\) URL\), got an object/],
    [false, /got false/],
    ["", /expected @odata\.nextLink to be an absolute http\(s\) URL, got ""/],
    ["/beta/deviceManagement/configurationPolicies/p/assignments?$top=1", /an absolute http\(s\) URL, got "\/beta\//],
    ["javascript:alert(1)", /an absolute http\(s\) URL, got "javascript:alert\(1\)"/],
  ];
  for (const [link, message] of links) {
    h.server.requests.length = 0;
    h.server.faults.push({ kind: "status", status: 200, body: JSON.stringify({ value: [{ id: "x1" }], "@odata.nextLink": link }) }, { method: "GET" });
    const seen: string[] = [];
    const error = await graphError(
      (async () => {
        for await (const a of h.assignments().iterate()) seen.push(a.id!);
      })(),
    );
    assert.equal(seen, ["x1"], "the page's items were delivered");
    assert.is(error.code, "invalidResponse", String(link));
    assert.is(error.target, "@odata.nextLink");
    assert.is(error.status, 200);
    assert.is(error.url, `${h.server.url}${LIST}`);
    assert.match(error.message, message);
    assert.is(h.server.requests.length, 1, "nothing sent after the page");
  }
  assert.is(h.foreign.requests.length, 0);
});

test("a nextLink the walk already followed (a loop) is invalidResponse naming @odata.nextLink; it is not requested again", async ({ h }) => {
  seed(h, 1);
  const again = `${h.server.baseUrl}/deviceManagement/configurationPolicies/p/assignments?$top=5`;
  h.server.faults.push({ kind: "nextLink", url: again }, { method: "GET", times: Infinity });
  const pages: number[] = [];
  const error = await graphError(
    (async () => {
      for await (const page of h.assignments().iteratePages()) pages.push(page.value.length);
    })(),
  );
  assert.equal(pages, [1, 1], "the first page and the one the link gave, each once");
  assert.is(error.code, "invalidResponse");
  assert.is(error.target, "@odata.nextLink");
  assert.is(error.url, again);
  assert.match(error.message, `expected @odata.nextLink to lead to a page this walk has not requested yet, got ${JSON.stringify(again)} again`);
  assert.is(h.server.requests.length, 2);

  // A link back to the first page is a loop too, seen on the first page; so is one back to a resumed walk's start.
  h.server.faults.clear();
  h.server.requests.length = 0;
  h.server.faults.push({ kind: "nextLink", url: `${h.server.url}${LIST}` }, { method: "GET", times: Infinity });
  const walk = h.assignments().iteratePages();
  assert.is((await walk.next()).value?.value.length, 1);
  assert.is((await graphError(walk.next())).target, "@odata.nextLink");
  h.server.faults.clear();
  h.server.faults.push({ kind: "nextLink", url: again }, { method: "GET", times: Infinity });
  const resumed = h.assignments().iteratePages(undefined, { nextLink: again });
  assert.is((await resumed.next()).value?.value.length, 1);
  assert.is((await graphError(resumed.next())).target, "@odata.nextLink");
  assert.is(h.server.requests.length, 2, "one page for each walk");
});

test("empty pages that still carry a nextLink are walked through; every item arrives once", async ({ h }) => {
  seed(h, 3);
  const url = (skip: number) => `${h.server.baseUrl}/deviceManagement/configurationPolicies/p/assignments?$top=1&$skip=${skip}`;
  // Three empty pages in a row, each pointing at the next, then the real data.
  h.server.faults.push({ kind: "nextLink", url: `${h.server.baseUrl}/deviceManagement/configurationPolicies/p/assignments?$top=0&n=2` }, { method: "GET", path: `${LIST}?$top=0` });
  h.server.faults.push({ kind: "nextLink", url: `${h.server.baseUrl}/deviceManagement/configurationPolicies/p/assignments?$top=0&n=3` }, { method: "GET", path: `${LIST}?$top=0&n=2` });
  h.server.faults.push({ kind: "nextLink", url: url(0) }, { method: "GET", path: `${LIST}?$top=0&n=3` });
  const ids: string[] = [];
  for await (const a of h.assignments().iterate({ top: 0 })) ids.push(a.id!);
  assert.equal(ids, ["a0", "a1", "a2"]);
  assert.is(h.server.requests.length, 6, "3 empty pages + 3 pages of one");
});

test("iteratePages: the nextLink is readable on each page and a later walk resumes from it", async ({ h }) => {
  seed(h, 5);
  const assignments = h.assignments();
  const pages = assignments.iteratePages();
  const first = (await pages.next()).value!;
  await pages.return();
  const saved = first["@odata.nextLink"]!;
  assert.ok(saved.startsWith(h.server.baseUrl));
  const rest: string[] = [];
  for await (const page of assignments.iteratePages(undefined, { nextLink: saved })) rest.push(...page.value.map((a) => a.id!));
  assert.equal([...first.value.map((a) => a.id), ...rest], ["a0", "a1", "a2", "a3", "a4"]);
  assert.ok(h.server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`));
});

test("maxPages stops a long chain with an error that gives the nextLink to resume from", async ({ h }) => {
  // 20 items in pages of 2: ten pages, each with its own nextLink.
  seed(h, 20);
  let pages = 0;
  const error = await graphError(
    (async () => {
      for await (const _ of h.assignments().iteratePages(undefined, { maxPages: 7 })) pages++;
    })(),
  );
  assert.is(pages, 7);
  assert.is(error.code, "tooManyPages");
  assert.match(error.message, `${h.server.baseUrl}/deviceManagement/configurationPolicies/p/assignments?`);
  assert.is(h.server.requests.length, 7);
});

test("each page is its own request: a throttled page is retried and the walk goes on", async ({ h }) => {
  seed(h, 5);
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "GET", path: /skiptoken/, times: 2 });
  const ids: string[] = [];
  for await (const a of h.assignments().iterate()) ids.push(a.id!);
  assert.equal(ids, ["a0", "a1", "a2", "a3", "a4"]);
  assert.is(h.server.requests.length, 5);
});

test("count(): ConsistencyLevel: eventual and a number from the text/plain body; get({count}) sends it too", async ({ h }) => {
  seed(h, 4);
  const n = await h.assignments().count();
  assert.is(n, 4);
  assert.type(n, "number");
  const sent = h.server.requests[0]!;
  assert.is(sent.rawPath, `${LIST}/$count`);
  assert.is(sent.headers.consistencylevel, "eventual");
  const page = await h.assignments().get({ count: true, top: 1 });
  assert.is(page["@odata.count"], 4);
  assert.is(h.server.requests[1]!.headers.consistencylevel, "eventual");
  await h.assignments().get({ top: 1 });
  assert.is(h.server.requests[2]!.headers.consistencylevel, undefined, "only where $count needs it");
});

test("count(): a body that is not a number is a GraphError with the raw text", async ({ h }) => {
  h.server.faults.push({ kind: "wrongContentType" }, { method: "GET" });
  const error = await graphError(h.assignments().count());
  assert.is(error.code, "invalidResponse");
  assert.is(error.status, 200);
  assert.match(error.body, "maintenance in progress");
});

test("metadata on success: status, headers, request-id and the client-request-id that was sent", async ({ h }) => {
  const infos: ResponseInfo[] = [];
  const onResponse = (info: ResponseInfo) => infos.push(info);
  h.server.faults.push({ kind: "status", status: 429, retryAfter: "0" }, { method: "POST" });
  const created = await h.assignments().post({ target: GROUP_TARGET }, { onResponse });
  await h.assignments().byId(created.id!).delete({ onResponse });
  const [post, del] = infos;
  assert.is(post!.status, 201);
  assert.is(post!.attempts, 2);
  assert.ok(post!.headers.get("location")?.endsWith(created.id!));
  assert.is(post!.requestId, post!.headers.get("request-id"));
  assert.is(post!.clientRequestId, h.server.requests[1]!.headers["client-request-id"]);
  assert.is(del!.status, 204);
  assert.is(del!.attempts, 1);
  assert.is(del!.clientRequestId, h.server.requests[2]!.headers["client-request-id"]);
  assert.is.not(del!.clientRequestId, post!.clientRequestId, "a new id per logical request");
});

test("a caller-chosen client-request-id is used, and kept across retries", async ({ h }) => {
  h.server.faults.push({ kind: "status", status: 503, retryAfter: "0" }, { method: "GET" });
  await h.assignments().get(undefined, { headers: { "Client-Request-Id": "mine-1" } });
  assert.equal(h.server.requests.map((r) => r.headers["client-request-id"]), ["mine-1", "mine-1"]);
});

test("a nextLink that differs from a page already requested only in its fragment (never sent) is a loop too", async ({ h }) => {
  const sent: string[] = [];
  let page = 0;
  const next = `${h.server.baseUrl}/deviceManagement/configurationPolicies/p/assignments?$top=5`;
  // Each page leads to the same request under a new fragment.
  const fetch: typeof globalThis.fetch = async (input) => {
    sent.push(String(input));
    page++;
    return new Response(JSON.stringify({ value: [{ id: `x${page}` }], "@odata.nextLink": page === 2 ? `${next}#` : `${next}#page${page}` }), { headers: { "content-type": "application/json" } });
  };
  const seen: string[] = [];
  const error = await graphError(
    (async () => {
      for await (const a of h.assignments({ fetch }).iterate(undefined, { maxPages: 20 })) seen.push(a.id!);
    })(),
  );
  assert.is(error.code, "invalidResponse");
  assert.is(error.target, "@odata.nextLink");
  assert.equal(seen, ["x1", "x2"], "the first page and the one its link gave, each once");
  assert.is(sent.length, 2);
});

test.run();
