/**
 * Graph's OpenAPI descriptions are block-style YAML with two-space indentation. A "block" is one
 * mapping entry with all its lines: the key line and every following line indented deeper (or
 * blank). Cutting the text into blocks lets a slice copy each path item and component byte for byte.
 */
import { parse } from "yaml";

export interface Block {
  key: string;
  /** The lines of the entry, exactly as in the source (joined with "\n", no trailing newline). */
  text: string;
  /** The block's value, parsed (on first use). */
  readonly value: unknown;
}

/** The entries of a block mapping whose keys sit at `indent` spaces, in source order. */
export function splitBlocks(lines: string[], indent: number, where: string): Block[] {
  const starts: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "" || line.trimStart().startsWith("#")) return;
    const own = line.length - line.trimStart().length;
    if (own < indent) throw new Error(`${where}: line "${line.trim()}" is indented less than its mapping (${indent} spaces)`);
    // A "- item" at the key's own indentation belongs to the entry above (compact YAML lists).
    if (own === indent && !line.trimStart().startsWith("-")) starts.push(i);
  });
  return starts.map((start, n) => {
    let end = n + 1 < starts.length ? starts[n + 1]! : lines.length;
    while (end > start + 1 && lines[end - 1]!.trim() === "") end--;
    const blockLines = lines.slice(start, end);
    const key = keyOf(lines[start]!.slice(indent), where);
    let value: unknown;
    let parsed = false;
    return {
      key,
      text: blockLines.join("\n"),
      // Parsed on first use: a full Graph description is large, and most of it is never selected.
      get value() {
        if (!parsed) {
          try {
            value = (parse(blockLines.map((l) => l.slice(indent)).join("\n")) as Record<string, unknown>)[key];
          } catch (error) {
            // Any line and column the YAML library gives count from the block's key line, so name the block.
            throw new Error(`${where}: "${key}" is not valid YAML (truncated or corrupt?): ${(error as Error).message.trim()}`);
          }
          parsed = true;
        }
        return value;
      },
    };
  });
}

function keyOf(line: string, where: string): string {
  // The key line alone ("'/a/{b}':", "openapi: 3.0.4"); failing that, without its inline value.
  for (const candidate of [line, line.replace(/:\s.*$/, ":")]) {
    try {
      const parsed = parse(candidate) as unknown;
      const keys = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? Object.keys(parsed) : [];
      if (keys.length === 1) return keys[0]!;
    } catch {
      // try the next form
    }
  }
  throw new Error(`${where}: cannot read "${line.trim()}" as a mapping key`);
}

/** The lines of a block after its key line, when the key's value is itself a block mapping. */
/** An object whose properties are the blocks' values, each parsed only when read. */
export function lazyRecord(blocks: Block[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const block of blocks) Object.defineProperty(record, block.key, { get: () => block.value, enumerable: true, configurable: true });
  return record;
}

export function childLines(block: Block, where: string): string[] {
  const [first, ...rest] = block.text.split("\n");
  if (!/:\s*$/.test(first!)) throw new Error(`${where}: "${block.key}" must be a block mapping (found "${first!.trim()}")`);
  return rest;
}
