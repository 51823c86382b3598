/**
 * Runs the graphslice command line from source (`node --import tsx generator/cli.ts …`) as a real
 * child process, and resolves with its exit code and output, whether it failed or not.
 */
import { execFile } from "node:child_process";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** tsx's loader by URL, so a child started in another folder (a temporary project) finds it. */
export const TSX = import.meta.resolve("tsx");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = REPO): Promise<CliResult> {
  return runNode(["--import", TSX, join(REPO, "generator/cli.ts"), ...args], cwd);
}

export function runNode(args: string[], cwd = REPO): Promise<CliResult> {
  return new Promise((done) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 32 * 1024 * 1024, timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === "number" ? (error as { code: number }).code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}
