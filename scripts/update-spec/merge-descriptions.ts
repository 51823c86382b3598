/**
 * Several module files (a PowerShell module and its `*.Actions.yml` / `*.Functions.yml` companions)
 * read as one full description for update-spec, block by block, so that every block a slice keeps is
 * still the text of the file it came from. The rules are the generator's (generator/load/merge-openapi.ts):
 * paths and components are unioned, a name in two files must be the same block in both, the files
 * must share their servers, and the other top-level entries come from the first file.
 */
import { isDeepStrictEqual } from "node:util";
import type { OpenApiDocument } from "../../generator/load/openapi.js";
import type { FullDescription } from "./slice-yaml.js";
import { lazyRecord, type Block } from "./yaml-blocks.js";

export function mergeDescriptions(parts: FullDescription[]): FullDescription {
  if (parts.length === 1) return parts[0]!;
  const first = parts[0]!;
  const differences: string[] = [];
  const servers = (part: FullDescription) => part.top.find((b) => b.key === "servers")?.value;
  for (const part of parts.slice(1)) {
    if (servers(first) && servers(part) && !isDeepStrictEqual(servers(first), servers(part))) {
      throw new Error(`the module files disagree: servers differ between ${first.source} and ${part.source} (a beta file with a v1.0 one?)`);
    }
  }
  const union = (lists: { source: string; blocks: Block[] }[], where: string): Block[] => {
    const kept = new Map<string, { source: string; block: Block }>();
    for (const { source, blocks } of lists) {
      for (const block of blocks) {
        const earlier = kept.get(block.key);
        if (!earlier) kept.set(block.key, { source, block });
        // Equal text is the common case (companion files repeat schemas verbatim); else compare values.
        else if (earlier.block.text !== block.text && !isDeepStrictEqual(earlier.block.value, block.value)) {
          differences.push(`${where}[${JSON.stringify(block.key)}] differs between ${earlier.source} and ${source}`);
        }
      }
    }
    return [...kept.values()].map((k) => k.block);
  };

  const paths = union(parts.map((p) => ({ source: p.source, blocks: p.paths })), "paths");
  const sections = [...new Set(parts.flatMap((p) => p.components.map((c) => c.section.key)))];
  const components = sections.map((key) => {
    const withSection = parts.filter((p) => p.components.some((c) => c.section.key === key));
    const section = withSection[0]!.components.find((c) => c.section.key === key)!.section;
    const entries = union(withSection.map((p) => ({ source: p.source, blocks: p.components.find((c) => c.section.key === key)!.entries })), `components.${key}`);
    return { section, entries };
  });
  if (differences.length > 0) {
    const shown = differences.slice(0, 8).concat(differences.length > 8 ? [`… and ${differences.length - 8} more`] : []);
    throw new Error(`the module files disagree on ${differences.length} ${differences.length === 1 ? "entry" : "entries"} of the same name (are they from different snapshots?):\n  ${shown.join("\n  ")}`);
  }

  const document = { ...first.document } as OpenApiDocument;
  document.paths = lazyRecord(paths) as OpenApiDocument["paths"];
  document.components = Object.fromEntries(components.map(({ section, entries }) => [section.key, lazyRecord(entries)]));
  return {
    source: parts.map((p) => p.source).join(" + "),
    top: first.top,
    paths,
    components,
    document,
    files: parts.flatMap((p) => p.files),
  };
}
