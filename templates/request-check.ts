/**
 * What fetch would refuse, checked before anything is sent: a refusal there is a TypeError that
 * looks like a network failure (and would be retried as one), and its message quotes the header
 * value, which may be a token. Here the error names the header or URL and quotes no value.
 */
import { describeValue } from "./describe-value.js";

/** A header name: an RFC 9110 token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** True unless the value holds what no header may: NUL, CR, LF, or a character outside Latin-1. */
export function isValidHeaderValue(value: string): boolean {
  return !/[\0\r\n]|[^\0-\xff]/.test(value);
}

/** Headers the HTTP stack manages, which Node's fetch refuses to send (a TypeError, not a network failure). */
const MANAGED_HEADER = /^(keep-alive|transfer-encoding|upgrade|expect)$/i;

/**
 * Headers as the record the types ask for; a `Headers` object or `[name, value]` pairs from
 * JavaScript callers are read as one (without iterating `Headers`, which needs the DOM.Iterable lib).
 */
export function headerRecord(given: unknown): Record<string, string> | undefined {
  if (typeof Headers !== "undefined" && given instanceof Headers) {
    const record: Record<string, string> = {};
    given.forEach((value, name) => (record[name] = value));
    return record;
  }
  if (Array.isArray(given)) return Object.fromEntries(given as [string, string][]);
  return given as Record<string, string> | undefined;
}

/** Why these headers cannot be sent, naming the first bad one; undefined when they can. */
export function headerProblem(headers: Record<string, string>): string | undefined {
  for (const name in headers) {
    if (!HEADER_NAME.test(name)) return `header name ${JSON.stringify(name)} is not a valid HTTP header name`;
    if (MANAGED_HEADER.test(name)) return `header ${name} cannot be set: the HTTP stack manages it, and fetch refuses it`;
    const value = headers[name];
    if (typeof value !== "string") return `header ${name} must be a string, got ${typeof value}`;
    if (!isValidHeaderValue(value)) return `header ${name} has an invalid value (it contains CR, LF, NUL or a character outside Latin-1)`;
  }
  return undefined;
}

/** The URL, or undefined when it cannot be parsed (no try/catch at every use). */
export function parseUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/** Only these are sent to, or followed. */
export function isHttpUrl(url: URL): boolean {
  return url.protocol === "https:" || url.protocol === "http:";
}

/** Why a request cannot go to this URL; undefined when it can. */
export function urlProblem(url: string): string | undefined {
  // The common case costs two prefix tests; only a URL with an `@` is parsed.
  if (!url.startsWith("https://") && !url.startsWith("http://")) return "only http and https URLs are sent to";
  if (!url.includes("@")) return undefined;
  const parsed = parseUrl(url);
  if (!parsed) return "it is not a valid URL";
  if (parsed.username || parsed.password) return "the URL has credentials in it (user:password@), which are never sent";
  return undefined;
}

/**
 * Why a number option cannot be used, naming it; undefined when it can (or is absent). A count
 * (`maxRetries`) is a whole number; a duration in ms may be fractional. Both may be Infinity, never
 * NaN or negative: `Number(process.env.UNSET)` must not mean "retry forever" or "never time out".
 */
export function numberOptionProblem(name: string, value: unknown, count = false): string | undefined {
  if (value === undefined) return undefined;
  const fits = typeof value === "number" && value >= 0 && (count ? Number.isInteger(value) || value === Infinity : !Number.isNaN(value));
  return fits ? undefined : `${name} must be ${count ? "a whole number" : "a number of milliseconds"} of 0 or more (or Infinity), got ${describeValue(value)}`;
}

/**
 * Why a call's own options cannot be used, named as the option it is; undefined when they can. A
 * `signal` must be an AbortSignal and an `onResponse` a function: found out only once the service has
 * answered, a wrong one would fail a call that was applied.
 */
export function callOptionsProblem(options: { timeoutMs?: unknown; maxRetries?: unknown; signal?: unknown; onResponse?: unknown; headers?: unknown } | undefined): string | undefined {
  const problem = numberOptionProblem("options.timeoutMs", options?.timeoutMs) ?? numberOptionProblem("options.maxRetries", options?.maxRetries, true);
  if (problem) return problem;
  const { signal, onResponse, headers } = options ?? {};
  const kind = headersKindProblem("options.headers", headers);
  if (kind) return kind;
  if (signal != null && !isAbortSignal(signal)) return `options.signal must be an AbortSignal, got ${describeValue(signal)}`;
  if (onResponse != null && typeof onResponse !== "function") return `options.onResponse must be a function, got ${describeValue(onResponse)}`;
  return undefined;
}

/**
 * Why headers given as the option `name` cannot be read as headers; undefined when they can or are
 * not given. An object of names to values, a `Headers` object or `[name, value]` pairs are read as
 * fetch reads them (`headerRecord`); any other iterable (a `Map`) holds its entries out of reach of a
 * plain object's loop, so it is refused rather than sent as nothing.
 */
export function headersKindProblem(name: string, headers: unknown): string | undefined {
  if (headers === undefined) return undefined;
  if (typeof headers !== "object" || headers === null) return `${name} must be an object of header names and values, got ${describeValue(headers)}`;
  if (Symbol.iterator in headerRecord(headers)!) return `${name} must be an object of header names to strings, got a ${headers.constructor?.name ?? "iterable"} (pass Object.fromEntries(headers))`;
  return undefined;
}

/** An AbortSignal, or one of another realm or polyfill that behaves as one. */
function isAbortSignal(value: unknown): value is AbortSignal {
  if (typeof AbortSignal !== "undefined" && value instanceof AbortSignal) return true;
  const signal = value as Partial<AbortSignal> | null;
  return typeof signal === "object" && signal !== null && typeof signal.aborted === "boolean" && typeof signal.addEventListener === "function" && typeof signal.removeEventListener === "function";
}
