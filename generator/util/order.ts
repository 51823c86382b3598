/**
 * The one place that decides order. Every walk over names, keys, types and imports that reaches the
 * output goes through these, with a pinned ordinal comparison (never locale-dependent), so output is
 * byte-identical on every machine.
 */

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedKeys(object: object): string[] {
  return Object.keys(object).sort(compareStrings);
}

export function sortedBy<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareStrings(key(a), key(b)));
}
