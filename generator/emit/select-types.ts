/**
 * Typed `$select` and `$expand`: when an operation reads one model type (a list's items, a get's
 * entity) and takes `$select`, its query interface gets a type parameter `S` for the selected names,
 * and the method's result narrows to them (`Selected<Model, S>`). `$expand` takes the type's
 * navigation property names (with `(…)` options after one, or `*`).
 */
import { allProperties, descendants } from "../model/hierarchy.js";
import type { ModelType, Operation, Parameter, TypeRef } from "../model/ir.js";

export const SELECT_WIRE_NAME = "$select";
const EXPAND_WIRE_NAME = "$expand";

/** The model type `select` narrows, as a TypeScript type expression; undefined when the operation has none. */
export function selectTarget(op: Operation, types: Map<string, ModelType>): string | undefined {
  const model = selectModel(op, types);
  return model && op.query.some((p) => p.wireName === SELECT_WIRE_NAME) ? model.tsName : undefined;
}

/** The TypeScript type of a query parameter when select typing replaces the spec's `string[]`. */
export function selectParameterType(op: Operation, p: Parameter, types: Map<string, ModelType>): string | undefined {
  const model = selectModel(op, types);
  if (!model) return undefined;
  if (p.wireName === SELECT_WIRE_NAME && selectTarget(op, types)) return "readonly S[]";
  if (p.wireName !== EXPAND_WIRE_NAME) return undefined;
  return `readonly (${expandItem(op, types)})[]`;
}

/** What one `expand` entry may be: a navigation property name, with `(…)` options after it, or `*`; undefined when the operation reads no model. */
export function expandItem(op: Operation, types: Map<string, ModelType>): string | undefined {
  const model = selectModel(op, types);
  if (!model) return undefined;
  const names = [...new Set([model, ...descendants(model, types)].flatMap((t) => allProperties(t, types)).filter((q) => q.navigation).map((q) => JSON.stringify(q.name)))].sort();
  const union = names.join(" | ");
  return names.length ? `${union} | \`\${${union}}(\${string})\` | "*"` : `"*"`;
}

function selectModel(op: Operation, types: Map<string, ModelType>) {
  if (op.kind !== "list" && op.kind !== "get") return undefined;
  const ref: TypeRef | undefined = op.response.kind === "collection" ? op.response.items : op.response.kind === "json" ? op.response.type : undefined;
  const type = ref?.kind === "named" ? types.get(ref.name) : undefined;
  return type?.kind === "object" && type.category !== "wrapper" && type.category !== "inline" ? type : undefined;
}
