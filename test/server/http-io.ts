/**
 * Plumbing shared by the Graph server and the recording server: reading and recording requests,
 * writing complete responses, binding to 127.0.0.1 on an ephemeral port, and closing promptly
 * (every open socket destroyed, pending timers cleared).
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  /** The request-target exactly as received on the wire, e.g. "/beta/deviceManagement/...?$top=2". */
  rawPath: string;
  /** Lower-cased names; repeated headers joined with ", " (cookies with "; "). */
  headers: Record<string, string>;
  body: string;
  /** Date.now() when the request (headers and body) had been fully received. */
  receivedAt: number;
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function recordRequest(req: IncomingMessage, body: string): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { method: req.method ?? "", rawPath: req.url ?? "", headers, body, receivedAt: Date.now() };
}

/** Writes a whole response with an exact Content-Length (none for 204/304). No-op if the socket is gone. */
export function writeResponse(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  if (res.destroyed || res.headersSent) return;
  const bodiless = status === 204 || status === 304 || (status >= 100 && status < 200);
  const all = bodiless ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) };
  res.writeHead(status, all);
  res.end(bodiless ? undefined : body);
}

/** Keeps track of sockets and timers so `close()` can end everything, including stalled requests. */
export class Lifecycle {
  readonly #sockets = new Set<Socket>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #closing: Promise<void> | undefined;

  constructor(private readonly server: Server) {
    server.on("connection", (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  get closed(): boolean {
    return this.#closing !== undefined;
  }

  /** Runs `fn` after `ms` unless the server is closed first. */
  schedule(ms: number, fn: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, ms);
    this.#timers.add(timer);
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Stops listening, destroys every socket (stalled ones too) and resolves once the server is closed. */
  close(): Promise<void> {
    if (this.#closing !== undefined) return this.#closing;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.#sockets) socket.destroy();
    return this.#closing;
  }
}
