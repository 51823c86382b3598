/**
 * What the tarball holds and what package.json promises: an exports map with ESM, CommonJS and both
 * kinds of declarations for the root and every slice of graphslice.config.json, only built files,
 * one runtime dependency, and the generator's toolchain in none of dependencies or peerDependencies.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { GENERATOR_TOOLCHAIN } from "../../generator/toolchain.js";
import { installConsumer } from "./consumer.js";
import { packedTarball, ROOT, SCRATCH } from "./pack.js";

interface ConditionalEntry {
  import: { types: string; default: string };
  require: { types: string; default: string };
}
interface PackageJson {
  type: string;
  sideEffects: boolean;
  engines: { node: string };
  main: string;
  types: string;
  exports: Record<string, ConditionalEntry | string>;
  typesVersions: Record<string, Record<string, string[]>>;
  bin: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as PackageJson;
const config = JSON.parse(await readFile(join(ROOT, "graphslice.config.json"), "utf8")) as { slices: { name: string }[] };
const test = suite("package: layout");

test("the exports map has ESM, CJS, .d.ts and .d.cts for the root and for every slice of the config", () => {
  const subpaths = [".", ...config.slices.map((s) => `./${s.name}`)];
  assert.equal(Object.keys(pkg.exports).sort(), [...subpaths, "./package.json"].sort());
  for (const subpath of subpaths) {
    // A slice with hand-written helpers is published as helpers/<slice>/index, which re-exports the slice.
    const helpers = subpath !== "." && existsSync(join(ROOT, "helpers", subpath.slice(2), "index.ts"));
    const base = subpath === "." ? "./dist/index" : `./dist/${helpers ? "helpers/" : ""}${subpath.slice(2)}/index`;
    assert.equal(pkg.exports[subpath], {
      import: { types: `${base}.d.ts`, default: `${base}.js` },
      require: { types: `${base}.d.cts`, default: `${base}.cjs` },
    }, subpath);
    if (subpath !== ".") assert.equal(pkg.typesVersions["*"]?.[subpath.slice(2)], [`${base}.d.cts`], `typesVersions for ${subpath} (node10)`);
  }
  assert.is(pkg.type, "module");
  assert.is(pkg.sideEffects, false);
  assert.is(pkg.engines.node, ">=20");
  assert.is(pkg.main, "./dist/index.cjs");
  assert.is(pkg.types, "./dist/index.d.cts");
});

test("the tarball holds every file the exports map, main, types and bin name, and nothing unbuilt", async () => {
  const { files, size } = await packedTarball();
  const named = [pkg.main, pkg.types, ...Object.values(pkg.bin), ...Object.values(pkg.exports).flatMap((e) => (typeof e === "string" ? [e] : [e.import.types, e.import.default, e.require.types, e.require.default]))];
  for (const file of named) assert.ok(files.includes(file.replace(/^\.\//, "")), `${file} is not in the tarball`);
  const unexpected = files.filter((f) => !/^(dist\/|templates\/[\w-]+\.ts$|package\.json$|README\.md$|CHANGELOG\.md$|LICENSE$)/.test(f));
  assert.equal(unexpected, [], "files outside the whitelist");
  for (const folder of ["generator/", "generated/", "test/", "spec/", "scripts/", "node_modules/"]) assert.not.ok(files.some((f) => f.startsWith(folder)), folder);
  // 213 KiB with batching, the middlewares and typed select (each shipped as .js, .cjs, .d.ts, .d.cts and its template);
  // 236 KiB with the validation tables split per body type (types two bodies can hold are in both tables);
  // 246 KiB with the operation indexes (11 small modules, each in four forms);
  // 252 KiB with the route rules and the lazily loaded list of indexes;
  // 263 KiB with the second hardening round (one credential-header list, option and answer checks,
  // paging and batch answers checked item by item, masking in the middlewares) and the root's overlay;
  // 273 KiB with the low-level client's binary bodies and a third round of checks (query values, headers fetch refuses, lossy JSON values);
  // 290 KiB with the generator's newer-description rules, the write stage's staging and link checks, the CLI's download,
  // diff and update-spec checks (all in dist/cli.js, which the published command runs) and the helpers' input checks.
  // 302 KiB with composable functions, entity references and union validation (generator, runtime, README, CHANGELOG).
  // 323 KiB with the sixth hardening round (option kinds checked, bodies checked as sent, reads that throw named).
  assert.ok(size < 336 * 1024, `the tarball is ${size} bytes`);
});

test("dist/bin.js is a node script; the CLI is built (no tsx at run time)", async () => {
  const bin = await readFile(join(ROOT, pkg.bin.graphslice!), "utf8");
  assert.ok(bin.startsWith("#!/usr/bin/env node\n"));
  const cli = await readFile(join(ROOT, "dist", "cli.js"), "utf8");
  assert.not.match(cli, /from ["']tsx/);
  assert.not.match(cli, /from ["']\.\.?\/[^"']+\.ts["']/);
});

test("one runtime dependency; the generator's toolchain is pinned in devDependencies, not a dependency or peer", () => {
  assert.equal(Object.keys(pkg.dependencies), ["openapi-fetch"]);
  // The one peer: OpenTelemetry for the tracing middleware, optional and open to every 1.x (a toolchain peer made npm refuse apps with another TypeScript or prettier).
  assert.equal(pkg.peerDependencies, { "@opentelemetry/api": ">=1.0.0 <2" });
  assert.equal((pkg as { peerDependenciesMeta?: unknown }).peerDependenciesMeta, { "@opentelemetry/api": { optional: true } });
  for (const [name, version] of Object.entries(GENERATOR_TOOLCHAIN)) assert.is(pkg.devDependencies[name], version, `devDependencies.${name}`);
  for (const [name, version] of Object.entries(pkg.devDependencies)) assert.match(version, /^\d+\.\d+\.\d+$/, `devDependencies.${name} is pinned`);
});

test("installs into an app that has its own older TypeScript and prettier 2", async () => {
  const folders = await Promise.all(
    [["typescript", "5.4.5"], ["prettier", "2.8.8"]].map(async ([name, version]) => {
      const dir = join(SCRATCH, "app-packages", name!);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, "package.json"), JSON.stringify({ name, version }));
      return dir;
    }),
  );
  const dir = await installConsumer("older-toolchain", { alongside: folders });
  const installed = JSON.parse(await readFile(join(dir, "node_modules", "typescript", "package.json"), "utf8")) as { version: string };
  assert.is(installed.version, "5.4.5");
});

test.run();
