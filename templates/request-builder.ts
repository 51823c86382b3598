/**
 * The base of every generated request builder: the runtime it sends through and the request path it
 * stands for. Builders are made by navigating from `createGraphClient()`, not constructed directly.
 */
import type { GraphRuntime } from "./runtime.js";

export class RequestBuilder {
  /** @internal */
  constructor(
    /** @internal */
    protected readonly runtime: GraphRuntime,
    /** The request path below the base URL, keys percent-encoded. */
    readonly path: string,
  ) {}
}
