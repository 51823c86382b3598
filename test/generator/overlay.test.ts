/**
 * The overlay stage: OpenAPI Overlay 1.0.0 documents read, checked and applied (update, remove,
 * JSONPath targets through jsonpath-plus) after load and before slice; recorded in the manifest with
 * their hashes; seen by `--check` and by `graphslice diff`. And the shipped overlays name their source.
 */
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkConfig } from "../../generator/config.js";
import { diffApis } from "../../generator/diff/index.js";
import { sha256, type Manifest } from "../../generator/emit/manifest.js";
import { generateFromConfig } from "../../generator/index.js";
import { applyOverlays, parseOverlay, readOverlay, validateOverlaid } from "../../generator/overlay/index.js";
import { REPO } from "../golden/fixtures.js";
import { repoScratchDir } from "../helpers/scratch.js";

const test = suite("overlay stage");
const BASE = join(REPO, "spec/fixtures/diff/base.openapi.yaml");
const FIXTURE = join(REPO, "spec/fixtures/overlays/add-all-devices-target.overlay.yaml");
const STALE = join(REPO, "spec/fixtures/overlays/selects-nothing.overlay.yaml");
const ASSIGNMENT = "microsoft.graph.deviceManagementConfigurationPolicyAssignment";


const overlay = (actions: unknown[]) => parseOverlay(JSON.stringify({ overlay: "1.0.0", info: { title: "t", version: "1" }, actions }), "test.overlay.json");

test("update deep-merges objects and appends to arrays; remove deletes keys and array elements", () => {
  const doc = { a: { keep: 1, nested: { x: 1 } }, list: [1, 2, 3, 4], tags: ["t"] };
  applyOverlays(doc, [
    overlay([
      { target: "$.a", update: { nested: { y: 2 }, added: true } },
      { target: "$.tags", update: "u" },
      { target: "$.list[?(@ > 2)]", remove: true },
      { target: "$.a.keep", remove: true },
    ]),
  ]);
  assert.equal(doc, { a: { nested: { x: 1, y: 2 }, added: true }, list: [1, 2], tags: ["t", "u"] });
});

test("an action that selects nothing, or cannot merge, is an error naming the file, action and target", () => {
  assert.throws(() => applyOverlays({ a: {} }, [overlay([{ target: "$.a", update: {} }, { target: "$.b", update: {} }])]), /test\.overlay\.json: actions\[1\]\.target "\$\.b" selects nothing in the OpenAPI document/);
  assert.throws(() => applyOverlays({ a: "text" }, [overlay([{ target: "$.a", update: { x: 1 } }])]), /actions\[0\]\.update must be an object to merge into the object "\$\.a" selects .*got an object for string/);
  assert.throws(() => applyOverlays({ a: 1 }, [overlay([{ target: "$", remove: true }])]), /remove cannot remove the document root/);
});

