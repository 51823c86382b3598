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

/**
 * A middleware tracing each attempt as a client span of `tracer`. A tracer or span that throws changes
 * nothing about the call: the attempt goes out (untraced, if no span could be started) and its answer
 * or error stands, so a telemetry fault can never fail a request or make it be sent again.
 */
export function tracingMiddleware(tracer: TracingTracer, options: TracingOptions = {}): Middleware {
  return async (request, next) => {
    const url = new URL(request.url);
    const secrets = attemptSecrets(request);
    const attributes = { "http.request.method": request.method, "url.full": request.url, "server.address": url.hostname, "server.port": Number(url.port || (url.protocol === "https:" ? 443 : 80)) };
    const span = quietly(() => tracer.startSpan(request.method, { kind: SPAN_KIND_CLIENT, attributes: maskValue(attributes, secrets()) as Record<string, string | number> }));
    /** One use of the span; what it throws is the tracer's fault, not the request's. */
    const onSpan = (use: (span: TracingSpan) => unknown) => span && quietly(() => use(span));
    onSpan((span) => {
      const { traceId, spanId, traceFlags } = span.spanContext();
      // A no-op tracer's span has the all-zero (invalid) trace id: nothing to propagate.
      if ((options.propagate ?? true) && /[1-9a-f]/.test(traceId)) {
        request.headers.set("traceparent", `00-${traceId}-${spanId}-${(traceFlags & 0xff).toString(16).padStart(2, "0")}`);
      }
    });
    let response: Response;
    try {
      response = await next(request);
    } catch (error) {
      const masked = secrets();
      const message = (error as Error)?.message;
      onSpan((span) => span.setAttribute("error.type", maskText(String((error as Error)?.name ?? "Error"), masked)));
      // A copy with every text masked when the error mentions a secret, never the original.
      onSpan((span) => span.recordException(error instanceof Error ? (maskCause(error, masked) as Error) : maskText(String(error), masked)));
      onSpan((span) => span.setStatus({ code: STATUS_ERROR, message: message === undefined ? undefined : maskText(String(message), masked) }));
      onSpan((span) => span.end());
      throw error;
    }
    onSpan((span) => span.setAttribute("http.response.status_code", response.status));
    const requestId = response.headers.get("request-id");
    if (requestId) onSpan((span) => span.setAttribute("graph.request_id", maskText(requestId, secrets())));
    if (response.status >= 400) {
      onSpan((span) => span.setAttribute("error.type", String(response.status)));
      onSpan((span) => span.setStatus({ code: STATUS_ERROR }));
    }
    onSpan((span) => span.end());
    return response;
  };
}

/** `run()`, or undefined when it throws. */
function quietly<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
