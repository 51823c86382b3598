/**
 * Emits each slice's `index.ts` (its public API) and the package root `index.ts` (the main slice).
 */
import { hasHierarchy } from "../model/hierarchy.js";
import type { ApiModel, ResourceNode } from "../model/ir.js";
import { sortedBy } from "../util/order.js";
import { builderName, queryTypeNames } from "./request-builders.js";
import { printStatements } from "./print.js";

const RUNTIME_EXPORTS = [
  'export { GraphError, type GraphErrorCode, type GraphErrorDetail, type GraphErrorInit, type GraphsliceErrorCode } from "../runtime/errors.js";',
  'export { parseODataJson, serializeODataJson, unknownODataType } from "../runtime/odata-type.js";',
  'export { NATIONAL_CLOUDS, cloudBaseUrl, type NationalCloud } from "../runtime/clouds.js";',
  'export type { AccessToken, GetTokenOptions, TokenCredential, TokenInput, TokenProvider } from "../runtime/auth.js";',
  'export type { GraphClientOptions } from "../runtime/runtime.js";',
  'export type { AcceptWithoutHash, Flags, ODataAnnotations, Page, PagingOptions, RequestBody, RequestOptions, ResponseInfo, UnknownODataType } from "../runtime/types.js";',
];

export function emitSliceIndexFile(model: ApiModel, header: string): string {
  const modelNames = sortedBy(model.types.values(), (t) => t.tsName).flatMap((t) =>
    t.kind === "object" && hasHierarchy(t, model.types) ? [t.tsName, `${t.tsName}Base`, `Unknown${t.tsName}`] : [t.tsName],
  );
  const builders = builderNames(model.root).filter((n) => n !== "GraphClient");
  return printStatements(header, [
    `export { createGraphClient, GraphClient, ${builders.join(", ")} } from "./client.js";`,
    ...(queryTypeNames(model.root).length ? [`export type { ${queryTypeNames(model.root).sort().join(", ")} } from "./client.js";`] : []),
    `export type { ${[...modelNames].sort().join(", ")} } from "./models.js";`,
    'export { createLowLevelClient } from "./low-level.js";',
    'export type { components, operations, paths } from "./paths.js";',
    ...RUNTIME_EXPORTS,
  ]);
}

export function emitRootIndexFile(main: string, header: string): string {
  return printStatements(header, [`export * from "./${main}/index.js";`]);
}

function builderNames(node: ResourceNode): string[] {
  return [builderName(node), ...node.children.flatMap(builderNames)];
}
