/**
 * Emits `client.ts`: `createGraphClient` and one request-builder class per node of the URL tree.
 * Static segments are getters (`.deviceManagement`), key segments `byId(id)`, and each operation one
 * or more methods (builder-methods.ts). Every name comes from the naming stage; the query wire-name
 * table (`queryNames`) is the contract between the generated code and the runtime.
 */
import type { ClassDeclarationStructure, InterfaceDeclarationStructure, MethodDeclarationStructure, StatementStructures } from "ts-morph";
import type { ApiModel, ModelType, Operation, Parameter, ResourceNode, TypeRef } from "../model/ir.js";
import { allOperations } from "../model/resource-tree.js";
import { propertyKey } from "../names/identifiers.js";
import { compareStrings } from "../util/order.js";
import { operationMethods } from "./builder-methods.js";
import { importStatements, type ImportSpec } from "./imports.js";
import { selectParameterType, selectTarget } from "./select-types.js";
import { docs, printStatements, StructureKind } from "./print.js";
import { referencedTypeNames, typeExpression } from "./type-expression.js";

/** What emitted code may use from the runtime, by module; only names the code uses are imported. */
const RUNTIME_IMPORTS: ImportSpec[] = [
  { from: "../runtime/runtime.js", values: ["createRuntime"], types: ["GraphClientOptions", "GraphRuntime"] },
  { from: "../runtime/paging.js", values: ["iterateItems", "iteratePages"], types: [] },
  { from: "../runtime/request-builder.js", values: ["RequestBuilder"], types: [] },
  { from: "../runtime/types.js", values: [], types: ["BatchOptions", "BatchResults", "BinaryBody", "Page", "PagingOptions", "PropertyName", "RequestBody", "RequestOptions", "Selected"] },
  { from: "../runtime/url.js", values: ["encodeKey", "encodeLiteral"], types: [] },
];

export function emitClientFile(model: ApiModel, header: string): string {
  const statements = clientStatements(model);
  const text = JSON.stringify(statements);
  const models = [...new Set(collectModelNames(model.root, model.types))].sort(compareStrings);
  const imports = importStatements(RUNTIME_IMPORTS, text);
  const modelImports = models.length ? [`import type { ${models.join(", ")} } from "./models.js";`] : [];
  return printStatements(header, [...imports, ...modelImports, 'import { schema } from "./schema.js";', ...statements]);
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
  const wireNames = queryWireNames(model.root);
  const table = wireNames.length
    ? [`/** The wire name of each query option whose name in code differs (\`top\` is sent as \`$top\`). */\nconst queryNames = { ${wireNames.map(([code, wire]) => `${propertyKey(code)}: ${JSON.stringify(wire)}`).join(", ")} } as const;`]
    : [];
  return [factory, ...table, ...nodeStatements(model.root, model.types)];
}

/** Code name → wire name of every query option in the slice whose two names differ. */
function queryWireNames(root: ResourceNode): [string, string][] {
  const names = new Map<string, string>();
  for (const op of allOperations(root)) for (const p of op.query) if (p.name !== p.wireName) names.set(p.name, p.wireName);
  return [...names].sort(([a], [b]) => compareStrings(a, b));
}

function nodeStatements(node: ResourceNode, types: Map<string, ModelType>): StatementStructures[] {
  const declarations = node.operations.flatMap((op) => [
    ...(op.queryName ? [queryInterface(op, types)] : []),
    ...(op.optionsName ? [optionsInterface(op, types)] : []),
  ]);
  return [...declarations, builderClass(node, types), ...node.children.flatMap((c) => nodeStatements(c, types))];
}

function queryInterface(op: Operation, types: Map<string, ModelType>): InterfaceDeclarationStructure {
  const declaration = parameterInterface(op.queryName!, [], `OData query options of \`${op.method} ${op.path}\`.`, op.query, types, (p) => selectParameterType(op, p, types));
  const target = selectTarget(op, types);
  // `S`: the names `select` lists; its default (every property name) keeps the bare interface usable.
  return target ? { ...declaration, typeParameters: [{ name: "S", constraint: "string", default: `PropertyName<${target}>` }] } : declaration;
}

