/**
 * Emits `client.ts`: `createGraphClient` and one request-builder class per node of the URL tree.
 * Static segments are getters (`.deviceManagement`), key segments `byId(id)`, HTTP verbs
 * `get/post/patch/put/delete`, `$count` `count()`, bound actions a method named after the action;
 * collections also get `iterate()` (items of every page) and `iteratePages()`.
 */
import type { ClassDeclarationStructure, InterfaceDeclarationStructure, MethodDeclarationStructure, StatementStructures } from "ts-morph";
import type { ApiModel, ModelType, Operation, Parameter, ResourceNode } from "../model/ir.js";
import { camelCase, pascalCase, propertyKey } from "../model/names.js";
import { importStatements, type ImportSpec } from "./imports.js";
import { docs, printStatements, StructureKind } from "./print.js";
import { referencedTypeNames, typeExpression } from "./type-expression.js";
import { typeSpecOf } from "./schema-table.js";

/** What emitted code may use from the runtime, by module; only names the code uses are imported. */
const RUNTIME_IMPORTS: ImportSpec[] = [
  { from: "../runtime/runtime.js", values: ["createRuntime"], types: ["GraphClientOptions", "GraphRuntime"] },
  { from: "../runtime/paging.js", values: ["iterateItems", "iteratePages"], types: [] },
  { from: "../runtime/request-builder.js", values: ["RequestBuilder"], types: [] },
  { from: "../runtime/types.js", values: [], types: ["Page", "PagingOptions", "RequestBody", "RequestOptions"] },
  { from: "../runtime/url.js", values: ["encodeKey"], types: [] },
];

export function emitClientFile(model: ApiModel, header: string): string {
  const statements = clientStatements(model);
  const text = JSON.stringify(statements);
  const models = [...new Set(collectModelNames(model.root, model.types))].sort();
  const imports = importStatements([...RUNTIME_IMPORTS, { from: "./models.js", values: [], types: models }, { from: "./schema.js", values: ["schema"], types: [] }], text);
  return printStatements(header, [...imports, ...statements]);
}

export function clientStatements(model: ApiModel): (StatementStructures | string)[] {
  const factory = `/**
 * Creates a client for the ${model.name} slice of Microsoft Graph.
 *
 * @example
 * const graph = createGraphClient({ token: async () => getAccessToken() });
 */
export function createGraphClient(options: GraphClientOptions = {}): GraphClient {
  return new GraphClient(createRuntime(options, schema));
}`;
  return [factory, ...nodeStatements(model.root, model.types)];
}

function nodeStatements(node: ResourceNode, types: Map<string, ModelType>): StatementStructures[] {
  const queryTypes = node.operations.filter(hasQueryType).map((op) => queryInterface(node, op, types));
  return [...queryTypes, builderClass(node, types), ...node.children.flatMap((c) => nodeStatements(c, types))];
}

export function builderName(node: ResourceNode): string {
  if (node.kind === "root") return "GraphClient";
  return `${node.path.split("/").filter(Boolean).map((s) => (s.startsWith("{") ? "Item" : pascalCase(s))).join("")}RequestBuilder`;
}

/** The query interfaces `client.ts` declares, for the slice's index. */
export function queryTypeNames(node: ResourceNode): string[] {
  return [...node.operations.filter(hasQueryType).map((op) => queryTypeName(node, op)), ...node.children.flatMap(queryTypeNames)];
}

function hasQueryType(op: Operation): boolean {
  return op.query.length > 0 && op.kind !== "count";
}

function queryTypeName(node: ResourceNode, op: Operation): string {
  return `${builderName(node).replace(/RequestBuilder$/, "")}${pascalCase(op.kind)}Query`;
}

function queryInterface(node: ResourceNode, op: Operation, types: Map<string, ModelType>): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: queryTypeName(node, op),
    isExported: true,
    docs: docs(`OData query options of \`${op.method} ${op.path}\`.`),
    properties: op.query.map((p) => ({
      kind: StructureKind.PropertySignature,
      name: propertyKey(p.name),
      hasQuestionToken: !p.required,
      type: typeExpression(p.type, types),
      docs: docs(p.description, `Sent as \`${p.wireName}\`.`),
    })),
  };
}

function builderClass(node: ResourceNode, types: Map<string, ModelType>): ClassDeclarationStructure {
  const isRoot = node.kind === "root";
  return {
    kind: StructureKind.Class,
    name: builderName(node),
    isExported: true,
    // Every builder but the root extends RequestBuilder, which holds the runtime and the path.
    extends: isRoot ? undefined : "RequestBuilder",
    docs: docs(isRoot ? "The root of the API: navigate from here to a resource, then call a method." : node.description, !isRoot && `\`${node.path}\``),
    ctors: isRoot
      ? [
          {
            kind: StructureKind.Constructor,
            docs: docs("Made by `createGraphClient()`.", "@internal"),
            parameters: [{ kind: StructureKind.Parameter, name: "runtime", type: "GraphRuntime", isReadonly: true, scope: "private" as never }],
          },
        ]
      : [],
    getAccessors: node.children
      .filter((c) => c.kind === "static")
      .map((child) => ({
        kind: StructureKind.GetAccessor,
        name: camelCase(child.segment),
        returnType: builderName(child),
        docs: docs(child.description, `\`${child.path}\``),
        statements: `return new ${builderName(child)}(this.runtime, ${isRoot ? JSON.stringify(`/${child.segment}`) : `\`\${this.path}/${child.segment}\``});`,
      })),
    methods: [...node.children.filter((c) => c.kind === "key").map(byIdMethod), ...node.operations.flatMap((op) => operationMethods(node, op, types))],
  };
}

function byIdMethod(child: ResourceNode): MethodDeclarationStructure {
  const key = child.key as Parameter;
  return {
    kind: StructureKind.Method,
    name: "byId",
    parameters: [{ name: key.name, type: "string" }],
    returnType: builderName(child),
    docs: docs(`${key.description ?? "The key"}. Percent-encoded as one path segment; an empty id is rejected before anything is sent.`, `\`${child.path}\``),
    statements: `return new ${builderName(child)}(this.runtime, \`\${this.path}/\${encodeKey(${key.name}, ${JSON.stringify(key.wireName)})}\`);`,
  };
}

