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
  /** HTTP status; 0 when no response arrived (network failure, timeout, invalid input). */
  declare readonly status: number;
  /** Graph's error code (`ResourceNotFound`, `TooManyRequests`, …) or one of graphslice's own. */
  declare readonly code: string;
  declare readonly method: string | undefined;
  /** The request URL (never contains credentials). */
  declare readonly url: string | undefined;
  declare readonly target: string | null | undefined;
  declare readonly details: GraphErrorDetail[];
  declare readonly innerError: Record<string, unknown> | undefined;
  /** Graph's `request-id` for the failed attempt. */
  declare readonly requestId: string | undefined;
  declare readonly clientRequestId: string | undefined;
  /** The response's `date` header. */
  declare readonly date: string | undefined;
  /** The response's `Retry-After` header, verbatim. */
  declare readonly retryAfter: string | undefined;
  /** The response's `x-ms-ags-diagnostic` header (which Graph data centre answered). */
  declare readonly diagnostic: string | undefined;
  /** The response body exactly as received (empty when there was none). */
  declare readonly body: string;
  /** HTTP attempts made, including retries; 0 when nothing was sent (invalid input). */
  declare readonly attempts: number;
  /** True when any attempt was throttled (429, or 503/504 with Retry-After). */
  declare readonly throttled: boolean;

  constructor({ headers, attempts = 0, throttled = false, innerError, cause, message, ...init }: GraphErrorInit) {
    // Every message says when retries happened or throttling was seen, so a log line alone explains it.
    const note = attempts > 1 || throttled ? ` (${throttled ? "throttled, " : ""}${attempts} attempt${attempts === 1 ? "" : "s"})` : "";
    super(message + note, { cause });
    // A header of the failed response, else a field of Graph's innerError (which repeats some of them).
    const pick = (name: string) => headers?.get(name) ?? (typeof innerError?.[name] === "string" ? (innerError[name] as string) : undefined);
    Object.assign(this, {
      name: "GraphError",
      ...init,
      details: init.details ?? [],
      body: init.body ?? "",
      innerError,
      attempts,
      throttled,
      requestId: pick("request-id"),
      clientRequestId: headers?.get("client-request-id") ?? init.clientRequestId,
      date: pick("date"),
      retryAfter: pick("retry-after"),
      diagnostic: pick("x-ms-ags-diagnostic"),
    });
  }
}

/** Builds a GraphError from a non-success response's status, headers and raw body text. */
export function errorFromResponse(
  response: { status: number; statusText?: string; headers: Headers },
  body: string,
  context: Pick<GraphErrorInit, "method" | "url" | "clientRequestId" | "attempts" | "throttled">,
): GraphError {
  let error: Record<string, unknown> | undefined;
  try {
    error = JSON.parse(body).error;
  } catch {
    // Not JSON (proxy HTML page, truncated text, empty): the raw text is kept in `body`.
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const { status, headers } = response;
  return new GraphError({
    ...context,
    status,
    code: text(error?.code) ?? `http${status}`,
    message: `${context.method} ${context.url} failed: ${text(error?.message) ?? `${status} ${response.statusText || "error"} with ${describeBody(headers, body)}`}`,
    target: text(error?.target),
    details: Array.isArray(error?.details) ? error.details : undefined,
    innerError: typeof error?.innerError === "object" && error.innerError ? (error.innerError as Record<string, unknown>) : undefined,
    headers,
    body,
  });
}

/** A short description of a body that is not an OData error, for messages. */
export function describeBody(headers: Headers, body: string): string {
  const type = headers.get("content-type") || "no content type";
  return body ? `a ${type} body of ${body.length} characters` : `an empty body (${type})`;
}
