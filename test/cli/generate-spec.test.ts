/**
 * `graphslice generate --spec <file|url> [--csdl …] --include <pattern>... --out <dir> [--check]`,
 * offline: the specs are served by a file server on 127.0.0.1. The output must be what the committed
 * config generates (only the `// Source:` header lines name other inputs), `--check` must pass on
 * it and fail on an edit, and every error must name the bad file, URL, pattern or schema.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { sliceNameFor } from "../../generator/cli.js";
import { serveFolder, type FileServer } from "./file-server.js";
import { REPO, runCli } from "./run-cli.js";
import { scratchDir } from "../helpers/scratch.js";

const SPEC = "graph-beta-configurationPolicies-assignments.openapi.yaml";
const CSDL = "graph-beta-configurationPolicies-assignments.csdl.xml";
const MAIN_SLICE = JSON.parse(readFileSync(join(REPO, "graphslice.config.json"), "utf8")).slices[0] as { include: string[]; overlays: string[] };
const INCLUDE = MAIN_SLICE.include;
// The committed slice's overlays, as the file server names them (it serves spec/).
const OVERLAYS = MAIN_SLICE.overlays.map((file) => file.replace(/^spec\//, ""));
const scratch = scratchDir("cli");

const test = suite<{ files: FileServer }>("cli: generate --spec");
test.before(async (ctx) => {
  ctx.files = await serveFolder(join(REPO, "spec"));
});
test.after(async (ctx) => ctx.files?.close());

const withoutSources = (text: string) => text.replace(/^\/\/ Source: .*\n/gm, "");

test("from URLs: the same SDK as the committed config generates; --check passes, then fails on an edit", async ({ files }) => {
  const out = join(scratch, "from-url");
  const overlays = OVERLAYS.flatMap((file) => ["--overlay", `${files.url}/${file}`]);
  const args = ["generate", "--spec", `${files.url}/${SPEC}`, "--csdl", `${files.url}/${CSDL}`, "--include", ...INCLUDE, ...overlays, "--out", out, "--prettier", "--quiet"];
  const generated = await runCli(args);
  assert.is(generated.code, 0, generated.stderr);
  assert.match(generated.stdout, /^wrote \d+ files to /);
  assert.equal([...new Set(files.asked)].sort(), [`/${CSDL}`, `/${SPEC}`, ...OVERLAYS.map((file) => `/${file}`)].sort(), "every input was downloaded");
  for (const name of readdirSync(join(out, "assignments"), { recursive: true }).map(String).filter((n) => n.endsWith(".ts"))) {
    const ours = readFileSync(join(out, "assignments", name), "utf8");
    assert.match(ours, new RegExp(`// Source: ${files.url.replace(/[.]/g, "\\.")}/${SPEC.replace(/[.]/g, "\\.")}`), name);
    assert.fixture(withoutSources(ours), withoutSources(readFileSync(join(REPO, "generated/assignments", name), "utf8")), name);
  }
  assert.is(readFileSync(join(out, "index.ts"), "utf8"), readFileSync(join(REPO, "generated/index.ts"), "utf8"));

  const check = await runCli([...args.slice(0, -1), "--check", "--quiet"]);
  assert.is(check.code, 0, `${check.stdout}${check.stderr}`);
  assert.match(check.stdout, /is up to date \(\d+ files\)/);
  writeFileSync(join(out, "assignments/models.ts"), "// edited\n");
  const stale = await runCli([...args.slice(0, -1), "--check", "--quiet"]);
  assert.is(stale.code, 1);
  assert.match(stale.stdout, /changed\s+assignments\/models\.ts/);
});

test("from a file, patterns as separate --include flags, slice named with --name", async () => {
  const out = join(scratch, "from-file");
  const args = ["generate", "--spec", join("spec", SPEC), ...INCLUDE.flatMap((p) => ["--include", p]), "--out", out, "--name", "policy-assignments", "--quiet"];
  const result = await runCli(args);
  assert.is(result.code, 0, result.stderr);
  assert.equal(readdirSync(join(out, "policy-assignments"), { recursive: true }).map(String).sort(), [
    "client.ts", "index.ts", "low-level.ts", "models.ts", "operation-indexes", "operation-indexes.ts",
    join("operation-indexes", "0.ts"), join("operation-indexes", "1.ts"), join("operation-indexes", "2.ts"), "paths.ts", "schema",
    join("schema", "DeviceManagementConfigurationPolicyAssignRequestBody.ts"), join("schema", "DeviceManagementConfigurationPolicyAssignment.ts"),
  ]);
  assert.match(readFileSync(join(out, "index.ts"), "utf8"), /export \* from "\.\/policy-assignments\/index\.js";/);
  assert.match(readFileSync(join(out, "policy-assignments/models.ts"), "utf8"), /^\/\/ Source: spec\/graph-beta-configurationPolicies-assignments\.openapi\.yaml$/m);
});

test("the default slice name is the last literal segment of the first pattern, in kebab case", () => {
  assert.is(sliceNameFor("/deviceManagement/configurationPolicies/*/assignments"), "assignments");
  assert.is(sliceNameFor("/deviceManagement/configurationPolicies/**"), "configuration-policies");
  assert.is(sliceNameFor("/users/{user-id}/microsoft.graph.getMemberGroups"), "get-member-groups");
  assert.is(sliceNameFor("/applications(appId='{appId}')/**"), "applications");
  assert.is(sliceNameFor("/users/{user-id}/microsoft.graph.reminderView(StartDateTime='{StartDateTime}',EndDateTime='{EndDateTime}')"), "reminder-view");
  assert.is(sliceNameFor("/**"), "api");
});

