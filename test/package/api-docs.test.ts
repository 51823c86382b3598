/**
 * `npm run docs`: the typedoc API reference builds (into a scratch folder here; docs/api/ is
 * git-ignored) with a page per public name of both entry points, under their package names.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { runIn } from "./consumer.js";
import { ROOT, SCRATCH } from "./pack.js";

const test = suite("package: API reference");

test("typedoc documents graphslice and graphslice/configuration-policies", async () => {
  const out = join(SCRATCH, "api-docs");
  const typedoc = join(ROOT, "node_modules", "typedoc", "bin", "typedoc");
  const result = await runIn(ROOT, process.execPath, [typedoc, "--out", out, "--logLevel", "Error"]);
  assert.is(result.code, 0, `${result.stdout}${result.stderr}`);
  for (const page of [
    "modules/graphslice.html",
    "modules/graphslice_configuration-policies.html",
    "functions/graphslice.createGraphClient.html",
    "classes/graphslice.GraphError.html",
    "variables/graphslice.NATIONAL_CLOUDS.html",
    "functions/graphslice_configuration-policies.createGraphClient.html",
  ]) {
    assert.ok(existsSync(join(out, page)), `${page} is missing`);
  }
  assert.match(readFileSync(join(out, "modules/graphslice.html"), "utf8"), /configurationPolicies\/\{id\}\/assignments/);
});

test.run();
