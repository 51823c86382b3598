/**
 * The SDK's source tree as the package lays it out: generated/ as it is, and the hand-written
 * helpers (helpers/<slice>/…) under helpers/<slice>/ beside it, their `../../generated/` imports
 * pointing one level up instead, where the generated files now are. One tree, so the ESM, CommonJS
 * and declaration builds see helpers and generated code with the same relative imports as dist/.
 * It lives under node_modules/.cache so tsc resolves the SDK's dependencies from this repository.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

export async function stageSources(rootDir: string, outDir: string): Promise<string> {
  const stage = join(rootDir, "node_modules/.cache/graphslice-build-src");
  await rm(stage, { recursive: true, force: true });
  await mkdir(stage, { recursive: true });
  await cp(join(rootDir, "generated"), stage, { recursive: true });
  for (const entry of await readdir(join(rootDir, "helpers"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(stage, "helpers", from.slice(join(rootDir, "helpers").length));
    await mkdir(join(to, ".."), { recursive: true });
    await writeFile(to, (await readFile(from, "utf8")).replaceAll('"../../generated/', '"../../'));
  }
  const tsconfig = { extends: join(rootDir, "tsconfig.build.json"), compilerOptions: { rootDir: ".", outDir }, include: ["**/*.ts"] };
  await writeFile(join(stage, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
  return stage;
}
