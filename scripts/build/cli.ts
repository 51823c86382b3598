/**
 * The published command line: `dist/cli.js` is the generator bundled into one ES module, its
 * toolchain (ts-morph, prettier, …) left as imports; `dist/bin.js` is the small entry `bin` names,
 * which checks that toolchain is installed before it loads `cli.js`. `cli.js` sits directly in
 * `dist/`, so the generator finds `package.json` and `templates/` one folder up, as from source.
 */
import { build } from "esbuild";
import { join } from "node:path";

export async function buildCli(rootDir: string, outDir: string): Promise<void> {
  const common = {
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    legalComments: "none",
  } as const;
  await build({ ...common, entryPoints: [join(rootDir, "generator/cli.ts")], outfile: join(outDir, "cli.js") });
  await build({
    ...common,
    entryPoints: [join(rootDir, "generator/bin.ts")],
    outfile: join(outDir, "bin.js"),
    banner: { js: "#!/usr/bin/env node" },
    external: ["./cli.js"],
  });
}
