import * as assert from "uvu/assert";
import type { GraphServer } from "../server/graph-server.js";
import { assertGraphError, call, graphSuite, POLICIES, type AnyJson } from "./helpers.js";

const LIST = `${POLICIES}/p/assignments`;

function seed(server: GraphServer, count: number): string[] {
  server.store.addPolicy({ id: "p" });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `a${i}`;
    server.store.addAssignment("p", {
      id,
      n: i,
      source: i % 2 === 0 ? "direct" : "policySets",
      target: { groupId: `g${i % 3}` },
    });
    ids.push(id);
  }
  return ids;
}

/** Follows @odata.nextLink from the first page; returns the pages. */
async function allPages(server: GraphServer, firstPath: string): Promise<AnyJson[]> {
  const pages: AnyJson[] = [];
  let next: string | undefined = server.baseUrl + firstPath;
  while (next !== undefined && pages.length < 50) {
    const res: Response = await fetch(next);
    assert.is(res.status, 200, next);
    const page: AnyJson = await res.json();
    pages.push(page);
    next = page["@odata.nextLink"];
  }
  return pages;
}

const paged = graphSuite("list paging (pageSize 3)", { pageSize: 3 });

paged(
  "server-driven paging: absolute nextLinks on this server until every item was returned once",
  async ({ server }) => {
    const ids = seed(server, 7);
    const pages = await allPages(server, LIST);
    assert.equal(
      pages.map((p) => p.value.length),
      [3, 3, 1],
    );
    assert.equal(
      pages.flatMap((p) => p.value.map((a: AnyJson) => a.id)),
      ids,
    );
    for (const page of pages.slice(0, 2)) {
      const link = new URL(page["@odata.nextLink"]);
      assert.is(link.origin, server.url);
      assert.is(link.pathname, `/beta${LIST}`);
      assert.match(link.search, /^\?\$skiptoken=gs1\.[A-Za-z0-9_-]+$/);
    }
    assert.not.ok("@odata.nextLink" in pages[2]);
    assert.is(pages[0]["@odata.context"], pages[2]["@odata.context"]);
  },
);

paged("exactly one page: no nextLink when the items fit", async ({ server }) => {
  seed(server, 3);
  const pages = await allPages(server, LIST);
  assert.is(pages.length, 1);
  assert.is(pages[0].value.length, 3);
});

paged("$top sets the page size and nextLinks keep every other option exactly as sent", async ({ server }) => {
  seed(server, 9);
  const first = `${LIST}?$top=4&$select=n&custom=a%20b&$filter=source%20eq%20'direct'&$count=true`;
  const pages = await allPages(server, first);
  assert.equal(
    pages.map((p) => p.value.map((a: AnyJson) => a.n)),
    [[0, 2, 4, 6], [8]],
  );
  const link: string = pages[0]["@odata.nextLink"];
  const sent = server.requests[0]!.rawPath; // fetch encodes ' as %27: the link repeats the bytes received
  assert.ok(sent.includes("%27direct%27"), sent);
  assert.match(link, /&\$skiptoken=gs1\.[A-Za-z0-9_-]+$/);
  assert.is(link.slice(0, link.lastIndexOf("&$skiptoken=")), server.url + sent);
  assert.equal(
    pages.map((p) => p["@odata.count"]),
    [5, 5],
  );
  assert.equal(Object.keys(pages[1].value[0]), ["id", "n"]);
});

paged(
  "$skip then nextLink: the skiptoken continues after the skipped items and $skip is not repeated",
  async ({ server }) => {
    seed(server, 8);
    const pages = await allPages(server, `${LIST}?$skip=2&$top=2`);
    assert.equal(
      pages.map((p) => p.value.map((a: AnyJson) => a.n)),
      [
        [2, 3],
        [4, 5],
        [6, 7],
      ],
    );
    assert.not.ok(pages[0]["@odata.nextLink"].includes("$skip="));
  },
);

paged("$top=0 gives an empty page without a nextLink; $skip past the end gives an empty page", async ({ server }) => {
  seed(server, 5);
  const zero = await call(server, "GET", `${LIST}?$top=0`);
  assert.equal(zero.json.value, []);
  assert.not.ok("@odata.nextLink" in zero.json);
  const past = await call(server, "GET", `${LIST}?$skip=10`);
  assert.equal(past.json.value, []);
});

paged("a tampered or foreign $skiptoken → 400 BadRequest", async ({ server }) => {
  seed(server, 5);
  assertGraphError(await call(server, "GET", `${LIST}?$skiptoken=abc`), 400, "BadRequest", "$skiptoken");
  const forged = "gs1." + Buffer.from('{"offset":-1}').toString("base64url");
  assertGraphError(await call(server, "GET", `${LIST}?$skiptoken=${forged}`), 400, "BadRequest", "$skiptoken");
});

