/**
 * Model stage entry: OpenAPI types and operations, merged with the CSDL when there is one, arranged
 * into the URL tree, with names checked for collisions.
 */
import type { CsdlDocument } from "../load/csdl.js";
import type { SlicedOpenApi } from "../slice/select-paths.js";
import { sortedBy } from "../util/order.js";
import { typesFromOpenApi } from "./from-openapi.js";
import type { ApiModel, ModelType, SchemaPointerTarget } from "./ir.js";
import { mergeCsdl } from "./merge-csdl.js";
import { operationsFromOpenApi } from "./operations.js";
import { buildResourceTree } from "./resource-tree.js";
import { hasHierarchy } from "./hierarchy.js";

export function buildModel(name: string, sliced: SlicedOpenApi, csdl: CsdlDocument | undefined): ApiModel {
  const { types, pointers, warnings } = typesFromOpenApi(sliced);
  const { operations, inlineTypes, inlinePointers } = operationsFromOpenApi(sliced, warnings);
  for (const type of inlineTypes) types.set(type.name, type);
  if (csdl) mergeCsdl(types, operations, csdl, warnings);
  reportDanglingReferences(types, warnings, sliced.source);
  checkNames(types);

  const schemaPointers = new Map<string, SchemaPointerTarget>(inlinePointers);
  for (const [pointer, name] of pointers) schemaPointers.set(pointer, { name });
  return { name, types, root: buildResourceTree(operations), schemaPointers, warnings };
}

/** Every TypeScript name the models file will declare must be unique. */
function checkNames(types: Map<string, ModelType>): void {
  const owners = new Map<string, string>();
  for (const type of sortedBy(types.values(), (t) => t.name)) {
    const names = [type.tsName];
    if (type.kind === "object" && hasHierarchy(type, types)) names.push(`${type.tsName}Base`, `Unknown${type.tsName}`);
    for (const n of names) {
      const other = owners.get(n);
      if (other) throw new Error(`two types would both be named ${n} in TypeScript: ${other} and ${type.name}`);
      owners.set(n, type.name);
    }
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
