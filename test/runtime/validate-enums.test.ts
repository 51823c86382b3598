/**
 * templates/validate.ts, enum values, table-driven: closed enums refuse unknown members; evolvable
 * ones (with unknownFutureValue) accept well-formed newer member names, alone or in flags combinations.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { validateValue, type Schema } from "../../templates/validate.js";

const test = suite("validate: the enum rule");
const schema: Schema = {
  closed: { members: ["none", "include"] },
  open: { members: ["a", "unknownFutureValue"], evolvable: true },
  flags: { members: ["android", "iOS", "unknownFutureValue"], flags: true, evolvable: true },
  closedFlags: { members: ["low", "high"], flags: true },
};

const cases: [spec: string, value: unknown, problem: RegExp | undefined][] = [
  ["closed", "include", undefined],
  ["closed", "sometimes", /^\$: expected one of none, include, got "sometimes"$/],
  ["open", "a", undefined],
  ["open", "newerMember", undefined],
  ["open", "_x9", undefined],
  ["open", "not a name", /^\$: expected one of a, unknownFutureValue or a newer member name, got "not a name"$/],
  ["open", "", /newer member name, got ""/],
  ["open", 3, /got 3$/],
  ["flags", "android,visionOS", undefined],
  ["flags", "android, iOS", undefined],
  ["flags", "android,", /\(or several, comma-separated\) or a newer member name/],
  ["flags", "android;iOS", /got "android;iOS"/],
  ["closedFlags", "low,high", undefined],
  ["closedFlags", "low,medium", /^\$: expected one of low, high \(or several, comma-separated\), got "low,medium"$/],
  ["open", "x".repeat(129), /newer member name/],
];
for (const [spec, value, problem] of cases) {
  test(`${spec}: ${JSON.stringify(value)}`, () => {
    const result = validateValue(value, spec, schema);
    if (problem === undefined) assert.is(result, undefined);
    else assert.match(result ?? "(accepted)", problem);
  });
}
test.run();
