/**
 * One logical request on the wire: auth header, timeout and abort, retries, redirects and the 401
 * refresh, all around a plain `fetch`. Used by the request builders (which then parse the body) and
 * by the low-level openapi-fetch client (which gets a Response made from it).
 */
import { onAbort } from "./abort.js";
import type { TokenSource } from "./auth.js";
import { describeThrown } from "./json-check.js";
import { GraphError, type GraphErrorCode } from "./errors.js";
import { headerSecrets, isCredentialHeader, maskText, requestSecrets } from "./mask.js";
import { SENDING, type Sending } from "./middleware.js";
import { isRedirect, MAX_REDIRECTS, methodAfterRedirect } from "./redirect.js";
import { callOptionsProblem, headerProblem, headerRecord, isHttpUrl, isValidHeaderValue, parseUrl, urlProblem } from "./request-check.js";
import { backoffMs, isRetryableOnNetworkError, isRetryableStatus, sleep, untilAborted, type RetryPolicy } from "./retry.js";
import { startTimer } from "./timer.js";
import type { RequestOptions } from "./types.js";

export { parseUrl };

export interface TransportConfig {
  fetch: typeof fetch;
  /** The base URL's origin: the only origin that ever receives the token. */
  origin: string;
  token: TokenSource;
  headers: Record<string, string>;
  retry: RetryPolicy;
  timeoutMs: number;
  /**
   * `manual` (redirects followed by hand), or `follow` where fetch hides redirects (a browser: an
   * `opaqueredirect`); set on first use, then remembered.
   */
  redirect?: "manual" | "follow" | undefined;
  /**
   * True when `fetch` is the caller's own or wrapped in middleware: it may ignore the signal (never
   * settle, or hand back a body that never ends), so the transport stops waiting on it when the
   * signal aborts. The platform's fetch honours the signal and is not wrapped.
   */
  mayIgnoreSignal?: boolean | undefined;
}

export interface Exchange {
  method: string;
  url: string;
  headers?: Record<string, string> | undefined;
  /** JSON text, or binary content sent as it is (its content type in `headers`). */
  body?: string | Blob | ArrayBuffer | ArrayBufferView | undefined;
  /** How a successful body is read: as text (default), or as a Blob (binary content). */
  read?: "text" | "blob" | undefined;
  options: RequestOptions;
}

export interface ExchangeResult {
  response: Response;
  /**
   * The body text, read inside the call (so the timeout covers it, and a reset mid-body is retried
   * like any network error). A token an error body echoes back is masked.
   */
  text: string;
  /** The body of a successful response read as a Blob (`read: "blob"`); `text` is then empty. */
  blob?: Blob | undefined;
  url: string;
  method: string;
  attempts: number;
  clientRequestId: string;
  /** True when any attempt was throttled. */
  throttled: boolean;
  /** True when an attempt got no usable answer (a network error, a 504 without a retry hint) and the call was sent again. */
  unanswered: boolean;
  /** The tokens and credential header values this call used: what an error about it must mask. */
  secrets: readonly string[];
}

