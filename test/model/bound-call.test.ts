/**
 * model/bound-call.ts: the segment of a bound action or function, parsed.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseBoundCall } from "../../generator/model/bound-call.js";
import type { Parameter } from "../../generator/model/ir.js";

const p = (wireName: string): Parameter => ({ wireName, name: "", type: { kind: "primitive", name: "string" }, nullable: true, required: true });

test("an action has no parameter list", () => {
  const call = parseBoundCall("microsoft.graph.assign", [], "POST /x");
  assert.equal([call.qualifiedName, call.name, call.parenthesised, call.parameters.length], ["microsoft.graph.assign", "assign", false, 0]);
});

test("a function of another namespace, without parameters", () => {
  const call = parseBoundCall("microsoft.graph.security.run()", [], "GET /x");
  assert.equal([call.qualifiedName, call.name, call.parenthesised], ["microsoft.graph.security.run", "run", true]);
});

test("quoted and bare parameters take their type from the path parameter of the placeholder", () => {
  const call = parseBoundCall("microsoft.graph.f(start='{startDateTime}',date={date})", [p("startDateTime"), p("date")], "GET /x");
  assert.equal(call.parameters.map((x) => [x.wireName, x.placeholder, x.quoted, x.nullable]), [["start", "startDateTime", true, true], ["date", "date", false, true]]);
  assert.equal(call.entries, [{ parameter: 0 }, { parameter: 1 }]);
});

test("a parameter alias (name=@alias) is kept as written", () => {
  const call = parseBoundCall("microsoft.graph.assignedPrincipals(transitive=@transitive,scope='{scope}')", [p("scope")], "GET /x");
  assert.equal(call.entries, [{ text: "transitive=@transitive" }, { parameter: 0 }]);
});

test("a placeholder that is no path parameter, or an unreadable entry, is an error naming the segment", () => {
  assert.throws(() => parseBoundCall("microsoft.graph.f(a='{missing}')", [], "GET /x"), /GET \/x: .*\{missing\}/);
  assert.throws(() => parseBoundCall("microsoft.graph.f(a)", [], "GET /x"), /cannot read the parameter "a"/);
  assert.throws(() => parseBoundCall("microsoft.graph.f(a='{a}'", [p("a")], "GET /x"), /does not close/);
});
test.run();
