/**
 * Fault injection state: a queue of one-shot (or n-shot) faults matched by method and raw path, a
 * deterministic throttle for write load tests, and counters proving which writes were applied.
 * How each fault is written on the wire lives in fault-responses.ts.
 */

/** Every fault except `huge` and `nextLink` may set `apply: true`: the request is processed normally
 * (store changes happen) before the fault replaces the response. Default: not processed at all. */
interface Applies {
  apply?: boolean;
}

export type Fault =
  | ({ kind: "status"; status: number; retryAfter?: string; body?: string; headers?: Record<string, string> } & Applies)
  | ({ kind: "reset" } & Applies)
  | ({ kind: "stall"; ms?: number } & Applies)
  | ({ kind: "html"; status?: number } & Applies)
  | ({ kind: "truncated" } & Applies)
  | ({ kind: "empty"; status?: number } & Applies)
  | ({ kind: "wrongContentType" } & Applies)
  | { kind: "huge"; bytes?: number }
  | ({ kind: "redirect"; status: 301 | 302 | 303 | 307 | 308; location: string } & Applies)
  | { kind: "nextLink"; url: string };

export interface FaultMatch {
  /** Compared case-insensitively; absent = any method except OPTIONS. */
  method?: string;
  /** RegExp: tested against rawPath. String: equal to rawPath, to rawPath without its query, or to
   * either one prefixed with the server url. Absent = any path. */
  path?: RegExp | string;
  /** How many matching requests get this fault (default 1; Infinity allowed). */
  times?: number;
}

export interface ThrottleOptions {
  /** Fraction (0..1) of matching write requests answered 429 without being applied. */
  rate: number;
  /** Sent as `Retry-After` (default 0). */
  retryAfterSeconds?: number;
  /** PRNG seed (default 1): the same seed gives the same sequence of decisions. */
  seed?: number;
  /** Methods subject to throttling (default POST and PATCH). */
  methods?: string[];
}

export interface FaultStats {
  /** Requests answered 429 by the throttle. */
  throttled: number;
  /** Write requests (POST/PATCH/PUT/DELETE) processed with a 2xx outcome. */
  applied: number;
  /** Applied writes per `client-request-id` request header (requests without one are not listed). */
  appliedByClientRequestId: Map<string, number>;
}

interface QueuedFault {
  fault: Fault;
  match: FaultMatch;
  remaining: number;
}

interface ThrottleState {
  rate: number;
  retryAfter: string;
  methods: Set<string>;
  next: () => number;
}

/** mulberry32: small, fast, deterministic PRNG returning numbers in [0, 1). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

function pathMatches(pattern: RegExp | string | undefined, rawPath: string, serverUrl: string): boolean {
  if (pattern === undefined) return true;
  if (pattern instanceof RegExp) {
    pattern.lastIndex = 0;
    return pattern.test(rawPath);
  }
  const q = rawPath.indexOf("?");
  const pathOnly = q === -1 ? rawPath : rawPath.slice(0, q);
  return [rawPath, pathOnly, serverUrl + rawPath, serverUrl + pathOnly].includes(pattern);
}

export class FaultController {
  readonly stats: FaultStats = { throttled: 0, applied: 0, appliedByClientRequestId: new Map() };
  #queue: QueuedFault[] = [];
  #throttle: ThrottleState | null = null;

  /** Queues a fault for the next `times` requests matching `match`. Earlier pushes win. */
  push(fault: Fault, match: FaultMatch = {}): void {
    const times = match.times ?? 1;
    if (!(times === Infinity || (Number.isInteger(times) && times > 0))) {
      throw new TypeError(`faults.push: times must be a positive integer or Infinity, got ${times}`);
    }
    if ((fault.kind === "status" || fault.kind === "html" || fault.kind === "empty") && fault.status !== undefined) {
      // Up to 999, what node:http writes: a client must survive a status that is not HTTP's.
      if (!Number.isInteger(fault.status) || fault.status < 100 || fault.status > 999) {
        throw new TypeError(`faults.push: invalid status ${fault.status}`);
      }
    }
    if (fault.kind === "stall" && fault.ms !== undefined && !(fault.ms >= 0)) {
      throw new TypeError(`faults.push: stall ms must be >= 0, got ${fault.ms}`);
    }
    if (fault.kind === "huge" && fault.bytes !== undefined && !(Number.isSafeInteger(fault.bytes) && fault.bytes > 0)) {
      throw new TypeError(`faults.push: huge bytes must be a positive integer, got ${fault.bytes}`);
    }
    this.#queue.push({ fault, match, remaining: times });
  }

  /** Drops queued faults and the throttle, and zeroes the stats. */
  clear(): void {
    this.#queue = [];
    this.#throttle = null;
    this.stats.throttled = 0;
    this.stats.applied = 0;
    this.stats.appliedByClientRequestId.clear();
  }

  /** Turns the throttle on (replacing any previous one, restarting its PRNG) or off with null. */
  throttle(options: ThrottleOptions | null): void {
    if (options === null) {
      this.#throttle = null;
      return;
    }
    if (!(options.rate >= 0 && options.rate <= 1))
      throw new TypeError(`faults.throttle: rate must be in 0..1, got ${options.rate}`);
    this.#throttle = {
      rate: options.rate,
      retryAfter: String(options.retryAfterSeconds ?? 0),
      methods: new Set((options.methods ?? ["POST", "PATCH"]).map((m) => m.toUpperCase())),
      next: prng(options.seed ?? 1),
    };
  }

  /** Number of queued fault uses left. */
  get pending(): number {
    return this.#queue.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  /** Server side: consumes and returns the first queued fault matching this request. */
  take(method: string, rawPath: string, serverUrl: string): Fault | undefined {
    const upper = method.toUpperCase();
    const entryIndex = this.#queue.findIndex(
      ({ match }) =>
        (match.method === undefined ? upper !== "OPTIONS" : match.method.toUpperCase() === upper) &&
        pathMatches(match.path, rawPath, serverUrl),
    );
    const entry = this.#queue[entryIndex];
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#queue.splice(entryIndex, 1);
    return entry.fault;
  }

  /** Server side: the Retry-After value when the throttle rejects this request, else undefined. */
  checkThrottle(method: string): string | undefined {
    const throttle = this.#throttle;
    if (throttle === null || !throttle.methods.has(method.toUpperCase())) return undefined;
    if (throttle.next() >= throttle.rate) return undefined;
    this.stats.throttled += 1;
    return throttle.retryAfter;
  }

  /** Server side: counts a processed request when it was a write with a 2xx outcome. */
  recordOutcome(method: string, status: number, clientRequestId: string | undefined): void {
    if (!WRITE_METHODS.has(method.toUpperCase()) || status < 200 || status > 299) return;
    this.stats.applied += 1;
    if (clientRequestId === undefined) return;
    const counts = this.stats.appliedByClientRequestId;
    counts.set(clientRequestId, (counts.get(clientRequestId) ?? 0) + 1);
  }
}
