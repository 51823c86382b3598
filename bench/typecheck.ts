/**
 * (e) Consumer type-check: `tsc --noEmit --extendedDiagnostics` on a one-file consumer project per
 * client (the same bench/consumers/*.ts that is bundled and run; graphslice against its built
 * package declarations, as an npm consumer gets it), strict, skipLibCheck, TypeScript 5.9.3. Wall time (spawn to exit) and peak RSS of the tsc process, clients interleaved across
 * repetitions; ratios to the bare-fetch consumer. A consumer that does not type-check is an error.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { REPO_DIR, WORK_DIR, consumerPath, type ClientId, type ClientInfo } from "./clients.js";
import { runMeasured } from "./process-metrics.js";
import { median, ratio, rotate } from "./stats.js";

const DIST_INDEX = join(REPO_DIR, "dist", "index.js");

export interface TypecheckResult {
  id: ClientId;
  label: string;
  wallMs: number[];
  maxRssMiB: number[];
  medianWallMs: number;
  medianMaxRssMiB: number;
  wallRatio: number;
  memoryRatio: number;
  /** From --extendedDiagnostics (last run). */
  diagnostics: Record<string, string>;
  error?: string;
}

export function tscPath(): string {
  return join(dirname(fileURLToPath(import.meta.resolve("typescript"))), "tsc.js");
}

/**
 * graphslice is type-checked the way an npm consumer gets it: against the package's built
 * declarations (dist/, `npm run build`), not the generated sources the bundle and run steps compile.
 * The consumer file is the same except for its import specifier.
 */
function consumerFor(client: ClientInfo, dir: string): string {
  if (client.id !== "graphslice") return relative(dir, consumerPath(client));
  const source = readFileSync(consumerPath(client), "utf8").replace(/from "(\.\.\/)+generated\/index\.ts"/, `from ${JSON.stringify(relative(dir, DIST_INDEX))}`);
  writeFileSync(join(dir, "consumer.ts"), source);
  return "consumer.ts";
}

function writeProject(client: ClientInfo): string {
  const dir = join(WORK_DIR, "typecheck", client.id);
  mkdirSync(dir, { recursive: true });
  const tsconfig = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      lib: ["ES2022", "DOM"],
      types: [],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      allowImportingTsExtensions: true,
    },
    files: [consumerFor(client, dir)],
  };
  writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
  return dir;
}

function parseDiagnostics(stdout: string): Record<string, string> {
  const keep = ["Files", "Lines of Library", "Lines of Definitions", "Lines of TypeScript", "Memory used", "Check time", "Total time"];
  const out: Record<string, string> = {};
  for (const line of stdout.split("\n")) {
    const match = /^([A-Za-z ]+):\s+(.+)$/.exec(line.trim());
    if (match && keep.includes(match[1]!)) out[match[1]!] = match[2]!.trim();
  }
  return out;
}

export async function measureTypecheck(options: { clients: readonly ClientInfo[]; reps: number; log?: (line: string) => void }): Promise<TypecheckResult[]> {
  const tsc = tscPath();
  // A fresh build, so graphslice's declarations match the generated code being measured.
  if (options.clients.some((c) => c.id === "graphslice")) execFileSync(process.execPath, ["--import", "tsx", join(REPO_DIR, "scripts/build.ts")], { cwd: REPO_DIR, stdio: "ignore" });
  const results = new Map<ClientId, TypecheckResult>();
  const projects = new Map<ClientId, string>();
  for (const client of options.clients) {
    projects.set(client.id, writeProject(client));
    results.set(client.id, {
      id: client.id,
      label: client.label,
      wallMs: [],
      maxRssMiB: [],
      medianWallMs: Number.NaN,
      medianMaxRssMiB: Number.NaN,
      wallRatio: Number.NaN,
      memoryRatio: Number.NaN,
      diagnostics: {},
    });
  }
  for (let rep = 0; rep < options.reps; rep++) {
    for (const client of rotate(options.clients, rep)) {
      const result = results.get(client.id)!;
      if (result.error) continue;
      const run = await runMeasured(process.execPath, [tsc, "-p", projects.get(client.id)!, "--noEmit", "--extendedDiagnostics"]);
      if (run.code !== 0) {
        const errors = run.stdout.split("\n").filter((l) => l.includes("error TS")).slice(0, 5).join("\n");
        result.error = `tsc exited ${run.code}: ${(errors || run.stderr || run.stdout).slice(0, 800)}`;
        options.log?.(`  typecheck ${client.id} failed: ${result.error}`);
        continue;
      }
      result.wallMs.push(run.wallMs);
      if (run.maxRssKiB !== undefined) result.maxRssMiB.push(run.maxRssKiB / 1024);
      result.diagnostics = parseDiagnostics(run.stdout);
      options.log?.(`  typecheck rep ${rep + 1}/${options.reps} ${client.id}: ${run.wallMs.toFixed(0)} ms, ${((run.maxRssKiB ?? Number.NaN) / 1024).toFixed(0)} MiB`);
    }
  }
  for (const r of results.values()) {
    r.medianWallMs = median(r.wallMs);
    r.medianMaxRssMiB = median(r.maxRssMiB);
  }
  const bare = results.get("bare-fetch");
  for (const r of results.values()) {
    r.wallRatio = ratio(r.medianWallMs, bare?.medianWallMs);
    r.memoryRatio = ratio(r.medianMaxRssMiB, bare?.medianMaxRssMiB);
  }
  return [...results.values()];
}
