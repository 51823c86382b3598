/**
 * Model stage entry: OpenAPI types and operations, merged with the CSDL when there is one, cut down
 * to what the operations can send and receive (prune.ts), arranged into the URL tree. Names come later, from the naming stage (generator/names/).
 */
import type { CsdlDocument } from "../load/csdl.js";
import type { SlicedOpenApi } from "../slice/select-paths.js";
import { sortedBy } from "../util/order.js";
import { typesFromOpenApi } from "./from-openapi.js";
import type { ApiModel, ModelType } from "./ir.js";
import { csdlTypeSource, enrichFromCsdl } from "./merge-csdl.js";
import { markNavigationProperties, pruneToOperations } from "./prune.js";
import { operationsFromOpenApi } from "./operations.js";
import { buildResourceTree } from "./resource-tree.js";

export function buildModel(name: string, sliced: SlicedOpenApi, csdl: CsdlDocument | undefined): ApiModel {
  const { types, warnings } = typesFromOpenApi(sliced);
  const { operations, inlineTypes } = operationsFromOpenApi(sliced, warnings);
  for (const type of inlineTypes) types.set(type.name, type);
  if (csdl) enrichFromCsdl(types, csdl, warnings);
  const universe = csdl ? csdlTypeSource(csdl, warnings) : undefined;
  markNavigationProperties(types, universe);
  pruneToOperations(types, operations, universe);
  reportDanglingReferences(types, warnings, sliced.source);

  return { name, types, root: buildResourceTree(operations), warnings };
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
