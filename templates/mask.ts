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

/**
 * The secret parts of a credential header's value: the whole value and, for `Bearer x`, the `x`; of a
 * `Cookie`, each cookie (`session=x`) and, when it is 8 characters or more (a session's, not a
 * setting's such as `dark`), its value alone, as an echo may quote one cookie or its value.
 */
export function headerSecrets(value: string, name = ""): string[] {
  const parts = /^cookie$/i.test(name)
    ? value.split(";").flatMap((cookie) => [cookie, ...[cookie.slice(cookie.indexOf("=") + 1).trim()].filter((part) => part.length >= 8)])
    : [value.slice(value.indexOf(" ") + 1)];
  return [value, ...parts].map((secret) => secret.trim()).filter((secret) => secret.length > 0);
}

/**
 * The secrets a request's credential headers carry, as `headerSecrets` gives them: what a middleware
 * must mask in whatever it reports about the attempt (an echo of them by the server, an error quoting them).
 */
export function requestSecrets(headers: Headers): string[] {
  const secrets: string[] = [];
  headers.forEach((value, name) => {
    if (isCredentialHeader(name)) secrets.push(...headerSecrets(value, name));
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
 * A URL query parameter whose value is a credential, with its value: OAuth's tokens, code and client
 * secret, a pre-authenticated download URL's `tempauth` (where Graph redirects a file's content), an
 * Azure SAS or cloud storage signature (`sig`, `Signature`, `X-Goog-Signature`, `AWSAccessKeyId`, the
 * ones OpenTelemetry redacts in `url.full`). Such a URL needs no other credential: whoever reads it can use it.
 */
const CREDENTIAL_PARAMETER = /([?&](?:access_token|refresh_token|id_token|code|client_secret|client_assertion|password|tempauth|sig|signature|x-goog-signature|awsaccesskeyid)=)[^&#\s"'<>\\]+/gi;

/**
 * `text` with every secret replaced by [token], every URL's `user:password@` removed and the value of
 * every credential in a URL's query (CREDENTIAL_PARAMETER) replaced by [token]. A secret is
 * masked in any case (an echo as a header's name, which `Headers` lower-cases) and as an echo may have
 * encoded it: JSON-escaped (`\u002B`, `\/`, as a service's serializer writes an echoed header into
 * its error) or percent-encoded (`%2B`, `+` for a space, as in a `request-id` or a URL).
 */
export function maskText(text: string, secrets: readonly string[]): string {
  const out = text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi, "$1").replace(CREDENTIAL_PARAMETER, `$1${MASK}`);
  const pattern = secretsPattern(secrets);
  return pattern ? out.replace(pattern, MASK) : out;
}

/**
 * One pattern for all `secrets`, longest first: a secret that contains another is masked whole, and
 * in one pass no secret is looked for inside a mask already written (a one-letter token would mask
 * `[token]` itself). The last one made is kept: a call masks many texts with the same secrets.
 */
let lastPattern: { key: string; pattern: RegExp | undefined } | undefined;
function secretsPattern(secrets: readonly string[]): RegExp | undefined {
  const key = secrets.join("\0");
  if (lastPattern?.key !== key) {
    const forms = [...new Set(secrets.filter((secret) => secret.length > 0))].sort((a, b) => b.length - a.length).map(encodedForms);
    lastPattern = { key, pattern: forms.length ? new RegExp(forms.join("|"), "gi") : undefined };
  }
  return lastPattern.pattern;
}

/**
 * A pattern source matching `secret` character by character as written or as an echo may have
 * encoded it (letters and digits never are): JSON-escaped (`\u002B`, `\/`, escaped once more when a
 * JSON text was embedded in a string, `\\u002B`), percent-encoded (`%2B`, in UTF-8 or, below 256, as
 * the byte sent; `%252B` twice; `+` for a space), or an HTML character reference (`&#43;`, `&#x2B;`).
 */
function encodedForms(secret: string): string {
  let source = "";
  for (const char of secret) {
    if (/[A-Za-z0-9]/.test(char)) {
      source += char;
      continue;
    }
    const code = char.codePointAt(0)!;
    const hex = (n: number, width = 2) => n.toString(16).padStart(width, "0");
    // JSON's `\uXXXX`, of each UTF-16 unit (a character outside the BMP is two), behind one backslash or more.
    const unicode = Array.from({ length: char.length }, (_, i) => `\\\\+u${hex(char.charCodeAt(i), 4)}`).join("");
    const forms = new Set([escapeRegExp(char), unicode, `&#0*${code};`, `&#x0*${hex(code)};`]);
    if (char === "/" || char === '"' || char === "\\") forms.add(`\\\\+${escapeRegExp(char)}`);
    if (char === " ") forms.add("\\+");
    const bytes = [...new TextEncoder().encode(char)];
    for (const sequence of [bytes, ...(code < 256 ? [[code]] : [])]) {
      forms.add(sequence.map((byte) => `%${hex(byte)}`).join(""));
      forms.add(sequence.map((byte) => `%25${hex(byte)}`).join(""));
    }
    source += `(?:${[...forms].join("|")})`;
  }
  return source;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&");
}

/** A JSON-like value with every string in it masked (objects and arrays copied, errors as maskCause copies them, nothing else kept). */
export function maskValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === "string") return maskText(value, secrets);
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Error) return maskCause(value, secrets);
  // Deeper than anything Graph sends: kept as masked JSON text instead of being walked further.
  if (depth > 64) return maskText(safeString(value), secrets);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, secrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[maskText(key, secrets)] = maskValue((value as Record<string, unknown>)[key], secrets, depth + 1);
  return copy;
}

