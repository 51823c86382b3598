/**
 * What the tarball holds and what package.json promises: an exports map with ESM, CommonJS and both
 * kinds of declarations for the root and every slice of graphslice.config.json, only built files,
 * one runtime dependency, and the generator's toolchain as optional peers.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { GENERATOR_TOOLCHAIN } from "../../generator/toolchain.js";
import { packedTarball, ROOT } from "./pack.js";

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
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
}

const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as PackageJson;
const config = JSON.parse(await readFile(join(ROOT, "graphslice.config.json"), "utf8")) as { slices: { name: string }[] };
const test = suite("package: layout");

test("the exports map has ESM, CJS, .d.ts and .d.cts for the root and for every slice of the config", () => {
  const subpaths = [".", ...config.slices.map((s) => `./${s.name}`)];
  assert.equal(Object.keys(pkg.exports).sort(), [...subpaths, "./package.json"].sort());
  for (const subpath of subpaths) {
    const base = subpath === "." ? "./dist/index" : `./dist/${subpath.slice(2)}/index`;
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
  assert.ok(size < 200 * 1024, `the tarball is ${size} bytes`);
});

test("dist/bin.js is a node script; the CLI is built (no tsx at run time)", async () => {
  const bin = await readFile(join(ROOT, pkg.bin.graphslice!), "utf8");
  assert.ok(bin.startsWith("#!/usr/bin/env node\n"));
  const cli = await readFile(join(ROOT, "dist", "cli.js"), "utf8");
  assert.not.match(cli, /from ["']tsx/);
  assert.not.match(cli, /from ["']\.\.?\/[^"']+\.ts["']/);
});

test("one runtime dependency; the generator's toolchain is optional peers, pinned as devDependencies", () => {
  assert.equal(Object.keys(pkg.dependencies), ["openapi-fetch"]);
  assert.equal(Object.keys(pkg.peerDependencies).sort(), Object.keys(GENERATOR_TOOLCHAIN).sort());
  for (const [name, version] of Object.entries(GENERATOR_TOOLCHAIN)) {
    assert.is(pkg.devDependencies[name], version, `devDependencies.${name}`);
    assert.is(pkg.peerDependencies[name], `^${version}`, `peerDependencies.${name}`);
    assert.is(pkg.peerDependenciesMeta[name]?.optional, true, `peerDependenciesMeta.${name}.optional`);
  }
  for (const [name, version] of Object.entries(pkg.devDependencies)) assert.match(version, /^\d+\.\d+\.\d+$/, `devDependencies.${name} is pinned`);
});

test.run();
