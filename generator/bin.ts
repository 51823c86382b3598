/**
 * The published `graphslice` command (`dist/bin.js`). The generator's toolchain (ts-morph, prettier,
 * swagger-parser, …) is an optional peer dependency, not a dependency, so that installing the SDK
 * brings one runtime package. This file checks the toolchain is installed before loading the
 * generator (`dist/cli.js`), and otherwise says exactly what to install.
 */
import { GENERATOR_TOOLCHAIN } from "./toolchain.js";
import { packageVersion, USAGE } from "./usage.js";

const command = process.argv[2];
if (command === "--version" || command === "-v") console.log(await packageVersion());
else if (command === undefined || command === "--help" || command === "-h" || command === "help") console.log(USAGE);
else {
  const missing = await missingToolchain();
  if (missing.length === 0) {
    const cli = (await import("./cli.js")) as typeof import("./cli.js");
    await cli.run(process.argv.slice(2));
  } else {
    const install = Object.entries(GENERATOR_TOOLCHAIN).map(([name, version]) => `${name}@${version}`).join(" ");
    console.error(
      `graphslice: the generator needs ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not installed.\n` +
        `The SDK itself needs none of them; the generator does. Install the toolchain it was tested with:\n\n` +
        `  npm install --save-dev --save-exact ${install}\n`,
    );
    process.exitCode = 1;
  }
}

async function missingToolchain(): Promise<string[]> {
  const missing: string[] = [];
  for (const name of Object.keys(GENERATOR_TOOLCHAIN)) {
    try {
      await import(name);
    } catch (error) {
      const notFound = (error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && String((error as Error).message).includes(`'${name}'`);
      if (!notFound) throw error;
      missing.push(name);
    }
  }
  return missing;
}
