/**
 * scripts/update-spec.ts, offline on local files: the committed config's slices cut from a small
 * "full" description (spec/fixtures/update-spec/full-v1, then full-v2), written verbatim, regenerated,
 * and the API diff printed. Also: the real configurationPolicies description, re-sliced with the
 * assignments patterns, gives back the committed assignments slice byte for byte.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readFullDescription, sliceYaml } from "../../scripts/update-spec/slice-yaml.js";
import { splitBlocks } from "../../scripts/update-spec/yaml-blocks.js";
import { REPO, runNode, TSX } from "./run-cli.js";
import { scratchDir } from "../helpers/scratch.js";

const FIXTURES = join(REPO, "spec/fixtures/update-spec");
const V1 = join(FIXTURES, "full-v1.openapi.yaml");
const V2 = join(FIXTURES, "full-v2.openapi.yaml");
const COMMITTED = JSON.parse(readFileSync(join(REPO, "graphslice.config.json"), "utf8")) as { slices: { name: string; openapi: string; include: string[] }[] };
const scratch = scratchDir("update-spec");

/** A project folder with the committed config's slices and patterns, its specs under spec/, no CSDL. */
function project(name: string, extraInclude: string[] = [], firstOverlays?: string[]): string {
  const dir = join(scratch, name);
  const slices = COMMITTED.slices.map((s, i) => ({
    name: s.name,
    openapi: `spec/${s.name}.openapi.yaml`,
    include: [...s.include, ...(i === 0 ? extraInclude : [])],
    ...(i === 0 && firstOverlays ? { overlays: firstOverlays } : {}),
  }));
  mkdirSync(join(dir, "spec"), { recursive: true });
  writeFileSync(join(dir, "graphslice.config.json"), JSON.stringify({ output: "generated", main: slices[0]!.name, slices }, null, 2));
  return dir;
}
const updateSpec = (dir: string, full: string) =>
  runNode(["--import", TSX, join(REPO, "scripts/update-spec.ts"), full, "--config", join(dir, "graphslice.config.json"), "--date", "2026-01-02"], dir);
const pathKeys = (file: string) => Object.keys((parse(readFileSync(file, "utf8")) as { paths: object }).paths);

const test = suite("cli: update-spec");
const dir = project("repo");

test("full-v1: each slice keeps exactly its paths and what they reach, copied verbatim, and generates", async () => {
  const result = await updateSpec(dir, V1);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /No previous .*manifest\.json: nothing to compare with/);
  const source = readFileSync(V1, "utf8");
  const assignments = join(dir, "spec/assignments.openapi.yaml");
  const policies = join(dir, "spec/configuration-policies.openapi.yaml");
  assert.equal(pathKeys(assignments), [
    "/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments",
    "/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments/{deviceManagementConfigurationPolicyAssignment-id}",
    "/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/microsoft.graph.assign",
  ]);
  assert.is(pathKeys(policies).length, 5);
  assert.not.ok(pathKeys(policies).some((p) => p.includes("deviceCategories")));

  for (const file of [assignments, policies]) {
    const slice = readFullDescription(file, readFileSync(file, "utf8"));
    for (const block of [...slice.paths, ...slice.components.flatMap((c) => c.entries)]) {
      assert.ok(source.includes(`${block.text}\n`), `${file}: ${block.key} is not a verbatim copy`);
    }
    const doc = parse(readFileSync(file, "utf8"));
    assert.is(doc.components.schemas["microsoft.graph.deviceCategory"], undefined, "unreached schema kept");
    assert.is(doc.components.parameters?.skip, undefined, "unreached parameter kept");
    assert.is(doc.components.responses.unusedResponse, undefined, "unreached response kept");
    assert.ok(doc.components.securitySchemes.azureaadv2);
    assert.is(doc.tags, undefined);
    assert.is(doc["x-slice"].source, "full-v1.openapi.yaml");
    assert.is(doc["x-slice"].extractedOn, "2026-01-02");
    assert.match(doc["x-slice"].sourceSha256, /^[0-9a-f]{64}$/);
  }
  const assignmentsDoc = parse(readFileSync(assignments, "utf8"));
  assert.is(assignmentsDoc.components.schemas["microsoft.graph.deviceManagementConfigurationPolicy"], undefined);
  assert.ok(assignmentsDoc.components.schemas["microsoft.graph.groupAssignmentTarget"], "derived types of a declared type are kept");
  assert.ok(parse(readFileSync(policies, "utf8")).components.parameters.top);
  assert.match(readFileSync(join(dir, "generated/assignments/models.ts"), "utf8"), /export interface ConfigurationManagerCollectionAssignmentTarget/);
});

test("full-v2: rewrites the specs, regenerates, and prints the API diff for review", async () => {
  const result = await updateSpec(dir, V2);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /\*\*2 breaking, 4 additive\.\*\* Suggested version bump: \*\*major\*\*/);
  for (const slice of ["assignments", "configuration-policies"]) {
    assert.match(result.stdout, new RegExp(`\\| ${slice} \\| property removed \\| \`microsoft\\.graph\\.deviceManagementConfigurationPolicyAssignment\\.sourceId\``));
    assert.match(result.stdout, new RegExp(`\\| ${slice} \\| enum member added \\| \`microsoft\\.graph\\.deviceAndAppManagementAssignmentSource: autopatch\``));
    assert.match(result.stdout, new RegExp(`\\| ${slice} \\| type added \\| \`microsoft\\.graph\\.allLicensedUsersAssignmentTarget\``));
  }
  assert.match(readFileSync(join(dir, "generated/assignments/models.ts"), "utf8"), /"autopatch"/);
  const again = await updateSpec(dir, V2);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, /No API changes/);
});

