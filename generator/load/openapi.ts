/**
 * Load stage, OpenAPI half: parse a YAML/JSON OpenAPI 3.0/3.1 document with swagger-parser (file or
 * URL, plain or `.br`), validate a copy of it, and keep the parsed document with its `$ref`s intact,
 * because schema names are what the models are named after.
 */
import type SwaggerParserType from "@apidevtools/swagger-parser";
import type { OpenAPIV3 } from "openapi-types";
import { requireCjs } from "../util/require-cjs.js";
import { readSource } from "./read-source.js";

const SwaggerParser = requireCjs("@apidevtools/swagger-parser") as typeof SwaggerParserType;

export type OpenApiDocument = OpenAPIV3.Document;
export type SchemaOrRef = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

export interface LoadedOpenApi {
  /** The file or URL; for several files merged into one document, their names joined by " + ". */
  source: string;
  document: OpenApiDocument;
  /** The files a merged document was made of, in order (absent for a single file). */
  sources?: string[];
}

const YAML_OR_JSON = /\.(ya?ml|json)(\.br)?$/i;

/**
 * Parses and validates one description. `text` is its content when the caller has read it already
 * (to hash it); otherwise it is read here. Either way swagger-parser gets the text, not the file, so
 * a `.br` file is parsed decompressed and still named in every error.
 */
export async function loadOpenApi(source: string, text?: string): Promise<LoadedOpenApi> {
  const content = text ?? (await readSource(source, "OpenAPI description"));
  let document: OpenApiDocument;
  try {
    let served = false;
    const options: SwaggerParserType.Options = {
      resolve: {
        // The root document is always read first: it is the text in hand. External $refs, if a
        // description has any, are read by swagger-parser's own resolvers.
        given: { order: 1, canRead: () => !served, read: () => ((served = true), content) },
        // A URL the user names is fetched wherever it is, an internal mirror or 127.0.0.1 included
        // (swagger-parser refuses those by default, with "Unable to resolve $ref pointer").
        http: { safeUrlResolver: false },
      } as SwaggerParserType.Options["resolve"],
      // `x.yml.br` is YAML (swagger-parser picks a parser by the last extension; with none it
      // would fall back to reading an unparsable file as plain text and hide the YAML error).
      parse: { yaml: { canParse: (file: { url: string }) => YAML_OR_JSON.test(file.url.replace(/[?#].*$/, "")) } },
    };
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
