/**
 * Runs one sweep entry: the generator in a child process (generate-one.ts), then `tsc --strict`
 * over what it wrote.
 */
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { outDirOf, ROOT, type ModuleRun } from "./runs.js";

export interface RunResult {
  outDir: string;
  generated: boolean;
  ms: number;
  rssMb: number;
  operations?: number;
  types?: number;
  warnings?: string[];
  stages?: Record<string, number>;
  error?: string;
  typeChecked?: { ok: boolean; errors: number; ms: number; firstErrors: string[] };
}

const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");

export function generateRun(run: ModuleRun): RunResult {
  const outDir = outDirOf(run);
  rmSync(outDir, { recursive: true, force: true });
  const child = spawnSync(process.execPath, ["--max-old-space-size=4096", TSX, join(ROOT, "scripts/sweep/generate-one.ts"), outDir, run.csdl ?? "-", ...run.specs], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const line = child.stdout.trim().split("\n").at(-1) ?? "";
  try {
    const parsed = JSON.parse(line) as { ok: boolean; error?: string } & Omit<RunResult, "outDir" | "generated">;
    return { outDir, generated: parsed.ok, ...parsed };
  } catch {
    return { outDir, generated: false, ms: 0, rssMb: 0, error: (child.stderr || line).trim().split("\n").slice(-3).join(" ").slice(0, 300) };
  }
}

/** `tsc --strict` over a generated SDK (lib checks skipped, as a consumer's build does by default for dependencies). */
export function typeCheck(outDir: string): NonNullable<RunResult["typeChecked"]> {
  writeFileSync(join(outDir, "tsconfig.json"), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: true, lib: ["ES2022", "DOM"], types: [] },
    include: ["**/*.ts"],
  }));
  const start = performance.now();
  const child = spawnSync(process.execPath, ["--max-old-space-size=8192", TSC, "-p", outDir], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const errors = child.stdout.split("\n").filter((l) => /error TS\d+/.test(l));
  return { ok: child.status === 0, errors: errors.length, ms: Math.round(performance.now() - start), firstErrors: errors.slice(0, 5) };
}
