/**
 * The generator config's `openapi`: one file as a string (as the committed config has it) or a list
 * of files merged into one slice; every problem named with its property.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkConfig, loadConfig, openApiFiles } from "../../generator/config.js";
import { REPO } from "../golden/fixtures.js";

const test = suite("config: openapi inputs");
const slice = (openapi: unknown) => ({ output: "out", slices: [{ name: "s", openapi, include: ["/**"] }] });

test("a string stays one file; a list is several; the committed config still reads", async () => {
  assert.equal(openApiFiles(checkConfig(slice("a.yml"), "c.json").slices[0]!), ["a.yml"]);
  assert.equal(openApiFiles(checkConfig(slice(["a.yml", "a.Actions.yml.br"]), "c.json").slices[0]!), ["a.yml", "a.Actions.yml.br"]);
  const committed = await loadConfig(join(REPO, "graphslice.config.json"));
  assert.equal(committed.slices.map((s) => openApiFiles(s)), JSON.parse(readFileSync(join(REPO, "graphslice.config.json"), "utf8")).slices.map((s: { openapi: string }) => [s.openapi]));
});

test("errors name the property: empty list, a non-string entry, an empty string, a repeated file", () => {
  assert.throws(() => checkConfig(slice([]), "c.json"), /c\.json: slices\[0\]\.openapi must name an OpenAPI file or URL, or a non-empty list of them/);
  assert.throws(() => checkConfig(slice(["a.yml", 3]), "c.json"), /c\.json: slices\[0\]\.openapi\[1\] must name an OpenAPI file or URL/);
  assert.throws(() => checkConfig(slice(""), "c.json"), /c\.json: slices\[0\]\.openapi must name an OpenAPI file or URL/);
  assert.throws(() => checkConfig(slice(["a.yml", "b.yml", "a.yml"]), "c.json"), /c\.json: slices\[0\]\.openapi\[2\] repeats "a\.yml"/);
  assert.throws(() => checkConfig(slice(undefined), "c.json"), /slices\[0\]\.openapi must name/);
});

test("a key the generator does not read is an error naming it and the file, with the closest known key", () => {
  const one = { name: "s", openapi: "a.yml", include: ["/**"] };
  const cases: [unknown, RegExp][] = [
    [{ output: "out", slices: [{ ...one, overlay: ["o.yaml"] }] }, /^c\.json: slices\[0\]\.overlay is not a key the generator reads \(did you mean overlays\?\); a slice has name, openapi, csdl, include, overlays$/],
    [{ output: "out", slices: [{ ...one, includes: ["/x"] }] }, /^c\.json: slices\[0\]\.includes is not a key .*\(did you mean include\?\)/],
    [{ output: "out", outptu: "x", slices: [one] }, /^c\.json: outptu is not a key the generator reads \(did you mean output\?\); the config has output, format, main, slices, skipTypeCheck$/],
    [{ output: "out", formatt: "prettier", slices: [one] }, /^c\.json: formatt is not a key .*\(did you mean format\?\)/],
    [{ output: "out", slices: [one, { ...one, name: "t", CSDL: "x.xml" }] }, /^c\.json: slices\[1\]\.CSDL is not a key .*\(did you mean csdl\?\)/],
    [{ output: "out", slices: [{ ...one, somethingElse: 1 }] }, /^c\.json: slices\[0\]\.somethingElse is not a key the generator reads; a slice has/],
    [JSON.parse('{ "output": "out", "__proto__": { "format": "prettier" }, "slices": [{ "name": "s", "openapi": "a.yml", "include": ["/**"] }] }'), /^c\.json: __proto__ is not a key/],
    [{ output: "out", slices: ["s"] }, /^c\.json: slices\[0\] must be an object/],
  ];
  for (const [config, message] of cases) assert.throws(() => checkConfig(config, "c.json"), message);
});

test.run();
