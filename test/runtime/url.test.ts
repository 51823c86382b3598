/**
 * Query and key encoding (templates/url.ts): what goes into the request URL.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { GraphError } from "../../generated/index.js";
import { encodeKey, encodeQuery } from "../../generated/runtime/url.js";

const cases: [string, object | undefined, string][] = [
  ["nothing", undefined, ""],
  ["system options get their $", { top: 5, count: true }, "?$top=5&$count=true"],
  ["arrays are comma-joined, items encoded", { select: ["id", "a,b"], orderby: ["name desc"] }, "?$select=id,a%2Cb&$orderby=name%20desc"],
  ["undefined is skipped", { top: undefined, filter: "x eq 'y'" }, "?$filter=x%20eq%20'y'"],
  ["other names are sent as they are, encoded", { "api-version": "1", "a b": "c" }, "?api-version=1&a%20b=c"],
];
for (const [name, query, want] of cases) test(`encodeQuery: ${name}`, () => assert.is(encodeQuery(query), want));

test("encodeQuery: a lone surrogate is a GraphError naming the option", () => {
  assert.throws(() => encodeQuery({ filter: "x\ud800" }), (e: unknown) => e instanceof GraphError && /query option filter/.test(e.message));
});

test("encodeKey: one path segment; empty, dot segments and lone surrogates refused", () => {
  assert.is(encodeKey("a/b?c#d%2F", "k"), "a%2Fb%3Fc%23d%252F");
  for (const bad of ["", ".", "..", "\udc00"]) assert.throws(() => encodeKey(bad, "the-key"), /the-key/);
});
test.run();
