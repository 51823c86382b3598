/**
 * Retry policy: which answers are retried and how long to wait.
 * Graph throttles with 429 (and sometimes 503/504) and says how long to wait in `Retry-After`;
 * that value is honoured exactly. Without it, the wait grows exponentially with jitter.
 * See https://learn.microsoft.com/graph/throttling.
 */
import { GraphError } from "./errors.js";

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Cap on the sum of all waits in one call; a wait that would pass it ends the call instead. */
  maxTotalDelayMs: number;
  /** First backoff step when there is no Retry-After. */
  baseDelayMs: number;
  /** Largest single backoff step when there is no Retry-After. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, maxTotalDelayMs: 60_000, baseDelayMs: 500, maxDelayMs: 30_000 };

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

/** A network failure is retried only where repeating the request cannot apply it twice. */
export function isRetryableOnNetworkError(method: string): boolean {
  return method === "GET" || method === "DELETE";
}

/**
 * Milliseconds to wait before retry number `retry` (1-based): `Retry-After` as delta-seconds or as
 * an HTTP-date when present, otherwise exponential backoff with "equal jitter" (half fixed, half random).
 */
export function retryDelayMs(retryAfter: string | null, retry: number, policy: RetryPolicy, now = Date.now()): number {
  if (retryAfter) {
    const value = retryAfter.trim();
    if (/^\d+$/.test(value)) return Number(value) * 1000;
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return step / 2 + Math.random() * (step / 2);
}

/** Waits, but stops at once (rejecting with the signal's reason) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The error for a call cut short by its timeout (a caller's abort rejects with its own reason instead). */
export function timeoutError(timeoutMs: number, method: string, url: string): GraphError {
  return new GraphError({ status: 0, code: "timeout", method, url, message: `${method} ${url} timed out after ${timeoutMs} ms` });
}
