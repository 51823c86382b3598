/**
 * `graphslice diff` on the fixture pairs of spec/fixtures/diff/ (base.openapi.yaml and one file per
 * kind of change), on manifests, and from the command line (markdown, JSON, exit codes).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { diffApis, nextVersion, renderMarkdown, type ApiChange } from "../../generator/diff/index.js";
import type { Manifest } from "../../generator/emit/manifest.js";
import { REPO, runCli } from "./run-cli.js";
import { rejectsWith } from "../helpers/rejects.js";
import { scratchDir } from "../helpers/scratch.js";

const FIXTURES = join(REPO, "spec/fixtures/diff");
const BASE = join(FIXTURES, "base.openapi.yaml");
const ITEM = "/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments/{deviceManagementConfigurationPolicyAssignment-id}";
const scratch = scratchDir("diff");

const test = suite("cli: graphslice diff");

type Expected = Pick<ApiChange, "impact" | "subject" | "action" | "name">;
const brief = (changes: ApiChange[]): Expected[] => changes.map(({ impact, subject, action, name }) => ({ impact, subject, action, name }));

const PAIRS: [file: string, bump: string, changes: Expected[]][] = [
  ["property-removed", "major", [{ impact: "breaking", subject: "property", action: "removed", name: "microsoft.graph.deviceManagementConfigurationPolicyAssignment.sourceId" }]],
  ["enum-member-added", "minor", [{ impact: "additive", subject: "enum member", action: "added", name: "microsoft.graph.deviceAndAppManagementAssignmentSource: autopatch" }]],
  ["type-added", "minor", [{ impact: "additive", subject: "type", action: "added", name: "microsoft.graph.allDevicesAssignmentTarget" }]],
  ["operation-removed", "major", [{ impact: "breaking", subject: "operation", action: "removed", name: `DELETE ${ITEM}` }]],
  ["property-became-nullable", "major", [{ impact: "breaking", subject: "property", action: "changed", name: "microsoft.graph.groupAssignmentTarget.groupId" }]],
];

for (const [file, bump, expected] of PAIRS) {
  test(`${file}: exactly one change, classified, bump ${bump}`, async () => {
    const report = await diffApis(BASE, join(FIXTURES, `${file}.openapi.yaml`));
    assert.equal(brief(report.changes), expected);
    assert.is(report.bump, bump);
    assert.is(report.breaking + report.additive, 1);
  });
}

test("the nullable change says what readers see; the enum change warns exhaustive switches", async () => {
  const nullable = await diffApis(BASE, join(FIXTURES, "property-became-nullable.openapi.yaml"));
  assert.match(nullable.changes[0]!.detail, /became nullable \(string → string\?\)/);
  const member = await diffApis(BASE, join(FIXTURES, "enum-member-added.openapi.yaml"));
  assert.match(member.changes[0]!.detail, /exhaustive switch/);
});

test("the reverse of each pair is the opposite change", async () => {
  const back = await diffApis(join(FIXTURES, "type-added.openapi.yaml"), BASE);
  assert.equal(brief(back.changes), [{ impact: "breaking", subject: "type", action: "removed", name: "microsoft.graph.allDevicesAssignmentTarget" }]);
  const restored = await diffApis(join(FIXTURES, "property-removed.openapi.yaml"), BASE);
  assert.equal(brief(restored.changes), [{ impact: "additive", subject: "property", action: "added", name: "microsoft.graph.deviceManagementConfigurationPolicyAssignment.sourceId" }]);
});

test("a spec against itself: no change, a patch release", async () => {
  const report = await diffApis(BASE, BASE, { currentVersion: "1.4.2" });
  assert.equal(report.changes, []);
  assert.is(report.bump, "patch");
  assert.match(renderMarkdown(report), /No API changes\. Suggested version bump: \*\*patch\*\* \(1\.4\.2 → 1\.4\.3\)/);
});

test("next versions: breaking bumps the major, or the minor before 1.0.0", () => {
  assert.is(nextVersion("1.2.3", "major"), "2.0.0");
  assert.is(nextVersion("1.2.3", "minor"), "1.3.0");
  assert.is(nextVersion("1.2.3", "patch"), "1.2.4");
  assert.is(nextVersion("0.1.0", "major"), "0.2.0");
  assert.is(nextVersion("0.1.0", "minor"), "0.1.1");
  assert.throws(() => nextVersion("v1", "major"), /"v1" is not a semver version/);
});

/** The committed manifest with one change made in every slice, as a regeneration would make it. */
function editedManifest(edit: (slice: Manifest["slices"][string]) => void): string {
  const manifest = JSON.parse(readFileSync(join(REPO, "generated/manifest.json"), "utf8")) as Manifest;
  for (const slice of Object.values(manifest.slices)) edit(slice);
  const path = join(scratch, `manifest-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return path;
}

test("manifests: a property removed from a base type is reported once per slice, not on every derived type", async () => {
  const removed = editedManifest((slice) => {
    for (const type of Object.values(slice.types)) if (type.kind === "object") delete type.properties.deviceAndAppManagementAssignmentFilterId;
  });
  const report = await diffApis(join(REPO, "generated/manifest.json"), removed);
  const slices = Object.keys(JSON.parse(readFileSync(join(REPO, "generated/manifest.json"), "utf8")).slices);
  assert.equal(
    brief(report.changes),
    slices.map(() => ({ impact: "breaking", subject: "property", action: "removed", name: "microsoft.graph.deviceAndAppManagementAssignmentTarget.deviceAndAppManagementAssignmentFilterId" })),
  );
  assert.equal(report.changes.map((c) => c.slice), slices);
  assert.match(renderMarkdown(report), /\| slice \| change \| what \| detail \|/);
});

/** A manifest file written from JSON text, as it is (so `__proto__` stays a key). */
function manifestFile(text: string): string {
  const path = join(scratch, `manifest-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, text);
  return path;
}
const COMMITTED_MANIFEST = join(REPO, "generated/manifest.json");

