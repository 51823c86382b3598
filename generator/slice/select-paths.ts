/**
 * Slice stage: keep the paths the config includes, and the components they reach.
 * Reachability follows every `$ref`. A type reached as a declared type (a property, body or response
 * type) also brings all its derived types, since a value of that type may be any of them; a type
 * reached only as a base (through `allOf`) does not, or `entity` would pull in all of Graph.
 */
import type { OpenAPIV3 } from "openapi-types";
import { isRef, resolvePointer, type LoadedOpenApi, type OpenApiDocument } from "../load/openapi.js";
import { alternateKeyOf } from "../util/alternate-key.js";
import { declaresCall } from "../util/declared-call.js";
import { sortedKeys } from "../util/order.js";

export interface SlicedOpenApi {
  source: string;
  /** The document with only the included paths and the components they reach. */
  document: OpenApiDocument;
  /** Schema names (component keys) used as declared types: their derived types are part of the slice. */
  declaredSchemas: Set<string>;
  /**
   * The paths of the whole document, kept or not, that declare a bound action or function and that a
   * kept path goes below: a composable function, whatever the include patterns took.
   */
  callPaths: Set<string>;
}

const SCHEMA_PREFIX = "#/components/schemas/";

export function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === "**" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`);
}

/** `path` with each alternate key as a segment of its own: `/a(k='{k}')/b` → `/a/(k='{k}')/b`. */
function keyAsSegment(path: string): string {
  return path
    .split("/")
    .map((segment) => {
      const alternate = alternateKeyOf(segment);
      return alternate ? `${alternate.prefix}/${alternate.segment}` : segment;
    })
    .join("/");
}

export function selectPaths(loaded: LoadedOpenApi, include: string[]): SlicedOpenApi {
  const { document, source } = loaded;
  const allPaths = Object.keys(document.paths ?? {});
  const paths: OpenAPIV3.PathsObject = {};
  for (const pattern of include) {
    const regexp = globToRegExp(pattern);
    // A path through an alternate key is below its set: `/applications/**` and `/applications/*`
    // take `/applications(appId='{appId}')` as they take `/applications/{application-id}`.
    const matched = allPaths.filter((p) => regexp.test(p) || regexp.test(keyAsSegment(p)));
    if (matched.length === 0) throw new Error(`${source}: include pattern ${JSON.stringify(pattern)} matches no path (the file has ${allPaths.length} paths)`);
    for (const p of matched) paths[p] = document.paths[p];
  }

  const reached = new Set<string>();
  const declaredSchemas = new Set<string>();
  const walk = (node: unknown, declared: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, declared));
    if (typeof node !== "object" || node === null) return;
    if (isRef(node)) {
      if (node.$ref.startsWith(SCHEMA_PREFIX) && declared) declaredSchemas.add(node.$ref.slice(SCHEMA_PREFIX.length));
      if (reached.has(node.$ref)) return;
      reached.add(node.$ref);
      return walk(resolvePointer(document, node.$ref, source), true);
    }
    for (const [key, value] of Object.entries(node)) {
      // The first allOf entry of a Graph schema is its base type: reached, but not declared.
      if (key === "allOf" && Array.isArray(value)) value.forEach((v, i) => walk(v, i > 0 || !isRef(v)));
      // discriminator.mapping names derived types: they come with the schema only where it is declared (below).
      else if (key !== "discriminator") walk(value, declared);
    }
  };
  walk(paths, true);

  // Derived types of declared types (transitively), found by their allOf base reference or named by
  // the declared type's discriminator.mapping. A mapping on a type reached only as a base (Kiota's
  // descriptions map every type of Graph on `entity`) brings nothing.
  const schemas = document.components?.schemas ?? {};
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of [...declaredSchemas].sort()) {
      for (const target of mappingTargets(schemas[name])) {
        if (!reached.has(target) || !declaredSchemas.has(target.slice(SCHEMA_PREFIX.length))) {
          walk({ $ref: target }, true);
          grew = true;
        }
      }
    }
    for (const name of sortedKeys(schemas)) {
      const base = baseOf(schemas[name]!);
      if (base && !reached.has(SCHEMA_PREFIX + name) && (declaredSchemas.has(base) || isDerivedOfDeclared(base))) {
        declaredSchemas.add(name);
        walk({ $ref: SCHEMA_PREFIX + name }, true);
        grew = true;
      }
    }
  }
  // A base chain may come back on itself (an allOf cycle): walked once. The model stage names a cycle the slice keeps.
  function isDerivedOfDeclared(name: string): boolean {
    const seen = new Set<string>();
    for (let current: string | undefined = name; current && !seen.has(current); current = schemas[current] ? baseOf(schemas[current]!) : undefined) {
      if (declaredSchemas.has(current)) return true;
      seen.add(current);
    }
    return false;
  }

  return { source, document: pruneComponents(document, paths, reached), declaredSchemas, callPaths: callPathsAbove(Object.keys(paths), document) };
}

/** The paths of `document` above a kept path (its proper prefixes) that declare a bound call: the composable functions it goes through. */
function callPathsAbove(kept: string[], document: OpenApiDocument): Set<string> {
  const found = new Set<string>();
  for (const path of kept) {
    const segments = path.split("/");
    for (let end = 2; end < segments.length; end++) {
      const prefix = segments.slice(0, end).join("/");
      if (declaresCall(document.paths?.[prefix])) found.add(prefix);
    }
  }
  return found;
}

/** The `$ref`s a schema's `discriminator.mapping` names (plain strings, not `$ref` objects), on the schema itself or an inline `allOf` part. */
function mappingTargets(schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject | undefined): string[] {
  if (!schema || isRef(schema)) return [];
  const parts = [schema, ...(schema.allOf ?? []).filter((part) => !isRef(part))] as OpenAPIV3.SchemaObject[];
  return parts.flatMap((part) => Object.values(part.discriminator?.mapping ?? {})).filter((ref) => ref.startsWith(SCHEMA_PREFIX));
}

function baseOf(schema: OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject): string | undefined {
  if (isRef(schema) || !schema.allOf) return undefined;
  const first = schema.allOf[0];
  return first && isRef(first) && first.$ref.startsWith(SCHEMA_PREFIX) ? first.$ref.slice(SCHEMA_PREFIX.length) : undefined;
}

function pruneComponents(document: OpenApiDocument, paths: OpenAPIV3.PathsObject, reached: Set<string>): OpenApiDocument {
  const components: Record<string, Record<string, unknown>> = {};
  for (const [section, entries] of Object.entries(document.components ?? {})) {
    for (const name of Object.keys(entries as object)) {
      const keep = section === "securitySchemes" || reached.has(`#/components/${section}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`);
      if (keep) (components[section] ??= {})[name] = (entries as Record<string, unknown>)[name];
    }
  }
  return { ...document, paths, components } as OpenApiDocument;
}