export async function exchange(config: TransportConfig, x: Exchange): Promise<ExchangeResult> {
  const { options } = x;
  const { retry } = config;
  const caller = options.signal;
  // Lower-cased, so a caller's `Content-Type` replaces ours instead of being sent twice.
  const userHeaders: Record<string, string> = {};
  for (const given of [config.headers, x.headers, options.headers]) {
    const source = headerRecord(given);
    for (const name in source) userHeaders[name.toLowerCase()] = source[name]!;
  }
  const secrets: string[] = [];
  for (const name in userHeaders) if (isCredentialHeader(name) && typeof userHeaders[name] === "string") secrets.push(...headerSecrets(userHeaders[name]!, name));
  let { method, url, body } = x;
  // What the attempts so far have seen; also read by the timeout error, which fires from outside the loop.
  // `unanswered`: an attempt got no usable answer (a network error, a 504 without a retry hint) and the call was sent again.
  const progress = { attempts: 0, throttled: false, unanswered: false, clientRequestId: userHeaders["client-request-id"] ?? newRequestId() };
  const graphError = (code: GraphErrorCode, message: string, cause?: unknown, headers?: Headers) =>
    new GraphError({ status: 0, code, message, method: x.method, url: x.url, cause, headers, secrets, ...progress });
  /** An error about the request as it stands (after redirects). */
  const fail = (code: GraphErrorCode, what: string, cause?: unknown, headers?: Headers) => graphError(code, `${method} ${url} ${what}`, cause, headers);
  const optionProblem = callOptionsProblem(options);
  if (optionProblem) throw fail("invalidRequest", `not sent: ${optionProblem}`);
  if (caller?.aborted) throw caller.reason;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  // One controller per call, for fetch and every wait. (A signal shared by many calls looks cheaper
  // but is not: fetch leaves a listener on it per request until garbage collection, and adding to a
  // long listener list costs more than a fresh controller; measured in bench/.) It is made only when
  // something can abort the call or a wait needs it: in Node even an unused one costs a transferable object.
  let controller: AbortController | undefined;
  const callSignal = () => (controller ??= new AbortController()).signal;
  const aborted = () => controller?.signal.aborted === true;
  const abort = () => controller?.abort();
  let timedOut = false;
  // Any length: Infinity or 2³¹ ms and more must not fire after 1 ms, as a bare setTimeout would.
  const cancelTimer = timeoutMs > 0 && timeoutMs < Infinity && startTimer(() => ((timedOut = true), abort()), timeoutMs);
  // fetch gets the signal only when something can abort it: a signal costs undici a WeakRef, a
  // finalizer and a listener per request, which a call without a timeout or caller signal saves.
  const fetchSignal = caller || cancelTimer ? callSignal() : undefined;
  const unsubscribe = caller && onAbort(caller, abort);
  /** What fetch hands back, awaited no longer than the signal allows when fetch may ignore it. */
  const settles = <T>(promise: Promise<T>): Promise<T> => (config.mayIgnoreSignal && fetchSignal ? untilAborted(promise, fetchSignal) : promise);
  const getToken = async (rejected?: string, claims?: string) => {
    let token: string | undefined;
    try {
      token = await config.token(callSignal, rejected, claims);
    } catch (problem) {
      throw aborted() ? problem : graphError("authenticationFailed", `${x.method} ${x.url} not sent: no token: ${describeError(problem)}`, problem);
    }
    if (token === undefined) return undefined;
    if (token.trim() === "") throw graphError("authenticationFailed", `${x.method} ${x.url} not sent: the token is empty or only whitespace`);
    // As sent: fetch trims a header value, so an echo shows the token without surrounding whitespace.
    secrets.push(token, token.trim());
    if (!isValidHeaderValue(token)) throw graphError("authenticationFailed", `${x.method} ${x.url} not sent: the token cannot be sent in a header (it contains CR, LF, NUL or a character outside Latin-1)`);
    return token;
  };
  const maxRetries = options.maxRetries ?? retry.maxRetries;
  let retries = 0, redirects = 0, waited = 0, leftOrigin = false, refreshed = false;
  let freshToken: string | undefined;
  let refreshFailure: unknown;
  // A page's fetch hides manual redirects, and finding out costs a request: decide before the first.
  let redirectMode = (config.redirect ??= hidesRedirects() ? "follow" : "manual");
  /** Waits before the next retry (dropping the answer that asked for it), if the budget allows it. */
  const retryAfter = async (delay: number, answer?: Response) => {
    if (retries >= maxRetries || waited + delay > retry.maxTotalDelayMs) return false;
    if (answer) discard(answer);
    retries++;
    waited += delay;
    await sleep(delay, callSignal());
    return true;
  };

  try {
    for (;;) {
      const trusted = !leftOrigin && isOnOrigin(url, config.origin);
      const headers: Record<string, string> = { accept: "application/json" };
      if (body !== undefined) headers["content-type"] = "application/json";
      for (const name in userHeaders) if (trusted || !isCredentialHeader(name)) headers[name] = userHeaders[name]!;
      headers["client-request-id"] = progress.clientRequestId;
      // What fetch would refuse is the caller's mistake, not the network's: fail now, retry nothing.
      const problem = urlProblem(url) ?? headerProblem(headers);
      if (problem) throw fail("invalidRequest", `not sent: ${problem}`);
      const token = trusted && !("authorization" in userHeaders) ? (freshToken ?? (await getToken())) : undefined;
      if (token) headers["authorization"] = `Bearer ${token}`;
      freshToken = undefined;
      progress.attempts++;

      // A fetch that follows redirects itself drops only the credentials the platform knows
      // (Authorization; Cookie and Proxy-Authorization, which a page cannot set): a request with
      // others (an API key) is not let follow, as they would go to any origin.
      const kept = redirectMode === "follow" ? Object.keys(headers).filter(isKeptOnRedirect) : [];
      // What a middleware set on the request is the call's too: its credentials are masked, and kept;
      // and the request goes with the redirect mode decided here, whatever request a middleware made.
      const sendMode = () => (kept.length ? "manual" : redirectMode);
      const sending = (request: Request): Request => {
        for (const secret of requestSecrets(request.headers)) if (!secrets.includes(secret)) secrets.push(secret);
        if (redirectMode === "follow") {
          request.headers.forEach((_, name) => {
            if (isKeptOnRedirect(name) && !kept.includes(name)) kept.push(name);
          });
        }
        const mode = sendMode();
        return request.redirect === mode ? request : new Request(request, { redirect: mode });
      };
      let response: Response | undefined;
      try {
        const init: RequestInit & { [SENDING]: Sending } = { method, headers, body: (body ?? null) as BodyInit | null, signal: fetchSignal ?? null, redirect: sendMode(), [SENDING]: sending };
        response = await settles(config.fetch(url, init));
        const { status } = response;
        if (response.type === "opaqueredirect" && kept.length) throw fail("redirectNotFollowed", `was redirected, and this fetch hides where to; it is not followed, since the platform would send its ${kept.join(", ")} header(s) to any origin`);
        if (response.type === "opaqueredirect") {
          // This fetch hides redirects (a browser): from now on it follows them itself, dropping
          // credentials across origins. This request was already sent once: only a GET or DELETE,
          // which cannot be applied twice, is sent again.
          config.redirect = redirectMode = "follow";
          if (!isRetryableOnNetworkError(method)) throw fail("redirectNotFollowed", `was redirected, and this fetch hides where to; it is not sent again, since a ${method} may already have been applied`);
          continue;
        }
        if (!isHttpStatus(status)) {
          // Not HTTP (a Response cannot even be made with it): sent and answered, so not sent again.
          discard(response);
          throw fail("invalidResponse", `was answered with status ${status}, which is not an HTTP status (200 to 599)`, undefined, response.headers);
        }
        const location = isRedirect(status) ? response.headers.get("location") : null;
        if (location !== null) {
          discard(response);
          if (++redirects > MAX_REDIRECTS) throw graphError("tooManyRedirects", `${method} ${x.url} redirected more than ${MAX_REDIRECTS} times`);
          const next = parseUrl(location, url);
          if (!next) throw fail("invalidRedirect", `redirected to an invalid Location ${JSON.stringify(location)}`);
          // Like every request that cannot be made: refused before anything is sent there.
          if (!isHttpUrl(next)) throw fail("invalidRequest", `redirected to a ${next.protocol} URL; only http and https redirects are followed`);
          // Once away from the base origin, nothing is trusted again, even on a redirect back.
          leftOrigin ||= next.origin !== config.origin;
          const nextMethod = methodAfterRedirect(status, method);
          if (nextMethod !== method) body = undefined;
          method = nextMethod;
          url = next.href;
          continue;
        }
        if (status === 401 && token && !refreshed) {
          // One fresh token, one retry: with the claims of a CAE challenge, the credential fetches a
          // new token; a source that hands back the same token gets no pointless retry. Challenges
          // are rare, so their parser is loaded only when one comes.
          refreshed = true;
          const challenge = response.headers.get("www-authenticate");
          const cae = challenge?.includes("insufficient_claims") ? (await import("./challenge.js")).claimsChallenge(challenge) : undefined;
          // The claims, as a token, are in no error: a refresh's failure or an answer may quote them.
          // (Claims JSON is never this short; a shorter text would mask what merely looks like it, `{}`.)
          if (cae) secrets.push(...[cae.claims, cae.encoded].filter((text) => text.length >= 8));
          try {
            freshToken = await getToken(token, cae?.claims);
          } catch (problem) {
            // The call was sent and answered: it fails with that 401 (Graph's code, request-id), and the refresh's failure is its cause.
            if (aborted()) throw problem;
            refreshFailure = problem instanceof GraphError ? (problem.cause ?? problem) : problem;
          }
          if (freshToken && freshToken !== token) {
            discard(response);
            continue;
          }
        }
        // Only an answer that may be retried is read for the wait it asks for; the reader loads with
        // the first (a page that cannot load it waits by backoff instead).
        const wait = status === 429 || status === 503 || status === 504 ? await serverDelay(response.headers) : undefined;
        if (isRetryableStatus(status, method, wait !== undefined)) {
          progress.throttled ||= status === 429 || wait !== undefined;
          // A wait past the total budget ends the call now: waiting and then failing helps nobody.
          if (await retryAfter(wait ?? backoffMs(retries + 1, retry), response)) {
            progress.unanswered ||= status === 504 && wait === undefined;
            continue;
          }
        }
        const blob = x.read === "blob" && response.ok ? await settles(response.blob()) : undefined;
        let text = blob ? "" : await settles(response.text());
        // A service or proxy that echoes the request back must not put the token into an error body
        // the low-level client returns (success bodies are data and stay untouched).
        if (!response.ok && secrets.length) text = maskText(text, secrets);
        return { response, text, blob, url, method, secrets, ...progress, ...(refreshFailure === undefined ? {} : { cause: refreshFailure }) };
      } catch (error) {
        if (aborted() || error instanceof GraphError) throw error;
        // A body too large to hold as one string (a decompression bomb): answered, and it would be
        // again, so an answer that cannot be read rather than a network error to retry.
        if (isTooLongForText(error) && response) throw fail("invalidResponse", `was answered with a body too large to read (${describeError(error)}); not sent again`, error, response.headers);
        const retryable = isRetryableOnNetworkError(method);
        if (retryable && (await retryAfter(backoffMs(retries + 1, retry)))) {
          progress.unanswered = true;
          continue;
        }
        const why = retryable ? "" : ` (not retried: a ${method} may already have been applied)`;
        throw fail("networkError", `failed: ${describeError(error)}${why}`, error, response?.headers);
      }
    }
  } catch (error) {
    if (!aborted()) throw error;
    // A caller's abort rejects with the caller's own reason; running out of time is a GraphError.
    throw timedOut ? graphError("timeout", `${x.method} ${x.url} timed out after ${timeoutMs} ms`) : caller!.reason;
  } finally {
    cancelTimer && cancelTimer();
    unsubscribe && unsubscribe();
  }
}

