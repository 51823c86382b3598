/**
 * Graph/OData response building blocks: the JSON content type, per-request ids and standard headers,
 * Graph-shaped error bodies, and the `GraphResponse` value every route returns.
 */
import { randomUUID } from "node:crypto";

export const JSON_CONTENT_TYPE =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/** A complete response, computed before anything is written (so faults can replace or cut it). */
export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Ids and timestamp shared by a response's headers and its error body. */
export interface RequestIds {
  requestId: string;
  clientRequestId: string;
  date: Date;
}

/** Thrown anywhere while handling a request; turned into a Graph error response. */
export class ODataHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ODataHttpError";
  }
}

export function newRequestIds(clientRequestId: string | undefined): RequestIds {
  return {
    requestId: randomUUID(),
    clientRequestId: clientRequestId !== undefined && clientRequestId !== "" ? clientRequestId : randomUUID(),
    date: new Date(),
  };
}

const DIAGNOSTIC = JSON.stringify({
  ServerInfo: {
    DataCenter: "Loopback",
    Slice: "E",
    Ring: "0",
    ScaleUnit: "000",
    RoleInstance: "GRAPHSLICE-TEST",
    ADSiteName: "LBK",
  },
});

/** Headers Graph puts on every response it produces itself. */
export function graphHeaders(ids: RequestIds): Record<string, string> {
  return {
    "request-id": ids.requestId,
    "client-request-id": ids.clientRequestId,
    date: ids.date.toUTCString(),
    "x-ms-ags-diagnostic": DIAGNOSTIC,
    "odata-version": "4.0",
    "cache-control": "no-cache",
  };
}

const DEFAULT_CODES: Record<number, string> = {
  400: "BadRequest",
  401: "InvalidAuthenticationToken",
  403: "Forbidden",
  404: "ResourceNotFound",
  405: "MethodNotAllowed",
  409: "Conflict",
  412: "PreconditionFailed",
  415: "UnsupportedMediaType",
  429: "TooManyRequests",
  500: "InternalServerError",
  501: "NotImplemented",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

const DEFAULT_MESSAGES: Record<number, string> = {
  401: "Access token is empty or invalid.",
  403: "Insufficient privileges to complete the operation.",
  429: "Too many requests. Retry after the time given in the Retry-After header.",
  500: "An internal server error occurred.",
  502: "Bad gateway.",
  503: "The service is temporarily unavailable. Please retry later.",
  504: "The gateway timed out waiting for the service.",
};

export function defaultErrorCode(status: number): string {
  return DEFAULT_CODES[status] ?? "UnknownError";
}

export function defaultErrorMessage(status: number): string {
  return DEFAULT_MESSAGES[status] ?? `Request failed with status ${status}.`;
}

/** `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}` exactly as Graph shapes it. */
export function errorBody(code: string, message: string, ids: RequestIds): string {
  return JSON.stringify({
    error: {
      code,
      message,
      innerError: {
        date: ids.date.toISOString().slice(0, 19),
        "request-id": ids.requestId,
        "client-request-id": ids.clientRequestId,
      },
    },
  });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  ids: RequestIds,
  headers: Record<string, string> = {},
): GraphResponse {
  return { status, headers: { "content-type": JSON_CONTENT_TYPE, ...headers }, body: errorBody(code, message, ids) };
}

export function jsonResponse(status: number, value: unknown, headers: Record<string, string> = {}): GraphResponse {
  return { status, headers: { "content-type": JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function textResponse(status: number, body: string, contentType = "text/plain"): GraphResponse {
  return { status, headers: { "content-type": contentType }, body };
}

export function emptyResponse(status: number, headers: Record<string, string> = {}): GraphResponse {
  return { status, headers, body: "" };
}

/** A small but realistic list body, used by faults that need JSON to cut when no real response is at hand. */
export function sampleListBody(serverUrl: string): string {
  const value = Array.from({ length: 4 }, (_, i) => ({
    "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
    id: `00000000-0000-4000-8000-00000000000${i}`,
    source: "direct",
    sourceId: null,
    target: { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: `group-${i}` },
  }));
  return JSON.stringify({ "@odata.context": `${serverUrl}/beta/$metadata#sample`, value });
}
