/**
 * Model stage entry: OpenAPI types and operations, merged with the CSDL when there is one, cut down
 * to what the operations can send and receive (prune.ts), arranged into the URL tree. Names come later, from the naming stage (generator/names/).
 */
import type { CsdlDocument } from "../load/csdl.js";
import type { SlicedOpenApi } from "../slice/select-paths.js";
import { compareStrings, sortedBy } from "../util/order.js";
import { typesFromOpenApi } from "./from-openapi.js";
import { NATIONAL_CLOUDS } from "../../templates/clouds.js";
import type { ApiModel, GraphApiVersion, ModelType } from "./ir.js";
import { csdlTypeSource, enrichFromCsdl } from "./merge-csdl.js";
import { markNavigationProperties, pruneToOperations } from "./prune.js";
import { operationsFromOpenApi } from "./operations.js";
import { buildResourceTree } from "./resource-tree.js";

export function buildModel(name: string, sliced: SlicedOpenApi, csdl: CsdlDocument | undefined): ApiModel {
  const { types, warnings } = typesFromOpenApi(sliced);
  rejectBaseCycles(types, sliced.source);
  const { operations, inlineTypes } = operationsFromOpenApi(sliced, warnings);
  for (const type of inlineTypes) types.set(type.name, type);
  if (csdl) enrichFromCsdl(types, csdl, warnings);
  const universe = csdl ? csdlTypeSource(csdl, warnings) : undefined;
  markNavigationProperties(types, universe);
  pruneToOperations(types, operations, universe);
  // A cycle the OpenAPI's allOf does not close is closed by the CSDL's BaseType.
  if (csdl) rejectBaseCycles(types, csdl.source);
  reportDanglingReferences(types, warnings, sliced.source);

  return { name, types, root: buildResourceTree(operations, sliced.source), warnings, apiVersion: graphApiVersion(sliced.document.servers) };
}

/**
 * The API version of a description served from a Graph host (`https://graph.microsoft.com/v1.0/`,
 * or a national cloud's): what its client sends to unless given a base URL. Undefined for any other
 * server, or none.
 */
function graphApiVersion(servers: { url: string }[] | undefined): GraphApiVersion | undefined {
  let url: URL;
  try {
    url = new URL(servers?.[0]?.url ?? "");
  } catch {
    return undefined;
  }
  const onGraph = (Object.values(NATIONAL_CLOUDS) as string[]).includes(url.origin);
  const version = url.pathname.split("/").filter(Boolean)[0];
  return onGraph && (version === "beta" || version === "v1.0") ? version : undefined;
}

/**
 * A base chain that comes back to where it started (`allOf: [$ref: b]` in `a` and `[$ref: a]` in
 * `b`) gives no type its properties: an error naming the file and the cycle, in the order of the
 * chain from its smallest name. Only the slice's types are looked at, so a cycle among schemas no
 * path reaches is no error (the slice stage leaves them out).
 */
function rejectBaseCycles(types: Map<string, ModelType>, source: string): void {
  const acyclic = new Set<string>();
  for (const start of sortedBy(types.values(), (t) => t.name)) {
    const chain: string[] = [];
    for (let t: ModelType | undefined = start; t?.kind === "object" && !acyclic.has(t.name); t = t.base === undefined ? undefined : types.get(t.base)) {
      const at = chain.indexOf(t.name);
      if (at >= 0) {
        const cycle = chain.slice(at);
        // From the cycle's smallest name, so the message does not depend on where the walk began.
        const first = cycle.indexOf([...cycle].sort(compareStrings)[0]!);
        const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
        throw new Error(`${source}: the base types (allOf / BaseType) form a cycle: ${[...ordered, ordered[0]].join(" → ")}`);
      }
      chain.push(t.name);
    }
    chain.forEach((name) => acyclic.add(name));
  }
}

function reportDanglingReferences(types: Map<string, ModelType>, warnings: string[], source: string): void {
  for (const type of sortedBy(types.values(), (t) => t.name)) {
    if (type.kind !== "object") continue;
    if (type.base && !types.has(type.base)) warnings.push(`${source}: ${type.name} derives from ${type.base}, which no input defines; its inherited properties are unknown`);
    for (const p of type.properties) {
      const named = p.type.kind === "named" ? p.type.name : p.type.kind === "array" && p.type.items.kind === "named" ? p.type.items.name : undefined;
      if (named && !types.has(named)) warnings.push(`${source}: ${type.name}.${p.name} refers to ${named}, which no input defines; typed as unknown`);
    }
  }
}
