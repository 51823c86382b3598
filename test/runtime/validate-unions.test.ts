/**
 * `validateValue` on a union (`A|B`, OpenAPI's oneOf or anyOf): a value of any member passes; one of
 * none is named with every member; one with the shape of a member but wrong inside is named where
 * it is wrong, as that member would name it.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { validateValue, type Schema } from "../../generated/runtime/validate.js";

const test = suite("runtime: validating a union");
const schema: Schema = {
  "microsoft.graph.shape": { properties: { name: "string?" }, derived: ["microsoft.graph.circle"] },
  "microsoft.graph.circle": { properties: { name: "string?", r: "number" } },
  ReferenceNumeric: { members: ["-INF", "INF", "NaN"] },
};

test("a value of any member passes; null only where the union is nullable", () => {
  for (const value of [1.5, "12", "NaN"]) assert.is(validateValue(value, "number|string|ReferenceNumeric", schema, "body.width"), undefined);
  assert.is(validateValue(null, "integer|microsoft.graph.shape?", schema, "body.s"), undefined);
  assert.is(validateValue(null, "integer|microsoft.graph.shape", schema, "body.s"), "body.s: must not be null");
});

test("a value of no member is named with each member's expectation", () => {
  assert.is(validateValue(true, "number|ReferenceNumeric", schema, "body.width"), "body.width: expected a finite number or one of -INF, INF, NaN, got true");
  assert.is(validateValue(2.5, "integer|microsoft.graph.shape", schema, "body.s"), "body.s: expected an integer or a shape object, got 2.5");
});

test("a value with a member's shape, wrong inside, is named where it is wrong", () => {
  const circle = { "@odata.type": "#microsoft.graph.circle", r: "big" };
  assert.match(validateValue(circle, "integer|microsoft.graph.shape", schema, "body.s")!, /^body\.s\.r: expected a finite number/);
});

test.run();
