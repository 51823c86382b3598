/** Codec baseline for (c): JSON.stringify / JSON.parse, with the UTF-8 step every wire codec needs. */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createCodec() {
  return {
    encode: (model: unknown): Uint8Array => encoder.encode(JSON.stringify(model)),
    decode: (bytes: ArrayBuffer): unknown => JSON.parse(decoder.decode(bytes)),
  };
}
