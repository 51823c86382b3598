/**
 * Questions about inheritance that several emitters ask of the model.
 */
import { sortedBy } from "../util/order.js";
import type { ModelType, ObjectType } from "./ir.js";

/**
 * A type is polymorphic when it is abstract or has derived types (in the slice or left out of it):
 * references to it become unions, told apart by `@odata.type`. A transport wrapper (a collection
 * response, an error, `BaseCollectionPaginationCountResponse`) is no OData type and carries no
 * `@odata.type`, so the wrappers derived from it are no union of it (each extends it), unless a
 * discriminator gives them `@odata.type` values.
 */
export function hasHierarchy(type: ObjectType, types: Map<string, ModelType>): boolean {
  if (type.category === "wrapper" && !descendants(type, types).some((d) => d.odataType !== undefined)) return false;
  return type.abstract || type.openHierarchy === true || derivedTypes(type, types).length > 0;
}

/** Direct derived types, by name. */
export function derivedTypes(type: ObjectType, types: Map<string, ModelType>): ObjectType[] {
  return derivedIndex(types).get(type.name) ?? [];
}

/**
 * Base name → its derived types, sorted, built once per types map (a whole module has thousands of
 * types; asking each one's derived types by scanning them all was quadratic). Rebuilt if the map
 * changes size; the model stage settles the map before anything asks.
 */
const indexes = new WeakMap<Map<string, ModelType>, { size: number; index: Map<string, ObjectType[]> }>();
function derivedIndex(types: Map<string, ModelType>): Map<string, ObjectType[]> {
  const cached = indexes.get(types);
  if (cached && cached.size === types.size) return cached.index;
  const index = new Map<string, ObjectType[]>();
  for (const t of sortedBy(types.values(), (x) => x.name)) {
    if (t.kind === "object" && t.base !== undefined) (index.get(t.base) ?? index.set(t.base, []).get(t.base)!).push(t);
  }
  indexes.set(types, { size: types.size, index });
  return index;
}

/** All derived types, direct or not. */
export function descendants(type: ObjectType, types: Map<string, ModelType>): ObjectType[] {
  return derivedTypes(type, types).flatMap((d) => [d, ...descendants(d, types)]);
}

/**
 * The base chain from the root down to (excluding) the type itself. The model stage rejects base
 * cycles (build-model.ts), naming the file; one reaching here is a generator bug, named all the same.
 */
export function ancestors(type: ObjectType, types: Map<string, ModelType>): ObjectType[] {
  const chain: ObjectType[] = [];
  for (let base = type.base ? types.get(type.base) : undefined; base?.kind === "object"; base = base.base ? types.get(base.base) : undefined) {
    if (base === type || chain.includes(base)) throw new Error(`the base types of ${type.name} form a cycle: ${[type, ...chain, base].map((t) => t.name).join(" → ")}`);
    chain.push(base);
  }
  return chain.reverse();
}

/** Own and inherited properties, base first. */
export function allProperties(type: ObjectType, types: Map<string, ModelType>) {
  return [...ancestors(type, types), type].flatMap((t) => t.properties);
}

/**
 * Whether a value of this type must carry `@odata.type`: derived complex types do, because they only
 * ever appear where their base is the declared type and Graph cannot tell them apart otherwise.
 * Entities and root complex types may omit it (the URL or the declared type says what they are).
 */
export function requiresODataType(type: ObjectType): boolean {
  return type.category === "complex" && type.base !== undefined;
}

/** The `@odata.type` value of a type. */
export function odataTypeValue(type: ObjectType): string {
  return type.odataType ?? `#${type.name}`;
}