test("remove with an index list removes each listed element once, whatever the order or repeats", () => {
  const removeFrom = (json: unknown, target: string) => {
    applyOverlays(json as object, [overlay([{ target, remove: true }])]);
    return json;
  };
  assert.equal(removeFrom({ a: [0, 1, 2, 3, 4] }, "$.a[0,2,4]"), { a: [1, 3] });
  assert.equal(removeFrom({ a: [0, 1, 2, 3, 4] }, "$.a[4,0,2]"), { a: [1, 3] });
  assert.equal(removeFrom({ a: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, "$.a[2,10]"), { a: [0, 1, 3, 4, 5, 6, 7, 8, 9, 11] });
  assert.equal(removeFrom({ a: [0, 1, 2] }, "$.a[0,0]"), { a: [1, 2] });
  assert.equal(removeFrom({ a: [[0, 1], [2, 3]], b: [[0, 1, 2]] }, "$.*[*][0,2]"), { a: [[1], [3]], b: [[1]] });
  assert.equal(removeFrom({ a: { x: 1, y: 2 } }, "$.a[x,x]"), { a: { y: 2 } });
});

test("a target that is not a valid JSONPath is refused, naming the file, the action and the target", () => {
  for (const target of ["$[", "$.a[", "$['a", "$.", "$.a]", "$.a[]"]) {
    const text = JSON.stringify({ overlay: "1.0.0", info: { title: "t", version: "1" }, actions: [{ target: "$.a", update: {} }, { target, update: { a: 1 } }] });
    const message = new RegExp(`^o\\.yaml: actions\\[1\\]\\.target ${JSON.stringify(target).replace(/[$.[\]()]/g, "\\$&")} is not a valid JSONPath`);
    assert.throws(() => parseOverlay(text, "o.yaml"), message, target);
    const doc = { a: { b: 1 } };
    assert.throws(() => applyOverlays(doc, [{ source: "o.yaml", text: "", info: { title: "t", version: "1" }, actions: [{ target: "$.a", update: {} }, { target, update: { a: 1 } }] }]), message, target);
  }
  for (const target of ["$", "$.a['x.y']", "$.a[?(@.x == 'a]')]", "$..b[0,1]", "$.a[*]", '$["a"]']) {
    assert.not.throws(() => parseOverlay(JSON.stringify({ overlay: "1.0.0", info: { title: "t", version: "1" }, actions: [{ target, update: {} }] }), "o.yaml"), target);
  }
});

test("a malformed overlay is refused, naming what is wrong", () => {
  const cases: [string, RegExp][] = [
    ['{"overlay":"2.0.0","info":{"title":"t","version":"1"},"actions":[{"target":"$","update":{}}]}', /o\.json: overlay must be "1\.0\.0"/],
    ['{"overlay":"1.0.0","actions":[{"target":"$","update":{}}]}', /o\.json: info must have a string title and version/],
    ['{"overlay":"1.0.0","info":{"title":"t","version":"1"},"actions":[]}', /actions must be a non-empty array/],
    ['{"overlay":"1.0.0","info":{"title":"t","version":"1"},"actions":[{"target":"paths","update":{}}]}', /actions\[0\]\.target must be a JSONPath starting with "\$"/],
    ['{"overlay":"1.0.0","info":{"title":"t","version":"1"},"actions":[{"target":"$"}]}', /actions\[0\] has neither update nor remove: true/],
    ["overlay: [1.0.0\n", /o\.json: cannot be read as an overlay/],
  ];
  for (const [text, message] of cases) assert.throws(() => parseOverlay(text, "o.json"), message);
  assert.throws(() => checkConfig({ output: "g", slices: [{ name: "a", openapi: "x", include: ["/a"], overlays: "o.yaml" }] }, "c.json"), /c\.json: slices\[0\]\.overlays must be an array of overlay files or URLs/);
});

test("an overlay that breaks the document is caught by validating it again", async () => {
  const doc = JSON.parse(JSON.stringify((await import("yaml")).parse(readFileSync(BASE, "utf8"))));
  applyOverlays(doc, [overlay([{ target: "$.components.schemas", update: { "microsoft.graph.broken": { $ref: "#/components/schemas/nowhere" } } }])]);
  try {
    await validateOverlaid(doc, "base.openapi.yaml", ["test.overlay.json"]);
    assert.unreachable("must fail");
  } catch (error) {
    assert.match((error as Error).message, /base\.openapi\.yaml with the overlays test\.overlay\.json: is no longer a valid OpenAPI document/);
  }
});

test("the pipeline applies overlays before slicing, hashes them in the manifest, and --check sees a change", async () => {
  const dir = repoScratchDir("overlay");
  try {
    cpSync(FIXTURE, join(dir, "fix.overlay.yaml"));
    cpSync(BASE, join(dir, "base.openapi.yaml"));
    const config = checkConfig({ output: "out", slices: [{ name: "api", openapi: "base.openapi.yaml", include: ["/deviceManagement/**"], overlays: ["fix.overlay.yaml"] }] }, "c.json");
    const { files } = await generateFromConfig(config, dir);
    const manifest = JSON.parse(files.find((f) => f.path === "manifest.json")!.content) as Manifest;
    assert.equal(manifest.slices.api!.overlays, [{ path: "fix.overlay.yaml", sha256: sha256(readFileSync(FIXTURE)) }]);
    assert.ok(manifest.slices.api!.types["microsoft.graph.allDevicesAssignmentTarget"], "the added type is sliced in (derived from a declared type)");
    assert.not.ok("sourceId" in (manifest.slices.api!.types[ASSIGNMENT] as { properties: object }).properties, "the removed property is gone");
    const models = files.find((f) => f.path === "api/models.ts")!.content;
    assert.match(models, /\/\/ Source: fix\.overlay\.yaml/);
    assert.match(models, /\/\*\* The group's Entra object id\. \*\/\n\s+groupId\?: string;/, "the nested merge kept groupId's type");
    assert.is(readFileSync(join(dir, "base.openapi.yaml"), "utf8"), readFileSync(BASE, "utf8"), "the spec file itself is untouched");
    const edited = readFileSync(FIXTURE, "utf8").replace("A group of users or devices.", "A group.");
    writeFileSync(join(dir, "fix.overlay.yaml"), edited);
    const { drift } = await generateFromConfig(config, dir, { check: true });
    assert.ok(drift!.changed.includes("manifest.json") && drift!.changed.includes("api/models.ts"), JSON.stringify(drift));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("graphslice diff: overlays applied to both specs; a manifest pair lists the overlay and what it changed", async () => {
  const same = await diffApis(BASE, join(REPO, "spec/fixtures/diff/type-added.openapi.yaml"), { overlays: [FIXTURE] });
  assert.equal(same.changes, [], "the newer spec has the overlay's type: under the overlay nothing changes");
  const plain = await diffApis(BASE, BASE);
  const overlaid = await diffApis(BASE, BASE, { overlays: [FIXTURE] });
  assert.equal([plain.changes.length, overlaid.changes.length], [0, 0]);
  try {
    await diffApis(BASE, BASE, { overlays: [STALE] });
    assert.unreachable("a stale overlay must fail");
  } catch (error) {
    assert.match((error as Error).message, /selects-nothing\.overlay\.yaml: actions\[1\]\.target .* selects nothing/);
  }
  const dir = repoScratchDir("overlay-diff");
  try {
    cpSync(BASE, join(dir, "base.openapi.yaml"));
    cpSync(FIXTURE, join(dir, "fix.overlay.yaml"));
    const slice = { name: "api", openapi: "base.openapi.yaml", include: ["/deviceManagement/**"] };
    const write = async (name: string, overlays?: string[]) => {
      const { files } = await generateFromConfig(checkConfig({ output: "out", slices: [{ ...slice, ...(overlays ? { overlays } : {}) }] }, "c.json"), dir);
      writeFileSync(join(dir, name), files.find((f) => f.path === "manifest.json")!.content);
      return join(dir, name);
    };
    const report = await diffApis(await write("before.json"), await write("after.json", ["fix.overlay.yaml"]));
    const lines = report.changes.map((c) => `${c.impact} ${c.subject} ${c.action} ${c.name}`);
    assert.ok(lines.includes("additive overlay added fix.overlay.yaml"), lines.join("\n"));
    assert.ok(lines.includes("additive type added microsoft.graph.allDevicesAssignmentTarget"), lines.join("\n"));
    assert.ok(lines.includes(`breaking property removed ${ASSIGNMENT}.sourceId`), lines.join("\n"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("every shipped overlay action names the reference page and the commit it was read at", async () => {
  const dir = join(REPO, "spec/overlays");
  const files = readdirSync(dir).filter((f) => f.endsWith(".overlay.yaml"));
  assert.ok(files.length >= 2);
  for (const file of files) {
    const { actions } = await readOverlay(join(dir, file));
    for (const [i, action] of actions.entries()) {
      assert.match(action.description ?? "", /microsoftgraph\/microsoft-graph-docs-contrib\s+api-reference\/beta\/(api|resources)\/[\w-]+\.md\s+at commit [0-9a-f]{40}\./, `${file} actions[${i}]`);
    }
  }
  const config = JSON.parse(readFileSync(join(REPO, "graphslice.config.json"), "utf8"));
  assert.equal([...config.slices.find((s: { name: string }) => s.name === "configuration-policies").overlays].sort(), files.map((f) => `spec/overlays/${f}`).sort(), "every shipped overlay is applied");
  // The package root takes what its own paths need: the assignment target every current example uses
  // (the just-in-time actions are not among its paths).
  assert.equal(config.slices.find((s: { name: string }) => s.name === "assignments").overlays, ["spec/overlays/scope-tag-group-assignment-target.overlay.yaml"]);
});
test.run();
