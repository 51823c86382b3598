/**
 * Continuous Access Evaluation: when Graph revokes a session or a policy changes, it answers 401 with
 * `WWW-Authenticate: Bearer …, error="insufficient_claims", claims="<base64 JSON>"`. The claims go to
 * `getToken(scopes, { claims })`, which makes a credential ask Entra ID for a new token instead of
 * handing back its cached one. See https://learn.microsoft.com/entra/identity-platform/claims-challenge.
 */

/**
 * The claims of a CAE challenge in a `WWW-Authenticate` value, decoded, and as the header carries
 * them (`encoded`): both are kept out of errors as a token is. Undefined when there is none.
 */
export function claimsChallenge(header: string | null): { claims: string; encoded: string } | undefined {
  if (!header) return undefined;
  for (const challenge of splitChallenges(header)) {
    if (challenge.scheme.toLowerCase() !== "bearer") continue;
    const { error, claims } = challenge.params;
    if (error !== "insufficient_claims" || !claims) continue;
    try {
      return { claims: decodeBase64(claims), encoded: claims };
    } catch {
      return undefined; // not base64: no valid challenge, so the 401 stands
    }
  }
  return undefined;
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** `Bearer a="b", c="d", PoP e="f"` → one entry per scheme with its quoted or bare parameters. */
function splitChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  const token = /\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?:\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]*))?\s*,?/y;
  let current: Challenge | undefined;
  for (let match = token.exec(header); match && match[0]; match = token.exec(header)) {
    const [, name, raw] = match;
    if (raw === undefined) {
      current = { scheme: name!, params: {} };
      challenges.push(current);
    } else if (current) {
      current.params[name!.toLowerCase()] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
    }
  }
  return challenges;
}

function decodeBase64(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}
