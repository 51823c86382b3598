/**
 * Bearer tokens. A token can be a string, a function returning one (or an AccessToken), or any
 * `{ getToken(scopes, options) }` object shaped like `@azure/identity`'s TokenCredential.
 *
 * Tokens that carry an expiry (AccessToken) are cached until shortly before they expire; concurrent
 * requests share one fetch. A plain string from a function is not cached: the function is the
 * cache. After a 401 the rejected token is replaced once, by one refresh that every request rejected
 * with the same token shares, whatever the source returns (see TokenSource).
 */
import { untilAborted } from "./retry.js";

/** The token shape `@azure/core-auth` defines. */
export interface AccessToken {
  token: string;
  /** Expiry, in milliseconds since the epoch. */
  expiresOnTimestamp: number;
  /** When the credential suggests refreshing, in milliseconds since the epoch. */
  refreshAfterTimestamp?: number | undefined;
}

/**
 * What graphslice passes to `getToken`, a subset of `@azure/core-auth`'s GetTokenOptions, declared as
 * that package declares them (no explicit `undefined`), so that an `@azure/identity` credential fits
 * under `exactOptionalPropertyTypes`.
 */
export interface GetTokenOptions {
  /** Aborted when every call waiting for this token has given up (aborted or timed out). */
  abortSignal?: AbortSignal;
  /** Claims from a Continuous Access Evaluation challenge (decoded JSON): get a new token with them. */
  claims?: string;
  /** graphslice handles CAE challenges, so it asks for CAE-capable tokens, as the Azure SDK does. */
  enableCae?: boolean;
}

/** Anything with `getToken(scopes)`, such as an `@azure/identity` credential. */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null>;
}

/** A function giving the token; `null`/`undefined`/`""` (or only whitespace) fails the call with `authenticationFailed`. */
export type TokenProvider = (options: GetTokenOptions) => string | AccessToken | null | undefined | Promise<string | AccessToken | null | undefined>;

export type TokenInput = string | TokenProvider | TokenCredential;

/** Refresh this long before expiry, so a token never expires in flight. */
const EXPIRY_MARGIN_MS = 2 * 60_000;

/**
 * The token for the next attempt. `rejected` is a token the service just answered 401 to: it is
 * replaced, unless another request already replaced it (then that newer token is returned); `claims`
 * come from a CAE challenge. Undefined only when no token source is configured. `signal` gives the
 * call's signal, made when first asked for: a fixed token or a cached one never needs it.
 */
export type TokenSource = (signal: () => AbortSignal, rejected?: string, claims?: string) => Promise<string | undefined>;

/** One token fetch that several calls wait for; it is aborted only when all of them have given up. */
interface SharedFetch {
  join(signal: AbortSignal): Promise<string>;
  /** Settles with the fetch (for bookkeeping; no caller counted). */
  done: Promise<unknown>;
  abandoned: boolean;
}

export function createTokenSource(input: TokenInput | undefined, scopes: string[]): TokenSource {
  if (input === undefined) return async () => undefined;
  if (typeof input === "string") return async () => input;
  const fetchToken = typeof input === "function" ? input : (options: GetTokenOptions) => input.getToken(scopes, options);
  let cached: AccessToken | undefined;
  /** The newest token obtained, cached or not: what a request rejected with an older one gets. */
  let latest: string | undefined;
  let pending: SharedFetch | undefined;
  let refresh: { key: string; fetch: SharedFetch } | undefined;

  const start = (claims?: string): SharedFetch =>
    share(async (abortSignal) => {
      const result = await fetchToken(claims === undefined ? { abortSignal, enableCae: true } : { abortSignal, enableCae: true, claims });
      const token = result && typeof result === "object" ? result.token : result;
      if (typeof token !== "string" || token === "") throw new Error(`the token source returned ${token === "" ? "an empty token" : `no token (${token === null ? "null" : typeof token})`}`);
      cached = result && typeof result === "object" ? result : undefined;
      latest = token;
      return token;
    });

  return (signal, rejected, claims) => {
    if (rejected !== undefined) {
      // Someone already replaced the rejected token: use theirs (a CAE challenge always asks anew).
      if (claims === undefined && latest !== undefined && latest !== rejected) return Promise.resolve(latest);
      const key = `${rejected}\n${claims ?? ""}`;
      if (refresh?.key !== key || refresh.fetch.abandoned) refresh = { key, fetch: start(claims) };
      return refresh.fetch.join(signal());
    }
    if (cached && Date.now() < refreshAt(cached)) return Promise.resolve(cached.token);
    if (!pending || pending.abandoned) {
      const fetch = start();
      pending = fetch;
      const clear = () => pending === fetch && (pending = undefined);
      fetch.done.then(clear, clear);
    }
    return pending.join(signal());
  };
}

/** Runs `run` once for every caller that joins; its signal aborts when no caller is waiting any more. */
function share(run: (signal: AbortSignal) => Promise<string>): SharedFetch {
  const controller = new AbortController();
  let waiting = 0;
  let settled = false;
  const promise = Promise.resolve().then(() => run(controller.signal));
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  const shared: SharedFetch = {
    done: promise,
    abandoned: false,
    join(signal) {
      waiting++;
      const waited = untilAborted(promise, signal);
      waited.catch(() => {
        if (!signal.aborted || settled) return;
        // This caller gave up; the last one to leave cancels the fetch, and the next caller starts anew.
        if (--waiting === 0) {
          shared.abandoned = true;
          controller.abort(signal.reason);
        }
      });
      return waited;
    },
  };
  return shared;
}

function refreshAt(token: AccessToken): number {
  return token.refreshAfterTimestamp ?? token.expiresOnTimestamp - EXPIRY_MARGIN_MS;
}