test("a pattern that matches nothing in the new description names it and writes nothing", async () => {
  const failing = project("failing", ["/deviceManagement/noSuchThing"]);
  const result = await updateSpec(failing, V1);
  assert.is(result.code, 1);
  assert.match(result.stderr, /include pattern "\/deviceManagement\/noSuchThing" matches no path/);
  assert.not.ok(existsSync(join(failing, "spec/assignments.openapi.yaml")));
  assert.not.ok(existsSync(join(failing, "generated")));
});

test("when regeneration fails after the cut (an overlay that selects nothing), the spec files are left as they were", async () => {
  const broken = project("overlay-breaks", [], ["spec/breaks.overlay.yaml"]);
  writeFileSync(join(broken, "spec/breaks.overlay.yaml"), "overlay: 1.0.0\ninfo: {title: t, version: 1.0.0}\nactions:\n  - target: \"$.paths['/no/such/path'].get\"\n    update: {x-note: x}\n");
  const first = join(broken, `spec/${COMMITTED.slices[0]!.name}.openapi.yaml`);
  const second = join(broken, `spec/${COMMITTED.slices[1]!.name}.openapi.yaml`);
  writeFileSync(first, "the previous cut\n");
  const result = await updateSpec(broken, V1);
  assert.is(result.code, 1, result.stdout);
  assert.match(result.stderr, /breaks\.overlay\.yaml: actions\[0\]\.target .* selects nothing/);
  assert.match(result.stderr, /nothing updated: regenerating from the new cut failed/);
  assert.not.match(result.stderr, /^wrote /m);
  assert.is(readFileSync(first, "utf8"), "the previous cut\n");
  assert.not.ok(existsSync(second));
  assert.not.ok(existsSync(join(broken, "generated")));
});

test("input errors: truncated YAML names the file and the entry, a JSON description is refused, --date is a real date", async () => {
  const inputs = project("inputs");
  const v1 = readFileSync(V1, "utf8");
  const lines = v1.split("\n");
  const at = lines.findIndex((l) => l.endsWith("/microsoft.graph.assign':"));
  assert.ok(at > 0);
  const truncated = join(inputs, "truncated.yaml");
  writeFileSync(truncated, `${lines.slice(0, at + 4).join("\n")}\n${lines[at + 4]!.slice(0, lines[at + 4]!.indexOf(lines[at + 4]!.trim()) + 1)}`);
  const cut = await updateSpec(inputs, truncated);
  assert.is(cut.code, 1, cut.stdout);
  assert.match(cut.stderr, /^update-spec: .*truncated\.yaml: paths: "\/deviceManagement\/configurationPolicies\/\{[^"]+\}\/microsoft\.graph\.assign" is not valid YAML \(truncated or corrupt\?\)/);

  const json = join(inputs, "full.json");
  writeFileSync(json, JSON.stringify(parse(v1)));
  const asJson = await updateSpec(inputs, json);
  assert.is(asJson.code, 1, asJson.stdout);
  assert.match(asJson.stderr, /full\.json: is JSON; update-spec copies the blocks of a block-style YAML description verbatim/);

  for (const date of ["2024-13-45", "2024-02-30"]) {
    const bad = await runNode(["--import", TSX, join(REPO, "scripts/update-spec.ts"), V1, "--config", join(inputs, "graphslice.config.json"), "--date", date], inputs);
    assert.is(bad.code, 1, bad.stdout);
    assert.match(bad.stderr, new RegExp(`--date must be a real date as YYYY-MM-DD, got "${date}"`));
  }
  assert.not.ok(existsSync(join(inputs, `spec/${COMMITTED.slices[0]!.name}.openapi.yaml`)));
});

test("the real configurationPolicies description, re-sliced with the assignments patterns, is the committed assignments slice", () => {
  const full = readFileSync(join(REPO, "spec/graph-beta-configurationPolicies.openapi.yaml"), "utf8");
  const committed = readFileSync(join(REPO, "spec/graph-beta-configurationPolicies-assignments.openapi.yaml"), "utf8");
  const sliced = sliceYaml(readFullDescription("configurationPolicies", full), { sourceName: "x", include: COMMITTED.slices[0]!.include, extractedOn: "2026-01-02" });
  const body = (text: string) => text.slice(0, text.indexOf("\nx-slice:"));
  assert.fixture(body(sliced), body(committed));
});

test("blocks: quoted keys, compact lists, and bad indentation named", () => {
  const lines = ["'/a/{b}':", "  get: {}", "security:", "- x: []", "openapi: 3.0.4"];
  assert.equal(splitBlocks(lines, 0, "t").map((b) => [b.key, b.text]), [["/a/{b}", "'/a/{b}':\n  get: {}"], ["security", "security:\n- x: []"], ["openapi", "openapi: 3.0.4"]]);
  assert.equal(splitBlocks(lines, 0, "t")[1]!.value, [{ x: [] }]);
  assert.throws(() => splitBlocks(["  a: 1", "b: 2"], 2, "spec.yaml: paths"), /spec\.yaml: paths: line "b: 2" is indented less than its mapping/);
});

test.run();
