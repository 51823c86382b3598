/**
 * Retry policy: which answers are retried and how long to wait.
 * Graph throttles with 429 (and sometimes 503/504) and says how long to wait in `Retry-After`;
 * that value is honoured exactly. Without it, the wait grows exponentially with jitter.
 * See https://learn.microsoft.com/graph/throttling.
 */
import { startTimer } from "./timer.js";

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Cap on the sum of all waits in one call; a wait that would pass it ends the call instead. */
  maxTotalDelayMs: number;
  /** First backoff step when there is no Retry-After; it doubles with every retry. */
  baseDelayMs: number;
  /** Largest single backoff step when there is no Retry-After. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, maxTotalDelayMs: 60_000, baseDelayMs: 500, maxDelayMs: 30_000 };

/** A network failure is retried only where repeating the request cannot apply it twice. */
export function isRetryableOnNetworkError(method: string): boolean {
  return method === "GET" || method === "DELETE";
}

/**
 * 429 and 503 mean "not processed, come back later", so any method is retried; so is a 504 with
 * `Retry-After` (Graph's throttling 504s carry one). A 504 without it is a gateway that gave up
 * waiting: the request may have been applied behind it, as after a network error, and the same rule
 * holds. A POST could create a second resource, and a PATCH sent again could overwrite what someone
 * changed in between (PATCH is not idempotent), so only a GET or DELETE is repeated.
 */
export function isRetryableStatus(status: number, method: string, hasRetryAfter: boolean): boolean {
  return status === 429 || status === 503 || (status === 504 && (hasRetryAfter || isRetryableOnNetworkError(method)));
}

// The server's own waits (Retry-After and its kin) are read only from answers that may be retried:
// their parser is a module of its own (retry-after.ts), which the transport loads when one comes.

/** Exponential backoff with "equal jitter" for retry number `retry` (1-based). */
export function backoffMs(retry: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return step / 2 + Math.random() * (step / 2);
}

/** Waits, but stops at once (rejecting with the signal's reason) when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  let cancel: (() => void) | undefined;
  // The timer is cleared on abort too, so a long Retry-After never keeps a process alive.
  return untilAborted(new Promise<void>((resolve) => (cancel = startTimer(resolve, ms))), signal).finally(() => cancel?.());
}

/**
 * Settles with `promise`, or rejects with the signal's reason as soon as it aborts: used for waits
 * that cannot be cancelled themselves (a timer, a token provider that ignores its signal).
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
