/**
 * graphslice's codec for (c), if the generated SDK exposes one for the assignment model.
 *
 * TODO(lead): the public contract (PRODUCT.md) has no codec API, so this looks for the exports named
 * below; rename them to whatever generated/index.ts exports (serialize: model -> JSON text,
 * deserialize: JSON text -> model, with the same discriminator handling patch() uses). When none is
 * exported, (c) reports graphslice from the in-memory PATCH pipeline only.
 */
import * as sdk from "../../generated/index.ts";

const SERIALIZE = "serializeDeviceManagementConfigurationPolicyAssignment";
const DESERIALIZE = "deserializeDeviceManagementConfigurationPolicyAssignment";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createCodec() {
  const exports = sdk as unknown as Record<string, unknown>;
  const serialize = exports[SERIALIZE];
  const deserialize = exports[DESERIALIZE];
  if (typeof serialize !== "function" || typeof deserialize !== "function") return undefined;
  return {
    encode: (model: unknown): Uint8Array => encoder.encode((serialize as (m: unknown) => string)(model)),
    decode: (bytes: ArrayBuffer): unknown => (deserialize as (text: string) => unknown)(decoder.decode(bytes)),
  };
}
