/**
 * Emits `low-level.ts`: openapi-fetch typed by `paths.ts`, running on the same runtime as the request
 * builders (auth, retries, redirects, timeouts, `@odata.type` normalisation), with the content of the
 * operations that is not JSON (binary bodies and answers) listed for the runtime.
 */
import type { ApiModel, ResourceNode } from "../model/ir.js";
import { allOperations } from "../model/resource-tree.js";
import { compareStrings } from "../util/order.js";
import { printStatements } from "./print.js";

export function emitLowLevelFile(model: ApiModel, header: string): string {
  const media = new Map<string, string>();
  for (const op of allOperations(model.root)) {
    const entry = [...(op.body?.kind === "binary" ? [`body: ${JSON.stringify(op.body.contentType)}`] : []), ...(op.response.kind === "stream" ? ['answer: "blob"'] : [])];
    if (entry.length) media.set(`${op.method} ${op.path}`, `{ ${entry.join(", ")} }`);
  }
  const entries = [...media.keys()].sort(compareStrings).map((key) => `  ${JSON.stringify(key)}: ${media.get(key)},`);
  const alternateKeys = alternateKeyPaths(model.root).sort(compareStrings).map((path) => `  ${JSON.stringify(path)},`);
  return printStatements(header, [
    'import createClient, { type Client } from "openapi-fetch";',
    'import { lowLevelFetch, withLowLevelMedia, type LowLevelMedia } from "../runtime/low-level-fetch.js";',
    'import { lowLevelPathSerializer, lowLevelQuerySerializer, serializeLowLevelBody } from "../runtime/low-level-serializers.js";',
    'import { createRuntime, type GraphClientOptions } from "../runtime/runtime.js";',
    'import type { paths } from "./paths.js";',
    `/** The operations whose body or answer is binary content, by method and path: sent and answered byte for byte. */
const media: LowLevelMedia = ${entries.length ? `{\n${entries.join("\n")}\n}` : "{}"};`,
    `/** The paths that address a set by an alternate key, up to that key: its value is a key literal, never empty or null, where a function's parameter may be. */
const alternateKeys: readonly string[] = ${alternateKeys.length ? `[\n${alternateKeys.join("\n")}\n]` : "[]"};`,
    `/**
 * A typed low-level client for the ${model.name} slice: openapi-fetch over the spec's \`paths\`, sharing
 * the runtime of \`createGraphClient\`. Calls return \`{ data, error, response }\` instead of throwing
 * for Graph errors; the path and query are spelled as in the spec. Binary content (a \`Blob\`,
 * \`ArrayBuffer\`, typed array, or a string for an operation whose body is not JSON) is sent as it is,
 * and a binary answer comes back as it was sent (a \`Blob\`, or what \`parseAs\` asks for).
 *
 * @example
 * const { data, error } = await api.GET("/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments", {
 *   params: { path: { "deviceManagementConfigurationPolicy-id": policyId }, query: { $top: 10 } },
 * });
 */
export function createLowLevelClient(options: GraphClientOptions = {}): Client<paths> {
  const runtime = createRuntime(${model.apiVersion ? `options, undefined, ${JSON.stringify(model.apiVersion)}` : "options"});
  const client = createClient<paths>({
    baseUrl: runtime.baseUrl,
    fetch: lowLevelFetch(runtime),
    // As the typed builders write it: $select=a,b (explode: false); NaN, null or an object refused, naming the option.
    querySerializer: lowLevelQuerySerializer,
    // Keys as the typed builders encode them: no id (\`..\`, \`.\`, "") can change the path.
    pathSerializer: lowLevelPathSerializer(runtime.baseUrl, alternateKeys),
    // NaN, Infinity, functions and symbols are refused, naming their path, instead of being sent as null or dropped.
    bodySerializer: serializeLowLevelBody,
  });
  // Each call learns its operation's content: binary bodies and answers go byte for byte, never through JSON or text.
  return withLowLevelMedia(client, runtime, media);
}`,
  ]);
}

function alternateKeyPaths(node: ResourceNode): string[] {
  return [...(node.kind === "alternateKey" ? [node.path] : []), ...node.children.flatMap(alternateKeyPaths)];
}
