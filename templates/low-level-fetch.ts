/**
 * The fetch the low-level openapi-fetch client runs on: the same auth, retries, redirects and timeouts
 * as the request builders, and the same `@odata.type` normalisation both ways for JSON. The body is
 * read inside the call, so the timeout and the retry of a reset mid-body cover it too.
 *
 * Binary content goes byte for byte both ways: a request body the serializer sent as binary (see
 * `serializeLowLevelBody`) is sent as its bytes with its Content-Type, and an answer is passed on as
 * its bytes unless it is JSON read as JSON or text (a non-JSON content type, or `parseAs` `blob`,
 * `arrayBuffer` or `stream`).
 */
import { normalizeODataTypes } from "./odata-type.js";
import type { GraphRuntime } from "./runtime.js";
import { serializeLowLevelBody, type LowLevelCall } from "./low-level-serializers.js";
import { callContext, invalidResponse } from "./errors.js";
import { exchange, isJsonContentType, isTooLongForText, type ExchangeResult } from "./transport.js";

/** How openapi-fetch's `parseAs` values that want the bytes as they came. */
const RAW = new Set(["blob", "arrayBuffer", "stream"]);

/**
 * The content of a slice's operations that is not JSON, by `"<METHOD> <path template>"`: `body`, the
 * request media type (a string body is then binary content too); `answer: "blob"`, an operation
 * answering binary content, read as a Blob unless the call says otherwise (as `paths` types it).
 */
export type LowLevelMedia = Record<string, { body?: string; answer?: "blob" }>;

/** `call`: what the call's body serializer decided (binary content and its type) and its `parseAs`. */
export function lowLevelFetch(runtime: GraphRuntime, call: LowLevelCall = {}): (request: Request) => Promise<Response> {
  return async (request) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    let body: string | ArrayBuffer | undefined;
    if (request.body) {
      if (call.binaryType !== undefined) headers["content-type"] = call.binaryType;
      // JSON from the serializer (or a caller's own, labelled JSON) is normalised; anything else is bytes.
      body = call.binaryType === undefined && isJsonContentType(request.headers) ? normalizeODataTypes(await request.text()) : await request.arrayBuffer();
    }
    const result = await exchange(runtime.transport, { method: request.method, url: request.url, headers, body, read: "blob", options: { signal: request.signal } });
    const { response, text, blob } = result;
    const json = isJsonContentType(response.headers);
    // The body is now read (and decompressed): its old length and encoding no longer apply.
    const responseHeaders = new Headers(response.headers);
    responseHeaders.delete("content-length");
    responseHeaders.delete("content-encoding");
    // A null-body status (204, 304) must not be given a body, not even an empty one.
    const init = { status: response.status, statusText: response.statusText, headers: responseHeaders };
    if (blob) {
      if (blob.size === 0) return new Response(null, init);
      return new Response(json && !RAW.has(call.parseAs ?? "json") ? normalizeODataTypes(await textOf(blob, result)) : blob, init);
    }
    // An error answer (read as text, with any token it echoes masked).
    return new Response(text === "" ? null : json ? normalizeODataTypes(text) : text, init);
  };
}

/** A JSON answer's text; one too large for a string is an `invalidResponse`, as the request builders' is. */
async function textOf(blob: Blob, result: ExchangeResult): Promise<string> {
  try {
    return await blob.text();
  } catch (error) {
    if (!isTooLongForText(error)) throw error;
    throw invalidResponse(result.response, "", callContext({ ...result, cause: undefined }), "a body short enough to read as text", { cause: error });
  }
}

type Init = Record<string, unknown> & { parseAs?: string; bodySerializer?: unknown; fetch?: unknown };
type Send = (method: string, path: string, init?: Init) => Promise<unknown>;
const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/**
 * The openapi-fetch `client` with each call told its operation's content (`media`): a body of binary
 * content is sent as it is with the operation's media type (or the caller's Content-Type, or
 * `application/octet-stream`), an operation answering binary content answers a Blob. A call that
 * brings its own `fetch` or `bodySerializer` keeps it.
 */
export function withLowLevelMedia<C extends object>(client: C, runtime: GraphRuntime, media: LowLevelMedia): C {
  const request = (client as unknown as { request: Send }).request;
  const send: Send = async (method, path, init = {}) => {
    const known = media[`${method} ${path}`];
    const call: LowLevelCall = { mediaType: known?.body, parseAs: init.parseAs ?? known?.answer };
    return request(method, path, {
      ...init,
      ...(call.parseAs === undefined ? {} : { parseAs: call.parseAs }),
      bodySerializer: init.bodySerializer ?? ((body: unknown, headers?: Headers) => serializeLowLevelBody(body, headers, call)),
      fetch: init.fetch ?? lowLevelFetch(runtime, call),
    });
  };
  const calls: Record<string, unknown> = { request: (method: string, path: string, init?: Init) => send(method.toUpperCase(), path, init) };
  for (const method of METHODS) calls[method] = (path: string, init?: Init) => send(method, path, init);
  return { ...client, ...calls } as C;
}
