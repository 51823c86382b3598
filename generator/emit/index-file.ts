/**
 * Emits each slice's `index.ts` (its public API) and the package root `index.ts` (the main slice).
 */
import type { ApiModel, ResourceNode } from "../model/ir.js";
import { compareStrings } from "../util/order.js";
import { printStatements } from "./print.js";

const RUNTIME_EXPORTS = [
  'export { GraphError, type GraphErrorCode, type GraphErrorDetail, type GraphErrorInit, type GraphsliceErrorCode } from "../runtime/errors.js";',
  'export { parseODataJson, serializeODataJson, unknownODataType } from "../runtime/odata-type.js";',
  'export { NATIONAL_CLOUDS, cloudBaseUrl, type NationalCloud } from "../runtime/clouds.js";',
  'export type { AccessToken, GetTokenOptions, TokenCredential, TokenInput, TokenProvider } from "../runtime/auth.js";',
  'export type { GraphClientOptions } from "../runtime/runtime.js";',
  'export type { RequestBuilder } from "../runtime/request-builder.js";',
  'export type { AcceptWithoutHash, BatchOptions, BatchResults, BinaryBody, Flags, ODataAnnotations, ODataQuery, Page, PagingOptions, PropertyName, RequestBody, RequestOptions, ResponseInfo, Selected, UnknownODataType } from "../runtime/types.js";',
  'export type { Middleware } from "../runtime/middleware.js";',
  'export { REDACTED, formatLogEntry, loggingMiddleware, redactHeaders, type HttpLogEntry, type LoggingOptions } from "../runtime/logging.js";',
  'export { tracingMiddleware, type TracingOptions, type TracingSpan, type TracingTracer } from "../runtime/tracing.js";',
  'export { SDK_VERSION } from "../runtime/version.js";',
];

export function emitSliceIndexFile(model: ApiModel, header: string): string {
  const modelNames = [...model.types.values()].flatMap((t) => [t.tsName, ...(t.kind === "object" && t.baseName ? [t.baseName, t.unknownName!] : [])]);
  const builders = builderNames(model.root).filter((n) => n !== "GraphClient");
  const interfaces = operationTypeNames(model.root).sort(compareStrings);
  return printStatements(header, [
    'export { createGraphClient } from "./client.js";',
    `export type { ${["GraphClient", ...builders, ...interfaces].join(", ")} } from "./client.js";`,
    `export type { ${modelNames.sort(compareStrings).join(", ")} } from "./models.js";`,
    'export { createLowLevelClient } from "./low-level.js";',
    'export type { components, operations, paths } from "./paths.js";',
    ...RUNTIME_EXPORTS,
  ]);
}

export function emitRootIndexFile(main: string, header: string): string {
  return printStatements(header, [`export * from "./${main}/index.js";`]);
}

function builderNames(node: ResourceNode): string[] {
  return [node.builderName, ...node.children.flatMap(builderNames)];
}

/** The query and options interfaces `client.ts` declares. */
function operationTypeNames(node: ResourceNode): string[] {
  const own = node.operations.flatMap((op) => [op.queryName, op.optionsName].filter((n): n is string => n !== undefined));
  return [...own, ...node.children.flatMap(operationTypeNames)];
}
