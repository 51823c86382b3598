/**
 * Emits `paths.ts`: the `paths`, `operations` and `components` types the low-level openapi-fetch
 * client is typed by, in the shape openapi-fetch reads (`paths[path][method]` with `parameters`,
 * `requestBody` and `responses`). Written from the model, so both clients share one set of models:
 * request bodies are `RequestBody<Model>` (so `@odata.type` may omit its `#`), pages are
 * `Page<Item>`, binary content is `BinaryBody` in and `Blob` out. Operations whose `operationId` is
 * unique in the slice are listed in `operations` too; a repeated id (Graph's modules repeat some)
 * is written only inline under its path.
 */
import type { ApiModel, ModelType, Operation, Parameter, SegmentParameter } from "../model/ir.js";
import { allOperations } from "../model/resource-tree.js";
import { compareStrings, sortedBy } from "../util/order.js";
import { modelKey } from "./schema-table.js";
import { typeExpression } from "./type-expression.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export function emitPathsFile(model: ApiModel, header: string): string {
  const types = model.types;
  const operations = allOperations(model.root);
  const idCounts = new Map<string, number>();
  for (const op of operations) idCounts.set(op.operationId, (idCounts.get(op.operationId) ?? 0) + 1);
  const listed = (op: Operation) => idCounts.get(op.operationId) === 1;

  const byPath = new Map<string, Operation[]>();
  for (const op of operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  const pathEntries = [...byPath.keys()].sort(compareStrings).map((path) => {
    const ops = byPath.get(path)!;
    const members = METHODS.map((method) => {
      const op = ops.find((o) => o.method.toLowerCase() === method);
      if (!op) return `    ${method}?: never;`;
      return `${comment(op.summary, "    ")}    ${method}: ${listed(op) ? `operations[${JSON.stringify(op.operationId)}]` : operationType(op, types, "    ")};`;
    });
    return `  ${JSON.stringify(path)}: {\n    parameters: { query?: never; header?: never; path?: never; cookie?: never };\n${members.join("\n")}\n  };`;
  });
  const operationEntries = sortedBy(operations.filter(listed), (o) => o.operationId).map((op) => `  ${JSON.stringify(op.operationId)}: ${operationType(op, types, "  ")};`);
  const schemaEntries = sortedBy(types.values(), modelKey).map((t) => `    ${JSON.stringify(modelKey(t))}: ${t.tsName};`);
  // `components` names every model type, so every one is imported.
  const used = new Set([...types.values()].map((t) => t.tsName));
  const runtimeTypes = ["BinaryBody", "Page", "RequestBody"];
  return [
    header,
    ...(used.size ? [`import type { ${[...used].sort(compareStrings).join(", ")} } from "./models.js";`] : []),
    `import type { ${runtimeTypes.join(", ")} } from "../runtime/types.js";`,
    "",
    `/** Every path of the slice, by its template in the spec. */\nexport interface paths {\n${pathEntries.join("\n")}\n}`,
    "",
    `/** The model type of each schema, by its name in the spec. */\nexport interface components {\n  schemas: {\n${schemaEntries.join("\n")}\n  };\n  responses: never;\n  parameters: never;\n  requestBodies: never;\n  headers: never;\n  pathItems: never;\n}`,
    "",
    `/** The operations of the slice, by \`operationId\` (ids the spec repeats are only under \`paths\`). */\nexport interface operations {\n${operationEntries.join("\n")}\n}`,
    "",
  ].join("\n");
}

function operationType(op: Operation, types: Map<string, ModelType>, indent: string): string {
  const inner = `${indent}  `;
  // The template's placeholders, each once: one written twice in a function segment (`g(a='{x}',b='{x}')`) is one value to openapi-fetch.
  const placeholders = (op.call?.parameters ?? []).map((p: SegmentParameter) => ({ ...p, wireName: p.placeholder }));
  // A key or alternate key is never null (the client refuses it, whatever the spec's schema says); a
  // function's parameter, also of a composable function the path goes through, may be the literal null.
  const functionParameters = new Set((op.through ?? []).flatMap((t) => t.call.parameters.map((p) => p.placeholder)));
  const keys = op.pathParameters.map((p) => ({ ...p, nullable: p.nullable && functionParameters.has(p.wireName) }));
  const path: Parameter[] = [...keys, ...placeholders.filter((p, i) => placeholders.findIndex((q) => q.wireName === p.wireName) === i)];
  const lines = [
    `${inner}parameters: {`,
    `${inner}  query${group(op.query, types, `${inner}  `)};`,
    `${inner}  header${group(op.headers, types, `${inner}  `)};`,
    `${inner}  path${group(path, types, `${inner}  `)};`,
    `${inner}  cookie?: never;`,
    `${inner}};`,
    `${inner}${requestBody(op, types)};`,
    `${inner}responses: {`,
    `${inner}  ${JSON.stringify(op.successStatus)}: { headers: { [name: string]: unknown }; ${successContent(op, types)} };`,
    ...(op.error && op.error.status !== op.successStatus ? [`${inner}  ${JSON.stringify(op.error.status)}: { headers: { [name: string]: unknown }; content: { "application/json": ${typeExpression(op.error.type, types)} } };`] : []),
    `${inner}};`,
  ];
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** `?: never`, or `: { … }` / `?: { … }` (optional unless a member is required). */
function group(parameters: Parameter[], types: Map<string, ModelType>, indent: string): string {
  if (parameters.length === 0) return "?: never";
  const members = parameters.map((p) => {
    const type = typeExpression(p.type, types) + (p.nullable ? " | null" : "");
    return `${comment(p.description, `${indent}  `)}${indent}  ${JSON.stringify(p.wireName)}${p.required ? "" : "?"}: ${type};`;
  });
  return `${parameters.some((p) => p.required) ? "" : "?"}: {\n${members.join("\n")}\n${indent}}`;
}

function requestBody(op: Operation, types: Map<string, ModelType>): string {
  const body = op.body;
  if (!body) return "requestBody?: never";
  const content = body.kind === "json" ? `"application/json": RequestBody<${typeExpression(body.type, types)}>` : `${JSON.stringify(body.contentType)}: BinaryBody`;
  return `requestBody${body.required ? "" : "?"}: { content: { ${content} } }`;
}

function successContent(op: Operation, types: Map<string, ModelType>): string {
  const response = op.response;
  switch (response.kind) {
    case "collection":
      return `content: { "application/json": Page<${typeExpression(response.items, types)}> }`;
    case "json":
      return `content: { "application/json": ${typeExpression(response.type, types)} }`;
    case "count":
      return `content: { "text/plain": number }`;
    case "stream":
      return `content: { ${JSON.stringify(response.contentType)}: Blob }`;
    case "none":
      return "content?: never";
  }
}

function comment(text: string | undefined, indent: string): string {
  return text && text.trim() ? `${indent}/** ${text.trim().replace(/\*\//g, "*\\/").replace(/\s*\n\s*/g, " ")} */\n` : "";
}
