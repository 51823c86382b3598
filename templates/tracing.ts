/**
 * A middleware that makes one OpenTelemetry client span per HTTP attempt, with the HTTP semantic
 * convention attributes, and sends its W3C `traceparent`. It takes a tracer from `@opentelemetry/api`
 * (an optional peer dependency): the types below are the part of that API it uses, so nothing here
 * imports the package and a program without OpenTelemetry never needs it. Every text put in a span is
 * masked with the attempt's secrets (its credential headers' values), since a server may echo them
 * (`request-id`) and an error may quote them.
 */
import { attemptSecrets, maskCause, maskText, maskValue } from "./mask.js";
import type { Middleware } from "./middleware.js";

/** The part of an OpenTelemetry `Span` the tracing middleware uses. */
export interface TracingSpan {
  spanContext(): { traceId: string; spanId: string; traceFlags: number };
  setAttribute(key: string, value: string | number | boolean): unknown;
  setStatus(status: { code: number; message?: string | undefined }): unknown;
  recordException(exception: Error | string): void;
  end(): void;
}

/** The part of an OpenTelemetry `Tracer` (`trace.getTracer("…")`) the tracing middleware uses. */
export interface TracingTracer {
  startSpan(name: string, options?: { kind?: number; attributes?: Record<string, string | number | boolean> }): TracingSpan;
}

export interface TracingOptions {
  /** Send the span as a W3C `traceparent` header, so Graph's side of the trace joins it. Default true. */
  propagate?: boolean | undefined;
}

/** OpenTelemetry's `SpanKind.CLIENT` and `SpanStatusCode.ERROR` (stable values of the API). */
const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;

/** A middleware tracing each attempt as a client span of `tracer`. */
export function tracingMiddleware(tracer: TracingTracer, options: TracingOptions = {}): Middleware {
  return async (request, next) => {
    const url = new URL(request.url);
    const secrets = attemptSecrets(request);
    const span = tracer.startSpan(request.method, {
      kind: SPAN_KIND_CLIENT,
      attributes: maskValue({ "http.request.method": request.method, "url.full": request.url, "server.address": url.hostname, "server.port": Number(url.port || (url.protocol === "https:" ? 443 : 80)) }, secrets()) as Record<string, string | number>,
    });
    try {
      const { traceId, spanId, traceFlags } = span.spanContext();
      // A no-op tracer's span has the all-zero (invalid) trace id: nothing to propagate.
      if ((options.propagate ?? true) && /[1-9a-f]/.test(traceId)) {
        request.headers.set("traceparent", `00-${traceId}-${spanId}-${(traceFlags & 0xff).toString(16).padStart(2, "0")}`);
      }
      const response = await next(request);
      span.setAttribute("http.response.status_code", response.status);
      const requestId = response.headers.get("request-id");
      if (requestId) span.setAttribute("graph.request_id", maskText(requestId, secrets()));
      if (response.status >= 400) {
        span.setAttribute("error.type", String(response.status));
        span.setStatus({ code: STATUS_ERROR });
      }
      return response;
    } catch (error) {
      const masked = secrets();
      const message = (error as Error)?.message;
      span.setAttribute("error.type", maskText(String((error as Error)?.name ?? "Error"), masked));
      // A copy with every text masked when the error mentions a secret, never the original.
      span.recordException(error instanceof Error ? (maskCause(error, masked) as Error) : maskText(String(error), masked));
      span.setStatus({ code: STATUS_ERROR, message: message === undefined ? undefined : maskText(String(message), masked) });
      throw error;
    } finally {
      span.end();
    }
  };
}
