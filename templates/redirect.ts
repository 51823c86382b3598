/**
 * Redirects are followed by hand (fetch's `redirect: "manual"`), so that credentials
 * (`isCredentialHeader`, mask.ts) can be withheld from other origins.
 */

export const MAX_REDIRECTS = 5;

export function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/**
 * The method after a redirect: 303 becomes GET (RFC 9110 §15.4.4), and so does a POST answered with
 * 301/302, as browsers do; 307/308 keep the method and body.
 */
export function methodAfterRedirect(status: number, method: string): string {
  if (status === 303 && method !== "HEAD") return "GET";
  if ((status === 301 || status === 302) && method === "POST") return "GET";
  return method;
}
