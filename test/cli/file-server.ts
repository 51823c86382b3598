/**
 * A file server on 127.0.0.1 for the command line's URL inputs: serves one folder and its
 * subfolders, records every path asked for, and answers 404 for anything else (a path that would
 * leave the folder included).
 */
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve, sep } from "node:path";

export interface FileServer {
  url: string;
  asked: string[];
  close(): Promise<void>;
}

export async function serveFolder(dir: string): Promise<FileServer> {
  const asked: string[] = [];
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    asked.push(path);
    try {
      const file = resolve(dir, `.${decodeURIComponent(path)}`);
      if (!file.startsWith(resolve(dir) + sep)) throw new Error(`${path} is outside the folder`);
      const body = await readFile(file);
      res.writeHead(200, { "content-type": path.endsWith(".xml") ? "application/xml" : "application/yaml" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
