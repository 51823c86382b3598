/**
 * The SDK's JavaScript: every file under generated/ transpiled once as ESM (`.js`) and once as
 * CommonJS (`.cjs`), one output file per source file, so both slices share one runtime (one
 * `GraphError` class) and a bundler can tree-shake what a consumer does not import.
 * Relative imports are kept external and, in the CommonJS build, renamed `./x.js` → `./x.cjs`.
 *
 * The CommonJS build reads a copy of the sources under a `"type": "commonjs"` package.json. Read in
 * place (this package is `"type": "module"`), esbuild would import CommonJS dependencies the way Node's
 * ESM loader does (`default` = `module.exports`), and `require("openapi-fetch").default`, the
 * low-level client's `createClient`, would come out as the exports object (esbuild issue #3852).
 */
import { build, type Plugin } from "esbuild";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const RELATIVE_JS = /^\.{1,2}\/.*\.js$/;

/** Keeps every import external; in CommonJS output a relative `./x.js` becomes `./x.cjs`. */
function externalImports(format: "esm" | "cjs"): Plugin {
  return {
    name: "graphslice-external-imports",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        const path = format === "cjs" && RELATIVE_JS.test(args.path) ? args.path.replace(/\.js$/, ".cjs") : args.path;
        return { path, external: true };
      });
    },
  };
}

async function transpile(format: "esm" | "cjs", entryPoints: string[], sourceDir: string, outDir: string): Promise<void> {
  await build({
    entryPoints,
    outbase: sourceDir,
    outdir: outDir,
    absWorkingDir: sourceDir,
    bundle: true, // only so the plugin sees each import; every import stays external
    plugins: [externalImports(format)],
    format,
    platform: "neutral",
    target: "es2022",
    outExtension: { ".js": format === "cjs" ? ".cjs" : ".js" },
    // In CommonJS, `import("./x.cjs")` would hand back only `default` (Node cannot see the named
    // exports of esbuild's CommonJS output): modules loaded on demand (validation tables,
    // batching, the CAE claims parser, the Retry-After reader) become `require` behind a promise instead.
    ...(format === "cjs" ? { supported: { "dynamic-import": false } } : {}),
    logLevel: "warning",
    legalComments: "none",
  });
}

export async function buildSdk(entryPoints: string[], sourceDir: string, outDir: string): Promise<void> {
  await transpile("esm", entryPoints, sourceDir, outDir);
  const stage = await mkdtemp(join(tmpdir(), "graphslice-cjs-src-"));
  try {
    await cp(sourceDir, stage, { recursive: true });
    await writeFile(join(stage, "package.json"), '{ "type": "commonjs" }\n');
    await transpile("cjs", entryPoints.map((e) => join(stage, relative(sourceDir, e))), stage, outDir);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
