/**
 * The generator as a whole: determinism, --check, the manifest, headers, and errors that name the
 * offending file, property or pattern.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { checkConfig, loadConfig } from "../../generator/config.js";
import { sha256 } from "../../generator/emit/manifest.js";
import { generate, generateFromConfig } from "../../generator/index.js";
import { loadCsdl } from "../../generator/load/csdl.js";
import { loadOpenApi } from "../../generator/load/openapi.js";
import { selectPaths } from "../../generator/slice/select-paths.js";
import { REPO } from "../golden/fixtures.js";
import { repoScratchDir } from "../helpers/scratch.js";
import { runCli } from "../cli/run-cli.js";

const run = promisify(execFile);
const test = suite("generator pipeline");
const CONFIG = join(REPO, "graphslice.config.json");

test("--out with --config is relative to the current directory, the config's output to the config file", async () => {
  const dir = repoScratchDir("pipeline-out");
  mkdirSync(join(dir, "cfg"), { recursive: true });
  mkdirSync(join(dir, "cwd"), { recursive: true });
  const slice = { name: "assignments", openapi: join(REPO, "spec/graph-beta-configurationPolicies-assignments.openapi.yaml"), include: ["/deviceManagement/configurationPolicies/*/assignments"] };
  writeFileSync(join(dir, "cfg/graphslice.config.json"), JSON.stringify({ output: "from-config", main: "assignments", slices: [slice] }));
  const flag = await runCli(["generate", "--config", join(dir, "cfg/graphslice.config.json"), "--out", "from-flag", "--quiet"], join(dir, "cwd"));
  assert.is(flag.code, 0, flag.stderr);
  assert.ok(readFileSync(join(dir, "cwd/from-flag/index.ts"), "utf8").includes("assignments"));
  const config = await runCli(["generate", "--config", join(dir, "cfg/graphslice.config.json"), "--quiet"], join(dir, "cwd"));
  assert.is(config.code, 0, config.stderr);
  assert.ok(readFileSync(join(dir, "cfg/from-config/index.ts"), "utf8").includes("assignments"));
});

test("generating twice gives byte-identical files", async () => {
  const first = await generate({ configPath: CONFIG, check: true });
  const second = await generate({ configPath: CONFIG, check: true });
  assert.equal(second.files.map((f) => f.path), first.files.map((f) => f.path));
  first.files.forEach((f, i) => assert.ok(second.files[i]!.content === f.content, `${f.path} differs between two runs`));
});

test("every generated file says it is generated and must not be edited", async () => {
  const { files } = await generate({ configPath: CONFIG, check: true });
  for (const f of files) {
    const head = f.path.endsWith(".json") ? JSON.parse(f.content).comment : f.content.split("\n")[0];
    assert.match(head, /[Gg]enerated by graphslice.*do not edit/, f.path);
  }
});

test("the manifest records the generator version, spec hashes and file hashes", async () => {
  const { files } = await generate({ configPath: CONFIG, check: true });
  const manifest = JSON.parse(files.find((f) => f.path === "manifest.json")!.content);
  assert.is(manifest.generator.version, JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version);
  const source = manifest.slices.assignments.sources[0];
  assert.is(source.path, "spec/graph-beta-configurationPolicies-assignments.openapi.yaml");
  assert.is(source.sha256, sha256(readFileSync(join(REPO, source.path))));
  for (const f of files.filter((x) => x.path !== "manifest.json")) assert.is(manifest.files[f.path], sha256(f.content), f.path);
  assert.ok(manifest.slices.assignments.operations["PATCH /deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments/{deviceManagementConfigurationPolicyAssignment-id}"]);
});

