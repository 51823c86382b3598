/**
 * Query and key encoding (templates/url.ts): what goes into the request URL.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { GraphError } from "../../generated/index.js";
import { encodeKey, encodeLiteral, encodeQuery } from "../../generated/runtime/url.js";

// The generated client's contract table: code name → wire name.
const names = { top: "$top", count: "$count", select: "$select", orderby: "$orderby", filter: "$filter", deltaToken: "$deltatoken", id: "@id" };
const cases: [string, object | undefined, string][] = [
  ["nothing", undefined, ""],
  ["options go under the wire names of the table", { top: 5, count: true }, "?$top=5&$count=true"],
  ["$deltatoken and @id keep their $ and @", { deltaToken: "abc", id: "https://x/y" }, "?$deltatoken=abc&@id=https%3A%2F%2Fx%2Fy"],
  ["arrays are comma-joined, items encoded", { select: ["id", "a,b"], orderby: ["name desc"] }, "?$select=id,a%2Cb&$orderby=name%20desc"],
  ["undefined is skipped", { top: undefined, filter: "x eq 'y'" }, "?$filter=x%20eq%20'y'"],
  ["other names are sent as they are, encoded", { "api-version": "1", "a b": "c" }, "?api-version=1&a%20b=c"],
];
for (const [name, query, want] of cases) test(`encodeQuery: ${name}`, () => assert.is(encodeQuery(query, names), want));

test("encodeQuery: without a table no name is guessed", () => assert.is(encodeQuery({ top: 1 }), "?top=1"));

test("encodeLiteral: quoted strings double their quotes and are percent-encoded; bare literals are encoded", () => {
  assert.is(encodeLiteral("O'Neil/x", true, "p"), "'O%27%27Neil%2Fx'");
  assert.is(encodeLiteral("", true, "p"), "''");
  assert.is(encodeLiteral("2023-01-01", false, "date"), "2023-01-01");
  assert.is(encodeLiteral(5, false, "n"), "5");
  assert.is(encodeLiteral(true, false, "b"), "true");
  assert.is(encodeLiteral(null, true, "p"), "null");
  assert.is(encodeLiteral("a)b,c", true, "p"), "'a%29b%2Cc'", "a quoted value cannot close the parameter list");
  assert.is(encodeLiteral("1)/x('", false, "p"), "1%29%2Fx%28%27", "nor can a bare one");
});

test("encodeLiteral: objects, NaN and lone surrogates are GraphErrors naming the parameter", () => {
  for (const bad of [{}, [], Number.NaN, Infinity, undefined, "x\ud800"]) {
    assert.throws(() => encodeLiteral(bad, true, "startDateTime"), (e: unknown) => e instanceof GraphError && /startDateTime/.test(e.message));
  }
});

test("encodeLiteral and encodeKey: a BigInt, NaN or function is a GraphError that says what it got, not a TypeError nor \"got null\"", () => {
  const got = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      assert.instance(error, GraphError);
      return (error as GraphError).message.replace(/^.* got /, "");
    }
    assert.unreachable("no error");
  };
  assert.is(got(() => encodeLiteral(5n, true, "p")), "5n");
  assert.is(got(() => encodeLiteral(Number.NaN, false, "p")), "NaN");
  assert.is(got(() => encodeLiteral(-Infinity, false, "p")), "-Infinity");
  assert.is(got(() => encodeLiteral(() => "secret", true, "p")), "a function");
  assert.is(got(() => encodeKey(5n as never, "k")), "5n");
  assert.is(got(() => encodeKey(Number.NaN as never, "k")), "NaN");
});

test("encodeQuery: a lone surrogate is a GraphError naming the option", () => {
  assert.throws(() => encodeQuery({ filter: "x\ud800" }), (e: unknown) => e instanceof GraphError && /query option filter/.test(e.message));
});

test("encodeQuery: null, NaN, Infinity, objects and bad array items are GraphErrors naming the option; an empty array is left out", () => {
  const bad: Array<[object, string]> = [
    [{ top: null }, "top"], [{ top: Number.NaN }, "top"], [{ skip: Infinity }, "skip"], [{ filter: { a: 1 } }, "filter"], [{ filter: new Date(0) }, "filter"],
    [{ select: ["id", undefined] }, "select[1]"], [{ select: ["id", null] }, "select[1]"], [{ orderby: [["a"]] }, "orderby[0]"],
  ];
  for (const [query, option] of bad) {
    assert.throws(() => encodeQuery(query, { top: "$top" }), (e: unknown) => e instanceof GraphError && e.code === "invalidRequest" && e.message.startsWith(`query option ${option} must be`), JSON.stringify(query));
  }
  assert.is(encodeQuery({ select: [], top: 5, count: true, filter: undefined }, { select: "$select", top: "$top", count: "$count" }), "?$top=5&$count=true");
});

test("encodeKey: one path segment; empty, dot segments and lone surrogates refused", () => {
  assert.is(encodeKey("a/b?c#d%2F", "k"), "a%2Fb%3Fc%23d%252F");
  for (const bad of ["", ".", "..", "\udc00"]) assert.throws(() => encodeKey(bad, "the-key"), /the-key/);
});
test.run();
