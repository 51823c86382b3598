/**
 * Child-process body for (c) codec throughput. Bundled once per codec. argv: iterations.
 * The model for encode is the codec's own decoding of the seed response (what a caller would hold).
 * Prints one JSON line: { available, iterations, encodeNs, decodeNs, collectionId }.
 */
import { SEED_RESPONSE_TEXT, collectionIdPlace, requestBodyProblem } from "../seed.js";

interface Codec {
  encode(model: unknown): ArrayBuffer | Uint8Array;
  decode(bytes: ArrayBuffer): unknown;
}

function toText(bytes: ArrayBuffer | Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

export function runCodecWorker(createCodec: () => Codec | undefined): void {
  const iterations = Number(process.argv[2] ?? "10000");
  const codec = createCodec();
  if (!codec) {
    process.stdout.write(`${JSON.stringify({ available: false })}\n`);
    return;
  }
  const seed = new TextEncoder().encode(SEED_RESPONSE_TEXT);
  const input = seed.buffer.slice(seed.byteOffset, seed.byteOffset + seed.byteLength);
  const model = codec.decode(input);
  const problem = requestBodyProblem(JSON.parse(toText(codec.encode(model))));
  if (problem) throw new Error(`codec round trip lost data: ${problem}`);
  let sink = 0;
  const warmup = Math.max(100, Math.floor(iterations / 5));
  for (let i = 0; i < warmup; i++) sink += codec.encode(codec.decode(input)).byteLength;
  let start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += codec.encode(model).byteLength;
  const encodeNs = Number(process.hrtime.bigint() - start);
  start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += codec.decode(input) === undefined ? 0 : 1;
  const decodeNs = Number(process.hrtime.bigint() - start);
  process.stdout.write(`${JSON.stringify({ available: true, iterations, encodeNs, decodeNs, collectionId: collectionIdPlace(model), sink })}\n`);
}
