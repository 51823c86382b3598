/**
 * `update-spec` on a set of module files: Microsoft's DeviceManagement trio (main module, Actions,
 * Functions; read as `.br`) as one description. The 2022-03 trio first, then the 2023-01 one: each
 * kept block is the text of the file it came from, x-slice records every file with its hash, the slice
 * generates, and the second run prints the API diff. Files of two snapshots are refused.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { readSource } from "../../generator/load/read-source.js";
import { readFullDescription } from "../../scripts/update-spec/slice-yaml.js";
import { REPO, runNode, TSX } from "./run-cli.js";
import { scratchDir } from "../helpers/scratch.js";

const MODULES = join(REPO, "spec/graph-modules");
const trio = (snapshot: string) => ["DeviceManagement.yml.br", "DeviceManagement.Actions.yml.br", "DeviceManagement.Functions.yml.br"].map((f) => join(MODULES, snapshot, "beta", f));
const INCLUDE = ["/deviceManagement/deviceCategories", "/deviceManagement/deviceCategories/*", "/deviceManagement/microsoft.graph.enableLegacyPcManagement", "/deviceManagement/microsoft.graph.verifyWindowsEnrollmentAutoDiscovery(domainName='{domainName}')"];
const scratch = scratchDir("update-modules");
mkdirSync(join(scratch, "spec"));
writeFileSync(join(scratch, "graphslice.config.json"), JSON.stringify({ output: "generated", slices: [{ name: "device-management", openapi: "spec/device-management.openapi.yaml", include: INCLUDE }] }));
const updateSpec = (files: string[]) => runNode(["--import", TSX, join(REPO, "scripts/update-spec.ts"), ...files, "--config", join(scratch, "graphslice.config.json"), "--date", "2026-12-01"], scratch);
const SLICE = join(scratch, "spec/device-management.openapi.yaml");

const test = suite("cli: update-spec on module files");

test("2022-03 trio: one slice with blocks from all three files, verbatim, each file recorded with its hash", async () => {
  const result = await updateSpec(trio("2022-03"));
  assert.is(result.code, 0, result.stderr);
  const doc = parse(readFileSync(SLICE, "utf8"));
  assert.equal(Object.keys(doc.paths).sort(), [...INCLUDE.slice(0, 1), "/deviceManagement/deviceCategories/{deviceCategory-id}", ...INCLUDE.slice(2)].sort());
  const sums = readFileSync(join(MODULES, "SHA256SUMS"), "utf8");
  assert.equal(doc["x-slice"].sources.map((s: { source: string }) => s.source), ["DeviceManagement.yml.br", "DeviceManagement.Actions.yml.br", "DeviceManagement.Functions.yml.br"]);
  for (const s of doc["x-slice"].sources) assert.ok(sums.includes(`${s.sha256}  `), `${s.source}: hash of the decompressed file`);
  const texts = await Promise.all(trio("2022-03").map((f) => readSource(f, "spec")));
  const slice = readFullDescription(SLICE, readFileSync(SLICE, "utf8"));
  for (const block of [...slice.paths, ...slice.components.flatMap((c) => c.entries)]) {
    assert.ok(texts.some((t) => t.includes(`${block.text}\n`)), `${block.key} is a verbatim copy of one of the files`);
  }
  assert.ok(texts[1]!.includes(slice.paths.find((p) => p.key.endsWith("enableLegacyPcManagement"))!.text), "the action's block is DeviceManagement.Actions.yml's");
  assert.match(readFileSync(join(scratch, "generated/device-management/client.ts"), "utf8"), /enableLegacyPcManagement/);
});

test("then the 2023-01 trio: rewritten, regenerated, and the API diff printed", async () => {
  const result = await updateSpec(trio("2023-01"));
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /^## API changes: /m);
  assert.match(result.stdout, /\*\*\d+ breaking, \d+ additive\.\*\* Suggested version bump: \*\*major\*\*/);
  assert.match(result.stdout, /type removed \| `odata\.error`/, "2023-01 renamed the error schemas");
  assert.match(result.stdout, /type added \| `microsoft\.graph\.ODataErrors\.ODataError`/);
  assert.match(readFileSync(SLICE, "utf8"), /microsoft\.graph\.ODataErrors\.ODataError:/);
});

test("a 2022-03 module with 2023-01 companions, or a beta module with a v1.0 one, is refused, naming both, and nothing is written", async () => {
  const before = readFileSync(SLICE, "utf8");
  const result = await updateSpec([trio("2022-03")[0]!, ...trio("2023-01").slice(1)]);
  assert.is(result.code, 1);
  assert.match(result.stderr, /the module files disagree on \d+ entries of the same name/);
  assert.match(result.stderr, /differs between .*2022-03\/beta\/DeviceManagement\.yml\.br and .*2023-01\/beta\/DeviceManagement\.(Actions|Functions)\.yml\.br/);
  assert.is(readFileSync(SLICE, "utf8"), before);
  const versions = await updateSpec([trio("2023-01")[0]!, join(MODULES, "2023-01/v1.0/DeviceManagement.Actions.yml.br")]);
  assert.is(versions.code, 1);
  assert.match(versions.stderr, /servers differ between .*beta\/DeviceManagement\.yml\.br and .*v1\.0\/DeviceManagement\.Actions\.yml\.br \(a beta file with a v1\.0 one\?\)/);
  assert.is(readFileSync(SLICE, "utf8"), before);
});

test.run();
