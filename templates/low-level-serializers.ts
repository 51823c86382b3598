/**
 * How the low-level openapi-fetch client writes paths, queries and bodies: the same way the request
 * builders do. openapi-fetch's own path serializer leaves `.` unencoded, so an id `..` or `.` (or an empty
 * one) would be resolved as a dot segment and reach another resource (`…/assignments/..` is the
 * policy itself), and a quote in a function parameter or an alternate key would end its literal; its
 * query serializer sends `NaN`, `null` in an array and `[object Object]`, an object as `$expand[a]=1`,
 * and throws a bare URIError on a lone surrogate; its body serializer sends NaN as null and drops functions. All are refused or encoded here,
 * before anything is sent, with the error the typed client gives.
 *
 * Binary content is sent as it is, never as JSON: a `Blob`, `ArrayBuffer`, typed array or
 * `DataView` always (its type says so), and a string when the call's Content-Type, the caller's or
 * else the operation's request media type in `paths`, is not JSON.
 */
import { describeValue } from "./describe-value.js";
import { GraphError } from "./errors.js";
import { serializeODataJson } from "./odata-type.js";
import { headerRecord, isValidHeaderValue } from "./request-check.js";
import { isJsonMediaType } from "./transport.js";
import { encodeAlternateKey, encodeKey, encodeLiteral, encodeQuery } from "./url.js";

/**
 * The path serializer of a low-level client on `baseUrl` whose spec addresses sets by the
 * `alternateKeys` listed (each the path up to and including its key, `/applications(appId='{appId}')`). It replaces each
 * `{name}` in a path with its value: as one key segment (`/{id}`), or, inside parentheses, as the
 * OData literal the typed client sends, an alternate key's (never empty or null) or else a function
 * parameter's (where null is a literal too): `'{name}'` a string literal, quotes doubled; `={name}`
 * any other. So no value can end its literal or its segment.
 */
export function lowLevelPathSerializer(baseUrl: string, alternateKeys: readonly string[]): (url: string, params: Record<string, unknown>) => string {
  const keys = new Set(alternateKeys);
  // openapi-fetch hands over the base URL followed by the spec's path: the client's, or one a call
  // sets, after which the path is told by its end.
  const throughAlternateKey = (upToKey: string) =>
    upToKey.startsWith(baseUrl) ? keys.has(upToKey.slice(baseUrl.length)) : alternateKeys.some((path) => upToKey.endsWith(path));
  return (pathname, params) =>
    pathname.replace(/('?)\{([^{}]+)\}\1/g, (_, quote: string, name: string, offset: number) => {
      const value = Object.hasOwn(params, name) ? params[name] : undefined;
      if (quote || pathname[offset - 1] === "=") {
        return (throughAlternateKey(pathname.slice(0, pathname.indexOf(")", offset) + 1)) ? encodeAlternateKey : encodeLiteral)(value, quote === "'", name);
      }
      // A number key is sent as its digits; anything else must already be a string.
      return encodeKey((typeof value === "number" && Number.isFinite(value) ? String(value) : value) as string, name);
    });
}

/**
 * The query serializer: the spec's query parameters are already wire names (`$top`), written as the
 * request builders write them (encodeQuery): arrays comma-joined (OData's `explode: false`), `undefined`
 * and empty arrays left out, and any value that is not a string, finite number or boolean refused
 * with an `invalidRequest` GraphError naming the option, before anything is sent.
 */
export function lowLevelQuerySerializer(query: Record<string, unknown>): string {
  return encodeQuery(query);
}

/** What one low-level call knows of its content, shared by its body serializer and its fetch. */
export interface LowLevelCall {
  /** The operation's request media type, when it is not JSON (`application/octet-stream`). */
  mediaType?: string | undefined;
  /** How openapi-fetch reads the answer (`parseAs`): `blob`, `arrayBuffer` and `stream` get the bytes as they came. */
  parseAs?: string | undefined;
  /** Set by `serializeLowLevelBody`: the Content-Type the body is sent with as binary content; unset for JSON. */
  binaryType?: string | undefined;
}

/** Binary content by its type: a `Blob`, an `ArrayBuffer` or a view of one (typed array, `DataView`, Buffer). */
export function isBinaryValue(value: unknown): value is Blob | ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value) || (typeof Blob !== "undefined" && value instanceof Blob);
}

/**
 * The request body as sent: binary content as it is (recording its Content-Type in `call`), anything
 * else as JSON (`@odata.type` with its `#`); or an `invalidRequestBody` GraphError naming the body.
 * `headers` are the call's own (openapi-fetch passes them): a Content-Type there decides over the
 * operation's media type.
 */
export function serializeLowLevelBody(body: unknown, headers?: Headers | Record<string, unknown>, call?: LowLevelCall): string | Blob | ArrayBuffer | ArrayBufferView {
  const type = contentTypeOf(headers) ?? call?.mediaType;
  if (isBinaryValue(body) || (type !== undefined && !isSendableJsonType(type))) {
    if (typeof body !== "string" && !isBinaryValue(body)) {
      throw notSent("body", `body: expected binary content (a Blob, ArrayBuffer, typed array or string) for ${type}, got ${describeValue(body)}`);
    }
    if (call) call.binaryType = type ?? "application/octet-stream";
    return body;
  }
  try {
    return serializeODataJson(body, "body");
  } catch (error) {
    // Every error of serializeODataJson is a TypeError naming its path.
    const { message, path, cause } = error as TypeError & { path: string };
    throw notSent(path, message, cause);
  }
}

function notSent(target: string, problem: string, cause?: unknown): GraphError {
  return new GraphError({ status: 0, code: "invalidRequestBody", target, cause, message: `not sent: ${problem}` });
}

function contentTypeOf(headers: Headers | Record<string, unknown> | undefined): string | undefined {
  const record: Record<string, unknown> = headerRecord(headers) ?? {};
  for (const name in record) {
    const value = record[name];
    if (name.toLowerCase() === "content-type" && value !== undefined && value !== null) return String(value);
  }
  return undefined;
}

/** A JSON media type that can be sent as a header value (one that cannot is not JSON, and the transport refuses it before sending). */
function isSendableJsonType(type: string): boolean {
  return isValidHeaderValue(type) && isJsonMediaType(type);
}
