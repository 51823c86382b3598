/**
 * Whether a path item declares a bound action or function: one of its operations says so with
 * `x-ms-docs-operation-type` (as descriptions without the namespace prefix, `delta()`,
 * `getByPath(path='{path}')`, must).
 */
import type { OpenAPIV3 } from "openapi-types";

/** The HTTP methods of a path item that the generator reads as operations. */
export const METHODS = ["get", "post", "patch", "put", "delete"] as const;

export function declaresCall(item: OpenAPIV3.PathItemObject | undefined): boolean {
  return METHODS.some((method) => isDeclaredCall(item?.[method]));
}

/** True when the description declares the operation a bound action or function (`x-ms-docs-operation-type`). */
export function isDeclaredCall(operation: OpenAPIV3.OperationObject | undefined): boolean {
  const docsType = (operation as { "x-ms-docs-operation-type"?: string } | undefined)?.["x-ms-docs-operation-type"];
  return docsType === "action" || docsType === "function";
}
