/**
 * Type declarations: tsc writes `.d.ts` next to the ESM build; each is copied to a `.d.cts` whose
 * relative imports name the `.cjs` files, so TypeScript under NodeNext types a `require` with the
 * CommonJS declarations (no "masquerading as ESM").
 */
import { spawnSync } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createRequire } from "node:module";

const RELATIVE_SPECIFIER = /((?:from|import)\s*\(?\s*)(["'])(\.{1,2}\/[^"']*?)\.js\2/g;

export function toCommonJsDeclaration(source: string): string {
  return source.replace(RELATIVE_SPECIFIER, (_, lead: string, quote: string, path: string) => `${lead}${quote}${path}.cjs${quote}`);
}

export async function buildDeclarations(rootDir: string, tsconfig: string, outDir: string): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", tsconfig], { cwd: rootDir, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`tsc -p ${tsconfig} failed:\n${result.stdout}${result.stderr}`);
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
    const path = join(entry.parentPath, entry.name);
    await writeFile(path.replace(/\.d\.ts$/, ".d.cts"), toCommonJsDeclaration(await readFile(path, "utf8")));
  }
}