test("manifests: another version or shape fails naming the file and the field, exit 1", async () => {
  const committed = JSON.parse(readFileSync(COMMITTED_MANIFEST, "utf8")) as Manifest & Record<string, unknown>;
  const variants: [edit: (m: Record<string, any>) => void, message: RegExp][] = [
    [(m) => (m.formatVersion = 2), /formatVersion is 2, an unknown manifest version .*\(written by graphslice 0\.1\.0\)/],
    [(m) => delete m.generator, /generator is missing/],
    [(m) => (m.generator.name = "other-tool"), /generator\.name is "other-tool", not "graphslice"/],
    [(m) => (m.slices = []), /slices is missing or not an object/],
    [(m) => (m.slices.assignments.operations = Object.values(m.slices.assignments.operations)), /slices\.assignments\.operations is missing or not an object/],
    [(m) => delete m.slices.assignments.types, /slices\.assignments\.types is missing or not an object/],
    [(m) => { for (const t of Object.values<any>(m.slices.assignments.types)) if (t.kind === "object") (t.props = t.properties), delete t.properties; }, /slices\.assignments\.types(\.\w+|\["[^"]+"\])\.properties is missing or not an object of strings/],
    [(m) => { for (const o of Object.values<any>(m.slices.assignments.operations)) delete o.operationId; }, /slices\.assignments\.operations\["[^"]+"\]\.operationId is missing or not a string/],
  ];
  for (const [edit, message] of variants) {
    const manifest = structuredClone(committed) as Record<string, any>;
    edit(manifest);
    const file = manifestFile(JSON.stringify(manifest));
    const result = await runCli(["diff", COMMITTED_MANIFEST, file]);
    assert.is(result.code, 1, `${message}: ${result.stdout}`);
    assert.is(result.stdout, "");
    assert.match(result.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${message.source}`));
  }
});

test("manifests: a type named constructor and a slice named __proto__ are entries like any other", async () => {
  const text = readFileSync(COMMITTED_MANIFEST, "utf8");
  const withType = manifestFile(text.replaceAll('"types": {', '"types": {\n      "constructor": { "kind": "object", "properties": { "x": "string" } },'));
  const added = await diffApis(COMMITTED_MANIFEST, withType);
  const slices = Object.keys(JSON.parse(text).slices);
  assert.equal(brief(added.changes), slices.map(() => ({ impact: "additive", subject: "type", action: "added", name: "constructor" })));
  const removed = await diffApis(withType, COMMITTED_MANIFEST);
  assert.equal(brief(removed.changes), slices.map(() => ({ impact: "breaking", subject: "type", action: "removed", name: "constructor" })));

  const manifest = JSON.parse(text) as Manifest;
  const first = JSON.stringify(Object.values(manifest.slices)[0]);
  const withSlice = manifestFile(text.replace('"slices": {', `"slices": {\n    "__proto__": ${first},`));
  const sliceAdded = await diffApis(COMMITTED_MANIFEST, withSlice);
  assert.equal(brief(sliceAdded.changes), [{ impact: "additive", subject: "slice", action: "added", name: "__proto__" }]);
  const sliceRemoved = await diffApis(withSlice, COMMITTED_MANIFEST);
  assert.equal(brief(sliceRemoved.changes), [{ impact: "breaking", subject: "slice", action: "removed", name: "__proto__" }]);
});

test("command line: markdown for review, JSON for tools, --fail-on-breaking exits 1", async () => {
  const md = await runCli(["diff", BASE, join(FIXTURES, "operation-removed.openapi.yaml"), "--current-version", "0.1.0"]);
  assert.is(md.code, 0, md.stderr);
  assert.match(md.stdout, /^## API changes: /);
  assert.match(md.stdout, /\*\*1 breaking, 0 additive\.\*\* Suggested version bump: \*\*major\*\* \(0\.1\.0 → 0\.2\.0; before 1\.0\.0 a breaking change bumps the minor\)/);
  assert.match(md.stdout, /\| operation removed \| `DELETE \/deviceManagement\/configurationPolicies\/\{deviceManagementConfigurationPolicy-id\}\/assignments\/\{deviceManagementConfigurationPolicyAssignment-id\}` \|/);

  const json = await runCli(["diff", BASE, join(FIXTURES, "enum-member-added.openapi.yaml"), "--format", "json", "--fail-on-breaking"]);
  assert.is(json.code, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).bump, "minor");

  const failing = await runCli(["diff", BASE, join(FIXTURES, "property-removed.openapi.yaml"), "--fail-on-breaking"]);
  assert.is(failing.code, 1);
  assert.match(failing.stdout, /property removed/);
});

test("command line: --overlay applies the same overlays to both specs; a stale one fails naming its action", async () => {
  const overlays = join(REPO, "spec/fixtures/overlays");
  const under = await runCli(["diff", BASE, join(FIXTURES, "type-added.openapi.yaml"), "--overlay", join(overlays, "add-all-devices-target.overlay.yaml"), "--format", "json"]);
  assert.is(under.code, 0, under.stderr);
  assert.equal(JSON.parse(under.stdout).changes, [], "the newer spec has what the overlay adds");
  const stale = await runCli(["diff", BASE, BASE, "--overlay", join(overlays, "selects-nothing.overlay.yaml")]);
  assert.is(stale.code, 1);
  assert.match(stale.stderr, /selects-nothing\.overlay\.yaml: actions\[1\]\.target .* selects nothing/);
});

test("command line: bad input is named", async () => {
  const mixed = await runCli(["diff", join(REPO, "generated/manifest.json"), BASE]);
  assert.is(mixed.code, 1);
  assert.match(mixed.stderr, /cannot compare .*manifest\.json \(a manifest\) with .*base\.openapi\.yaml \(a spec\)/);
  const missing = await runCli(["diff", BASE, join(FIXTURES, "nope.yaml")]);
  assert.is(missing.code, 1);
  assert.match(missing.stderr, /nope\.yaml: cannot read the diff input: no such file/);
  const usage = await runCli(["diff", BASE]);
  assert.is(usage.code, 2);
  assert.match(usage.stderr, /diff needs two files or URLs/);
});

test("command line: --current-version that is not x.y.z is a usage error, before any input is read", async () => {
  for (const bad of ["banana", "1.2"]) {
    const result = await runCli(["diff", BASE, join(FIXTURES, "nope.yaml"), "--current-version", bad]);
    assert.is(result.code, 2, result.stderr);
    assert.match(result.stderr, new RegExp(`--current-version must be a semver version \\(x\\.y\\.z\\), got "${bad.replace(".", "\\.")}"`));
    assert.not.match(result.stderr, /nope\.yaml/);
  }
});

test("command line: --overlay and --include with two manifests are usage errors (a manifest is already sliced and overlaid)", async () => {
  const overlay = await runCli(["diff", COMMITTED_MANIFEST, COMMITTED_MANIFEST, "--overlay", "/nonexistent.yaml"]);
  assert.is(overlay.code, 2, overlay.stdout);
  assert.match(overlay.stderr, /graphslice: --overlay applies to OpenAPI inputs, not to two manifests/);
  const include = await runCli(["diff", COMMITTED_MANIFEST, COMMITTED_MANIFEST, "--include", "/deviceManagement/**"]);
  assert.is(include.code, 2, include.stdout);
  assert.match(include.stderr, /graphslice: --include applies to OpenAPI inputs, not to two manifests/);
  await rejectsWith(() => diffApis(COMMITTED_MANIFEST, COMMITTED_MANIFEST, { overlays: ["/nonexistent.yaml"] }), /overlays applies to OpenAPI inputs/);
});

test.run();
