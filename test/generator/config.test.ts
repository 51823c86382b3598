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

test.run();