function operationMethods(node: ResourceNode, op: Operation, types: Map<string, ModelType>): MethodDeclarationStructure[] {
  const path = op.kind === "count" ? "`${this.path}/$count`" : op.actionName ? `\`\${this.path}/${op.path.slice(op.path.lastIndexOf("/") + 1)}\`` : "this.path";
  const summary = docs(op.summary, op.description !== op.summary && op.description, `\`${op.method} ${op.path}\``, "@throws {GraphError} when Graph answers with an error, or the call fails, times out or is invalid.");
  const query = op.query.length > 0 ? `query?: ${queryTypeName(node, op)}` : undefined;
  const send = (fields: string[]) => `this.runtime.send({ method: "${op.method}", path: ${path}, ${fields.join(", ")} })`;

  switch (op.kind) {
    case "list": {
      const item = typeExpression(responseItems(op), types);
      const request = `{ method: "GET", path: ${path}, query, expect: "json" }`;
      return [
        method("get", [query!, "options?: RequestOptions"], `Promise<Page<${item}>>`, summary, `return ${send(["query", 'expect: "json"', "options"])} as Promise<Page<${item}>>;`),
        method("iterate", [query!, "options?: PagingOptions"], `AsyncGenerator<${item}, void, undefined>`, docs("Every item of every page, following `@odata.nextLink` on the same origin only.", `\`${op.method} ${op.path}\``), `return iterateItems<${item}>(this.runtime, ${request}, options);`),
        method("iteratePages", [query!, "options?: PagingOptions"], `AsyncGenerator<Page<${item}>, void, undefined>`, docs("Every page; each carries its `@odata.nextLink`, which `options.nextLink` can resume from.", `\`${op.method} ${op.path}\``), `return iteratePages<${item}>(this.runtime, ${request}, options);`),
      ];
    }
    case "count": {
      if (op.query.length === 0) {
        return [method("count", ["options?: RequestOptions"], "Promise<number>", summary, `return ${send(['expect: "count"', "options"])} as Promise<number>;`)];
      }
      const names = op.query.map((p) => p.name);
      const extra = op.query.map((p) => `${propertyKey(p.name)}?: ${typeExpression(p.type, types)}`).join("; ");
      return [
        method("count", [`options: RequestOptions & { ${extra} } = {}`], "Promise<number>", summary, [
          `const { ${names.join(", ")}, ...rest } = options;`,
          `return ${send([`query: { ${names.join(", ")} }`, 'expect: "count"', "options: rest"])} as Promise<number>;`,
        ].join("\n")),
      ];
    }
    case "delete":
      return [method("delete", ["options?: RequestOptions"], "Promise<void>", summary, `return ${send(['expect: "none"', "options"])} as Promise<void>;`)];
  }
  const name = op.actionName ? camelCase(op.actionName) : { get: "get", create: "post", update: "patch", replace: "put", function: "get", action: "post" }[op.kind];
  const result = resultType(op, types);
  const parameters = [
    ...(op.body ? [`body: RequestBody<${typeExpression(op.body.type, types)}>`] : []),
    ...(query ? [query] : []),
    "options?: RequestOptions",
  ];
  const fields = [
    ...(query ? ["query"] : []),
    ...(op.body ? ["body", `bodyType: ${JSON.stringify(typeSpecOf(op.body.type, types))}`] : []),
    `expect: "${op.response.kind === "none" ? "none" : "json"}"`,
    "options",
  ];
  return [method(name, parameters, `Promise<${result}>`, summary, `return ${send(fields)} as Promise<${result}>;`)];
}

function method(name: string, parameters: string[], returnType: string, description: { description: string }[] | undefined, statements: string): MethodDeclarationStructure {
  return {
    kind: StructureKind.Method,
    name,
    parameters: parameters.map((p) => {
      const [, paramName, optional, type, initializer] = /^(\w+)(\??): ([^=]+?)(?: = (.+))?$/.exec(p)!;
      return { name: paramName!, hasQuestionToken: optional === "?", type: type!, initializer };
    }),
    returnType,
    docs: description,
    statements,
  };
}

function responseItems(op: Operation) {
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
    case "none":
      return "void";
  }
}

function collectModelNames(node: ResourceNode, types: Map<string, ModelType>): string[] {
  return [
    ...node.operations.flatMap((op) => [
      ...(op.body ? referencedTypeNames(op.body.type, types) : []),
      ...(op.response.kind === "json" ? referencedTypeNames(op.response.type, types) : []),
      ...(op.response.kind === "collection" ? referencedTypeNames(op.response.items, types) : []),
    ]),
    ...node.children.flatMap((c) => collectModelNames(c, types)),
  ];
}
