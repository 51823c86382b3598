/**
 * The runtime every generated client shares: options and defaults, then `send`, one typed call:
 * validate, serialise, exchange, parse.
 */
import { createTokenSource, type TokenCredential, type TokenInput } from "./auth.js";
import { cloudBaseUrl, defaultScope, type NationalCloud } from "./clouds.js";
import { errorFromResponse, GraphError, invalidResponse } from "./errors.js";
import { parseODataJson, stringifyWire, wireValue, type WireValue } from "./odata-type.js";
import { describeThrown } from "./json-check.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry.js";
import { answersNothing, COUNT_EXPECTED, countOf, exchange, isJsonContentType, type ExchangeResult, type TransportConfig } from "./transport.js";
import { headerRecord, headersKindProblem, isHttpUrl, numberOptionProblem, parseUrl } from "./request-check.js";
import type { BinaryBody, RequestOptions } from "./types.js";
import { encodeQuery } from "./url.js";
import { chainMiddleware, type Middleware } from "./middleware.js";
import { SDK_VERSION_HEADER } from "./version.js";
import { describeValue } from "./describe-value.js";
import { lazyOperations, type OperationIndexSource } from "./operation-index.js";
import type { Route } from "./route-rules.js";

export interface GraphClientOptions {
  /** Default: the API version the SDK was generated for (`beta`, or `v1.0` from a v1.0 description) on `https://graph.microsoft.com`, or on the `cloud`'s host. */
  baseUrl?: string | undefined;
  /** A national cloud preset; sets the base URL and the default token scope. */
  cloud?: NationalCloud | undefined;
  /** A bearer token, a function returning one (or an AccessToken), or a TokenCredential. */
  token?: TokenInput | undefined;
  /** An `@azure/identity` credential (or anything with `getToken(scopes)`). */
  credential?: TokenCredential | undefined;
  /** Token scopes; default `https://<Graph host>/.default` of the base URL's cloud (a proxy's host gives `cloud`'s). */
  scopes?: string[] | undefined;
  /** The fetch to use; default `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** Headers sent on every request. */
  headers?: Record<string, string> | undefined;
  /** Timeout for a whole call, retries included, in ms. Default 100,000; 0 turns it off. */
  timeoutMs?: number | undefined;
  /** Retries for 429/503/504 (a 504 without Retry-After, like a network error, only for GET/DELETE). Default 5. */
  maxRetries?: number | undefined;
  /** Cap on the total wait between retries of one call, in ms. Default 60,000. */
  maxRetryDelayMs?: number | undefined;
  /** First backoff step when an answer has no Retry-After, in ms; doubles per retry, with jitter. Default 500. */
  backoffMs?: number | undefined;
  /**
   * Validate request bodies against the spec before sending. Default true. The slice's tables are
   * loaded on the first call that sends a body (a chunk of their own in a code-split bundle), so
   * `false` keeps them out of a browser app's download altogether.
   */
  validate?: boolean | undefined;
  /** Wraps every HTTP attempt (retries, redirects, `$batch`), after the token is set, in array order. */
  middleware?: Middleware[] | undefined;
  /** Send `SdkVersion: graphslice/<version>` on every request. Default true. */
  sdkVersionHeader?: boolean | undefined;
}

/** One typed call, as a request builder describes it. */
export interface GraphRequest {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path below the base URL, keys already encoded. */
  path: string;
  /** An absolute URL instead of `path` (an `@odata.nextLink`); it must be on the base URL's origin. */
  url?: string | undefined;
  query?: object | undefined;
  /** The wire name of each query option, by its name in code (`top` → `$top`): the request builder's rule (QUERY_WIRE_NAMES) and the route's own. */
  queryNames?: Readonly<Record<string, string>> | undefined;
  /** The operation's header parameters, by wire name (`If-Match`); `undefined` ones are not sent. */
  headers?: Record<string, string | undefined> | undefined;
  body?: unknown;
  /** The operation's key in the slice's routes and tables (`deviceManagement/configurationPolicies/{}/assign`), which give its body's type for validation. */
  operation?: string | undefined;
  /** A binary body's content type: the body is sent as it is (a Blob, ArrayBuffer, typed array or string), not as JSON. */
  contentType?: string | undefined;
  /** `json`: a JSON body; `count`: a text/plain number; `stream`: binary content, as a Blob; `none`: no body. */
  expect: "json" | "count" | "stream" | "none";
  options?: RequestOptions | undefined;
  /**
   * What the caller makes of a successful answer's value (paging checks it is a page); its result is
   * what `send` resolves to. `answer.invalid` is the `invalidResponse` error about this very answer.
   */
  accept?: ((value: unknown, answer: SuccessAnswer) => unknown) | undefined;
}