function optionsInterface(op: Operation, types: Map<string, ModelType>): InterfaceDeclarationStructure {
  const base = op.kind === "list" ? ["PagingOptions"] : ["RequestOptions"];
  return parameterInterface(op.optionsName!, base, `Options of \`${op.method} ${op.path}\`, with its header parameters.`, op.headers, types);
}

function parameterInterface(
  name: string,
  extendsNames: string[],
  description: string,
  parameters: Parameter[],
  types: Map<string, ModelType>,
  typeOf: (p: Parameter) => string | undefined = () => undefined,
): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    extends: extendsNames,
    docs: docs(description),
    properties: parameters.map((p) => ({
      kind: StructureKind.PropertySignature,
      name: propertyKey(p.name),
      hasQuestionToken: !p.required,
      type: typeOf(p) ?? typeExpression(p.type, types),
      docs: docs(p.description, `Sent as \`${p.wireName}\`.`),
    })),
  };
}

function builderClass(node: ResourceNode, types: Map<string, ModelType>): ClassDeclarationStructure {
  const isRoot = node.kind === "root";
  return {
    kind: StructureKind.Class,
    name: node.builderName,
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
        name: child.memberName,
        returnType: child.builderName,
        docs: docs(child.description, `\`${child.path}\``),
        statements: `return new ${child.builderName}(this.runtime, ${isRoot ? JSON.stringify(`/${child.segment}`) : `\`\${this.path}/${child.segment}\``});`,
      })),
    methods: [
      ...(isRoot ? [batchMethod(node.builderName)] : []),
      ...node.children.filter((c) => c.kind === "key").map(byIdMethod),
      ...node.operations.flatMap((op) => operationMethods(op, types)),
    ],
  };
}

/** `batch` on the root (a reserved member): the batching runtime is imported on first use, so a program that never batches never loads it. */
function batchMethod(client: string): MethodDeclarationStructure {
  return {
    kind: StructureKind.Method,
    name: "batch",
    typeParameters: [{ name: "const T", constraint: "readonly Promise<unknown>[]" }],
    parameters: [
      { name: "build", type: `(graph: ${client}) => T` },
      { name: "options", hasQuestionToken: true, type: "BatchOptions" },
    ],
    returnType: "Promise<BatchResults<T>>",
    docs: docs(
      "Sends the calls `build` makes on `graph` (a client of the same type, which records instead of sending) as JSON batches of at most 20, and settles each on its own.",
      "Resolves to one `PromiseSettledResult` per call, in call order and typed per position. A call that cannot be batched, or an invalid body, rejects before anything is sent.",
      "@example\nconst [patched, page] = await graph.batch((g) => [g.a.byId(id).patch(body), g.a.get({ top: 5 })]);",
    ),
    statements: `return import("../runtime/batch.js").then(({ sendBatch }) => sendBatch(this.runtime, (runtime) => build(new ${client}(runtime)), options)) as Promise<BatchResults<T>>;`,
  };
}

function byIdMethod(child: ResourceNode): MethodDeclarationStructure {
  const key = child.key as Parameter;
  return {
    kind: StructureKind.Method,
    name: child.memberName,
    parameters: [{ name: key.name, type: "string" }],
    returnType: child.builderName,
    docs: docs(`${key.description ?? "The key"}. Percent-encoded as one path segment; an empty id is rejected before anything is sent.`, `\`${child.path}\``),
    statements: `return new ${child.builderName}(this.runtime, \`\${this.path}/\${encodeKey(${key.name}, ${JSON.stringify(key.wireName)})}\`);`,
  };
}

function collectModelNames(root: ResourceNode, types: Map<string, ModelType>): string[] {
  const refs = (op: Operation): (TypeRef | undefined)[] => [
    op.body?.kind === "json" ? op.body.type : undefined,
    op.response.kind === "json" ? op.response.type : op.response.kind === "collection" ? op.response.items : undefined,
    ...[...op.query, ...op.headers, ...(op.call?.parameters ?? [])].map((p) => p.type),
  ];
  return allOperations(root).flatMap((op) => refs(op).flatMap((ref) => (ref ? referencedTypeNames(ref, types) : [])));
}
