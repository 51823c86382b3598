/**
 * How each fault kind looks on the wire. Every writer gets the same context: the response, the
 * headers Graph would send, and `process()` to run the request normally (at most once) when the fault
 * applies it or needs the real response.
 */
import type { ServerResponse } from "node:http";
import type { Fault } from "./faults.js";
import { writeResponse, type Lifecycle } from "./http-io.js";
import {
  defaultErrorCode,
  defaultErrorMessage,
  errorBody,
  JSON_CONTENT_TYPE,
  sampleListBody,
  type GraphResponse,
  type RequestIds,
} from "./odata.js";

export interface FaultContext {
  res: ServerResponse;
  serverUrl: string;
  ids: RequestIds;
  /** Graph's standard headers plus CORS headers. */
  graphHeaders: Record<string, string>;
  /** CORS headers only: what a proxy's own page carries. */
  corsHeaders: Record<string, string>;
  /** Runs the request normally; memoised, so the store is changed at most once. */
  process: () => GraphResponse;
  lifecycle: Lifecycle;
}

const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

export const HTML_PAGE = (status: number): string =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n<hr><center>edge-proxy</center>\r\n</body>\r\n</html>\r\n`;

export const NOT_JSON_BODY = "Service temporarily unavailable: maintenance in progress. Please retry later.\n";

function lowerCased(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}

function send(ctx: FaultContext, response: GraphResponse): void {
  writeResponse(ctx.res, response.status, { ...ctx.graphHeaders, ...response.headers }, response.body);
}

/** The JSON a cut-off body is taken from: the real response when applied (and non-empty), else a sample list. */
function sourceBody(ctx: FaultContext, apply: boolean | undefined): Buffer {
  const real = apply === true ? ctx.process().body : "";
  return Buffer.from(real !== "" ? real : sampleListBody(ctx.serverUrl));
}

function halfOf(body: Buffer): Buffer {
  return body.subarray(0, Math.max(1, Math.floor(body.length / 2)));
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

function hugeItem(index: number): string {
  const id = `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
  return `{"@odata.type":"#microsoft.graph.deviceManagementConfigurationPolicyAssignment","id":"${id}","source":"direct","sourceId":null,"target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":"group-${index}"}}`;
}

/** Streams (chunked, with backpressure) a valid list page of at least `bytes` bytes. */
async function streamHuge(ctx: FaultContext, bytes: number): Promise<void> {
  const { res } = ctx;
  res.writeHead(200, { ...ctx.graphHeaders, "content-type": JSON_CONTENT_TYPE });
  let written = 0;
  let index = 0;
  const write = async (text: string): Promise<void> => {
    written += text.length; // ASCII only
    if (!res.write(text)) await drained(res);
  };
  await write(
    `{"@odata.context":"${ctx.serverUrl}/beta/$metadata#Collection(microsoft.graph.deviceManagementConfigurationPolicyAssignment)","value":[`,
  );
  while (written + 2 < bytes && !res.destroyed) {
    let chunk = "";
    while (chunk.length < 65536 && written + chunk.length + 2 < bytes) {
      chunk += (index === 0 ? "" : ",") + hugeItem(index);
      index += 1;
    }
    await write(chunk);
  }
  if (!res.destroyed) res.end("]}");
}

/** Writes the response for `fault` (possibly later, or never for an endless stall). */
export function sendFault(fault: Fault, ctx: FaultContext): Promise<void> | void {
  const { res } = ctx;
  switch (fault.kind) {
    case "status": {
      if (fault.apply === true) ctx.process();
      const headers: Record<string, string> = { ...ctx.graphHeaders, "content-type": JSON_CONTENT_TYPE };
      if (fault.status === 401) headers["www-authenticate"] = WWW_AUTHENTICATE;
      if (fault.retryAfter !== undefined) headers["retry-after"] = fault.retryAfter;
      const body = fault.body ?? errorBody(defaultErrorCode(fault.status), defaultErrorMessage(fault.status), ctx.ids);
      return writeResponse(res, fault.status, { ...headers, ...lowerCased(fault.headers) }, body);
    }
    case "reset": {
      const body = sourceBody(ctx, fault.apply);
      res.writeHead(200, {
        ...ctx.graphHeaders,
        "content-type": JSON_CONTENT_TYPE,
        "content-length": String(body.length + 1024),
      });
      res.write(halfOf(body), () => res.socket?.destroy());
      return;
    }
    case "stall": {
      const early = fault.apply === true ? ctx.process() : undefined;
      if (fault.ms !== undefined) ctx.lifecycle.schedule(fault.ms, () => send(ctx, early ?? ctx.process()));
      return;
    }
    case "html": {
      if (fault.apply === true) ctx.process();
      const status = fault.status ?? 502;
      const headers = { ...ctx.corsHeaders, "content-type": "text/html; charset=utf-8" };
      return writeResponse(res, status, headers, HTML_PAGE(status));
    }
    case "truncated": {
      const cut = halfOf(sourceBody(ctx, fault.apply));
      res.writeHead(200, {
        ...ctx.graphHeaders,
        "content-type": JSON_CONTENT_TYPE,
        "content-length": String(cut.length),
      });
      res.end(cut);
      return;
    }
    case "empty":
      if (fault.apply === true) ctx.process();
      return writeResponse(res, fault.status ?? 200, { ...ctx.graphHeaders, "content-type": JSON_CONTENT_TYPE }, "");
    case "wrongContentType":
      if (fault.apply === true) ctx.process();
      return writeResponse(res, 200, { ...ctx.graphHeaders, "content-type": "text/plain" }, NOT_JSON_BODY);
    case "huge":
      return streamHuge(ctx, fault.bytes ?? 10 * 1024 * 1024);
    case "redirect":
      if (fault.apply === true) ctx.process();
      return writeResponse(res, fault.status, { ...ctx.graphHeaders, location: fault.location }, "");
    case "nextLink": {
      const response = ctx.process();
      const isJson = response.headers["content-type"] === JSON_CONTENT_TYPE;
      if (response.status < 200 || response.status > 299 || !isJson) return send(ctx, response);
      const page = JSON.parse(response.body) as Record<string, unknown>;
      const { value, ...rest } = page;
      const body = JSON.stringify({ ...rest, "@odata.nextLink": fault.url, value: Array.isArray(value) ? value : [] });
      return send(ctx, { ...response, body });
    }
  }
}