test("--check exits non-zero and lists stale, missing and orphaned (listed by the manifest) files without writing", async () => {
  const dir = repoScratchDir("check");
  try {
    cpSync(join(REPO, "generated"), dir, { recursive: true });
    writeFileSync(join(dir, "assignments/models.ts"), "// edited by hand\n");
    rmSync(join(dir, "assignments/operation-indexes.ts"));
    writeFileSync(join(dir, "mine.ts"), "// the user's own\n");
    // A file an earlier generation wrote (its manifest lists it) that this one no longer does.
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
    manifest.files["old-slice/models.ts"] = sha256("");
    writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
    mkdirSync(join(dir, "old-slice"));
    writeFileSync(join(dir, "old-slice/models.ts"), "");
    const cli = run(process.execPath, ["--import", "tsx", join(REPO, "generator/cli.ts"), "generate", "--config", CONFIG, "--out", dir, "--check", "--quiet"], { cwd: REPO });
    const failure = await cli.then(() => undefined, (e: { code: number; stdout: string }) => e);
    assert.ok(failure, "--check must fail on a stale tree");
    assert.is(failure!.code, 1);
    assert.match(failure!.stdout, /changed\s+assignments\/models\.ts/);
    assert.match(failure!.stdout, /missing\s+assignments\/operation-indexes\.ts/);
    assert.match(failure!.stdout, /orphaned\s+old-slice\/models\.ts/);
    assert.not.match(failure!.stdout, /mine\.ts/, "a file no manifest lists is the user's, not stale");
    assert.is(readFileSync(join(dir, "assignments/models.ts"), "utf8"), "// edited by hand\n", "check writes nothing");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("config errors name the property", () => {
  const base = JSON.parse(readFileSync(CONFIG, "utf8"));
  const cases: [unknown, RegExp][] = [
    [{ ...base, slices: [] }, /slices must be a non-empty array/],
    [{ ...base, slices: [{ ...base.slices[0], include: ["deviceManagement"] }] }, /slices\[0\]\.include\[0\] must be a path pattern starting with "\/"/],
    [{ ...base, slices: [{ ...base.slices[0], name: "Bad Name" }] }, /slices\[0\]\.name/],
    [{ ...base, main: "nope" }, /main names no slice/],
  ];
  for (const [config, message] of cases) assert.throws(() => checkConfig(config, "graphslice.config.json"), message);
});

async function rejectsWith(run: () => Promise<unknown>, message: RegExp): Promise<void> {
  const error = await run().then(() => undefined, (e: Error) => e);
  assert.ok(error, `expected a rejection matching ${message}`);
  assert.match(error!.message, message);
}

test("load errors name the file", async () => {
  const dir = repoScratchDir("bad");
  try {
    writeFileSync(join(dir, "swagger2.yaml"), "swagger: '2.0'\ninfo: {title: x, version: '1'}\npaths: {}\n");
    writeFileSync(join(dir, "broken.xml"), "<edmx:Edmx><Schema></edmx:Edmx>");
    writeFileSync(join(dir, "invalid.yaml"), "openapi: 3.0.4\ninfo: {title: x}\npaths: {}\n");
    await rejectsWith(() => loadOpenApi(join(dir, "missing.yaml")), /missing\.yaml/);
    await rejectsWith(() => loadOpenApi(join(dir, "swagger2.yaml")), /swagger2\.yaml: expected an OpenAPI 3\.0 or 3\.1 document/);
    await rejectsWith(() => loadOpenApi(join(dir, "invalid.yaml")), /invalid\.yaml: is not a valid OpenAPI document/);
    await rejectsWith(() => loadCsdl(join(dir, "broken.xml")), /broken\.xml:1:\d+: not well-formed XML/);
    await rejectsWith(() => loadConfig(join(dir, "nope.json")), /nope\.json: cannot read the generator config/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an include pattern that matches nothing is named with its file", async () => {
  const openapi = await loadOpenApi(join(REPO, "spec/graph-beta-configurationPolicies-assignments.openapi.yaml"));
  assert.throws(() => selectPaths(openapi, ["/deviceManagement/nothingHere/**"]), /graph-beta-configurationPolicies-assignments\.openapi\.yaml: include pattern "\/deviceManagement\/nothingHere\/\*\*" matches no path/);
});

test("the committed generated/ is what the generator produces (regenerating leaves git clean)", async () => {
  const { drift } = await generateFromConfig(await loadConfig(CONFIG), REPO, { check: true });
  assert.equal(drift, { changed: [], missing: [], orphaned: [] });
});
test.run();
