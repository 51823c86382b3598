/**
 * How error messages show a value. Its own file: the runtime needs it for every call, the validator
 * (loaded only by a call that validates) for its messages.
 */

/** A value in an error message: a short quoted string, or what kind of value it is. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return Array.isArray(value) ? "an array" : value === null || typeof value !== "object" ? String(value) : "an object";
}
