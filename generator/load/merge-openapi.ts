/**
 * Load stage: several OpenAPI files that make one slice (a PowerShell module and its companion
 * `*.Actions.yml` / `*.Functions.yml` files) merged into one document.
 *
 * - Paths are unioned. A path in two files must be the same path item in both.
 * - Components (schemas, responses, parameters, requestBodies, …) of the same name are kept once when
 *   they are deep-equal. When they differ, loading fails and names both files and every differing
 *   component: companion files of one snapshot always agree (0 differences among the 1,721 shared
 *   components of beta Users + Users.Actions + Users.Functions), so a difference means files of two
 *   snapshots were mixed, and either choice would give an SDK that contradicts half of its inputs.
 * - `openapi`, `info`, `servers` and `security` come from the first file; `tags` are unioned by name.
 *   Files of different OpenAPI versions (3.0, 3.1) or different servers (beta, v1.0) are refused.
 */
import { isDeepStrictEqual } from "node:util";
import type { OpenAPIV3 } from "openapi-types";
import type { LoadedOpenApi, OpenApiDocument } from "./openapi.js";

/** How many differences an error lists before it only counts the rest. */
const SHOWN = 8;

export function mergeOpenApi(parts: LoadedOpenApi[]): LoadedOpenApi {
  if (parts.length === 0) throw new Error("no OpenAPI description given");
  if (parts.length === 1) return parts[0]!;
  const [first, ...rest] = parts as [LoadedOpenApi, ...LoadedOpenApi[]];
  for (const part of rest) {
    if (minorVersion(part.document.openapi) !== minorVersion(first.document.openapi)) {
      throw new Error(`${part.source} is OpenAPI ${part.document.openapi} but ${first.source} is ${first.document.openapi}: files merged into one slice must share the OpenAPI version`);
    }
    // Graph's beta and v1.0 share most names; the servers are what tells their files apart.
    if (first.document.servers && part.document.servers && !isDeepStrictEqual(first.document.servers, part.document.servers)) {
      throw new Error(`${part.source} is served from ${urls(part.document)} but ${first.source} from ${urls(first.document)}: files merged into one slice must share their servers (a beta file with a v1.0 one?)`);
    }
  }

  const paths: Record<string, unknown> = {};
  const components: Record<string, Record<string, unknown>> = {};
  const from = new Map<string, string>(); // "paths./a" or "schemas.x" → the file it came from
  const conflicts = new Map<string, string[]>(); // "a and b" → what they disagree on
  const put = (target: Record<string, unknown>, key: string, value: unknown, where: string, label: string, source: string) => {
    if (!(key in target)) {
      target[key] = value;
      from.set(where, source);
      return;
    }
    if (isDeepStrictEqual(target[key], value)) return;
    const pair = `${from.get(where)} and ${source}`;
    conflicts.set(pair, [...(conflicts.get(pair) ?? []), `${label} (first difference at ${firstDifference(target[key], value) || "the top"})`]);
  };
  for (const { source, document } of parts) {
    for (const [path, item] of Object.entries(document.paths ?? {})) put(paths, path, item, `paths.${path}`, `paths[${JSON.stringify(path)}]`, source);
    for (const [section, entries] of Object.entries((document.components ?? {}) as Record<string, Record<string, unknown>>)) {
      const target = (components[section] ??= {});
      for (const [name, value] of Object.entries(entries ?? {})) put(target, name, value, `${section}.${name}`, `components.${section}[${JSON.stringify(name)}]`, source);
    }
  }
  if (conflicts.size > 0) throw new Error(describeConflicts(conflicts));

  const tags = unionTags(parts.map((p) => p.document.tags ?? []));
  const document = { ...first.document, paths, components, ...(tags.length > 0 ? { tags } : {}) } as OpenApiDocument;
  const sources = parts.map((p) => p.source);
  return { source: sources.join(" + "), document, sources };
}

function describeConflicts(conflicts: Map<string, string[]>): string {
  const lines = [...conflicts].map(([pair, what]) => {
    const shown = what.slice(0, SHOWN).map((w) => `  ${w}`);
    if (what.length > SHOWN) shown.push(`  … and ${what.length - SHOWN} more`);
    return `${pair} define ${what.length} ${what.length === 1 ? "entry" : "entries"} of the same name differently:\n${shown.join("\n")}`;
  });
  return `${lines.join("\n")}\nFiles merged into one slice must agree on every path and component they share (are they from different snapshots of Graph?)`;
}

/** The first place two values differ, as a dotted path (`properties.id.description`); "" when they differ at the top. */
export function firstDifference(a: unknown, b: unknown, at = ""): string {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return at;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, at ? `${at}.${key}` : key);
  }
  return at;
}

function unionTags(lists: OpenAPIV3.TagObject[][]): OpenAPIV3.TagObject[] {
  const byName = new Map<string, OpenAPIV3.TagObject>();
  for (const tag of lists.flat()) if (!byName.has(tag.name)) byName.set(tag.name, tag);
  return [...byName.values()];
}

function urls(document: OpenApiDocument): string {
  return (document.servers ?? []).map((s) => s.url).join(", ") || "(no server)";
}

function minorVersion(version: string): string {
  return version.split(".").slice(0, 2).join(".");
}
