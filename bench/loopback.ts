/** Start/stop the loopback server (loopback-server.ts) as a child process. */
import { spawn, type ChildProcess } from "node:child_process";
import { bundleFileForNode } from "./bundles.js";
import { BASE_PATH } from "./seed.js";

export interface Loopback {
  baseUrl: string;
  port: number;
  stats(): Promise<{ patches: number; rejected: number; problems: string[] }>;
  stop(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const script = await bundleFileForNode("loopback-server", "loopback-server.ts");
  const child: ChildProcess = spawn(process.execPath, [script, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`loopback server exited early (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
  });
  child.removeAllListeners("exit");
  const origin = `http://127.0.0.1:${port}`;
  return {
    baseUrl: `${origin}${BASE_PATH}`,
    port,
    async stats() {
      const response = await fetch(`${origin}/__stats`);
      return (await response.json()) as { patches: number; rejected: number; problems: string[] };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