function serverDelay(headers: Headers): Promise<number | undefined> {
  return import("./retry-after.js").then((module) => module.serverDelayMs(headers), () => undefined);
}

/**
 * True for the error of reading a body past the longest string the engine can make: Node's
 * `ERR_STRING_TOO_LONG`, or a `RangeError` elsewhere.
 */
export function isTooLongForText(error: unknown): boolean {
  return error instanceof RangeError || (error as { code?: unknown } | null)?.code === "ERR_STRING_TOO_LONG";
}

/**
 * True in a browser page or worker, whose fetch answers `redirect: "manual"` with an opaque response;
 * not in Node, whose fetch does not hide redirects, even with a `document` (jsdom, happy-dom).
 */
function hidesRedirects(): boolean {
  const scope = globalThis as { document?: unknown; importScripts?: unknown; process?: { versions?: { node?: unknown } } };
  if (typeof scope.process?.versions?.node === "string") return false;
  return typeof scope.document === "object" || typeof scope.importScripts === "function";
}

/** A credential header that a fetch following a redirect to another origin would still send. */
function isKeptOnRedirect(name: string): boolean {
  return isCredentialHeader(name) && !/^(authorization|cookie|proxy-authorization)$/i.test(name);
}

/**
 * fetch's own message ("fetch failed", "terminated") plus the reason underneath (ECONNRESET, …);
 * anything else thrown as `describeThrown` shows it.
 */
