/**
 * Emits the methods one operation gives its request builder:
 * - a list: `get(query?, options?)` for one page, `iterate` for every item, `iteratePages` (`get(options?)`
 *   without query options; `get(query, options?)` when one of them is required);
 * - get / post / patch / put / delete, with a JSON body (`RequestBody<Model>`) or a binary one
 *   (`BinaryBody`), and a JSON, `Blob` (binary content) or no result;
 * - `$count`: `count(options?)`, with `search`/`filter` among the options when the spec allows them;
 * - a bound action or function: a method named after it (the naming stage decides the name). A
 *   function's segment parameters are its first argument, `params`, encoded as OData literals.
 * Header parameters are typed members of the options (`options.ifMatch` is sent as `If-Match`).
 * These are signatures only: what each sends is the runtime builder's rules plus the routes table.
 */
import type { MethodSignatureStructure } from "ts-morph";
import type { BoundCall, ModelType, Operation } from "../model/ir.js";
import { propertyKey } from "../names/identifiers.js";
import type { RouteArgument } from "../../templates/route-rules.js";
import { docs, StructureKind } from "./print.js";
import { selectTarget } from "./select-types.js";
import { typeExpression } from "./type-expression.js";

/** The method signatures of one operation on its builder's interface (the shared runtime builder implements them, see routes.ts). */
export function operationMethods(op: Operation, types: Map<string, ModelType>): MethodSignatureStructure[] {
  const summary = docs(op.summary, op.description !== op.summary && op.description, `\`${op.method} ${op.path}\``, "@throws {GraphError} when Graph answers with an error, or the call fails, times out or is invalid.");
  const options = op.optionsName ?? "RequestOptions";
  // The query is a required argument when one of its options is (calendarView's startDateTime).
  const queryRequired = queryIsRequired(op);
  const query = op.queryName ? `query${queryRequired ? "" : "?"}: ${op.queryName}` : undefined;

  // Typed `select`: `S` is the selected names (none: the whole model), and the result narrows to them.
  const target = selectTarget(op, types);
  const selecting = target ? [{ name: "S", constraint: `PropertyName<${target}>`, default: "never" }] : [];
  const selectQuery = target ? `${query}<S>` : query;

  if (op.kind === "list") {
    const item = target ? `Selected<${target}, S>` : typeExpression(itemsOf(op), types);
    const pagingOptions = op.optionsName ?? "PagingOptions";
    // A list without query options (a type cast's `…/microsoft.graph.user`) takes only its options (methodArguments).
    const queryArgument = selectQuery ? [selectQuery] : [];
    // The naming stage claims get, iterate and iteratePages together for a list.
    return [
      method(op.methodName, [...queryArgument, `options?: ${options}`], `Promise<Page<${item}>>`, summary, selecting),
      method("iterate", [...queryArgument, `options?: ${pagingOptions}`], `AsyncGenerator<${item}, void, undefined>`, docs("Every item of every page, following `@odata.nextLink` on the same origin only.", `\`${op.method} ${op.path}\``), selecting),
      method("iteratePages", [...queryArgument, `options?: ${pagingOptions}`], `AsyncGenerator<Page<${item}>, void, undefined>`, docs("Every page; each carries its `@odata.nextLink`, which `options.nextLink` can resume from.", `\`${op.method} ${op.path}\``), selecting),
    ];
  }
  if (op.kind === "count" && op.query.length > 0) {
    const extra = op.query.map((p) => `${propertyKey(p.name)}?: ${typeExpression(p.type, types)}`).join("; ");
    return [method(op.methodName, [`options?: ${options} & { ${extra} }`], "Promise<number>", summary)];
  }
  const result = target ? `Selected<${target}, S>` : resultType(op, types);
  const declared: Record<RouteArgument, () => string> = {
    params: () => `params: ${paramsType(op.call!, types)}`,
    // An optional body before a required query cannot be `body?` (a required parameter cannot follow an optional one): it may be undefined instead.
    body: () => (op.body!.required || op.body!.kind === "binary" ? `body: ${bodyType(op, types)}` : queryRequired ? `body: ${bodyType(op, types)} | undefined` : `body?: ${bodyType(op, types)}`),
    query: () => selectQuery!,
    options: () => `options?: ${options}`,
  };
  const parameters = methodArguments(op).map((argument) => declared[argument]());
  return [method(op.methodName, parameters, `Promise<${result}>`, summary, selecting)];
}

/** The type of a function's `params` argument: its segment parameters by name, `null` where they may be. */
export function paramsType(call: BoundCall, types: Map<string, ModelType>): string {
  return `{ ${call.parameters.map((p) => `${propertyKey(p.name)}: ${typeExpression(p.type, types)}${p.nullable ? " | null" : ""}`).join("; ")} }`;
}

/** The positional arguments of `op`'s method (of `get` for a list), in order: what the routes table compares with the runtime's usual ones. */
export function methodArguments(op: Operation): RouteArgument[] {
  if (op.kind === "count") return ["options"];
  if (op.kind === "list") return op.queryName ? ["query", "options"] : ["options"];
  return [
    ...(op.call?.parameters.length ? ["params" as const] : []),
    ...(op.body ? ["body" as const] : []),
    ...(op.queryName ? ["query" as const] : []),
    "options",
  ];
}

/** Whether some query option of `op` is required, so the query argument is. */
export function queryIsRequired(op: Operation): boolean {
  return op.queryName !== undefined && op.query.some((p) => p.required);
}

function bodyType(op: Operation, types: Map<string, ModelType>): string {
  return op.body!.kind === "binary" ? "BinaryBody" : `RequestBody<${typeExpression(op.body!.type, types)}>`;
}

function itemsOf(op: Operation) {
  if (op.response.kind !== "collection") throw new Error(`${op.method} ${op.path}: a list operation must answer with a collection`);
  return op.response.items;
}

function resultType(op: Operation, types: Map<string, ModelType>): string {
  switch (op.response.kind) {
    case "collection":
      return `Page<${typeExpression(op.response.items, types)}>`;
    case "json":
      return typeExpression(op.response.type, types);
    case "count":
      return "number";
    case "stream":
      return "Blob";
    case "none":
      return "void";
  }
}

function method(
  name: string,
  parameters: string[],
  returnType: string,
  description: { description: string }[] | undefined,
  typeParameters: { name: string; constraint: string; default: string }[] = [],
): MethodSignatureStructure {
  return {
    kind: StructureKind.MethodSignature,
    name,
    typeParameters,
    parameters: parameters.map((p) => {
      const [, paramName, optional, type] = /^(\w+)(\??): (.+)$/s.exec(p)!;
      return { name: paramName!, hasQuestionToken: optional === "?", type: type! };
    }),
    returnType,
    docs: description,
  };
}