/** A successful answer, as `GraphRequest.accept` sees it. */
export interface SuccessAnswer {
  /** The URL requested (before any redirect). */
  url: string;
  /** An `invalidResponse` error with the answer's status, URL, attempts, headers and body (masked): "… answered 200 with …; expected `expected`". */
  invalid(expected: string, target?: string): GraphError;
}

/** A call checked and serialised, ready for the wire (or for a `$batch` item). */
export interface PreparedRequest {
  method: GraphRequest["method"];
  url: string;
  headers: Record<string, string>;
  body?: string | BinaryBody | undefined;
}

export interface GraphRuntime {
  readonly baseUrl: string;
  send(request: GraphRequest): Promise<unknown>;
  /** Validates and serialises a call without sending it; throws its `invalidRequestBody` (or other not-sent) error. Validates once `loadValidation(request)` has settled. */
  prepare(request: GraphRequest): PreparedRequest;
  /** Loads what validating the call's body needs, unless validation is off for it; `send` does it itself. */
  loadValidation(request: GraphRequest): Promise<void>;
  /** The route of the bound action or function `operation` (its key), from the slice's operation indexes. */
  route(operation: string): Promise<Route | undefined>;
  /** The client's auth, retry, redirect and timeout settings (also used by the low-level client). */
  readonly transport: TransportConfig;
}

export const DEFAULT_TIMEOUT_MS = 100_000;

/**
 * The runtime of a client. `operationIndexes` are the slice's, or the loader of their list (its
 * `operation-indexes.ts`); one is loaded by the first bound call, or validating call, of an
 * operation it holds (operation-index.ts), so what they hold stays out of a program that never
 * needs it. `apiVersion` is the one the SDK was generated for: the base URL's path unless
 * `options.baseUrl` gives one.
 */
