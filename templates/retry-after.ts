/**
 * The waits a server asks for: `Retry-After` (delta-seconds or an HTTP-date) and the millisecond
 * headers the Azure SDK reads. Only answers that may be retried are read, so the transport loads this
 * module when the first such answer comes. See https://learn.microsoft.com/graph/throttling.
 */
import { backoffMs, type RetryPolicy } from "./retry.js";

const DAY = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d\\d:\\d\\d:\\d\\d";
/** The IMF-fixdate, RFC 850 and asctime forms of an HTTP-date (RFC 9110 §5.6.7), nothing looser. */
const HTTP_DATE = /* @__PURE__ */ new RegExp(
  `^(${DAY}, \\d\\d ${MONTH} \\d{4} ${TIME} GMT|(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d\\d-${MONTH}-\\d\\d ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
);

/**
 * A `Retry-After` value in milliseconds: delta-seconds (digits only) or an HTTP-date; undefined for
 * anything else (`1.5`, `-1`, a duplicated `1, 1`), which V8's lenient `Date.parse` would read as a
 * date in 2001 and so as "retry now".
 */
export function parseRetryAfter(value: string, now = Date.now()): number | undefined {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  // asctime has no zone; HTTP-dates are always UTC.
  const date = Date.parse(text.endsWith("GMT") ? text : `${text} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait a response asks for, in milliseconds: `retry-after-ms` or `x-ms-retry-after-ms` (as the
 * Azure SDK reads them), else `Retry-After`; undefined when none is there or valid.
 */
export function serverDelayMs(headers: Headers, now = Date.now()): number | undefined {
  for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
    const value = headers.get(name)?.trim();
    if (value !== undefined && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  }
  const retryAfter = headers.get("retry-after");
  return retryAfter === null ? undefined : parseRetryAfter(retryAfter, now);
}

/**
 * Milliseconds to wait before retry number `retry` (1-based): `Retry-After` when it is valid,
 * otherwise exponential backoff with "equal jitter" (half fixed, half random).
 */
export function retryDelayMs(retryAfter: string | null, retry: number, policy: RetryPolicy, now = Date.now()): number {
  const asked = retryAfter === null ? undefined : parseRetryAfter(retryAfter, now);
  return asked ?? backoffMs(retry, policy);
}
