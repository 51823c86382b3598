/**
 * The command line's usage text and version, apart from the generator so that the published
 * `graphslice --help` and `--version` work before its toolchain is installed.
 */
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const USAGE = `usage:
  graphslice generate [--config <file>] [--out <dir>] [--skip-type-check] [--check] [--quiet]
  graphslice generate --spec <file|url>... [--csdl <file|url>] --include <pattern>... [--overlay <file|url>...] --out <dir> [--name <slice>] [--prettier] [--skip-type-check] [--check] [--quiet]
  graphslice diff <old> <new> [--include <pattern>...] [--overlay <file|url>...] [--format markdown|json] [--current-version <x.y.z>] [--fail-on-breaking]
  graphslice --version`;

/** The version in package.json, one folder up from this file (generator/ from source, dist/ built). */
export async function packageVersion(): Promise<string> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  return (JSON.parse(await readFile(join(root, "package.json"), "utf8")) as { version: string }).version;
}