/**
 * The cause of an error, safe to keep: the original when no secret or URL credential shows in it
 * anywhere (message, stack, own properties, an AggregateError's `errors`, errors inside them, its own
 * cause), otherwise a plain Error copy with every text masked. The original is then dropped, since
 * nothing can mask what a debugger would show. A chain deeper than 8 causes is cut there.
 */
export function maskCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!(cause instanceof Error)) return maskValue(cause, secrets);
  if (depth > 8) return undefined;
  if (!mentionsSecret(cause, secrets)) return cause;
  const original = cause as Error & Record<string, unknown>;
  const copy = new Error(maskText(cause.message, secrets)) as Error & Record<string, unknown>;
  copy.name = cause.name;
  copy.stack = maskText(cause.stack ?? "", secrets);
  for (const key of Object.keys(cause)) {
    try {
      copy[key] = original[key] instanceof Error ? maskCause(original[key], secrets, depth + 1) : maskValue(original[key], secrets);
    } catch {
      // a getter that throws: the property is left out of the copy
    }
  }
  // Promise.any's AggregateError holds its errors in an own property that is not enumerable.
  const errors = original["errors"];
  if (Array.isArray(errors)) copy["errors"] = errors.map((error) => maskCause(error, secrets, depth + 1));
  const inner = maskCause(cause.cause, secrets, depth + 1);
  if (inner !== undefined) copy.cause = inner;
  return copy;
}

/**
 * True when masking would change a text anywhere in `value`: a string, an error's own properties
 * (message, stack, `errors`, `cause`, any other), an object's or array's values. Deeper than 8 levels
 * counts as true, so what cannot be checked is copied (and cut) rather than kept as it is.
 */
function mentionsSecret(value: unknown, secrets: readonly string[], depth = 0): boolean {
  if (typeof value === "string") return maskText(value, secrets) !== value;
  if (typeof value !== "object" || value === null) return false;
  // Too deep, or an object that is neither plain data nor an error (a Request, Headers, a Map hold
  // what their own properties do not show): not kept as it is.
  const prototype = Object.getPrototypeOf(value);
  if (depth > 8 || !(value instanceof Error || Array.isArray(value) || prototype === Object.prototype || prototype === null)) return true;
  let parts: unknown[];
  try {
    const record = value as Record<PropertyKey, unknown>;
    parts = [...Reflect.ownKeys(value).map((key) => record[key]), ...(value instanceof Error ? [value.cause] : [])];
  } catch {
    // A getter that throws: nothing to be sure of, so the value is not kept.
    return true;
  }
  return parts.some((part) => mentionsSecret(part, secrets, depth + 1));
}

function safeString(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
