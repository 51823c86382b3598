/**
 * An overlay can break a document (a `$ref` to nothing, a schema of the wrong shape), so the overlaid
 * document is validated again, and the error says it was the overlays.
 */
import type SwaggerParserType from "@apidevtools/swagger-parser";
import { requireCjs } from "../util/require-cjs.js";

const SwaggerParser = requireCjs("@apidevtools/swagger-parser") as typeof SwaggerParserType;

export async function validateOverlaid(document: object, source: string, overlays: string[]): Promise<void> {
  try {
    await SwaggerParser.validate(structuredClone(document) as never);
  } catch (error) {
    throw new Error(`${source} with the overlays ${overlays.join(", ")}: is no longer a valid OpenAPI document: ${(error as Error).message}`);
  }
}
