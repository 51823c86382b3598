/**
 * The published command line, from the installed tarball: `node_modules/.bin/graphslice` runs the
 * built dist/bin.js with plain node (the consumer has no tsx). With the generator's toolchain present
 * (linked from this repo: the project installs it, the package does not) it generates the same SDK as
 * the repo; without it, it says exactly what to install; with another version, it warns.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { GENERATOR_TOOLCHAIN } from "../../generator/toolchain.js";
import { installConsumer, runIn } from "./consumer.js";
import { ROOT } from "./pack.js";

const CONFIG = JSON.parse(readFileSync(join(ROOT, "graphslice.config.json"), "utf8")) as { slices: { name: string; openapi: string; csdl: string; include: string[]; overlays?: string[] }[] };
const SLICE = CONFIG.slices[0]!;
const test = suite<{ dir: string; bare: string; other: string }>("package: published graphslice command");

test.before(async (ctx) => {
  [ctx.dir, ctx.bare, ctx.other] = await Promise.all([
    installConsumer("cli", { type: "module", link: Object.keys(GENERATOR_TOOLCHAIN) }),
    installConsumer("cli-bare", { type: "commonjs" }),
    installConsumer("cli-other-prettier", { type: "module", link: Object.keys(GENERATOR_TOOLCHAIN).filter((n) => n !== "prettier") }),
  ]);
  // A prettier of another version that formats nothing: the generator still runs, and says so.
  const prettier = join(ctx.other, "node_modules", "prettier");
  mkdirSync(prettier, { recursive: true });
  writeFileSync(join(prettier, "package.json"), JSON.stringify({ name: "prettier", version: "3.0.0", type: "module", exports: "./index.js" }));
  writeFileSync(join(prettier, "index.js"), "export async function format(source) { return source; }\nexport default { format };\n");
});

const graphslice = (dir: string, ...args: string[]) => runIn(dir, join(dir, "node_modules", ".bin", "graphslice"), args);

test("the bin runs with plain node: no tsx anywhere the consumer can see", async ({ dir }) => {
  assert.throws(() => createRequire(join(dir, "package.json")).resolve("tsx"), /Cannot find module/);
  const version = await graphslice(dir, "--version");
  assert.is(version.code, 0, version.stderr);
  assert.is(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
});

test("graphslice generate --spec … writes the same SDK as this repo generates", async ({ dir }) => {
  const result = await graphslice(
    dir, "generate", "--spec", join(ROOT, SLICE.openapi), "--csdl", join(ROOT, SLICE.csdl), "--include", ...SLICE.include,
    ...(SLICE.overlays ?? []).flatMap((overlay) => ["--overlay", join(ROOT, overlay)]), "--out", "sdk", "--name", SLICE.name, "--prettier", "--quiet",
  );
  assert.is(result.code, 0, result.stderr);
  const withoutSources = (text: string) => text.replace(/^\/\/ Source: .*\n/gm, "");
  for (const name of readdirSync(join(dir, "sdk", SLICE.name), { recursive: true }).map(String).filter((n) => n.endsWith(".ts"))) {
    assert.fixture(withoutSources(readFileSync(join(dir, "sdk", SLICE.name, name), "utf8")), withoutSources(readFileSync(join(ROOT, "generated", SLICE.name, name), "utf8")), name);
  }
  assert.equal(readdirSync(join(dir, "sdk", "runtime")).sort(), readdirSync(join(ROOT, "generated", "runtime")).sort());
});

test("graphslice diff compares the installed package's manifest with a changed one", async ({ dir }) => {
  const installed = join(dir, "node_modules", "graphslice", "dist", "manifest.json");
  const manifest = JSON.parse(readFileSync(installed, "utf8"));
  manifest.slices[SLICE.name].types["microsoft.graph.deviceAndAppManagementAssignmentSource"].members.push("autopatch");
  writeFileSync(join(dir, "next-manifest.json"), JSON.stringify(manifest));
  const result = await graphslice(dir, "diff", installed, "next-manifest.json", "--fail-on-breaking");
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stdout, /\*\*0 breaking, 1 additive\.\*\* Suggested version bump: \*\*minor\*\*/);
  assert.match(result.stdout, /enum member added \| `microsoft\.graph\.deviceAndAppManagementAssignmentSource: autopatch`/);
});

test("without the toolchain, the command names what is missing and the exact install line", async ({ bare }) => {
  const result = await graphslice(bare, "generate", "--spec", "x.yaml", "--include", "/a", "--out", "sdk");
  assert.is(result.code, 1);
  assert.ok(result.stderr.includes(`the generator needs ${Object.keys(GENERATOR_TOOLCHAIN).join(", ")}`), result.stderr);
  const install = Object.entries(GENERATOR_TOOLCHAIN).map(([name, version]) => `${name}@${version}`).join(" ");
  assert.ok(result.stderr.includes(`npm install --save-dev --save-exact ${install}`), result.stderr);
  const help = await graphslice(bare, "--help");
  assert.is(help.code, 0);
  assert.match(help.stdout, /graphslice diff <old> <new>/);
});

test("another version of a toolchain package: a warning naming it and the tested version, then it runs", async ({ other }) => {
  const result = await graphslice(other, "generate", "--spec", join(ROOT, SLICE.openapi), "--include", ...SLICE.include,
    ...(SLICE.overlays ?? []).flatMap((overlay) => ["--overlay", join(ROOT, overlay)]), "--out", "sdk", "--quiet");
  assert.is(result.code, 0, result.stderr);
  assert.match(result.stderr, /graphslice: warning: prettier 3\.0\.0 is installed; the generator is tested with 3\.10\.1/);
  assert.not.match(result.stderr, /warning: (typescript|ts-morph)/);
});

test.run();
