/**
 * A representative set of whole modules of Microsoft's published descriptions, generated and
 * type-checked under `strict` (the same runs as `npm run sweep`, which does every module):
 * the largest module (beta Calendar), the DeviceManagement trio as one slice, v1.0 DeviceManagement
 * with the full v1.0 CSDL, a module of another namespace (beta Security), drive content streams
 * (beta Files) and a v1.0 module without CSDL (Users).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateRun, typeCheck } from "../../scripts/sweep/run-one.js";
import { moduleRuns } from "../../scripts/sweep/runs.js";

const test = suite("modules: whole Graph modules generate and type-check");
const REPRESENTATIVE = ["beta Calendar", "beta DeviceManagement trio", "v1.0 DeviceManagement + CSDL", "beta Security", "beta Files", "v1.0 Users"];

const runs = moduleRuns();
for (const label of REPRESENTATIVE) {
  test(label, () => {
    const run = runs.find((r) => r.label === label);
    assert.ok(run, `no sweep run named ${label}`);
    const result = generateRun(run!);
    assert.ok(result.generated, `${label} did not generate: ${result.error}`);
    assert.ok(result.operations! > 0 && result.types! > 0, "it has operations and types");
    const checked = typeCheck(result.outDir);
    assert.ok(checked.ok, `${label} has ${checked.errors} type errors:\n${checked.firstErrors.join("\n")}`);
  });
}

test("another namespace's types get namespace-derived names (beta Security)", async () => {
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { outDirOf } = await import("../../scripts/sweep/runs.js");
  const index = readFileSync(join(outDirOf(runs.find((r) => r.label === "beta Security")!), "api/index.ts"), "utf8");
  assert.match(index, /\bSecurityAlert\b/);
  assert.match(index, /\bAlert\b/);
});
test("OData's $ref and the media segments need no routes in real modules (beta Files, v1.0 Users)", async () => {
  const { readFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { outDirOf } = await import("../../scripts/sweep/runs.js");
  const client = (label: string) => readFileSync(join(outDirOf(runs.find((r) => r.label === label)!), "api/client.ts"), "utf8");
  const routesOf = (text: string) => text.slice(text.indexOf("const routes: Routes = {"), text.indexOf("};", text.indexOf("const routes: Routes = {")));
  const files = client("beta Files");
  assert.match(files, /const mediaSegments: readonly string\[\] = \[[^\]]*"content"/);
  assert.match(files, /get\(options\?: RequestOptions\): Promise<Blob>;/, "content is still read as a Blob");
  assert.not.match(routesOf(files), /\/content\/(get|put)"/, "no route per verb of a content stream");
  const users = client("v1.0 Users");
  assert.match(users, /readonly ref: /, "$ref is .ref");
  assert.not.match(routesOf(users), /"segment":"\$(ref|value)"/);
  assert.not.match(routesOf(users), /\/ref\/post"/, "adding a reference answers nothing by the rule");
});
test.run();
