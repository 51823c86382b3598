/**
 * `graphslice generate` on Microsoft's own module files (spec/graph-modules/, read as `.br`): several
 * `--spec` files make one slice, both spellings of the flag; a config lists them as `openapi: [...]`;
 * files of two snapshots fail with both named; repeating a file is a usage error.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { REPO, runCli } from "./run-cli.js";
import { scratchDir } from "../helpers/scratch.js";

const BETA = "spec/graph-modules/2023-01/beta";
const TRIO = ["DeviceManagement.yml.br", "DeviceManagement.Actions.yml.br", "DeviceManagement.Functions.yml.br"].map((f) => `${BETA}/${f}`);
// Paths from all three files: the collection (main), an action (Actions) and a function (Functions).
const INCLUDE = ["/deviceManagement/deviceCategories", "/deviceManagement/deviceCategories/*", "/deviceManagement/microsoft.graph.enableLegacyPcManagement", "/deviceManagement/microsoft.graph.verifyWindowsEnrollmentAutoDiscovery(domainName='{domainName}')"];
const scratch = scratchDir("modules");
const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));

const test = suite("cli: generate from module files");

test("--spec three times: one slice from the DeviceManagement trio, every file hashed in the manifest", async () => {
  const out = join(scratch, "trio");
  const result = await runCli(["generate", ...TRIO.flatMap((f) => ["--spec", f]), ...INCLUDE.flatMap((p) => ["--include", p]), "--name", "device-management", "--out", out]);
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stderr, /device-management: load\s+\d+ ms/);
  const slice = manifestOf(out).slices["device-management"];
  assert.equal(slice.sources.map((s: { path: string }) => s.path), TRIO);
  const sums = readFileSync(join(REPO, "spec/graph-modules/SHA256SUMS"), "utf8");
  for (const source of slice.sources) assert.ok(sums.includes(`${source.sha256}  `), `${source.path}: the hash of the decompressed file, as in SHA256SUMS`);
  const operations = Object.keys(slice.operations);
  assert.ok(operations.includes("GET /deviceManagement/deviceCategories"));
  assert.ok(operations.includes("POST /deviceManagement/microsoft.graph.enableLegacyPcManagement"), "from DeviceManagement.Actions.yml");
  assert.ok(operations.some((o) => o.startsWith("GET /deviceManagement/microsoft.graph.verifyWindowsEnrollmentAutoDiscovery(")), "from DeviceManagement.Functions.yml");
  assert.match(readFileSync(join(out, "device-management/models.ts"), "utf8"), new RegExp(`^// Source: ${TRIO[2]!.replace(/\./g, "\\.")}$`, "m"));
});

test("a config with openapi as a list generates the same files as --spec a b c", async () => {
  const viaFlags = join(scratch, "flags");
  const flags = await runCli(["generate", "--spec", ...TRIO, "--include", ...INCLUDE, "--name", "device-management", "--out", viaFlags, "--quiet"]);
  assert.is(flags.code, 0, flags.stderr);
  const config = join(scratch, "graphslice.config.json");
  const viaConfig = join(scratch, "config");
  writeFileSync(config, JSON.stringify({ output: "config", slices: [{ name: "device-management", openapi: TRIO.map((f) => join(REPO, f)), include: INCLUDE }] }));
  const configured = await runCli(["generate", "--config", config, "--quiet"]);
  assert.is(configured.code, 0, configured.stderr);
  for (const file of ["device-management/models.ts", "device-management/client.ts", "device-management/paths.ts"]) {
    const strip = (text: string) => text.replace(/^\/\/ Source: .*\n/gm, "");
    assert.fixture(strip(readFileSync(join(viaConfig, file), "utf8")), strip(readFileSync(join(viaFlags, file), "utf8")), file);
  }
});

test("files of two snapshots: exit 1 and both files named; a file given twice is a usage error", async () => {
  const out = join(scratch, "mixed");
  const mixed = await runCli(["generate", "--spec", "spec/graph-modules/2022-03/beta/DeviceManagement.yml.br", `${BETA}/DeviceManagement.Functions.yml.br`, "--include", "/deviceManagement", "--out", out, "--quiet"]);
  assert.is(mixed.code, 1);
  assert.match(mixed.stderr, /2022-03\/beta\/DeviceManagement\.yml\.br and .*2023-01\/beta\/DeviceManagement\.Functions\.yml\.br define \d+ entries of the same name differently/);
  const twice = await runCli(["generate", "--spec", TRIO[0]!, TRIO[0]!, "--include", "/deviceManagement", "--out", out, "--quiet"]);
  assert.is(twice.code, 2);
  assert.match(twice.stderr, /--spec repeats ".*DeviceManagement\.yml\.br"/);
});

test.run();
