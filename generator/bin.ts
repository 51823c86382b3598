/**
 * The published `graphslice` command (`dist/bin.js`). The generator's toolchain (ts-morph, prettier,
 * swagger-parser, …) is not a dependency of the package, so that installing the SDK brings one
 * runtime package (see generator/toolchain.ts). This file finds the toolchain in the project before
 * loading the generator (`dist/cli.js`): a missing package is named with the exact install line, and
 * a version other than the tested one is warned about (formatting, and so `--check`, may differ).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATOR_TOOLCHAIN } from "./toolchain.js";
import { packageVersion, USAGE } from "./usage.js";

const INSTALL = `npm install --save-dev --save-exact ${Object.entries(GENERATOR_TOOLCHAIN).map(([name, version]) => `${name}@${version}`).join(" ")}`;

const command = process.argv[2];
if (command === "--version" || command === "-v") console.log(await packageVersion());
else if (command === undefined || command === "--help" || command === "-h" || command === "help") console.log(USAGE);
else {
  const missing = await missingToolchain();
  if (missing.length === 0) {
    for (const line of versionWarnings()) console.error(line);
    const cli = (await import("./cli.js")) as typeof import("./cli.js");
    await cli.run(process.argv.slice(2));
  } else {
    console.error(
      `graphslice: the generator needs ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not installed.\n` +
        `The SDK itself needs none of them; the generator does. Install the toolchain it was tested with:\n\n  ${INSTALL}\n`,
    );
    process.exitCode = 1;
  }
}

/** Toolchain packages that cannot be resolved from here. Resolving, not loading: loading them all costs ~1 s. */
async function missingToolchain(): Promise<string[]> {
  const resolveFromHere = createRequire(import.meta.url).resolve;
  return Object.keys(GENERATOR_TOOLCHAIN).filter((name) => {
    try {
      resolveFromHere(name);
      return false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "MODULE_NOT_FOUND") throw error;
      return true;
    }
  });
}

function versionWarnings(): string[] {
  const warnings: string[] = [];
  for (const [name, tested] of Object.entries(GENERATOR_TOOLCHAIN)) {
    const found = installedVersion(name);
    if (found !== undefined && found !== tested) {
      warnings.push(`graphslice: warning: ${name} ${found} is installed; the generator is tested with ${tested}, and output (so --check) may differ. ${INSTALL}`);
    }
  }
  return warnings;
}

/** The version in the package.json above the module a bare import of `name` resolves to. */
function installedVersion(name: string): string | undefined {
  const resolve = (import.meta as { resolve?: (specifier: string) => string }).resolve;
  if (typeof resolve !== "function") return undefined; // Node before 20.6
  try {
    for (let dir = dirname(fileURLToPath(resolve(name))); dir !== dirname(dir); dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version;
      } catch {
        // no package.json here; go up
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}
