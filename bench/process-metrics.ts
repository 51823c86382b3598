/**
 * Run a command and measure it: wall time (process.hrtime.bigint around the whole child) and peak
 * memory (max RSS), from `/usr/bin/time -v` when present, else, for `node` commands, from a preload
 * that reports process.resourceUsage().maxRSS when the child exits.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { WORK_DIR } from "./clients.js";
import { msSince, nowNs } from "./stats.js";

export interface MeasuredRun {
  code: number | null;
  wallMs: number;
  maxRssKiB: number | undefined;
  stdout: string;
  stderr: string;
}

const TIME_BIN = "/usr/bin/time";
const RSS_MARK = "__BENCH_MAXRSS_KIB=";

function rssPreload(): string {
  const file = join(WORK_DIR, "maxrss-preload.mjs");
  if (!existsSync(file)) {
    mkdirSync(WORK_DIR, { recursive: true });
    // Written at run time: prints the peak RSS of this node process on exit (kB on Linux).
    writeFileSync(
      file,
      `import { writeSync } from "node:fs";\nprocess.on("exit", () => { writeSync(2, "\\n${RSS_MARK}" + process.resourceUsage().maxRSS + "\\n"); });\n`,
    );
  }
  return pathToFileURL(file).href;
}

export function runMeasured(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<MeasuredRun> {
  const useTime = existsSync(TIME_BIN);
  const isNode = command === process.execPath || command === "node";
  const argv = useTime ? ["-v", command, ...args] : isNode ? ["--import", rssPreload(), ...args] : args;
  const bin = useTime ? TIME_BIN : command;
  return new Promise((resolve, reject) => {
    const start = nowNs();
    const child = spawn(bin, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = msSince(start);
      let maxRssKiB: number | undefined;
      const timeMatch = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const markMatch = new RegExp(`${RSS_MARK}(\\d+)`).exec(stderr);
      if (timeMatch) maxRssKiB = Number(timeMatch[1]);
      else if (markMatch) maxRssKiB = Number(markMatch[1]);
      if (useTime) stderr = stderr.replace(/\n?\s*Command being timed:[\s\S]*$/, "");
      resolve({ code, wallMs, maxRssKiB, stdout, stderr });
    });
  });
}

/** Runs a worker script with node and resolves with the JSON object on the last line it prints. */
export function runJsonWorker<T>(script: string, args: string[], label: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) return reject(new Error(`${label} exited ${code}: ${(err || out).trim().slice(0, 500)}`));
      resolve(JSON.parse(line) as T);
    });
  });
}
