/**
 * Load stage, OpenAPI half: parse a YAML/JSON OpenAPI 3.0/3.1 document with swagger-parser (file or
 * URL), validate a copy of it, and keep the parsed document with its `$ref`s intact, because schema
 * names are what the models are named after.
 */
import type SwaggerParserType from "@apidevtools/swagger-parser";
import type { OpenAPIV3 } from "openapi-types";
import { requireCjs } from "../util/require-cjs.js";

const SwaggerParser = requireCjs("@apidevtools/swagger-parser") as typeof SwaggerParserType;

export type OpenApiDocument = OpenAPIV3.Document;
export type SchemaOrRef = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

export interface LoadedOpenApi {
  source: string;
  document: OpenApiDocument;
}

export async function loadOpenApi(source: string): Promise<LoadedOpenApi> {
  let document: OpenApiDocument;
  try {
    // A URL the user names is fetched wherever it is, an internal mirror or 127.0.0.1 included
    // (swagger-parser refuses those by default, with "Unable to resolve $ref pointer").
    const options: SwaggerParserType.Options = { resolve: { http: { safeUrlResolver: false } } };
    document = (await SwaggerParser.parse(source, options)) as OpenApiDocument;
  } catch (error) {
    throw new Error(`${source}: cannot be read as OpenAPI: ${(error as Error).message}`);
  }
  if (typeof document.openapi !== "string" || !/^3\.[01]\./.test(document.openapi)) {
    throw new Error(`${source}: expected an OpenAPI 3.0 or 3.1 document, found ${document.openapi ? `openapi ${document.openapi}` : "no openapi version field"}`);
  }
  try {
    await SwaggerParser.validate(structuredClone(document) as never);
  } catch (error) {
    throw new Error(`${source}: is not a valid OpenAPI document: ${(error as Error).message}`);
  }
  return { source, document };
}

/** Follows a local `$ref` (`#/components/schemas/x`) to the object it points at. */
export function resolvePointer<T>(document: OpenApiDocument, ref: string, source: string): T {
  if (!ref.startsWith("#/")) throw new Error(`${source}: only local $refs are supported, found ${ref}`);
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Record<string, unknown> | undefined)?.[key];
    if (node === undefined) throw new Error(`${source}: $ref ${ref} does not resolve`);
  }
  return node as T;
}

export function isRef(value: unknown): value is OpenAPIV3.ReferenceObject {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}
