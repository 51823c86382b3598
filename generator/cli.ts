/**
 * `graphslice` command line.
 *
 *   graphslice generate [--config graphslice.config.json] [--out dir] [--check] [--quiet]
 */
import { relative } from "node:path";
import { generate } from "./index.js";

const USAGE = `usage: graphslice generate [--config <file>] [--out <dir>] [--check] [--quiet]`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "generate") {
    console.error(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
    return 2;
  }
  const flags = parseFlags(rest, { config: "value", out: "value", check: "boolean", quiet: "boolean" });
  const quiet = flags.quiet === true;
  const result = await generate({
    configPath: flags.config as string | undefined,
    outDir: flags.out as string | undefined,
    check: flags.check === true,
    log: quiet ? undefined : (line) => console.error(line),
  });
  const shown = relative(process.cwd(), result.outDir) || ".";
  if (result.drift) {
    const { changed, missing, orphaned } = result.drift;
    const stale = [...changed.map((f) => `changed   ${f}`), ...missing.map((f) => `missing   ${f}`), ...orphaned.map((f) => `orphaned  ${f}`)];
    if (stale.length === 0) {
      console.log(`${shown}/ is up to date (${result.files.length} files)`);
      return 0;
    }
    console.log(`${shown}/ is stale; run \`npm run generate\`:\n${stale.map((s) => `  ${s}`).join("\n")}`);
    return 1;
  }
  console.log(`wrote ${result.files.length} files to ${shown}/`);
  return 0;
}

type FlagKinds = Record<string, "value" | "boolean">;

export function parseFlags(args: string[], kinds: FlagKinds): Record<string, string | boolean | undefined> {
  const flags: Record<string, string | boolean | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.replace(/^--/, "");
    if (!arg.startsWith("--") || !(name in kinds)) throw new UsageError(`unknown argument "${arg}"`);
    if (kinds[name] === "boolean") flags[name] = true;
    else {
      const value = args[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      flags[name] = value;
    }
  }
  return flags;
}

export class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : `graphslice: ${error.message}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
