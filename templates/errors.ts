/**
 * GraphError: the one error type every failed call rejects with (except a caller's own abort, which
 * rejects with the signal's reason). Built from Graph's OData error body when there is one, and from
 * the raw text when there is not (an HTML page from a proxy, truncated JSON, an empty body).
 * It never holds the bearer token: nothing from the request headers is copied into it.
 */

/** One entry of an OData error's `details`. */
export interface GraphErrorDetail {
  code?: string;
  message?: string;
  target?: string | null;
  [key: string]: unknown;
}

export interface GraphErrorInit {
  status: number;
  code: string;
  message: string;
  method?: string;
  url?: string;
  target?: string | null;
  details?: GraphErrorDetail[];
  innerError?: Record<string, unknown>;
  headers?: Headers;
  clientRequestId?: string;
  body?: string;
  attempts?: number;
  throttled?: boolean;
  cause?: unknown;
}

export class GraphError extends Error {
  override readonly name = "GraphError";
  /** HTTP status; 0 when no response arrived (network failure, timeout, invalid input). */
  readonly status: number;
  /** Graph's error code (`ResourceNotFound`, `TooManyRequests`, …) or one of graphslice's own. */
  readonly code: string;
  readonly method: string | undefined;
  /** The request URL (never contains credentials). */
  readonly url: string | undefined;
  readonly target: string | null | undefined;
  readonly details: GraphErrorDetail[];
  readonly innerError: Record<string, unknown> | undefined;
  /** Graph's `request-id` for the failed attempt. */
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  /** The response's `date` header. */
  readonly date: string | undefined;
  /** The response's `Retry-After` header, verbatim. */
  readonly retryAfter: string | undefined;
  /** The response's `x-ms-ags-diagnostic` header (which Graph data centre answered). */
  readonly diagnostic: string | undefined;
  /** The response body exactly as received (empty when there was none). */
  readonly body: string;
  /** HTTP attempts made, including retries; 0 when nothing was sent (invalid input). */
  readonly attempts: number;
  /** True when any attempt was throttled (429, or 503/504 with Retry-After). */
  readonly throttled: boolean;

  constructor(init: GraphErrorInit) {
    const attempts = init.attempts ?? 0;
    // Every message says when retries happened or throttling was seen, so a log line alone explains it.
    const note = attempts > 1 || init.throttled ? ` (${init.throttled ? "throttled, " : ""}${attempts} attempt${attempts === 1 ? "" : "s"})` : "";
    super(init.message + note, init.cause === undefined ? undefined : { cause: init.cause });
    const h = init.headers;
    this.status = init.status;
    this.code = init.code;
    this.method = init.method;
    this.url = init.url;
    this.target = init.target;
    this.details = init.details ?? [];
    this.innerError = init.innerError;
    this.requestId = h?.get("request-id") ?? stringField(init.innerError, "request-id");
    this.clientRequestId = h?.get("client-request-id") ?? init.clientRequestId;
    this.date = h?.get("date") ?? stringField(init.innerError, "date");
    this.retryAfter = h?.get("retry-after") ?? undefined;
    this.diagnostic = h?.get("x-ms-ags-diagnostic") ?? undefined;
    this.body = init.body ?? "";
    this.attempts = attempts;
    this.throttled = init.throttled ?? false;
  }
}

function stringField(o: Record<string, unknown> | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === "string" ? v : undefined;
}

interface ODataErrorBody {
  error?: { code?: unknown; message?: unknown; target?: unknown; details?: unknown; innerError?: unknown };
}

/** Builds a GraphError from a non-success response's status, headers and raw body text. */
export function errorFromResponse(
  response: { status: number; statusText?: string; headers: Headers },
  body: string,
  context: Pick<GraphErrorInit, "method" | "url" | "clientRequestId" | "attempts" | "throttled">,
): GraphError {
  let parsed: ODataErrorBody | undefined;
  try {
    parsed = JSON.parse(body) as ODataErrorBody;
  } catch {
    // Not JSON (proxy HTML page, truncated text, empty): the raw text is kept in `body`.
  }
  const e = parsed?.error;
  const message =
    typeof e?.message === "string"
      ? e.message
      : `${response.status} ${response.statusText || "error"} with ${describeBody(response.headers, body)}`;
  return new GraphError({
    ...context,
    status: response.status,
    code: typeof e?.code === "string" ? e.code : `http${response.status}`,
    message: `${context.method} ${context.url} failed: ${message}`,
    target: typeof e?.target === "string" ? e.target : undefined,
    details: Array.isArray(e?.details) ? e.details : undefined,
    innerError: e?.innerError && typeof e.innerError === "object" ? (e.innerError as Record<string, unknown>) : undefined,
    headers: response.headers,
    body,
  });
}

/** A short description of a body that is not an OData error, for messages. */
export function describeBody(headers: Headers, body: string): string {
  const type = headers.get("content-type") || "no content type";
  return body ? `a ${type} body of ${body.length} characters` : `an empty body (${type})`;
}
