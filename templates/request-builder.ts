/**
 * The base of every generated request builder: the runtime it sends through and the request path it
 * stands for. Builders are made by navigating from `createGraphClient()`, not constructed directly.
 */
import type { GraphRuntime } from "./runtime.js";

export class RequestBuilder {
  /** @internal */
  declare protected readonly runtime: GraphRuntime;
  /** The request path below the base URL, keys percent-encoded. */
  declare readonly path: string;

  /** @internal */
  constructor(runtime: GraphRuntime, path: string) {
    // An assignment rather than class fields: a call navigates through five builders, and defining
    // fields costs more than assigning them on that hot path.
    Object.assign(this, { runtime, path });
  }
}
