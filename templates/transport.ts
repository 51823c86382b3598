/**
 * One logical request on the wire: auth header, timeout and abort, retries, redirects and the 401
 * refresh, all around a plain `fetch`. Used by the request builders (which then parse the body) and
 * by the low-level openapi-fetch client (which gets the final Response).
 */
import type { TokenSource } from "./auth.js";
import { GraphError } from "./errors.js";
import { isCredentialHeader, isRedirect, MAX_REDIRECTS, methodAfterRedirect } from "./redirect.js";
import { isRetryableOnNetworkError, isRetryableStatus, retryDelayMs, sleep, timeoutError, type RetryPolicy } from "./retry.js";
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
  body?: string;
  /** Read the body as text inside the retry loop (a reset mid-body is then retried like any network error). */
  read: boolean;
  options: RequestOptions;
}

export interface ExchangeResult {
  response: Response;
  /** The body text when `read` was set, else "". */
  text: string;
  url: string;
  method: string;
  attempts: number;
  clientRequestId: string;
  throttled: boolean;
}

export async function exchange(config: TransportConfig, x: Exchange): Promise<ExchangeResult> {
  const { options } = x;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const caller = options.signal;
  if (caller?.aborted) throw caller.reason;
  const controller = new AbortController();
  const signal = controller.signal;
  const onCallerAbort = () => controller.abort(caller!.reason);
  caller?.addEventListener("abort", onCallerAbort, { once: true });
  const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(timeoutError(timeoutMs, x.method, x.url)), timeoutMs) : undefined;
  try {
    return await attemptUntilDone(config, x, signal);
  } catch (error) {
    throw signal.aborted ? signal.reason : error;
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener("abort", onCallerAbort);
  }
}

async function attemptUntilDone(config: TransportConfig, x: Exchange, signal: AbortSignal): Promise<ExchangeResult> {
  const maxRetries = x.options.maxRetries ?? config.retry.maxRetries;
  const userHeaders = { ...config.headers, ...x.headers, ...x.options.headers };
  const clientRequestId = headerValue(userHeaders, "client-request-id") ?? newRequestId();
  const callerAuthorizes = headerValue(userHeaders, "authorization") !== undefined;
  let { method, url, body } = x;
  let attempts = 0, retries = 0, redirects = 0, waited = 0;
  let refreshToken = false, refreshed = false, leftOrigin = false, throttled = false;
  let redirectMode: RequestRedirect = "manual";

  for (;;) {
    attempts++;
    const trusted = !leftOrigin && isOnOrigin(url, config.origin);
    const headers: Record<string, string> = { accept: "application/json", "client-request-id": clientRequestId };
    if (body !== undefined) headers["content-type"] = "application/json";
    for (const name in userHeaders) {
      if (name.toLowerCase() !== "client-request-id" && (trusted || !isCredentialHeader(name))) headers[name] = userHeaders[name]!;
    }
    const token = trusted && !callerAuthorizes ? await config.token(refreshToken, signal) : undefined;
    if (token) headers.authorization = `Bearer ${token}`;
    refreshToken = false;

    let response: Response;
    try {
      response = await config.fetch(url, { method, headers, body, signal, redirect: redirectMode });
      if (response.type === "opaqueredirect") {
        // A browser hides manual redirects; let it follow them (it drops credentials across origins itself).
        redirectMode = "follow";
        continue;
      }
      if (isRedirect(response.status)) {
        const location = response.headers.get("location");
        if (location) {
          discard(response);
          if (++redirects > MAX_REDIRECTS) throw failure("tooManyRedirects", `${method} ${x.url} redirected more than ${MAX_REDIRECTS} times`, x, attempts);
          const next = new URL(location, url);
          leftOrigin ||= next.origin !== config.origin;
          const nextMethod = methodAfterRedirect(response.status, method);
          if (nextMethod !== method) body = undefined;
          method = nextMethod;
          url = next.href;
          continue;
        }
      }
      if (response.status === 401 && token && !refreshed) {
        discard(response);
        refreshed = refreshToken = true;
        continue;
      }
      if (isRetryableStatus(response.status)) {
        const retryAfter = response.headers.get("retry-after");
        throttled = response.status === 429 || retryAfter !== null;
        const delay = retryDelayMs(retryAfter, retries + 1, config.retry);
        if (retries < maxRetries && waited + delay <= config.retry.maxTotalDelayMs) {
          discard(response);
          retries++;
          waited += delay;
          await sleep(delay, signal);
          continue;
        }
      }
      const text = x.read ? await response.text() : "";
      return { response, text, url, method, attempts, clientRequestId, throttled };
    } catch (error) {
      if (signal.aborted || error instanceof GraphError) throw error;
      if (isRetryableOnNetworkError(method) && retries < maxRetries) {
        const delay = retryDelayMs(null, retries + 1, config.retry);
        if (waited + delay <= config.retry.maxTotalDelayMs) {
          retries++;
          waited += delay;
          await sleep(delay, signal);
          continue;
        }
      }
      throw failure("networkError", `${method} ${url} failed: ${(error as Error)?.message ?? error}`, x, attempts, error);
    }
  }
}

function failure(code: string, message: string, x: Exchange, attempts: number, cause?: unknown): GraphError {
  return new GraphError({ status: 0, code, message, method: x.method, url: x.url, attempts, cause });
}

/** True when `url` is on `origin` (a cheap prefix test; anything unusual counts as another origin). */
export function isOnOrigin(url: string, origin: string): boolean {
  return url.startsWith(origin) && (url.length === origin.length || "/?#".includes(url[origin.length]!));
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const key in headers) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function discard(response: Response): void {
  response.body?.cancel().catch(() => {});
}

/** A random UUID v4; `crypto.randomUUID` is missing only in old browsers and non-secure pages. */
function newRequestId(): string {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  const hex = [...Array(32)].map(() => Math.floor(Math.random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
