/**
 * The fetch the low-level openapi-fetch client runs on: the same auth, retries, redirects and timeouts
 * as the request builders, and the same `@odata.type` normalisation both ways. The body is read inside
 * the call, so the timeout and the retry of a reset mid-body cover it too.
 */
import { normalizeODataTypes } from "./odata-type.js";
import type { GraphRuntime } from "./runtime.js";
import { exchange, isJsonContentType } from "./transport.js";

export function lowLevelFetch(runtime: GraphRuntime): (request: Request) => Promise<Response> {
  return async (request) => {
    const body = request.body ? normalizeODataTypes(await request.text()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const { response, text } = await exchange(runtime.transport, { method: request.method, url: request.url, headers, body, options: { signal: request.signal } });
    const json = isJsonContentType(response.headers);
    // The body is now decoded text of another length: its old length and encoding no longer apply.
    const responseHeaders = new Headers(response.headers);
    responseHeaders.delete("content-length");
    responseHeaders.delete("content-encoding");
    // A null-body status (204, 304) must not be given a body, not even an empty one.
    const init = { status: response.status, statusText: response.statusText, headers: responseHeaders };
    return new Response(text === "" ? null : json ? normalizeODataTypes(text) : text, init);
  };
}
