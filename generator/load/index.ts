/**
 * Load stage entry: a slice's inputs read once each (files or URLs, plain or `.br`), hashed, parsed
 * and, when the slice has several OpenAPI files, merged into one description (merge-openapi.ts).
 */
import { loadCsdl, type CsdlDocument } from "./csdl.js";
import { mergeOpenApi } from "./merge-openapi.js";
import { loadOpenApi, type LoadedOpenApi } from "./openapi.js";
import { readSource } from "./read-source.js";

export interface SliceInputs {
  /** Where each file is read from (an absolute path or a URL). */
  openapi: string[];
  csdl?: string;
}

export interface LoadedSlice {
  openapi: LoadedOpenApi;
  csdl?: CsdlDocument;
  /** Every input's text as read (decompressed), OpenAPI files first, for the manifest's hashes. */
  texts: { path: string; content: string }[];
}

/**
 * `shown` turns a location into the name the manifest and file headers record (a path relative to
 * the config); errors name the location itself.
 */
export async function loadSlice(inputs: SliceInputs, shown: (location: string) => string): Promise<LoadedSlice> {
  const locations = [...inputs.openapi, ...(inputs.csdl ? [inputs.csdl] : [])];
  const contents = await Promise.all(locations.map((location, i) => readSource(location, i < inputs.openapi.length ? "OpenAPI description" : "CSDL document")));
  const texts = locations.map((location, i) => ({ path: shown(location), content: contents[i]! }));
  // One after the other: parsing is CPU-bound, so interleaving would gain nothing.
  const parts: LoadedOpenApi[] = [];
  for (const [i, location] of inputs.openapi.entries()) parts.push(await loadOpenApi(location, contents[i]));
  const openapi = mergeOpenApi(parts);
  const csdl = inputs.csdl ? await loadCsdl(inputs.csdl, contents[inputs.openapi.length]) : undefined;
  return { openapi, texts, ...(csdl ? { csdl } : {}) };
}