test("errors name the bad file, URL, pattern or schema", async ({ files }) => {
  const out = join(scratch, "errors");
  const generate = (...args: string[]) => runCli(["generate", ...args, "--out", out, "--quiet"]);

  const noFile = await generate("--spec", "spec/no-such.openapi.yaml", "--include", "/a");
  assert.is(noFile.code, 1);
  assert.match(noFile.stderr, /spec\/no-such\.openapi\.yaml/);

  const notFound = await generate("--spec", `${files.url}/missing.yaml`, "--include", "/a");
  assert.is(notFound.code, 1);
  assert.match(notFound.stderr, new RegExp(`${files.url.replace(/\./g, "\\.")}/missing\\.yaml`));
  assert.match(notFound.stderr, /404/);

  const noMatch = await generate("--spec", join("spec", SPEC), "--include", "/deviceManagement/nothing/**");
  assert.is(noMatch.code, 1);
  assert.match(noMatch.stderr, /include pattern "\/deviceManagement\/nothing\/\*\*" matches no path/);

  const badPattern = await generate("--spec", join("spec", SPEC), "--include", "deviceManagement/**");
  assert.is(badPattern.code, 2);
  assert.match(badPattern.stderr, /--include "deviceManagement\/\*\*": a path pattern starts with "\/"/);

  const broken = join(scratch, "broken-ref.openapi.yaml");
  const text = readFileSync(join(REPO, "spec", SPEC), "utf8").replace(
    "$ref: '#/components/schemas/microsoft.graph.deviceAndAppManagementAssignmentSource'",
    "$ref: '#/components/schemas/microsoft.graph.noSuchAssignmentSource'",
  );
  writeFileSync(broken, text);
  const badSchema = await generate("--spec", broken, "--include", ...INCLUDE);
  assert.is(badSchema.code, 1);
  assert.match(badSchema.stderr, /broken-ref\.openapi\.yaml/);
  assert.match(badSchema.stderr, /microsoft\.graph\.noSuchAssignmentSource/);

  const noOverlay = await generate("--spec", join("spec", SPEC), "--include", ...INCLUDE, "--overlay", "spec/overlays/no-such.overlay.yaml");
  assert.is(noOverlay.code, 1);
  assert.match(noOverlay.stderr, /spec\/overlays\/no-such\.overlay\.yaml/);
  const overlayAlone = await runCli(["generate", "--overlay", join("spec", OVERLAYS[0]!)]);
  assert.is(overlayAlone.code, 2);
  assert.match(overlayAlone.stderr, /--overlay goes with --spec/);

  const noOut = await runCli(["generate", "--spec", join("spec", SPEC), "--include", "/a"]);
  assert.is(noOut.code, 2);
  assert.match(noOut.stderr, /--spec needs --out <dir>/);
  const both = await runCli(["generate", "--config", "graphslice.config.json", "--spec", join("spec", SPEC)]);
  assert.is(both.code, 2);
  assert.match(both.stderr, /either --config or --spec/);
});

test.run();
