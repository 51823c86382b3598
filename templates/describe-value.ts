/**
 * How error messages show a value. Its own file: the runtime needs it for every call, the validator
 * (loaded only by a call that validates) for its messages.
 */

/**
 * A value in an error message: a short quoted string, a number, boolean, BigInt (`5n`), null or
 * undefined as written, or what kind of value it is (never a function's source).
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return "a function";
  return Array.isArray(value) ? "an array" : value === null || typeof value !== "object" ? String(value) : "an object";
}
