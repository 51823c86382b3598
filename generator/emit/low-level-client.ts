/**
 * Emits `low-level.ts`: openapi-fetch typed by `paths.ts`, running on the same runtime as the request
 * builders (auth, retries, redirects, timeouts, `@odata.type` normalisation).
 */
import type { ApiModel } from "../model/ir.js";
import { printStatements } from "./print.js";

export function emitLowLevelFile(model: ApiModel, header: string): string {
  return printStatements(header, [
    'import createClient, { type Client } from "openapi-fetch";',
    'import { lowLevelFetch } from "../runtime/low-level-fetch.js";',
    'import { serializeLowLevelBody, serializeLowLevelPath } from "../runtime/low-level-serializers.js";',
    'import { createRuntime, type GraphClientOptions } from "../runtime/runtime.js";',
    'import type { paths } from "./paths.js";',
    `/**
 * A typed low-level client for the ${model.name} slice: openapi-fetch over the spec's \`paths\`, sharing
 * the runtime of \`createGraphClient\`. Calls return \`{ data, error, response }\` instead of throwing
 * for Graph errors; the path and query are spelled as in the spec.
 *
 * @example
 * const { data, error } = await api.GET("/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments", {
 *   params: { path: { "deviceManagementConfigurationPolicy-id": policyId }, query: { $top: 10 } },
 * });
 */
export function createLowLevelClient(options: GraphClientOptions = {}): Client<paths> {
  const runtime = createRuntime(options);
  return createClient<paths>({
    baseUrl: runtime.baseUrl,
    fetch: lowLevelFetch(runtime),
    // OData wants $select=a,b (explode: false), not $select=a&$select=b.
    querySerializer: { array: { style: "form", explode: false } },
    // Keys as the typed builders encode them: no id (\`..\`, \`.\`, "") can change the path.
    pathSerializer: serializeLowLevelPath,
    // NaN, Infinity, functions and symbols are refused, naming their path, instead of being sent as null or dropped.
    bodySerializer: serializeLowLevelBody,
  });
}`,
  ]);
}
