/**
 * GraphError: the one error type every failed call rejects with (except a caller's own abort, which
 * rejects with the signal's reason). Built from Graph's OData error body when there is one, and from
 * the raw text when there is not (an HTML page from a proxy, truncated JSON, an empty body).
 *
 * It holds exactly the fields declared below, all plain data: no Response, no Headers, no request.
 * Every text in it (message, stack, body, fields copied from headers, details, innerError, cause) is
 * masked with the secrets of the call, so a token echoed back by a service never shows (see mask.ts).
 */
import { maskCause, maskText, maskValue } from "./mask.js";

/** The codes graphslice itself gives; Graph's own codes (`ResourceNotFound`, …) come on top. */
export type GraphsliceErrorCode =
  | "invalidRequest"
  | "invalidRequestBody"
  | "invalidResponse"
  | "authenticationFailed"
  | "foreignUrl"
  | "invalidRedirect"
  | "redirectNotFollowed"
  | "tooManyRedirects"
  | "tooManyPages"
  | "timeout"
  | "networkError"
  | "moduleNotLoaded"
  | "notBatchable"
  | "failedDependency"
  | `http${number}`;

/** A GraphError's code: one of graphslice's own, or any code Graph sends. */
export type GraphErrorCode = GraphsliceErrorCode | (string & {});

/** One entry of an OData error's `details`. */
export interface GraphErrorDetail {
  code?: string | undefined;
  message?: string | undefined;
  target?: string | null | undefined;
  [key: string]: unknown;
}

export interface GraphErrorInit {
  status: number;
  code: GraphErrorCode;
  message: string;
  method?: string | undefined;
  url?: string | undefined;
  target?: string | null | undefined;
  details?: GraphErrorDetail[] | undefined;
  innerError?: Record<string, unknown> | undefined;
  /** Read for `request-id`, `date`, `Retry-After`, `x-ms-ags-diagnostic`; not kept. */
  headers?: Headers | undefined;
  clientRequestId?: string | undefined;
  body?: string | undefined;
  attempts?: number | undefined;
  throttled?: boolean | undefined;
  /** An attempt got no usable answer and the call was sent again (an earlier attempt may have been applied); not kept. */
  unanswered?: boolean | undefined;
  cause?: unknown;
  /** Texts to mask wherever they appear (the call's tokens); not kept. */
  secrets?: readonly string[] | undefined;
}

export class GraphError extends Error {
  /** HTTP status; 0 when no response arrived (network failure, timeout, invalid input). */
  declare readonly status: number;
  /** Graph's error code (`ResourceNotFound`, `TooManyRequests`, …) or one of graphslice's own. */
  declare readonly code: GraphErrorCode;
  /** The method of the failed request (after redirects: a 303 turns a POST into a GET). */
  declare readonly method: string | undefined;
  /** The request URL (never with credentials in it). */
  declare readonly url: string | undefined;
  /** What the error is about: Graph's `target`, or the body path / parameter graphslice refused. */
  declare readonly target: string | null | undefined;
  /** Graph's `details`, or `[]`. */
  declare readonly details: GraphErrorDetail[];
  /** Graph's `innerError` (request-id, date, client-request-id, …). */
  declare readonly innerError: Record<string, unknown> | undefined;
  /** Graph's `request-id` for the failed attempt. */
  declare readonly requestId: string | undefined;
  /** The `client-request-id` of the call (the same for every attempt). */
  declare readonly clientRequestId: string | undefined;
  /** The response's `date` header. */
  declare readonly date: string | undefined;
  /** The response's `Retry-After` header, verbatim. */
  declare readonly retryAfter: string | undefined;
  /** The response's `x-ms-ags-diagnostic` header (which Graph data centre answered). */
  declare readonly diagnostic: string | undefined;
  /** The response body as received, tokens masked (empty when there was none). */
  declare readonly body: string;
  /** HTTP attempts made, including retries; 0 when nothing was sent (invalid input). */
  declare readonly attempts: number;
  /** True when any attempt was throttled (429, or 503/504 with Retry-After). */
  declare readonly throttled: boolean;

