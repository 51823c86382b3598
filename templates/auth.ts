/**
 * Bearer tokens. A token can be a string, a function returning one (or an AccessToken), or any
 * `{ getToken(scopes) }` object shaped like `@azure/identity`'s TokenCredential.
 *
 * Tokens that carry an expiry (AccessToken) are cached until shortly before they expire; concurrent
 * requests share one refresh. A plain string from a function is not cached: the function is the
 * cache. `getToken(true)` forces a fresh token (used once after a 401).
 */

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

export type TokenSource = (forceRefresh: boolean, signal?: AbortSignal) => Promise<string | undefined>;

export function createTokenSource(input: TokenInput | undefined, scopes: string[]): TokenSource {
  if (input === undefined) return async () => undefined;
  if (typeof input === "string") return async () => input;
  const fetchToken =
    typeof input === "function"
      ? input
      : (signal?: AbortSignal) => input.getToken(scopes, signal ? { abortSignal: signal } : {});
  let cached: AccessToken | undefined;
  let pending: Promise<string | undefined> | undefined;

  return (forceRefresh, signal) => {
    if (!forceRefresh && cached && Date.now() < refreshAt(cached)) return Promise.resolve(cached.token);
    if (pending) return pending;
    pending = Promise.resolve(fetchToken(signal))
      .then((result) => {
        if (result && typeof result === "object") {
          cached = result;
          return result.token;
        }
        cached = undefined;
        return result || undefined;
      })
      .finally(() => (pending = undefined));
    return pending;
  };
}

function refreshAt(token: AccessToken): number {
  return token.refreshAfterTimestamp ?? token.expiresOnTimestamp - EXPIRY_MARGIN_MS;
}
