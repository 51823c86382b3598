/**
 * Consumer: the graphslice seed PATCH with `timeoutMs: 0` (no timeout, so fetch gets no
 * AbortSignal); timed in (b) next to the default client.
 */
import { createPatcher as createSeedPatcher } from "./graphslice.ts";

export function createPatcher(config: { baseUrl: string; token: string }) {
  return createSeedPatcher(config, { timeoutMs: 0 });
}
