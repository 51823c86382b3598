/**
 * Naming stage: one scope of identifiers (the exports of a slice, the members of one builder, the
 * keys of one options object). A name is claimed with candidates in order of preference; the first
 * free one wins, and when every candidate is taken the first gets the lowest free numeric suffix.
 * Callers claim in a pinned order, so the result is deterministic.
 */
export class NameScope {
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly label: string,
    private readonly warnings: string[],
    reserved: Iterable<string> = [],
  ) {
    for (const name of reserved) this.owners.set(name, "(reserved)");
  }

  /** Claims a name for `owner` (what it names, for the warning when the preferred name was taken). */
  claim(owner: string, ...candidates: string[]): string {
    const free = candidates.find((c) => !this.owners.has(c));
    let name = free;
    if (name === undefined) {
      for (let n = 2; name === undefined; n++) if (!this.owners.has(`${candidates[0]}${n}`)) name = `${candidates[0]}${n}`;
    }
    if (name !== candidates[0]) {
      this.warnings.push(`${this.label}: ${owner} is named ${name}, because ${candidates[0]} is ${describeOwner(this.owners.get(candidates[0]!)!)}`);
    }
    this.owners.set(name, owner);
    return name;
  }

  has(name: string): boolean {
    return this.owners.has(name);
  }
}

function describeOwner(owner: string): string {
  return owner === "(reserved)" ? "reserved" : `taken by ${owner}`;
}
