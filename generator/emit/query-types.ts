/**
 * The query type of an operation whose query options are OData's own, as Graph documents them
 * (`$top` "Show only the first n items", …): an alias picking them from the runtime's `ODataQuery`,
 * whose documentation they share, instead of an interface repeating it for every operation. An
 * option with another wire name, type, description, or that is required gets a full interface.
 */
import type { TypeAliasDeclarationStructure } from "ts-morph";
import type { ModelType, Operation, Parameter } from "../model/ir.js";
import { QUERY_WIRE_NAMES } from "../../templates/route-rules.js";
import { docs, StructureKind } from "./print.js";
import { expandItem } from "./select-types.js";
import { typeExpression } from "./type-expression.js";

/** Each option of `ODataQuery` (templates/types.ts): the spec's type for it, and its description. Its wire name is OData's (QUERY_WIRE_NAMES). */
const ODATA_QUERY: Record<string, { types: string[]; description: string }> = {
  top: { types: ["number"], description: "Show only the first n items" },
  skip: { types: ["number"], description: "Skip the first n items" },
  search: { types: ["string"], description: "Search items by search phrases" },
  filter: { types: ["string"], description: "Filter items by property values" },
  count: { types: ["boolean"], description: "Include count of items" },
  orderby: { types: ["string[]"], description: "Order items by property values" },
  select: { types: ["string[]", "readonly S[]"], description: "Select properties to be returned" },
  expand: { types: ["string[]"], description: "Expand related entities" },
};

/**
 * The alias, or undefined when some option is not OData's own. `typeOf` gives the typed `select`
 * and `expand` (select-types.ts); `selectDefault` the default of `S` when `select` is typed.
 */
export function odataQueryAlias(op: Operation, types: Map<string, ModelType>, typeOf: (p: Parameter) => string | undefined, selectDefault: string | undefined): TypeAliasDeclarationStructure | undefined {
  const expand = (op.query.some((p) => p.name === "expand") && expandItem(op, types)) || "string";
  for (const p of op.query) {
    const standard = ODATA_QUERY[p.name];
    if (!standard || p.wireName !== QUERY_WIRE_NAMES[p.name] || p.required || (p.description ?? standard.description) !== standard.description) return undefined;
    const type = typeOf(p) ?? typeExpression(p.type, types);
    if (!standard.types.includes(type) && type !== `readonly (${expand})[]`) return undefined;
  }
  const picked = op.query.map((p) => JSON.stringify(p.name)).join(" | ");
  return {
    kind: StructureKind.TypeAlias,
    name: op.queryName!,
    isExported: true,
    typeParameters: selectDefault ? [{ name: "S", constraint: "string", default: selectDefault }] : [],
    type: `Pick<ODataQuery<${selectDefault ? "S" : "string"}, ${expand}>, ${picked}>`,
    docs: docs(`OData query options of \`${op.method} ${op.path}\`.`),
  };
}