export function createRuntime(options: GraphClientOptions = {}, operationIndexes?: OperationIndexSource, apiVersion: "beta" | "v1.0" = "beta"): GraphRuntime {
  for (const [name, count] of [["timeoutMs"], ["maxRetries", true], ["maxRetryDelayMs"], ["backoffMs"]] as const) {
    const problem = numberOptionProblem(name, options[name], count);
    if (problem) throw new TypeError(problem);
  }
  const problem = optionKindProblem(options);
  if (problem) throw new TypeError(problem);
  // Normalised (`HTTPS://Host:443/beta/` → `https://host/beta`), so the origin test on every URL is a prefix test.
  const base = parseUrl(options.baseUrl ?? cloudBaseUrl(options.cloud ?? "global", apiVersion));
  if (!base || !isHttpUrl(base)) throw new TypeError(`baseUrl must be an absolute http or https URL, got ${JSON.stringify(options.baseUrl)}`);
  const origin = base.origin;
  const baseUrl = (origin + base.pathname).replace(/\/+$/, "");
  const retry: RetryPolicy = {
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    maxTotalDelayMs: options.maxRetryDelayMs ?? DEFAULT_RETRY_POLICY.maxTotalDelayMs,
    baseDelayMs: options.backoffMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs,
  };
  const baseFetch: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const config: TransportConfig = {
    // Only a client given middleware pays for the chain (and for a Request per attempt).
    fetch: options.middleware?.length ? chainMiddleware(options.middleware, baseFetch) : baseFetch,
    mayIgnoreSignal: options.fetch !== undefined || !!options.middleware?.length,
    origin,
    token: createTokenSource(options.token ?? options.credential, options.scopes ?? [defaultScope(baseUrl, options.cloud)]),
    // A copy (of a Headers object's entries too), fixed when the client is made.
    headers: { ...(options.sdkVersionHeader === false ? {} : { SdkVersion: SDK_VERSION_HEADER }), ...headerRecord(options.headers) },
    retry,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const validateByDefault = options.validate ?? true;
  const operations = lazyOperations(operationIndexes);
  // A client that validates will need the list of indexes for its first body: it loads while the app goes on.
  if (validateByDefault) operations.prefetch();
  const validates = (request: GraphRequest) => request.operation !== undefined && "body" in request && (request.options?.validate ?? validateByDefault);
  /**
   * What checking the call's body needs, when that is not loaded yet. A load that fails (offline, or
   * a chunk a new deploy removed) fails the call with `moduleNotLoaded`; the next call tries again.
   */
  const loadFor = (request: GraphRequest, validating = validates(request)) =>
    validating ? operations.loadValidation(request.operation!)?.catch(notLoaded("its body's validation tables", request.method, baseUrl + request.path)) : undefined;
  /** The route of a bound call, from its operation index. */
  const route = (operation: string) => operations.route(operation).catch(notLoaded(`the route of ${operation}`));

  /** `validating`: whether the call checks its body (validates), when the caller knows it already. */
  function prepare(request: GraphRequest, validating = validates(request)): PreparedRequest {
    const { method, body, expect, contentType } = request;
    const next = request.url === undefined ? undefined : parseUrl(request.url);
    const url = next ? next.href : request.url ?? baseUrl + request.path + encodeQuery(request.query, request.queryNames);
    const notSent = (code: string, problem: string, target?: string, cause?: unknown) => new GraphError({ status: 0, code, method, url, target, cause, message: `${method} ${url} not sent: ${problem}` });
    // A nextLink elsewhere would carry the token (and the caller's trust) to a host nobody chose.
    if (request.url !== undefined && next?.origin !== origin) throw notSent("foreignUrl", `it is not on ${origin}`);
    /** What the spec says is wrong with `value` as the body (or that reading it, once more, threw); undefined when nothing. */
    const specProblem = (value: unknown) => {
      try {
        return validating ? operations.problem(request.operation!, value) : undefined;
      } catch (error) {
        return `body: reading it threw (${describeThrown(error)})`;
      }
    };
    const refuse = (problem: string) => notSent("invalidRequestBody", problem, problem.slice(0, problem.indexOf(":")));
    let payload: string | BinaryBody | undefined;
    if (contentType !== undefined) {
      const problem = specProblem(body);
      if (problem) throw refuse(problem);
      if (!isBinaryBody(body)) throw notSent("invalidRequestBody", `body: expected binary content (a Blob, ArrayBuffer, typed array or string), got ${describeValue(body)}`, "body");
      payload = body as BinaryBody;
    } else {
      // The body is checked as it is sent: what each toJSON returns, not the object that has it.
      let wire: WireValue;
      try {
        wire = wireValue(body, "body");
      } catch (error) {
        const { message, path, cause } = error as TypeError & { path: string };
        throw notSent("invalidRequestBody", message, path, cause);
      }
      const problem = specProblem(wire.value);
      if (problem) throw refuse(problem);
      if (wire.unsendable) throw notSent("invalidRequestBody", wire.unsendable.message, wire.unsendable.path);
      try {
        payload = body === undefined ? undefined : stringifyWire(wire.value, "body");
      } catch (error) {
        const { message, path, cause } = error as TypeError & { path: string };
        throw notSent("invalidRequestBody", message, path, cause);
      }
    }
    const headers: Record<string, string> = {};
    if (contentType !== undefined) headers["content-type"] = contentType;
    if (expect === "count" || /[?&]\$(count|search)=/.test(url)) headers["ConsistencyLevel"] = "eventual";
    // Media content is whatever type it was stored with; the transport's default asks for JSON.
    if (expect === "stream") headers["accept"] = "*/*";
    for (const name in request.headers) if (request.headers[name] !== undefined) headers[name] = request.headers[name]!;
    return { method, url, headers, body: payload };
  }

  async function send(request: GraphRequest): Promise<unknown> {
    const callOptions = request.options ?? {};
    const validating = validates(request);
    const loading = loadFor(request, validating);
    if (loading) await loading;
    const { method, url, headers, body: payload } = prepare(request, validating);
    const { expect } = request;
    const result = await exchange(config, { method, url, headers, body: payload, read: expect === "stream" ? "blob" : "text", options: callOptions });
    const { response, text } = result;
    if (!response.ok) throw errorFromResponse(response, text, result);
    // A 204 too: a caller that needs a body (a page) says so in `accept`.
    const read = expect === "stream" ? result.blob : readValue(expect, result);
    const value = request.accept ? request.accept(read, { url, invalid: (expected, target) => invalidResponse(response, text, result, expected, { target }) }) : read;
    // Only an answer the call accepts is a successful response.
    callOptions.onResponse?.({
      status: response.status,
      headers: response.headers,
      requestId: response.headers.get("request-id") ?? undefined,
      clientRequestId: result.clientRequestId,
      attempts: result.attempts,
    });
    return value;
  }

  return { baseUrl, send, prepare, loadValidation: async (request) => void (await loadFor(request)), route, transport: config };
}

/**
 * Why the client's functions, credentials or headers cannot be used, naming the option; undefined
 * when they can. A wrong one would otherwise surface only on the first call, as a network error
 * retried like one, or as an authentication failure quoting the SDK's internals.
 */
function optionKindProblem(options: GraphClientOptions): string | undefined {
  const { token, credential, fetch, middleware, headers } = options;
  const isCredential = (value: unknown) => typeof value === "object" && value !== null && typeof (value as TokenCredential).getToken === "function";
  if (token != null && typeof token !== "string" && typeof token !== "function" && !isCredential(token)) return `token must be a string, a function or a TokenCredential (with getToken), got ${describeValue(token)}`;
  if (token == null && credential != null && !isCredential(credential)) return `credential must be a TokenCredential (an object with a getToken function), got ${describeValue(credential)}`;
  if (fetch != null && typeof fetch !== "function") return `fetch must be a function, got ${describeValue(fetch)}`;
  if (middleware != null) {
    if (!Array.isArray(middleware)) return `middleware must be an array of functions, got ${describeValue(middleware)}`;
    const at = middleware.findIndex((each) => typeof each !== "function");
    if (at >= 0) return `middleware[${at}] must be a function, got ${describeValue(middleware[at])}`;
  }
  return headersKindProblem("headers", headers);
}

/** Rejects a call whose `what`, a part of the SDK loaded on first use, could not be loaded: it is not sent. */
function notLoaded(what: string, method?: string, url?: string) {
  return (cause: unknown): never => {
    const message = `${method ? `${method} ${url} ` : ""}not sent: ${what} could not be loaded (${(cause as Error | undefined)?.message ?? cause})`;
    throw new GraphError({ status: 0, code: "moduleNotLoaded", method, url, message, cause });
  };
}

function isBinaryBody(body: unknown): boolean {
  return typeof body === "string" || body instanceof ArrayBuffer || ArrayBuffer.isView(body) || (typeof Blob !== "undefined" && body instanceof Blob);
}

/** The value of a successful text answer: nothing, a count or a parsed JSON object, as `expect` says. */
function readValue(expect: GraphRequest["expect"], result: ExchangeResult): unknown {
  const { response, text } = result;
  if (answersNothing(expect, response.status)) return undefined;
  if (expect === "count") {
    const count = countOf(text);
    if (count !== undefined) return count;
    throw unexpected(result, COUNT_EXPECTED);
  }
  if (!text || !isJsonContentType(response.headers)) throw unexpected(result, "a JSON body");
  let value: unknown;
  try {
    value = parseODataJson(text);
  } catch (error) {
    throw unexpected(result, "valid JSON", error);
  }
  // OData answers an object: an entity, a collection's { value }, or a primitive's { value }.
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw unexpected(result, "a JSON object");
  return value;
}

function unexpected(result: ExchangeResult, expected: string, cause?: unknown): GraphError {
  return invalidResponse(result.response, result.text, result, expected, { cause });
}
