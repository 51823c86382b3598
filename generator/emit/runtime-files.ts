/**
 * The runtime: `templates/*.ts` copied into `generated/runtime/` with the generated-file header.
 * The templates are real, type-checked TypeScript whose imports are already in their final form.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { compareStrings } from "../util/order.js";

export interface OutputFile {
  /** Path relative to the output directory, with `/` separators. */
  path: string;
  content: string;
  /** Run it through prettier (generated code); runtime files are already formatted. */
  format: boolean;
}

export async function runtimeFiles(templatesDir: string, header: string): Promise<OutputFile[]> {
  const names = (await readdir(templatesDir)).filter((n) => n.endsWith(".ts")).sort(compareStrings);
  return Promise.all(
    names.map(async (name) => ({ path: `runtime/${name}`, content: `${header}\n${await readFile(join(templatesDir, name), "utf8")}`, format: false })),
  );
}
