/**
 * A second, "foreign" server on its own port: records every request with all its headers (to prove an
 * Authorization header never leaks to another origin) and answers 200 with a small Graph-like list
 * body unless `respond` says otherwise. Sends `Access-Control-Allow-Origin: *` so browsers can read it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { Lifecycle, readBody, recordRequest, writeResponse, type RecordedRequest } from "./http-io.js";
import { JSON_CONTENT_TYPE } from "./odata.js";

export interface RecordingResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export interface RecordingServerOptions {
  respond?: (req: RecordedRequest) => RecordingResponse | Promise<RecordingResponse>;
}

export const DEFAULT_RECORDING_BODY = JSON.stringify({ value: [] });

export async function startRecordingServer(options: RecordingServerOptions = {}): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer();
  const lifecycle = new Lifecycle(server);
  const url = await lifecycle.listen();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorded = recordRequest(req, await readBody(req));
    requests.push(recorded);
    const answer = options.respond === undefined ? {} : await options.respond(recorded);
    const custom = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const headers: Record<string, string> = {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": "GET, POST, PATCH, DELETE, PUT",
      "access-control-allow-headers": recorded.headers["access-control-request-headers"] ?? "*",
      "content-type": JSON_CONTENT_TYPE,
      ...custom,
    };
    writeResponse(res, answer.status ?? 200, headers, answer.body ?? DEFAULT_RECORDING_BODY);
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      writeResponse(res, 500, { "content-type": "text/plain" }, `Recording server: respond() failed: ${String(error)}`);
    });
  });

  return { url, requests, close: () => lifecycle.close() };
}
