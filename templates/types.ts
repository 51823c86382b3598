/**
 * Types shared by every generated model and request builder.
 *
 * Graph's OpenAPI puts `additionalProperties: {type: object}` on every schema. Taken literally that
 * forbids `"@odata.type"` and every derived-type property, so the documented PATCH body would not
 * compile. graphslice models Graph's openness in three precise ways instead:
 * - instance annotations (`@odata.etag`, `target@odata.type`, …) are always allowed: {@link ODataAnnotations};
 * - a value of a derived type the spec does not know is an `Unknown…` member of the polymorphic union,
 *   tagged with {@link UnknownODataType} and open to any property;
 * - every property the spec does know is typed, so a misspelt property on a known type fails to compile.
 * At run time nothing is ever dropped: unknown properties and types travel through untouched.
 */

declare const unknownODataTypeBrand: unique symbol;

/**
 * An `@odata.type` value naming a type this SDK was not generated with (for example one Graph added
 * later). The brand keeps `switch (x["@odata.type"])` narrowing exact for the known types; make one
 * with `unknownODataType("microsoft.graph.newType")`.
 */
export type UnknownODataType = `#${string}` & { readonly [unknownODataTypeBrand]: true };

/** OData instance and property annotations (`@odata.etag`, `target@odata.type`, …), always allowed. */
export interface ODataAnnotations {
  [annotation: `${string}@${string}`]: unknown;
}

/**
 * A flags enum value: one member, or several joined by commas (`"android,iOS"`), as Graph sends them
 * for `x-ms-enum-flags` / CSDL `IsFlags` enums.
 */
export type Flags<Member extends string> = Member | `${Member},${string}`;

/** An `@odata.type` literal, also accepted without its leading `#` (a branded unknown type stays as it is). */
export type AcceptWithoutHash<T> = T extends UnknownODataType ? T : T extends `#${infer Name}` ? T | Name : T;

/**
 * The type of a request body: the model type, except that `@odata.type` may also be written without
 * the leading `#` (`"microsoft.graph.groupAssignmentTarget"`), as Graph's own documentation does.
 * The runtime adds the `#` on the wire.
 */
export type RequestBody<T> = T extends readonly (infer Item)[]
  ? RequestBody<Item>[]
  : T extends object
    ? { [K in keyof T]: K extends "@odata.type" ? AcceptWithoutHash<T[K]> : RequestBody<T[K]> }
    : T;

/** Binary content for an upload (`PUT …/content`): sent as it is, never as JSON. */
export type BinaryBody = Blob | ArrayBuffer | ArrayBufferView | string;

/** One page of a collection, as Graph returns it. */
export interface Page<T> extends ODataAnnotations {
  value: T[];
  /** Absolute URL of the next page; absent on the last page. */
  "@odata.nextLink"?: string | null | undefined;
  /** Total number of items, when the request asked for `count: true`. */
  "@odata.count"?: number | undefined;
  /** On the last page of a delta query: the URL that asks for the changes since this one. */
  "@odata.deltaLink"?: string | null | undefined;
}

/** What a successful response looked like, for callers that need status or headers. */
export interface ResponseInfo {
  status: number;
  headers: Headers;
  /** Graph's `request-id` header: quote it to Microsoft support. */
  requestId: string | undefined;
  /** The `client-request-id` this SDK sent (one per logical request, kept across retries). */
  clientRequestId: string;
  /** Number of HTTP attempts made, including retries. */
  attempts: number;
}

/** Options every call accepts. */
export interface RequestOptions {
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal | undefined;
  /** Extra request headers. */
  headers?: Record<string, string> | undefined;
  /** Per-call timeout for the whole call (all attempts); overrides the client default. */
  timeoutMs?: number | undefined;
  /** Retries allowed for this call; overrides the client default. */
  maxRetries?: number | undefined;
  /** Check the body against the spec before sending; overrides the client default (on). */
  validate?: boolean | undefined;
  /** Called with the status, headers and request ids of the successful response. */
  onResponse?: ((info: ResponseInfo) => void) | undefined;
}

/** Options for walking a collection. */
export interface PagingOptions extends RequestOptions {
  /** Stop with an error after this many pages (a guard against endless nextLink chains). Default 1,000. */
  maxPages?: number | undefined;
  /**
   * Resume from a saved `@odata.nextLink` instead of the first page: an absolute http(s) URL (else
   * `invalidRequest`) on the client's origin (else `foreignUrl`); nothing is sent otherwise.
   */
  nextLink?: string | undefined;
}

/** Options of `graph.batch()`; `signal`, `timeoutMs` and `headers` cover the whole batch, every `$batch` request included. */
export interface BatchOptions extends Pick<RequestOptions, "signal" | "headers" | "timeoutMs" | "maxRetries"> {
  /** Run the calls one after another (`dependsOn`): once one fails, every later one is rejected (424). */
  sequential?: boolean | undefined;
}

/** One settled result per batched call, in call order, each typed as the call's own result. */
export type BatchResults<T extends readonly unknown[]> = { -readonly [K in keyof T]: PromiseSettledResult<Awaited<T[K]>> };

/**
 * OData's query options as Graph's descriptions document them. An operation's query type picks the
 * ones it allows (`Pick<ODataQuery<S, E>, "top" | "select">`); `S` is what `select` takes, `E` what
 * `expand` takes.
 */
export interface ODataQuery<S extends string = string, E extends string = string> {
  /** Show only the first n items. Sent as `$top`. */
  top?: number | undefined;
  /** Skip the first n items. Sent as `$skip`. */
  skip?: number | undefined;
  /** Search items by search phrases. Sent as `$search`. */
  search?: string | undefined;
  /** Filter items by property values. Sent as `$filter`. */
  filter?: string | undefined;
  /** Include count of items. Sent as `$count`. */
  count?: boolean | undefined;
  /** Order items by property values. Sent as `$orderby`. */
  orderby?: readonly string[] | undefined;
  /** Select properties to be returned. Sent as `$select`. */
  select?: readonly S[] | undefined;
  /** Expand related entities. Sent as `$expand`. */
  expand?: readonly E[] | undefined;
}

/** The property names `select` takes: those of the model (of any member, for a union), without annotations. */
export type PropertyName<T> = T extends unknown ? Exclude<keyof T, number | symbol | `${string}@${string}`> : never;

/**
 * The result of a call with `select`: only the selected properties (and every `@odata.*` annotation);
 * with no `select` (`S` is `never`), the whole model.
 */
export type Selected<T, S extends string> = [S] extends [never] ? T : T extends unknown ? Pick<T, Extract<keyof T, S | `${string}@${string}`>> : never;
