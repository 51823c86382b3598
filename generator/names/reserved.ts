/**
 * Naming stage: identifiers a generated name must never take.
 * - Exports: every name the runtime exports (a slice's index re-exports many of them, and its
 *   client imports others) and the global types generated code uses. A test checks that this list
 *   covers every export of `templates/`.
 * - Builder members: what `RequestBuilder` itself defines.
 * - Option keys: what `RequestOptions` / `PagingOptions` define, which header parameters join.
 */
export const RESERVED_EXPORTS = [
  // Everything the runtime (templates/) exports.
  "AcceptWithoutHash", "AccessToken", "BinaryBody", "DEFAULT_MAX_PAGES", "DEFAULT_RETRY_POLICY",
  "DEFAULT_TIMEOUT_MS", "EnumSchema", "Exchange", "ExchangeResult", "Flags", "GraphClientOptions",
  "GraphError", "GraphErrorDetail", "GraphErrorInit", "GraphRequest", "GraphRuntime", "MAX_REDIRECTS",
  "NATIONAL_CLOUDS", "NationalCloud", "ODataAnnotations", "ObjectSchema", "Page", "PagingOptions",
  "RequestBody", "RequestBuilder", "RequestOptions", "ResponseInfo", "RetryPolicy", "SYSTEM_QUERY_OPTIONS",
  "Schema", "TokenCredential", "TokenInput", "TokenProvider", "TokenSource", "TransportConfig", "TypeSpec",
  "UnknownODataType", "cloudBaseUrl", "createRuntime", "createTokenSource", "defaultScope", "describeBody",
  "encodeKey", "encodeLiteral", "encodeQuery", "errorFromResponse", "exchange", "isCredentialHeader",
  "isOnOrigin", "isRedirect", "isRetryableOnNetworkError", "isRetryableStatus", "iterateItems",
  "iteratePages", "lowLevelFetch", "methodAfterRedirect", "normalizeODataTypes", "parseODataJson",
  "parseUrl", "retryDelayMs", "serializeODataJson", "sleep", "unknownODataType", "untilAborted",
  "validateValue",
  // The slice's own entry points and files.
  "createGraphClient", "GraphClient", "createLowLevelClient", "components", "operations", "paths", "schema", "Models",
  // TypeScript and platform globals that appear in generated signatures.
  "Array", "ArrayBuffer", "ArrayBufferView", "AsyncGenerator", "Blob", "Boolean", "Date", "Error", "Headers", "JSON", "Map",
  "Number", "Object", "Promise", "ReadableStream", "Record", "Request", "Response", "Set", "String", "Symbol", "Uint8Array",
];

export const RESERVED_MEMBERS = ["constructor", "path", "runtime"];

export const RESERVED_OPTION_KEYS = ["signal", "headers", "timeoutMs", "maxRetries", "validate", "onResponse", "maxPages", "nextLink"];
