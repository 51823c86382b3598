/**
 * Slices a full Graph OpenAPI description the way the generator does (the included paths, every
 * component they reach, and derived types of declared types), and writes the slice in the verbatim
 * style of spec/: every kept path item and component is the source's own text, unchanged; only the
 * selection differs, and an `x-slice` object says where it came from.
 */
import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { parse, stringify } from "yaml";
import type { OpenApiDocument } from "../../generator/load/openapi.js";
import { selectPaths } from "../../generator/slice/select-paths.js";
import { childLines, lazyRecord, splitBlocks, type Block } from "./yaml-blocks.js";

export interface FullDescription {
  /** The file or URL; for several module files read as one, their names joined by " + ". */
  source: string;
  /** Each file's own text, in order (one, unless several module files were merged). */
  files: { source: string; text: string }[];
  /** Top-level entries in source order. */
  top: Block[];
  paths: Block[];
  /** Component sections in source order, each with its entries. */
  components: { section: Block; entries: Block[] }[];
  document: OpenApiDocument;
}

/** Top-level entries a slice does not copy: rebuilt (paths, components), replaced (x-slice) or not selected (tags). */
const REBUILT = new Set(["paths", "components", "x-slice", "tags"]);

export function readFullDescription(source: string, text: string): FullDescription {
  if (/^\uFEFF?\s*[{[]/.test(text)) {
    throw new Error(`${source}: is JSON; update-spec copies the blocks of a block-style YAML description verbatim, so give it the YAML form (Microsoft's module files are .yml)`);
  }
  const lines = text.replace(/\n+$/, "").split("\n");
  const top = splitBlocks(lines, 0, source);
  const pathsBlock = top.find((b) => b.key === "paths");
  if (!pathsBlock) throw new Error(`${source}: has no paths`);
  const paths = splitBlocks(childLines(pathsBlock, `${source}: paths`), 2, `${source}: paths`);
  const componentsBlock = top.find((b) => b.key === "components");
  const components = componentsBlock
    ? splitBlocks(childLines(componentsBlock, `${source}: components`), 2, `${source}: components`).map((section) => ({
        section,
        entries: splitBlocks(childLines(section, `${source}: components.${section.key}`), 4, `${source}: components.${section.key}`),
      }))
    : [];
  const document = Object.fromEntries(top.filter((b) => b.key !== "paths" && b.key !== "components").map((b) => [b.key, b.value])) as unknown as OpenApiDocument;
  document.paths = lazyRecord(paths) as OpenApiDocument["paths"];
  document.components = Object.fromEntries(components.map(({ section, entries }) => [section.key, lazyRecord(entries)]));
  return { source, files: [{ source, text }], top, paths, components, document };
}

export interface SliceInfo {
  /** Where the full description came from, as recorded in x-slice: one name per file of `full.files`. */
  sourceName: string | string[];
  include: string[];
  extractedOn: string;
}

export function sliceYaml(full: FullDescription, info: SliceInfo): string {
  const sliced = selectPaths({ source: full.source, document: full.document }, info.include).document;
  const keptPaths = new Set(Object.keys(sliced.paths));
  const keptComponents = sliced.components as Record<string, Record<string, unknown>>;
  const out: string[] = [];
  for (const block of full.top) {
    if (block.key === "paths") {
      out.push("paths:", ...full.paths.filter((p) => keptPaths.has(p.key)).map((p) => p.text));
    } else if (block.key === "components") {
      out.push("components:");
      for (const { section, entries } of full.components) {
        const kept = entries.filter((e) => keptComponents[section.key]?.[e.key] !== undefined);
        if (kept.length > 0) out.push(`  ${section.key}:`, ...kept.map((e) => e.text));
      }
    } else if (!REBUILT.has(block.key)) {
      out.push(block.text);
    }
  }
  const xSlice = {
    description:
      "Slice of a Microsoft Graph OpenAPI description, written by scripts/update-spec.ts. Every path item and component below was copied unchanged from the source; only the selection of paths and components differs (the included paths, the components they reach, and the derived types of declared types). This x-slice object is the only added content.",
    ...sourceRecord(full, info.sourceName),
    extractedOn: info.extractedOn,
    include: info.include,
  };
  out.push(stringify({ "x-slice": xSlice }, { lineWidth: 0 }).trimEnd());
  const text = `${out.join("\n")}\n`;
  checkVerbatim(full, text);
  return text;
}

/** One file: `source`, `sourceSha256`, `sourceChars`; several: `sources`, a list of the same per file. */
function sourceRecord(full: FullDescription, names: string | string[]): Record<string, unknown> {
  const list = typeof names === "string" ? [names] : names;
  if (list.length !== full.files.length) throw new Error(`x-slice: ${list.length} source names for ${full.files.length} files`);
  const records = full.files.map((file, i) => ({ source: list[i]!, sha256: createHash("sha256").update(file.text).digest("hex"), chars: file.text.length }));
  if (records.length > 1) return { sources: records };
  return { source: records[0]!.source, sourceSha256: records[0]!.sha256, sourceChars: records[0]!.chars };
}

/** Every path item and component in the slice equals the source's: the text round-trips. */
function checkVerbatim(full: FullDescription, text: string): void {
  const written = parse(text) as OpenApiDocument;
  for (const [path, item] of Object.entries(written.paths ?? {})) {
    if (!isDeepStrictEqual(item, full.document.paths[path])) throw new Error(`slice differs from ${full.source} at paths["${path}"]`);
  }
  const sourceComponents = full.document.components as Record<string, Record<string, unknown>>;
  for (const [section, entries] of Object.entries((written.components ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const [name, value] of Object.entries(entries)) {
      if (!isDeepStrictEqual(value, sourceComponents[section]?.[name])) throw new Error(`slice differs from ${full.source} at components.${section}["${name}"]`);
    }
  }
}
