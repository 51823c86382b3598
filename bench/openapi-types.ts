/**
 * openapi-typescript types for the openapi-fetch consumer, generated from the same spec slice the SDK
 * is generated from (spec/graph-beta-configurationPolicies-assignments.openapi.yaml), written to
 * bench/.work/openapi-fetch/schema.d.ts before any measurement runs.
 *
 * One transform: Graph's OpenAPI gives every schema `additionalProperties: {type: object}`, which
 * openapi-typescript renders as `[key: string]: Record<string, never>` (or `Record<string, unknown>`
 * with emptyObjectsUnknown). That index signature rejects the documented request (its "@odata.type"
 * and the derived type's `collectionId` are strings, and it even conflicts with declared string
 * properties), so a bare `{type: object}` schema (no properties, no composition) becomes `unknown`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import openapiTS, { UNKNOWN, astToString, type SchemaObject } from "openapi-typescript";
import { OPENAPI_SLICE, OPENAPI_TYPES } from "./clients.js";

function isBareObject(schema: SchemaObject): boolean {
  const keys = Object.keys(schema).filter((k) => k !== "description" && k !== "title");
  return keys.length === 1 && schema.type === "object";
}

export async function prepareOpenapiTypes(): Promise<string> {
  const ast = await openapiTS(readFileSync(OPENAPI_SLICE, "utf8"), { transform: (schema) => (isBareObject(schema) ? UNKNOWN : undefined) });
  mkdirSync(dirname(OPENAPI_TYPES), { recursive: true });
  writeFileSync(OPENAPI_TYPES, astToString(ast));
  return OPENAPI_TYPES;
}