paged.run();

const query = graphSuite("list query options");

query("default page size is 100", async ({ server }) => {
  seed(server, 101);
  const pages = await allPages(server, LIST);
  assert.equal(
    pages.map((p) => p.value.length),
    [100, 1],
  );
});

query("$count=true adds @odata.count (the filtered total, not the page size)", async ({ server }) => {
  seed(server, 5);
  const res = await call(server, "GET", `${LIST}?$count=true&$top=1&$filter=source eq 'direct'`);
  assert.is(res.json["@odata.count"], 3);
  assert.is(res.json.value.length, 1);
  assert.not.ok("@odata.count" in (await call(server, "GET", `${LIST}?$count=false`)).json);
});

query(
  "$select keeps only the selected properties plus id and @odata.type; the context names them",
  async ({ server }) => {
    server.store.addPolicy({ id: "p" });
    server.store.addAssignment("p", {
      "@odata.type": "#x",
      id: "a",
      source: "direct",
      sourceId: "s",
      target: { groupId: "g" },
    });
    const res = await call(server, "GET", `${LIST}?$select=target,sourceId`);
    assert.equal(res.json.value, [{ "@odata.type": "#x", id: "a", sourceId: "s", target: { groupId: "g" } }]);
    assert.ok(res.json["@odata.context"].endsWith("/assignments(target,sourceId)"));
  },
);

query("$filter: eq/ne on strings, numbers, null, nested paths, joined with and; quotes doubled", async ({ server }) => {
  seed(server, 6);
  server.store.addAssignment("p", { id: "it's", n: 99, source: null });
  const ids = async (filter: string): Promise<string[]> => {
    const res = await call(server, "GET", `${LIST}?$filter=${encodeURIComponent(filter)}`);
    assert.is(res.status, 200, filter);
    return res.json.value.map((a: AnyJson) => a.id);
  };
  assert.equal(await ids("id eq 'a3'"), ["a3"]);
  assert.equal(await ids("n eq 4"), ["a4"]);
  assert.equal(await ids("target/groupId eq 'g1' and source eq 'policySets'"), ["a1"]);
  assert.equal(await ids("source eq null"), ["it's"]);
  assert.equal(await ids("id eq 'it''s'"), ["it's"]);
  assert.equal(await ids("source ne 'direct' and id ne 'it''s'"), ["a1", "a3", "a5"]);
  assert.equal(await ids("id eq 'a and b'"), []);
});

query("unsupported $filter expressions → 400 with a message naming $filter", async ({ server }) => {
  seed(server, 1);
  for (const filter of [
    "startswith(id,'a')",
    "id eq 'a' or id eq 'b'",
    "id gt 'a'",
    "id eq",
    "eq 'a'",
    "id eq 'unterminated",
  ]) {
    const res = await call(server, "GET", `${LIST}?$filter=${encodeURIComponent(filter)}`);
    assertGraphError(res, 400, "BadRequest", "$filter");
  }
});

query("$orderby sorts by one or more properties, asc or desc", async ({ server }) => {
  seed(server, 6);
  const res = await call(server, "GET", `${LIST}?$orderby=source desc,n desc&$select=n`);
  assert.equal(
    res.json.value.map((a: AnyJson) => a.n),
    [5, 3, 1, 4, 2, 0],
  );
  assertGraphError(await call(server, "GET", `${LIST}?$orderby=n sideways`), 400, "BadRequest", "$orderby");
});

query("malformed, repeated, unknown and unsupported system query options → 400", async ({ server }) => {
  seed(server, 2);
  const cases: [string, string][] = [
    ["$top=-1", "$top"],
    ["$top=abc", "$top"],
    ["$skip=1.5", "$skip"],
    ["$count=yes", "$count"],
    ["$top=1&$top=2", "more than once"],
    ["$select=id&$select=target", "more than once"],
    ["$select=id,,target", "$select"],
    ["$foo=1", "$foo"],
    ["$search=abc", "$search"],
    ["$expand=assignments", "assignments"],
    ["$top=%ZZ", "percent"],
  ];
  for (const [q, mention] of cases)
    assertGraphError(await call(server, "GET", `${LIST}?${q}`), 400, "BadRequest", mention);
  const ignored = await call(server, "GET", `${LIST}?foo=bar&top=1`);
  assert.is(ignored.json.value.length, 2, "options without $ are ignored");
});

query.run();
