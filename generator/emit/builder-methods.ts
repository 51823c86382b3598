/**
 * Emits the methods one operation gives its request builder:
 * - a list: `get(query?, options?)` for one page, `iterate` for every item, `iteratePages`;
 * - get / post / patch / put / delete, with a JSON body (`RequestBody<Model>`) or a binary one
 *   (`BinaryBody`), and a JSON, `Blob` (binary content) or no result;
 * - `$count`: `count(options?)`, with `search`/`filter` among the options when the spec allows them;
 * - a bound action or function: a method named after it (the naming stage decides the name). A
 *   function's segment parameters are its first argument, `params`, encoded as OData literals.
 * Header parameters are typed members of the options (`options.ifMatch` is sent as `If-Match`).
 */
import type { MethodDeclarationStructure } from "ts-morph";
import type { ModelType, Operation } from "../model/ir.js";
import { propertyKey } from "../names/identifiers.js";
import { docs, StructureKind } from "./print.js";
import { typeSpecOf } from "./schema-table.js";
import { selectTarget } from "./select-types.js";
import { typeExpression } from "./type-expression.js";

export function operationMethods(op: Operation, types: Map<string, ModelType>): MethodDeclarationStructure[] {
  const summary = docs(op.summary, op.description !== op.summary && op.description, `\`${op.method} ${op.path}\``, "@throws {GraphError} when Graph answers with an error, or the call fails, times out or is invalid.");
  const options = op.optionsName ?? "RequestOptions";
  const query = op.queryName ? `query?: ${op.queryName}` : undefined;
  const common = requestFields(op);

  // Typed `select`: `S` is the selected names (none: the whole model), and the result narrows to them.
  const target = selectTarget(op, types);
  const selecting = target ? [{ name: "S", constraint: `PropertyName<${target}>`, default: "never" }] : [];
  const selectQuery = target ? `query?: ${op.queryName}<S>` : query;

  if (op.kind === "list") {
    const item = target ? `Selected<${target}, S>` : typeExpression(itemsOf(op), types);
    const pagingOptions = op.optionsName ?? "PagingOptions";
    const fields = ["method: \"GET\"", ...common, "expect: \"json\""];
    const request = `{ ${fields.join(", ")} }`;
    // The naming stage claims get, iterate and iteratePages together for a list.
    return [
      method(op.methodName, [selectQuery!, `options?: ${options}`], `Promise<Page<${item}>>`, summary, `return this.runtime.send({ ${[...fields, "options"].join(", ")} }) as Promise<Page<${item}>>;`, selecting),
      method("iterate", [selectQuery!, `options?: ${pagingOptions}`], `AsyncGenerator<${item}, void, undefined>`, docs("Every item of every page, following `@odata.nextLink` on the same origin only.", `\`${op.method} ${op.path}\``), `return iterateItems<${item}>(this.runtime, ${request}, options);`, selecting),
      method("iteratePages", [selectQuery!, `options?: ${pagingOptions}`], `AsyncGenerator<Page<${item}>, void, undefined>`, docs("Every page; each carries its `@odata.nextLink`, which `options.nextLink` can resume from.", `\`${op.method} ${op.path}\``), `return iteratePages<${item}>(this.runtime, ${request}, options);`, selecting),
    ];
  }
  if (op.kind === "count" && op.query.length > 0) {
    const names = op.query.map((p) => p.name);
    const extra = op.query.map((p) => `${propertyKey(p.name)}?: ${typeExpression(p.type, types)}`).join("; ");
    return [
      method(op.methodName, [`options: ${options} & { ${extra} } = {}`], "Promise<number>", summary, [
        `const { ${names.join(", ")}, ...rest } = options;`,
        `return this.runtime.send({ ${["method: \"GET\"", `path: ${pathExpression(op)}`, `query: { ${names.join(", ")} }`, "queryNames", ...headerField(op, "rest"), 'expect: "count"', "options: rest"].join(", ")} }) as Promise<number>;`,
      ].join("\n")),
    ];
  }
  const result = target ? `Selected<${target}, S>` : resultType(op, types);
  const parameters = [
    ...(op.call?.parameters.length ? [`params: { ${op.call.parameters.map((p) => `${propertyKey(p.name)}: ${typeExpression(p.type, types)}${p.nullable ? " | null" : ""}`).join("; ")} }`] : []),
    ...(op.body ? [`body${op.body.required || op.body.kind === "binary" ? "" : "?"}: ${bodyType(op, types)}`] : []),
    ...(selectQuery ? [selectQuery] : []),
    `options?: ${options}`,
  ];
  const fields = [
    `method: "${op.method}"`,
    ...common,
    ...(op.body ? ["body"] : []),
    ...(op.body?.kind === "json" ? [`bodyType: ${JSON.stringify(typeSpecOf(op.body.type, types))}`] : []),
    ...(op.body?.kind === "binary" ? [`contentType: ${JSON.stringify(op.body.contentType)}`] : []),
    `expect: "${expectOf(op)}"`,
    "options",
  ];
  const declaration = method(op.methodName, parameters, `Promise<${result}>`, summary, `return this.runtime.send({ ${fields.join(", ")} }) as Promise<${result}>;`, selecting);
  // Encoding a segment parameter can fail; `async` makes that a rejected promise like every other error.
  return [op.call?.parameters.length ? { ...declaration, isAsync: true } : declaration];
}

/** Path, query and header fields shared by every request of an operation. */
function requestFields(op: Operation): string[] {
  return [`path: ${pathExpression(op)}`, ...(op.query.length ? ["query", "queryNames"] : []), ...headerField(op, "options")];
}

function headerField(op: Operation, options: string): string[] {
  if (op.headers.length === 0) return [];
  return [`headers: { ${op.headers.map((h) => `${JSON.stringify(h.wireName)}: ${options}?.${h.name}`).join(", ")} }`];
}

/** The request path: the builder's own, plus `$count` or the action/function segment. */
function pathExpression(op: Operation): string {
  if (op.kind === "count") return "`${this.path}/$count`";
  const call = op.call;
  if (!call) return "this.path";
  if (!call.parenthesised) return `\`\${this.path}/${call.prefix}\``;
  const list = call.entries
    .map((entry) => {
      if ("text" in entry) return entry.text.replace(/[`$\\]/g, "\\$&");
      const p = call.parameters[entry.parameter]!;
      return `${p.wireName}=\${encodeLiteral(params.${p.name}, ${p.quoted}, ${JSON.stringify(p.wireName)})}`;
    })
    .join(",");
  return `\`\${this.path}/${call.prefix}(${list})\``;
}

function bodyType(op: Operation, types: Map<string, ModelType>): string {
  return op.body!.kind === "binary" ? "BinaryBody" : `RequestBody<${typeExpression(op.body!.type, types)}>`;
}

function expectOf(op: Operation): string {
  return op.response.kind === "collection" ? "json" : op.response.kind;
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
  statements: string,
  typeParameters: { name: string; constraint: string; default: string }[] = [],
): MethodDeclarationStructure {
  return {
    kind: StructureKind.Method,
    name,
    typeParameters,
    parameters: parameters.map((p) => {
      const [, paramName, optional, type, initializer] = /^(\w+)(\??): ([^=]+?)(?: = (.+))?$/s.exec(p)!;
      return { name: paramName!, hasQuestionToken: optional === "?", type: type!, initializer };
    }),
    returnType,
    docs: description,
    statements,
  };
}
