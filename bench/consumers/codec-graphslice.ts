/**
 * graphslice's codec for (c): the JSON (de)serialisation its runtime runs on every call
 * (`serializeODataJson` / `parseODataJson`, exported by the package), with the same `@odata.type`
 * normalisation `patch()` applies, plus the UTF-8 step every wire codec needs.
 */
import { parseODataJson, serializeODataJson } from "../../generated/index.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createCodec() {
  return {
    encode: (model: unknown): Uint8Array => encoder.encode(serializeODataJson(model)),
    decode: (bytes: ArrayBuffer): unknown => parseODataJson(decoder.decode(bytes)),
  };
}
