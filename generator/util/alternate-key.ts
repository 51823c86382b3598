/**
 * Alternate keys, as the slice and model stages read them. OData addresses an entity of a set by a
 * key other than its id with the set's segment and the key in parentheses,
 * `applications(appId='{appId}')`; the request builders reach it as `applications.byAppId(appId)`.
 * One key property per segment: a composite alternate key (`(a='{a}',b='{b}')`) is not read as one.
 */

export interface AlternateKey {
  /** The entity set's segment, `applications`. */
  prefix: string;
  /** The key property, `appId`. */
  name: string;
  /** The path parameter written in the segment, `appId`. */
  placeholder: string;
  /** True for a string literal (`'{appId}'`), false for any other (`{id}`). */
  quoted: boolean;
  /** The part after the prefix, `(appId='{appId}')`: what the key fills in, below the set's path. */
  segment: string;
}

/** The alternate key a path segment writes, if it is one: an unqualified name with one `key={param}` in parentheses. */
export function alternateKeyOf(segment: string): AlternateKey | undefined {
  const match = /^([A-Za-z_]\w*)(\(([A-Za-z_]\w*)=('?)\{([^{}]+)\}\4\))$/.exec(segment);
  if (!match) return undefined;
  return { prefix: match[1]!, segment: match[2]!, name: match[3]!, quoted: match[4] === "'", placeholder: match[5]! };
}

/** True for a segment with parentheses whose name is not namespace-qualified: an alternate key, or something shaped like one. */
export function looksLikeAlternateKey(segment: string): boolean {
  return segment.includes("(") && !segment.slice(0, segment.indexOf("(")).includes(".");
}
