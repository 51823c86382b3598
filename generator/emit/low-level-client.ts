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
    'import { createRuntime, type GraphClientOptions } from "../runtime/runtime.js";',
    'import type { paths } from "./paths.js";',
    'import { schema } from "./schema.js";',
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
  const runtime = createRuntime(options, schema);
  // OData wants $select=a,b (explode: false), not $select=a&$select=b.
  return createClient<paths>({ baseUrl: runtime.baseUrl, fetch: lowLevelFetch(runtime), querySerializer: { array: { style: "form", explode: false } } });
}`,
  ]);
}
