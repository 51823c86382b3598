/**
 * Overlay stage, applying: the actions of OpenAPI Overlay 1.0.0 documents, in order, to a loaded
 * OpenAPI document, before it is sliced. Targets are JSONPath expressions evaluated by
 * `jsonpath-plus`. `update` deep-merges an object into each selected object (nested objects merge,
 * anything else is replaced) or appends to each selected array; `remove: true` deletes each selected
 * node from its parent. An action whose target selects nothing is an error: an overlay that no
 * longer applies (the spec moved on) must be looked at, not silently skipped.
 */
import type * as JsonPathPlus from "jsonpath-plus";
import { requireCjs } from "../util/require-cjs.js";
import { jsonPathProblem, type OverlayAction, type OverlayDocument } from "./read-overlay.js";

const { JSONPath } = requireCjs("jsonpath-plus") as typeof JsonPathPlus;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

interface Selected {
  value: Json;
  parent: Container | null;
  parentProperty: string | number | null;
}

/** Applies every overlay in order and returns the document (changed in place). */
export function applyOverlays<T extends object>(document: T, overlays: OverlayDocument[]): T {
  for (const overlay of overlays) {
    overlay.actions.forEach((action, i) => applyAction(document as unknown as Container, action, `${overlay.source}: actions[${i}]`));
  }
  return document;
}

function applyAction(document: Container, action: OverlayAction, where: string): void {
  const syntax = jsonPathProblem(action.target);
  if (syntax) throw new Error(`${where}.target ${JSON.stringify(action.target)} is not a valid JSONPath: ${syntax}`);
  let selected: Selected[];
  try {
    selected = JSONPath({ path: action.target, json: document, resultType: "all", wrap: true, eval: "safe" }) as Selected[];
  } catch (error) {
    throw new Error(`${where}.target ${JSON.stringify(action.target)} is not a usable JSONPath: ${(error as Error).message}`);
  }
  if (selected.length === 0) throw new Error(`${where}.target ${JSON.stringify(action.target)} selects nothing in the OpenAPI document`);
  if (action.remove) return removeAll(selected, where);
  for (const node of selected) {
    const update = structuredClone(action.update) as Json;
    if (Array.isArray(node.value)) node.value.push(update);
    else if (isObject(node.value) && isObject(update)) mergeInto(node.value, update);
    else throw new Error(`${where}.update must be an object to merge into the object ${JSON.stringify(action.target)} selects (or any value to append to an array), got ${describe(update)} for ${describe(node.value)}`);
  }
}

/** Deep merge: objects merge key by key, any other value replaces what was there. */
function mergeInto(target: { [key: string]: Json }, update: { [key: string]: Json }): void {
  for (const [key, value] of Object.entries(update)) {
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isObject(existing) && isObject(value)) mergeInto(existing, value);
    else Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  }
}

function removeAll(selected: Selected[], where: string): void {
  if (selected.some((node) => node.parent === null || node.parentProperty === null)) throw new Error(`${where}: remove cannot remove the document root`);
  // jsonpath-plus reports array indexes as strings ("2"), and a union such as [0,0] selects an element
  // twice: each array loses each selected index once, highest first, so no removal shifts another.
  const fromArrays = new Map<Json[], Set<number>>();
  for (const node of selected) {
    const parent = node.parent!;
    if (Array.isArray(parent)) {
      const indexes = fromArrays.get(parent) ?? new Set<number>();
      indexes.add(Number(node.parentProperty));
      fromArrays.set(parent, indexes);
    } else delete parent[String(node.parentProperty)];
  }
  for (const [array, indexes] of fromArrays) {
    for (const index of [...indexes].sort((a, b) => b - a)) array.splice(index, 1);
  }
}

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: Json): string {
  return Array.isArray(value) ? "an array" : value === null ? "null" : typeof value === "object" ? "an object" : typeof value;
}