  constructor(init: GraphErrorInit) {
    const { headers, attempts = 0, throttled = false, innerError, cause, secrets = [] } = init;
    // Every message says when retries happened or throttling was seen, so a log line alone explains it.
    const note = attempts > 1 || throttled ? ` (${throttled ? "throttled, " : ""}${attempts} attempt${attempts === 1 ? "" : "s"})` : "";
    super(maskText(init.message + note, secrets), cause === undefined ? undefined : { cause: maskCause(cause, secrets) });
    // A header of the failed response, else a field of Graph's innerError (which repeats some of them).
    const pick = (name: string) => headers?.get(name) ?? (typeof innerError?.[name] === "string" ? (innerError[name] as string) : undefined);
    const fields = {
      status: init.status,
      code: init.code,
      method: init.method,
      url: init.url,
      target: init.target,
      details: init.details ?? [],
      innerError,
      requestId: pick("request-id"),
      clientRequestId: headers?.get("client-request-id") ?? init.clientRequestId,
      date: pick("date"),
      retryAfter: pick("retry-after"),
      diagnostic: pick("x-ms-ags-diagnostic"),
      body: init.body ?? "",
      attempts,
      throttled,
    };
    Object.assign(this, { name: "GraphError" }, maskValue(fields, secrets));
  }
}

/** What a failed exchange tells an error about the call (`cause`: what went wrong besides the answer, such as a failed token refresh). */
export type CallContext = Pick<GraphErrorInit, "method" | "url" | "clientRequestId" | "attempts" | "throttled" | "unanswered" | "secrets" | "cause">;

/** The call fields of an exchange result, and nothing else of it (no Response, no text). */
export function callContext(result: CallContext): CallContext {
  const { method, url, clientRequestId, attempts, throttled, unanswered, secrets, cause } = result;
  return { method, url, clientRequestId, attempts, throttled, unanswered, secrets, cause };
}

/** An error about a response: the call's fields, its status, headers and body, and what is wrong with it. */
function responseError(response: { status: number; headers: Headers }, body: string, context: CallContext, init: Omit<GraphErrorInit, "status" | "message"> & { problem: string }): GraphError {
  const { method, url } = context;
  return new GraphError({ ...callContext(context), status: response.status, headers: response.headers, body, message: `${method} ${url} ${init.problem}`, ...init });
}

/** Builds a GraphError from a non-success response's status, headers and raw body text. */
export function errorFromResponse(response: { status: number; statusText?: string; headers: Headers }, body: string, context: CallContext): GraphError {
  let error: Record<string, unknown> | undefined;
  try {
    error = (JSON.parse(body) as { error?: Record<string, unknown> } | null)?.error;
  } catch {
    // Not JSON (proxy HTML page, truncated text, empty): the raw text is kept in `body`.
  }
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const { status } = response;
  const innerError = error?.["innerError"];
  // A DELETE is sent again after an attempt that got no usable answer; that attempt may have deleted it.
  const repeated = context.method === "DELETE" && status === 404 && context.unanswered ? ` (attempt ${context.attempts}: an earlier attempt, which got no usable answer, may have deleted it)` : "";
  return responseError(response, body, context, {
    code: text(error?.["code"]) ?? `http${status}`,
    problem: `failed: ${text(error?.["message"]) ?? `${status} ${response.statusText || "error"} with ${describeBody(response.headers, body)}`}${repeated}`,
    target: text(error?.["target"]),
    details: Array.isArray(error?.["details"]) ? error["details"] : undefined,
    innerError: typeof innerError === "object" && innerError ? (innerError as Record<string, unknown>) : undefined,
  });
}

/** A success response whose body is not what the call expects (`invalidResponse`); `target` names the part at fault (`@odata.nextLink`). */
export function invalidResponse(response: { status: number; headers: Headers }, body: string, context: CallContext, expected: string, more: { cause?: unknown; target?: string | undefined } = {}): GraphError {
  const { cause, target } = more;
  return responseError(response, body, context, {
    code: "invalidResponse",
    problem: `answered ${response.status} with ${describeBody(response.headers, body)}; expected ${expected}`,
    target,
    cause: cause instanceof SyntaxError ? withoutExcerpt(cause) : cause,
  });
}

/**
 * JSON.parse's error without the excerpt of the text V8 quotes (`Unexpected token 'B', "Bearer eyJ0"...`):
 * a few characters of an echoed token are too many, and the full text is in `body`, masked.
 */
export function withoutExcerpt(error: SyntaxError): SyntaxError {
  const message = error.message.replace(/"(?:[^"\\]|\\.)*"(?:\.\.\.)?/g, "(excerpt omitted)");
  return message === error.message ? error : new SyntaxError(message);
}

/** A short description of a body that is not an OData error, for messages. */
export function describeBody(headers: Headers, body: string): string {
  const type = headers.get("content-type") || "no content type";
  return body ? `a ${type} body of ${body.length} characters` : `an empty body (${type})`;
}
