/**
 * The local Graph-like HTTP server every runtime test uses. Per request: read the body, record it,
 * then the first matching queued fault, else a CORS preflight answer, else the throttle, else normal
 * handling (routes.ts) — always with Graph's standard headers.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { handleBatch, isBatchPath } from "./batch.js";
import { sendFault } from "./fault-responses.js";
import { FaultController } from "./faults.js";
import { Lifecycle, readBody, recordRequest, writeResponse, type RecordedRequest } from "./http-io.js";
import { errorResponse, graphHeaders, newRequestIds, type GraphResponse } from "./odata.js";
import { handleGraphRequest } from "./routes.js";
import { GraphStore } from "./store.js";

export type { RecordedRequest } from "./http-io.js";
export type { Fault, FaultMatch, FaultStats, ThrottleOptions } from "./faults.js";
export { FaultController } from "./faults.js";
export { GraphStore, StoreError, type Json, type JsonObject } from "./store.js";
export { JSON_CONTENT_TYPE } from "./odata.js";

export interface GraphServer {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** url + "/beta" */
  baseUrl: string;
  store: GraphStore;
  /** Every request received, in arrival order (faulted, throttled and preflight ones included). */
  requests: RecordedRequest[];
  faults: FaultController;
  /** Closes the server and destroys all open sockets (stalled ones included); pending stalls never fire. */
  close(): Promise<void>;
}

export interface GraphServerOptions {
  /** Server-driven page size when `$top` is absent (default 100). */
  pageSize?: number;
  /** CORS headers and preflight answers (default true). */
  cors?: boolean;
}

export const CORS_ALLOW_METHODS = "GET, POST, PATCH, DELETE, PUT";
export const CORS_ALLOW_HEADERS = "authorization, content-type, client-request-id, consistencylevel, if-match, prefer, sdkversion";
export const CORS_EXPOSE_HEADERS = "request-id, client-request-id, date, x-ms-ags-diagnostic, retry-after, location";

export async function startGraphServer(options: GraphServerOptions = {}): Promise<GraphServer> {
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new TypeError(`pageSize must be a positive integer, got ${pageSize}`);
  const cors = options.cors ?? true;
  const corsHeaders: Record<string, string> = cors
    ? { "access-control-allow-origin": "*", "access-control-expose-headers": CORS_EXPOSE_HEADERS }
    : {};
  const store = new GraphStore();
  const faults = new FaultController();
  const requests: RecordedRequest[] = [];
  const server = createServer();
  const lifecycle = new Lifecycle(server);
  const url = await lifecycle.listen();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const recorded = recordRequest(req, body);
    requests.push(recorded);
    const { method, rawPath, headers } = recorded;
    const ids = newRequestIds(headers["client-request-id"]);
    const baseHeaders = { ...graphHeaders(ids), ...corsHeaders };

    let processed: GraphResponse | undefined;
    const process = (): GraphResponse => {
      if (processed === undefined && method === "POST" && isBatchPath(rawPath)) {
        // Each item counts as its own write (batch.ts); the envelope is not one.
        processed = handleBatch({ body, headers, ids, serverUrl: url, pageSize, store, faults });
      } else if (processed === undefined) {
        processed = handleGraphRequest({ method, rawPath, headers, body, ids, serverUrl: url, pageSize, store });
        faults.recordOutcome(method, processed.status, headers["client-request-id"]);
      }
      return processed;
    };

    const fault = faults.take(method, rawPath, url); // OPTIONS only when the match names it
    if (fault !== undefined) {
      return sendFault(fault, { res, serverUrl: url, ids, graphHeaders: baseHeaders, corsHeaders, process, lifecycle });
    }
    if (cors && method === "OPTIONS") {
      const allowHeaders = headers["access-control-request-headers"] ?? CORS_ALLOW_HEADERS;
      return writeResponse(
        res,
        204,
        {
          ...baseHeaders,
          "access-control-allow-methods": CORS_ALLOW_METHODS,
          "access-control-allow-headers": allowHeaders,
          "access-control-max-age": "600",
        },
        "",
      );
    }

    const retryAfter = faults.checkThrottle(method);
    if (retryAfter !== undefined) {
      const throttled = errorResponse(
        429,
        "TooManyRequests",
        "Too many requests. Retry after the time given in the Retry-After header.",
        ids,
        {
          "retry-after": retryAfter,
        },
      );
      return writeResponse(res, 429, { ...baseHeaders, ...throttled.headers }, throttled.body);
    }
    const response = process();
    writeResponse(res, response.status, { ...baseHeaders, ...response.headers }, response.body);
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      const ids = newRequestIds(undefined);
      const failure = errorResponse(
        500,
        "InternalServerError",
        `Test server bug: ${(error as Error).stack ?? String(error)}`,
        ids,
      );
      writeResponse(res, 500, { ...graphHeaders(ids), ...corsHeaders, ...failure.headers }, failure.body);
    });
  });

  return {
    url,
    baseUrl: `${url}/beta`,
    store,
    requests,
    faults,
    close: () => lifecycle.close(),
  };
}
