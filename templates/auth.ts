/**
 * Bearer tokens. A token can be a string, a function returning one (or an AccessToken), or any
 * `{ getToken(scopes) }` object shaped like `@azure/identity`'s TokenCredential.
 *
 * Tokens that carry an expiry (AccessToken) are cached until shortly before they expire; concurrent
 * requests share one refresh. A plain string from a function is not cached: the function is the
 * cache. After a 401 the rejected token is replaced once (see TokenSource).
 */
import { untilAborted } from "./retry.js";

/** The token shape `@azure/core-auth` defines. */
export interface AccessToken {
  token: string;
  /** Expiry, in milliseconds since the epoch. */
  expiresOnTimestamp: number;
  /** When the credential suggests refreshing, in milliseconds since the epoch. */
  refreshAfterTimestamp?: number;
}

/** Anything with `getToken(scopes)`, such as an `@azure/identity` credential. */
export interface TokenCredential {
  getToken(scopes: string | string[], options?: { abortSignal?: AbortSignal }): Promise<AccessToken | null>;
}

export type TokenProvider = () => string | AccessToken | null | undefined | Promise<string | AccessToken | null | undefined>;

export type TokenInput = string | TokenProvider | TokenCredential;

/** Refresh this long before expiry, so a token never expires in flight. */
const EXPIRY_MARGIN_MS = 2 * 60_000;

/**
 * The token for the next attempt. `rejected` is a token the service just answered 401 to: it is
 * replaced, unless another request already replaced it (then that newer token is returned).
 */
export type TokenSource = (signal: AbortSignal, rejected?: string) => Promise<string | undefined>;

export function createTokenSource(input: TokenInput | undefined, scopes: string[]): TokenSource {
  if (input === undefined) return async () => undefined;
  if (typeof input === "string") return async () => input;
  const fetchToken = typeof input === "function" ? input : () => input.getToken(scopes);
  let cached: AccessToken | undefined;
  let pending: Promise<string | undefined> | undefined;

  return (signal, rejected) => {
    if (cached && cached.token !== rejected && Date.now() < refreshAt(cached)) return Promise.resolve(cached.token);
    // One refresh shared by every request that needs it. It gets no abort signal: one caller giving
    // up must not fail the others; each caller stops waiting on its own signal instead.
    pending ??= Promise.resolve()
      .then(fetchToken)
      .then((result): string | undefined => {
        cached = result && typeof result === "object" ? result : undefined;
        return (cached ? cached.token : (result as string | null | undefined)) || undefined;
      })
      .finally(() => (pending = undefined));
    return untilAborted(pending!, signal);
  };
}

function refreshAt(token: AccessToken): number {
  return token.refreshAfterTimestamp ?? token.expiresOnTimestamp - EXPIRY_MARGIN_MS;
}
