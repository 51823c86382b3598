/**
 * Naming stage: identifiers a generated name must never take.
 * - Exports: every name the runtime exports (a slice's index re-exports many of them, and its
 *   client imports others), the global types generated code uses and the type parameters it
 *   declares. Tests check that this list covers every export of `templates/`, and every global type
 *   and type parameter of the generated files.
 * - Builder members: what `RequestBuilder` itself defines.
 * - Option keys: what `RequestOptions` / `PagingOptions` define, which header parameters join.
 */
export const RESERVED_EXPORTS = [
  // Everything the runtime (templates/) exports.
  "AcceptWithoutHash", "AccessToken", "BatchOptions", "BatchResults", "BinaryBody", "CallContext", "DEFAULT_MAX_PAGES",
  "DEFAULT_RETRY_POLICY", "DEFAULT_TIMEOUT_MS", "EnumSchema", "Exchange", "ExchangeResult", "Flags",
  "GetTokenOptions", "GraphClientOptions", "GraphError", "GraphErrorCode", "GraphErrorDetail",
  "GraphErrorInit", "GraphRequest", "HttpLogEntry", "LoggingOptions", "MAX_BATCH_SIZE", "Middleware", "PreparedRequest", "PropertyName", "REDACTED", "SDK_VERSION", "SDK_VERSION_HEADER", "Selected", "TracingOptions", "TracingSpan", "TracingTracer", "chainMiddleware", "formatLogEntry", "loggingMiddleware", "redactHeaders", "sendBatch", "tracingMiddleware", "GraphRuntime", "GraphsliceErrorCode", "MASK", "MAX_REDIRECTS",
  "MAX_TIMER_MS", "NATIONAL_CLOUDS", "NationalCloud", "ODataAnnotations", "ODataQuery", "ObjectSchema", "Page",
  "PagingOptions", "RequestBody", "RequestBuilder", "Route", "RouteArgument", "Routes", "OperationIndex", "OperationIndexes", "OperationIndexSource", "operationIndexOf", "LazyOperations", "lazyOperations", "BodyTable", "BodyTables", "VERBS", "CALL_ARGS", "QUERY_WIRE_NAMES", "builderMembers", "COUNT_QUERY", "defaultCallSegment", "defaultGetterSegment", "verbRule", "VerbRule", "createClient", "memberKey", "HeaderOptions", "RequestOptions", "ResponseInfo", "RetryPolicy",
  "Schema", "TokenCredential", "TokenInput", "TokenProvider", "TokenSource", "TransportConfig", "TypeSpec",
  "UnknownODataType", "backoffMs", "callContext", "claimsChallenge", "cloudBaseUrl", "createRuntime",
  "createTokenSource", "defaultScope", "describeBody", "describeValue", "encodeAlternateKey", "encodeKey", "encodeLiteral", "encodeQuery",
  "errorFromResponse", "exchange", "findUnsendable", "Unsendable", "describeThrown", "wireValue", "WireValue", "stringifyWire", "headersKindProblem", "headerProblem", "headerSecrets", "invalidResponse", "numberOptionProblem", "callOptionsProblem", "isHttpStatus", "answersNothing", "isJsonMediaType", "attemptSecrets", "COUNT_EXPECTED", "countOf", "requestSecrets", "SuccessAnswer", "unsendableObject", "LowLevelMedia", "withLowLevelMedia", "LowLevelCall", "isBinaryValue", "headerRecord",
  "isCredentialHeader", "isHttpUrl", "isJsonContentType", "isOnOrigin", "isRedirect",
  "isRetryableOnNetworkError", "isRetryableStatus", "isValidHeaderValue", "iterateItems", "iteratePages",
  "lowLevelFetch", "maskCause", "maskText", "maskValue", "methodAfterRedirect", "normalizeODataTypes",
  "onAbort", "parseODataJson", "parseRetryAfter", "parseUrl", "retryDelayMs", "serializeLowLevelBody",
  "lowLevelPathSerializer", "lowLevelQuerySerializer", "serializeODataJson", "serverDelayMs", "sleep", "startTimer", "unknownODataType",
  "unsendablePrimitive", "untilAborted", "urlProblem", "validateValue", "withoutExcerpt", "isTooLongForText", "SENDING", "Sending",
  // The slice's own entry points, files and module-level names.
  "createGraphClient", "routes", "bodies", "calls", "operationIndexes", "headerOptions", "mediaSegments", "GraphClient", "createLowLevelClient", "components", "operations", "paths", "schema", "Models",
  // The global types generated code uses (a model of that name would shadow them), and TypeScript's
  // utility types an emitter may write; a test checks that every global type the generated files
  // refer to is here.
  "AsyncGenerator", "Blob", "Promise", "Pick", "Omit", "Partial", "Required", "Readonly", "Record", "Exclude", "Extract", "NonNullable", "ReturnType",
  // The type parameters generated signatures declare: `get<S extends PropertyName<User>>`, `batch<const T …>`.
  // A model of that name would be shadowed inside them (TS2313, TS2744).
  "S", "T",
];

// `batch` belongs to the root client; no builder member takes it, so no path segment can shadow it.
// `path` is every builder's own; `toJSON` serialises it as its path; `then` would make a builder look
// like a promise to `await`; `Object.prototype`'s members (`toString`, `constructor`, …) stay the
// builder's own, so a segment of such a name is renamed.
export const RESERVED_MEMBERS = ["batch", "path", "then", "toJSON", ...Object.getOwnPropertyNames(Object.prototype)].sort();

export const RESERVED_OPTION_KEYS = ["signal", "headers", "timeoutMs", "maxRetries", "validate", "onResponse", "maxPages", "nextLink"];
