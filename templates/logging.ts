/**
 * A middleware that logs every HTTP attempt: method, URL, status, time taken, and the headers with
 * `Authorization`, cookies and other credentials replaced by `[redacted]`. Bodies are never logged.
 * Every text logged is masked with the attempt's secrets (its credential headers' values), since a
 * server may echo them in any header and an error may quote them. A log sink that throws changes
 * nothing about the call: the entry is lost, the attempt's answer or error stands.
 */
import { attemptSecrets, isCredentialHeader, maskValue } from "./mask.js";
import type { Middleware } from "./middleware.js";

/** What one attempt looked like, as the logging middleware reports it. */
export interface HttpLogEntry {
  method: string;
  url: string;
  /** The request headers, credentials redacted. */
  requestHeaders: Record<string, string>;
  /** Absent when the attempt failed without a response (`error` says why). */
  status?: number | undefined;
  responseHeaders?: Record<string, string> | undefined;
  durationMs: number;
  error?: string | undefined;
}

export interface LoggingOptions {
  /** Where entries go; default one `console.debug` line per attempt. */
  log?: ((entry: HttpLogEntry) => void) | undefined;
}

export const REDACTED = "[redacted]";

/** A middleware logging each attempt through `options.log`. */
export function loggingMiddleware(options: LoggingOptions = {}): Middleware {
  const log = options.log ?? ((entry: HttpLogEntry) => console.debug(formatLogEntry(entry)));
  return async (request, next) => {
    const started = Date.now();
    const secrets = attemptSecrets(request);
    const base = { method: request.method, url: request.url, requestHeaders: redactHeaders(request.headers) };
    // A sink that throws loses its entry, not the attempt: the answer (a POST's too) is the call's.
    const emit = (entry: HttpLogEntry) => {
      try {
        log(maskValue(entry, secrets()) as HttpLogEntry);
      } catch {
        // nothing to do: logging is no part of the call's outcome
      }
    };
    let response: Response;
    try {
      response = await next(request);
    } catch (error) {
      emit({ ...base, durationMs: Date.now() - started, error: (error as Error)?.message ?? String(error) });
      throw error;
    }
    emit({ ...base, status: response.status, responseHeaders: redactHeaders(response.headers), durationMs: Date.now() - started });
    return response;
  };
}

/** Headers as a plain object, every credential replaced by `[redacted]`. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name] = isCredentialHeader(name) ? REDACTED : value));
  return out;
}

/** `GET https://… → 200 (12 ms) request-id=…`, one line. */
export function formatLogEntry(entry: HttpLogEntry): string {
  const outcome = entry.status === undefined ? `failed: ${entry.error}` : String(entry.status);
  const requestId = entry.responseHeaders?.["request-id"];
  return `${entry.method} ${entry.url} → ${outcome} (${entry.durationMs} ms)${requestId ? ` request-id=${requestId}` : ""}`;
}
