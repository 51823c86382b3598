/**
 * Emits `client.ts`: `createGraphClient`, the routes table (routes.ts) and one request-builder
 * interface per node of the URL tree. Static segments are getters (`.deviceManagement`), key
 * segments `byId(id)`, and each operation one or more methods (builder-methods.ts). The interfaces
 * are types only: at run time every node is the runtime's one builder, so a program's bundle does
 * not grow with the slice. Every name comes from the naming stage.
 */
import type { InterfaceDeclarationStructure, MethodSignatureStructure, StatementStructures, TypeAliasDeclarationStructure } from "ts-morph";
import type { ApiModel, ModelType, Operation, Parameter, ResourceNode, TypeRef } from "../model/ir.js";
import { allOperations } from "../model/resource-tree.js";
import { propertyKey } from "../names/identifiers.js";
import { compareStrings } from "../util/order.js";
import { operationMethods, paramsType } from "./builder-methods.js";
import { odataQueryAlias } from "./query-types.js";
import { headerOptions, mediaSegments, routeEntries } from "./routes.js";
import { importStatements, type ImportSpec } from "./imports.js";
import { selectParameterType, selectTarget } from "./select-types.js";
import { docs, printStatements, StructureKind } from "./print.js";
import { referencedTypeNames, typeExpression } from "./type-expression.js";

/** What emitted code may use from the runtime, by module; only names the code uses are imported. */
const RUNTIME_IMPORTS: ImportSpec[] = [
  { from: "../runtime/request-builder.js", values: ["createClient"], types: ["HeaderOptions", "RequestBuilder", "Routes"] },
  { from: "../runtime/runtime.js", values: ["createRuntime"], types: ["GraphClientOptions"] },
  { from: "../runtime/types.js", values: [], types: ["BatchOptions", "BatchResults", "BinaryBody", "ODataQuery", "Page", "PagingOptions", "PropertyName", "RequestBody", "RequestOptions", "Selected"] },
];

export function emitClientFile(model: ApiModel, header: string): string {
  const statements = clientStatements(model);
  const text = JSON.stringify(statements);
  const models = [...new Set(collectModelNames(model.root, model.types))].sort(compareStrings);
  const imports = importStatements(RUNTIME_IMPORTS, text);
  const modelImports = models.length ? [`import type { ${models.join(", ")} } from "./models.js";`] : [];
  return printStatements(header, [...imports, ...modelImports, ...statements]);
}

export function clientStatements(model: ApiModel): (StatementStructures | string)[] {
  const factory = `/**
 * Creates a client for the ${model.name} slice of Microsoft Graph. Request bodies are validated
 * against the spec before sending, with tables that a call loads the first time it sends a body of
 * that type (the operation index that holds the call, then \`schema/\`: the body type's own), and
 * never with \`validate: false\`. A bound action or function loads its route from its index too.
 * The list of the indexes is loaded when a validating client is made, else by the first call that
 * needs it.${versionNote(model)}
 *
 * @example
 * const graph = createGraphClient({ token: async () => getAccessToken() });
 */
export function createGraphClient(options: GraphClientOptions = {}): GraphClient {
  return createClient(createRuntime(options, () => import("./operation-indexes.js")${apiVersionArgument(model)}), routes, headerOptions, mediaSegments) as GraphClient;
}`;
  const headers = headerOptions(model.root);
  const media = mediaSegments(model.root);
  const entries = routeEntries(model.root, { shared: headers, mediaSegments: media }).map(([key, route]) => `  ${JSON.stringify(key)}: ${JSON.stringify(route)},`);
  const table = `/** The members whose request differs from the request builder's rules (see its runtime file). */\nconst routes: Routes = {${entries.length ? `\n${entries.join("\n")}\n` : ""}};`;
  const headerTable = `/** The header parameters of the slice's operations, by the name of their option. */\nconst headerOptions: HeaderOptions = ${JSON.stringify(headers)};`;
  const mediaTable = `/** The wire segments that are media resources (content read as a Blob, replaced by binary content) wherever they occur in the slice. */\nconst mediaSegments: readonly string[] = ${JSON.stringify(media)};`;
  return [factory, table, headerTable, mediaTable, ...nodeStatements(model.root, model.types)];
}

function nodeStatements(node: ResourceNode, types: Map<string, ModelType>): StatementStructures[] {
  const declarations = node.operations.flatMap((op) => [
    ...(op.queryName ? [queryInterface(op, types)] : []),
    ...(op.optionsName ? [optionsInterface(op, types)] : []),
  ]);
  return [...declarations, builderInterface(node, types), ...node.children.flatMap((c) => nodeStatements(c, types))];
}

