/**
 * Keeping credentials out of errors. A service or proxy may echo a request back (in a body, a header
 * such as `request-id`, or an error message of fetch itself), so every text a GraphError holds is
 * scrubbed of the secrets the call used: the bearer tokens and the values of the caller's credential
 * headers. URLs lose their `user:password@` part.
 */

export const MASK = "[token]";

/**
 * Header names whose values are credentials, in any case (a check on `Authorization` alone would let
 * `authorization` through): never sent to another origin, masked in errors, redacted in logs.
 */
const CREDENTIAL_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|api-key|x-api-key|ocp-apim-subscription-key|x-ms-token-.*)$/i;

/** True for headers that carry a credential: they must never follow a request to another origin. */
export function isCredentialHeader(name: string): boolean {
  return CREDENTIAL_HEADER.test(name);
}

/** The secret parts of a credential header value: the whole value and, for `Bearer x`, the `x`. */
export function headerSecrets(value: string): string[] {
  const credential = value.slice(value.indexOf(" ") + 1).trim();
  return [value.trim(), credential].filter((secret) => secret.length > 0);
}

/**
 * The secrets a request's credential headers carry, as `headerSecrets` gives them: what a middleware
 * must mask in whatever it reports about the attempt (an echo of them by the server, an error quoting them).
 */
export function requestSecrets(headers: Headers): string[] {
  const secrets: string[] = [];
  headers.forEach((value, name) => {
    if (isCredentialHeader(name)) secrets.push(...headerSecrets(value));
  });
  return secrets;
}

/**
 * The secrets of an attempt, for a middleware to mask what it reports: those of the request as it
 * arrives, and (each time it is asked) those it carries now, since a later middleware may have set a
 * credential on the same request.
 */
export function attemptSecrets(request: { headers: Headers }): () => string[] {
  const sent = requestSecrets(request.headers);
  return () => [...sent, ...requestSecrets(request.headers)];
}

/**
 * `text` with every secret replaced by [token] and every URL's `user:password@` removed. A secret is
 * also masked lower-cased, as it shows when echoed as a header's name (which `Headers` lower-cases).
 */
export function maskText(text: string, secrets: readonly string[]): string {
  const out = text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi, "$1");
  const found = [...new Set([...secrets, ...secrets.map((secret) => secret.toLowerCase())])].filter((secret) => secret && out.includes(secret));
  if (found.length === 0) return out;
  // One pass, longest first: a secret that contains another is masked whole, and no secret is
  // looked for inside a mask already written (a one-letter token would mask `[token]` itself).
  const pattern = new RegExp(found.sort((a, b) => b.length - a.length).map((secret) => secret.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")).join("|"), "g");
  return out.replace(pattern, MASK);
}

/** A JSON-like value with every string in it masked (objects and arrays copied, nothing else kept). */
export function maskValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === "string") return maskText(value, secrets);
  if (typeof value !== "object" || value === null) return value;
  // Deeper than anything Graph sends: kept as masked JSON text instead of being walked further.
  if (depth > 64) return maskText(safeString(value), secrets);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, secrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[maskText(key, secrets)] = maskValue((value as Record<string, unknown>)[key], secrets, depth + 1);
  return copy;
}

/**
 * The cause of an error, safe to keep: the original when no secret or URL credential shows in it
 * anywhere (message, stack, own properties, its own cause), otherwise a plain Error copy with every
 * text masked. The original is then dropped, since nothing can mask what a debugger would show.
 */
export function maskCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(cause instanceof Error)) return maskValue(cause, secrets);
  if (depth > 8) return undefined;
  if (!mentionsSecret(cause, secrets)) return cause;
  const copy = new Error(maskText(cause.message, secrets));
  copy.name = cause.name;
  copy.stack = maskText(cause.stack ?? "", secrets);
  for (const key of Object.keys(cause)) (copy as unknown as Record<string, unknown>)[key] = maskValue((cause as unknown as Record<string, unknown>)[key], secrets);
  const inner = maskCause(cause.cause, secrets, depth + 1);
  if (inner !== undefined) copy.cause = inner;
  return copy;
}

/** True when masking would change a text of `value`: an error's message, stack, own properties or causes. */
function mentionsSecret(value: unknown, secrets: readonly string[], depth = 0): boolean {
  const error = value instanceof Error ? (value as Error & Record<string, unknown>) : undefined;
  const texts = error ? [error.message, error.stack ?? "", ...Object.keys(error).map((key) => safeString(error[key]))] : [safeString(value)];
  return texts.some((text) => maskText(text, secrets) !== text) || (!!error && depth < 8 && mentionsSecret(error.cause, secrets, depth + 1));
}

function safeString(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
