/**
 * One logical request on the wire: auth header, timeout and abort, retries, redirects and the 401
 * refresh, all around a plain `fetch`. Used by the request builders (which then parse the body) and
 * by the low-level openapi-fetch client (which gets a Response made from it).
 */
import type { TokenSource } from "./auth.js";
import { GraphError } from "./errors.js";
import { isCredentialHeader, isRedirect, MAX_REDIRECTS, methodAfterRedirect } from "./redirect.js";
import { isRetryableOnNetworkError, isRetryableStatus, retryDelayMs, sleep, type RetryPolicy } from "./retry.js";
import type { RequestOptions } from "./types.js";

export interface TransportConfig {
  fetch: typeof fetch;
  /** The base URL's origin: the only origin that ever receives the token. */
  origin: string;
  token: TokenSource;
  headers: Record<string, string>;
  retry: RetryPolicy;
  timeoutMs: number;
}

export interface Exchange {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** JSON text, or binary content sent as it is (its content type in `headers`). */
  body?: string | Blob | ArrayBuffer | ArrayBufferView;
  /** How a successful body is read: as text (default), or as a Blob (binary content). */
  read?: "text" | "blob";
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
  blob?: Blob;
  url: string;
  method: string;
  attempts: number;
  clientRequestId: string;
  /** True when any attempt was throttled. */
  throttled: boolean;
}

export async function exchange(config: TransportConfig, x: Exchange): Promise<ExchangeResult> {
  const { options } = x;
  const caller = options.signal;
  if (caller?.aborted) throw caller.reason;
  // Lower-cased, so a caller's `Content-Type` replaces ours instead of being sent twice.
  const userHeaders: Record<string, string> = {};
  for (const source of [config.headers, x.headers, options.headers]) for (const name in source) userHeaders[name.toLowerCase()] = source[name]!;
  // What the attempts so far have seen; also read by the timeout error, which fires from outside the loop.
  const progress = { attempts: 0, throttled: false, clientRequestId: userHeaders["client-request-id"] ?? newRequestId() };
  const fail = (code: string, message: string, cause?: unknown, headers?: Headers) =>
    new GraphError({ status: 0, code, message, method: x.method, url: x.url, cause, headers, ...progress });
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  // One controller per call, for fetch and every wait. (A signal shared by many calls looks cheaper
  // but is not: fetch leaves a listener on it per request until garbage collection, and adding to a
  // long listener list costs more than a fresh controller; measured in bench/.)
  const controller = new AbortController();
  const signal = controller.signal;
  const abort = () => controller.abort();
  caller?.addEventListener("abort", abort);
  let timedOut = false;
  const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), abort()), timeoutMs) : undefined;
  // A caller's abort rejects with the caller's own reason; running out of time is a GraphError.
  const stopped = () => (timedOut ? fail("timeout", `${x.method} ${x.url} timed out after ${timeoutMs} ms`) : caller!.reason);
  const getToken = (rejected?: string) =>
    config.token(signal, rejected).catch((error) => {
      throw signal.aborted ? error : fail("authenticationFailed", `${x.method} ${x.url} not sent: no token: ${describeError(error)}`, error);
    });
  const maxRetries = options.maxRetries ?? config.retry.maxRetries;
  let { method, url, body } = x;
  let retries = 0, redirects = 0, waited = 0, leftOrigin = false, refreshed = false;
  let freshToken: string | undefined;
  let redirectMode: RequestRedirect = "manual";
  /** Waits before the next retry (dropping the answer that asked for it), if the budget allows it. */
  const retryAfter = async (delay: number, answer?: Response) => {
    if (retries >= maxRetries || waited + delay > config.retry.maxTotalDelayMs) return false;
    if (answer) discard(answer);
    retries++;
    waited += delay;
    await sleep(delay, signal);
    return true;
  };

  try {
    for (;;) {
      progress.attempts++;
      const trusted = !leftOrigin && isOnOrigin(url, config.origin);
      const headers: Record<string, string> = { accept: "application/json" };
      if (body !== undefined) headers["content-type"] = "application/json";
      for (const name in userHeaders) if (trusted || !isCredentialHeader(name)) headers[name] = userHeaders[name]!;
      headers["client-request-id"] = progress.clientRequestId;
      const token = trusted && !("authorization" in userHeaders) ? (freshToken ?? (await getToken())) : undefined;
      if (token) headers.authorization = `Bearer ${token}`;
      freshToken = undefined;

      let response: Response | undefined;
      try {
        response = await config.fetch(url, { method, headers, body: body as BodyInit | undefined, signal, redirect: redirectMode });
        const { status } = response;
        if (response.type === "opaqueredirect") {
          // A browser hides manual redirects; let it follow them (it drops credentials across origins itself).
          redirectMode = "follow";
          continue;
        }
        const location = isRedirect(status) ? response.headers.get("location") : null;
        if (location !== null) {
          discard(response);
          if (++redirects > MAX_REDIRECTS) throw fail("tooManyRedirects", `${method} ${x.url} redirected more than ${MAX_REDIRECTS} times`);
          const next = parseUrl(location, url);
          if (!next) throw fail("invalidRedirect", `${method} ${url} redirected to an invalid Location ${JSON.stringify(location)}`);
          // Once away from the base origin, nothing is trusted again, even on a redirect back.
          leftOrigin ||= next.origin !== config.origin;
          const nextMethod = methodAfterRedirect(status, method);
          if (nextMethod !== method) body = undefined;
          method = nextMethod;
          url = next.href;
          continue;
        }
        if (status === 401 && token && !refreshed) {
          // One fresh token, one retry; a source that hands back the same token gets no pointless retry.
          refreshed = true;
          freshToken = await getToken(token);
          if (freshToken && freshToken !== token) {
            discard(response);
            continue;
          }
        }
        const wait = response.headers.get("retry-after");
        if (isRetryableStatus(status, method, wait !== null)) {
          progress.throttled ||= status === 429 || wait !== null;
          // A wait past the total budget ends the call now: waiting and then failing helps nobody.
          if (await retryAfter(retryDelayMs(wait, retries + 1, config.retry), response)) continue;
        }
        const blob = x.read === "blob" && response.ok ? await response.blob() : undefined;
        let text = blob ? "" : await response.text();
        // A service or proxy that echoes the request back must not put the token into an error
        // (success bodies are data and stay untouched).
        if (token && !response.ok && text.includes(token)) text = text.split(token).join("[token]");
        return { response, text, blob, url, method, ...progress };
      } catch (error) {
        if (signal.aborted || error instanceof GraphError) throw error;
        const retryable = isRetryableOnNetworkError(method);
        if (retryable && (await retryAfter(retryDelayMs(null, retries + 1, config.retry)))) continue;
        const why = retryable ? "" : ` (not retried: a ${method} may already have been applied)`;
        throw fail("networkError", `${method} ${url} failed: ${describeError(error)}${why}`, error, response?.headers);
      }
    }
  } catch (error) {
    throw signal.aborted ? stopped() : error;
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener("abort", abort);
  }
}

/** fetch's own message ("fetch failed", "terminated") plus the reason underneath (ECONNRESET, …). */
function describeError(error: unknown): string {
  const e = error as { message?: string; cause?: { message?: string } } | undefined;
  return `${e?.message ?? error}${e?.cause?.message ? ` (${e.cause.message})` : ""}`;
}

/** The URL, or undefined when it cannot be parsed (no try/catch at every use). */
export function parseUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
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