function queryInterface(op: Operation, types: Map<string, ModelType>): InterfaceDeclarationStructure | TypeAliasDeclarationStructure {
  const typeOf = (p: Parameter) => selectParameterType(op, p, types);
  const target = selectTarget(op, types);
  // `S`: the names `select` lists; its default (every property name) keeps the bare interface usable.
  const selectDefault = target ? `PropertyName<${target}>` : undefined;
  const alias = odataQueryAlias(op, types, typeOf, selectDefault);
  if (alias) return alias;
  const declaration = parameterInterface(op.queryName!, [], `OData query options of \`${op.method} ${op.path}\`.`, op.query, types, typeOf);
  return selectDefault ? { ...declaration, typeParameters: [{ name: "S", constraint: "string", default: selectDefault }] } : declaration;
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

function builderInterface(node: ResourceNode, types: Map<string, ModelType>): InterfaceDeclarationStructure {
  const isRoot = node.kind === "root";
  return {
    kind: StructureKind.Interface,
    name: node.builderName,
    isExported: true,
    extends: isRoot ? [] : ["RequestBuilder"],
    docs: docs(isRoot ? "The root of the API: navigate from here to a resource, then call a method. Made by `createGraphClient()`." : node.description, !isRoot && `\`${node.path}\``),
    properties: node.children
      .filter((c) => c.kind === "static")
      .map((child) => ({ kind: StructureKind.PropertySignature, name: child.memberName, isReadonly: true, type: child.builderName, docs: docs(child.description, `\`${child.path}\``) })),
    methods: [
      ...(isRoot ? [batchMethod(node.builderName)] : []),
      ...node.children.filter((c) => c.kind === "key").map(byIdMethod),
      ...node.children.filter((c) => c.kind === "alternateKey").map((child) => alternateKeyMethod(child, types)),
      ...node.children.filter((c) => c.kind === "function").map((child) => composableFunctionMethod(child, types)),
      ...node.operations.flatMap((op) => operationMethods(op, types)),
    ],
  };
}

/** `batch` on the root (a reserved member); the runtime loads the batching code on first use. */
function batchMethod(client: string): MethodSignatureStructure {
  return {
    kind: StructureKind.MethodSignature,
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
  };
}

function byIdMethod(child: ResourceNode): MethodSignatureStructure {
  const key = child.key as Parameter;
  return {
    kind: StructureKind.MethodSignature,
    name: child.memberName,
    parameters: [{ name: key.name, type: "string" }],
    returnType: child.builderName,
    docs: docs(`${key.description ?? "The key"} (\`${key.wireName}\`). Percent-encoded as one path segment; an empty id is rejected before anything is sent.`, `\`${child.path}\``),
  };
}

/** What the factory's documentation says of the base URL, when the description names a Graph API version. */
function versionNote(model: ApiModel): string {
  return model.apiVersion ? ` Calls go to Graph ${model.apiVersion} (\`https://graph.microsoft.com/${model.apiVersion}\`) unless \`baseUrl\` or \`cloud\` say otherwise.` : "";
}

/** The runtime's `apiVersion` argument, when the description names one: the client's default base URL. */
function apiVersionArgument(model: ApiModel): string {
  return model.apiVersion ? `, ${JSON.stringify(model.apiVersion)}` : "";
}

function alternateKeyMethod(child: ResourceNode, types: Map<string, ModelType>): MethodSignatureStructure {
  const key = child.key as Parameter;
  const { name, quoted } = child.alternateKey!;
  const literal = quoted ? "a string literal (quotes doubled), percent-encoded" : "a literal, percent-encoded";
  return {
    kind: StructureKind.MethodSignature,
    name: child.memberName,
    parameters: [{ name: key.name, type: quoted ? "string" : typeExpression(key.type, types) }],
    returnType: child.builderName,
    docs: docs(`${key.description ?? `The alternate key ${name}`} (\`${name}\`). Sent as ${literal}; an empty or null key is rejected before anything is sent.`, `\`${child.path}\``),
  };
}

/** A composable function's member: its parameters (`params`) in, the builder of the paths below it out. */
function composableFunctionMethod(child: ResourceNode, types: Map<string, ModelType>): MethodSignatureStructure {
  const { parameters } = child.call!;
  return {
    kind: StructureKind.MethodSignature,
    name: child.memberName,
    parameters: parameters.length ? [{ name: "params", type: paramsType(child.call!, types) }] : [],
    returnType: child.builderName,
    docs: docs(
      child.description,
      `The function \`${child.call!.name}\`, composed with what follows it: its builder's \`get\` calls it, its members go below it.${parameters.length ? " Each parameter is sent as an OData literal in the segment." : ""}`,
      `\`${child.path}\``,
    ),
  };
}

function collectModelNames(root: ResourceNode, types: Map<string, ModelType>): string[] {
  const refs = (op: Operation): (TypeRef | undefined)[] => [
    op.body?.kind === "json" ? op.body.type : undefined,
    op.response.kind === "json" ? op.response.type : op.response.kind === "collection" ? op.response.items : undefined,
    ...[...op.query, ...op.headers, ...(op.call?.parameters ?? []), ...(op.through ?? []).flatMap((t) => t.call.parameters)].map((p) => p.type),
  ];
  return allOperations(root).flatMap((op) => refs(op).flatMap((ref) => (ref ? referencedTypeNames(ref, types) : [])));
}