function describeError(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause?.message;
  return `${describeThrown(error)}${typeof cause === "string" && cause ? ` (${cause})` : ""}`;
}

/** True for a status an HTTP answer can have here (200 to 599; fetch never surfaces a 1xx). */
export function isHttpStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 200 && status <= 599;
}

/**
 * True when a successful answer carries no value for the call: it expects none, or the answer is a
 * 204 (a write that answers nothing, as Graph's PATCH usually does, or OData's answer for a
 * single-valued navigation property that is null), except for a count, which is always a number.
 */
export function answersNothing(expect: string, status: number): boolean {
  return expect === "none" || (status === 204 && expect !== "count");
}

/** What a count answer must be, for the errors about one that is not. */
export const COUNT_EXPECTED = "a count (a whole number of at most 2^53 - 1 as text/plain)";

/** A `$count` answer's value: a whole number of at most 2^53 - 1, else undefined (400 digits are no count, nor is `Infinity`). */
export function countOf(text: string): number | undefined {
  const count = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(count) ? count : undefined;
}

/** True for `…/json` and `…/…+json`, with parameters, in any case (media types are case-insensitive); not `text/notjson`. */
export function isJsonMediaType(type: string): boolean {
  return /^\s*[\w.!#$&^+-]+\/([\w.!#$&^+-]*\+)?json\s*(;|$)/i.test(type);
}

/** True when the content type is JSON (`isJsonMediaType`). */
export function isJsonContentType(headers: Headers): boolean {
  return isJsonMediaType(headers.get("content-type") ?? "");
}

/** True when `url` is on `origin` (a cheap prefix test; anything unusual counts as another origin). */
export function isOnOrigin(url: string, origin: string): boolean {
  return url.startsWith(origin) && (url.length === origin.length || "/?#".includes(url[origin.length]!));
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** A random UUID v4; `crypto.randomUUID` is missing only in old browsers and non-secure pages. */
function newRequestId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    // Each 0/1 becomes a random hex digit, each 8 a variant digit (8–b); the 4 is the version.
    "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (c) => (+c ^ ((Math.random() * 16) >> (+c / 4))).toString(16))
  );
}
