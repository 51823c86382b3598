/**
 * Model stage: keep what the slice's operations can send and receive, nothing more.
 *
 * Reached, starting from every request body, response, error body and parameter type:
 * - the types of properties, transitively, and the base chain of every reached type;
 * - every type derived from a reached type that is declared somewhere (a property, body, response
 *   or parameter type), since a value declared as X may be any X; from the OpenAPI, or from the CSDL
 *   when the OpenAPI lacks it;
 * - not the targets of navigation properties: those appear only with `expand`, and following them
 *   pulls in all of Graph (`site` → `drive` → `driveItem` → …). A navigation property whose target
 *   the slice does not otherwise reach is typed as that target's nearest ancestor in the slice
 *   (usually `Entity`), whose `Unknown…` member keeps every property of the real value.
 * A reached type with derived types left out is marked `openHierarchy`, so it stays a union with its
 * `Unknown…` member and values of the left-out types still type-check.
 */
import { sortedBy } from "../util/order.js";
import type { ModelType, ObjectType, Operation, TypeRef } from "./ir.js";

export interface TypeUniverse {
  /** A type the model does not have yet (from the CSDL), made on demand. */
  typeNamed(name: string): ModelType | undefined;
  /** Derived type names by base name, beyond the model's own types. */
  derived: Map<string, string[]>;
  baseOf(name: string): string | undefined;
}

const NO_UNIVERSE: TypeUniverse = { typeNamed: () => undefined, derived: new Map(), baseOf: () => undefined };

/**
 * In OData a property whose type is an entity type is a navigation property (structural properties
 * hold primitive, enum and complex values only). The OpenAPI of Microsoft's modules often leaves
 * `x-ms-navigationProperty` out, so the rule is applied here to every property.
 */
export function markNavigationProperties(types: Map<string, ModelType>, universe: TypeUniverse = NO_UNIVERSE): void {
  const isEntity = (name: string): boolean => {
    const type = types.get(name) ?? universe.typeNamed(name);
    return type?.kind === "object" && type.category === "entity";
  };
  const target = (ref: TypeRef): string | undefined => (ref.kind === "named" ? ref.name : ref.kind === "array" ? target(ref.items) : undefined);
  for (const type of types.values()) {
    if (type.kind !== "object") continue;
    for (const p of type.properties) {
      const name = target(p.type);
      if (!p.navigation && name && isEntity(name)) p.navigation = true;
    }
  }
}

export function pruneToOperations(types: Map<string, ModelType>, operations: Operation[], universe: TypeUniverse = NO_UNIVERSE): void {
  const derivedOf = new Map<string, Set<string>>();
  for (const [base, names] of universe.derived) derivedOf.set(base, new Set(names));
  for (const type of types.values()) if (type.kind === "object" && type.base) (derivedOf.get(type.base) ?? derivedOf.set(type.base, new Set()).get(type.base)!).add(type.name);

  const lookup = (name: string): ModelType | undefined => {
    let type = types.get(name);
    if (!type) {
      type = universe.typeNamed(name);
      if (type) types.set(name, type);
    }
    return type;
  };
  const kept = new Set<string>();
  const declared = new Set<string>();
  const queue: string[] = [];
  const reach = (name: string, isDeclared: boolean): void => {
    if (isDeclared && !declared.has(name)) {
      declared.add(name);
      for (const d of derivedOf.get(name) ?? []) reach(d, true);
    }
    if (kept.has(name) || !lookup(name)) return;
    kept.add(name);
    queue.push(name);
  };
  const reachRef = (ref: TypeRef | undefined): void => {
    if (!ref) return;
    if (ref.kind === "named") reach(ref.name, true);
    else if (ref.kind === "array") reachRef(ref.items);
    else if (ref.kind === "union") ref.members.forEach(reachRef);
    else if (ref.kind === "object") ref.properties.forEach((p) => reachRef(p.type));
  };
  for (const op of operations) {
    if (op.body?.kind === "json") reachRef(op.body.type);
    if (op.response.kind === "json") reachRef(op.response.type);
    if (op.response.kind === "collection") {
      reachRef(op.response.items);
      if (op.response.wrapper) reach(op.response.wrapper, true);
    }
    reachRef(op.error?.type);
    for (const p of [...op.pathParameters, ...op.query, ...op.headers, ...(op.call?.parameters ?? [])]) reachRef(p.type);
  }
  while (queue.length > 0) {
    const type = types.get(queue.pop()!)!;
    if (type.kind !== "object") continue;
    if (type.base) reach(type.base, false);
    for (const p of type.properties) if (!p.navigation) reachRef(p.type);
  }

  const bases = new Map<string, string | undefined>();
  for (const type of types.values()) if (type.kind === "object") bases.set(type.name, type.base);
  const baseOf = (name: string) => (bases.has(name) ? bases.get(name) : universe.baseOf(name));
  for (const name of [...types.keys()]) if (!kept.has(name)) types.delete(name);
  for (const type of sortedBy(types.values(), (t) => t.name)) {
    if (type.kind !== "object") continue;
    if ([...(derivedOf.get(type.name) ?? [])].some((d) => !kept.has(d))) type.openHierarchy = true;
    for (const p of type.properties) if (p.navigation) p.type = retarget(p.type, kept, baseOf);
  }
}

/** A navigation target outside the slice becomes its nearest ancestor in the slice, or unknown. */
function retarget(ref: TypeRef, kept: Set<string>, baseOf: (name: string) => string | undefined): TypeRef {
  if (ref.kind === "array") return { ...ref, items: retarget(ref.items, kept, baseOf) };
  if (ref.kind !== "named" || kept.has(ref.name)) return ref;
  const seen = new Set<string>();
  for (let base = baseOf(ref.name); base && !seen.has(base); base = baseOf(base)) {
    seen.add(base);
    if (kept.has(base)) return { kind: "named", name: base };
  }
  return { kind: "unknown" };
}
