/**
 * Model stage: the sliced document's operations. Each gets a kind (list, create, get, update, delete,
 * count, action, function), grouped parameters with code-friendly names, a body type and a response
 * shape. Inline action bodies become named inline types (`…AssignRequestBody`).
 */
import type { OpenAPIV3 } from "openapi-types";
import { isRef, resolvePointer, type SchemaOrRef } from "../load/openapi.js";
import type { SlicedOpenApi } from "../slice/select-paths.js";
import { SYSTEM_QUERY_OPTIONS } from "../../templates/url.js";
import { objectTypeFrom, typeRefOf } from "./from-openapi.js";
import type { ModelType, Operation, OperationKind, Parameter, ResponseShape, SchemaPointerTarget, TypeRef } from "./ir.js";
import { camelCase, localName, pascalCase } from "./names.js";

const METHODS = ["get", "post", "patch", "put", "delete"] as const;

export interface OpenApiOperations {
  operations: Operation[];
  /** Inline schemas that became named types (action parameter objects; request bodies are typed by marker, see emit/paths.ts). */
  inlineTypes: ModelType[];
  /** Inline schema pointers (as openapi-typescript reports them) → the model type they stand for. */
  inlinePointers: Map<string, SchemaPointerTarget>;
}

export function operationsFromOpenApi(sliced: SlicedOpenApi, warnings: string[]): OpenApiOperations {
  const result: OpenApiOperations = { operations: [], inlineTypes: [], inlinePointers: new Map() };
  for (const [path, item] of Object.entries(sliced.document.paths)) {
    if (!item) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (op) result.operations.push(operationOf(path, method, op, item.parameters ?? [], sliced, warnings, result));
    }
  }
  return result;
}

function operationOf(
  path: string,
  method: (typeof METHODS)[number],
  op: OpenAPIV3.OperationObject & { "x-ms-docs-operation-type"?: string },
  shared: (OpenAPIV3.ParameterObject | OpenAPIV3.ReferenceObject)[],
  sliced: SlicedOpenApi,
  warnings: string[],
  result: OpenApiOperations,
): Operation {
  const where = `${method.toUpperCase()} ${path}`;
  const parameters = [...shared, ...(op.parameters ?? [])].map((p) => (isRef(p) ? resolvePointer<OpenAPIV3.ParameterObject>(sliced.document, p.$ref, sliced.source) : p));
  const group = (location: string) => parameters.filter((p) => p.in === location).map((p) => parameterOf(p, sliced, `${where} ${p.name}`, warnings));
  const lastSegment = path.slice(path.lastIndexOf("/") + 1);
  const docsType = op["x-ms-docs-operation-type"];
  const actionName = docsType === "action" || docsType === "function" ? localName(lastSegment) : undefined;
  const response = responseOf(op, sliced, where, warnings);
  const responsePointer = `${pointerOf(path, method)}/responses/2XX/content/application~1json`;
  if (response.kind === "collection" && response.items.kind === "named" && !isRef(successSchema(op, sliced) ?? { $ref: "" })) {
    result.inlinePointers.set(responsePointer, { name: response.items.name, page: true });
  }
  if (response.kind === "json" && response.type.kind === "unknown") {
    const inline = inlineResponseType(op, path, method, actionName ?? kindOf(method, lastSegment, docsType, response), sliced, warnings, result);
    if (inline) {
      response.type = { kind: "named", name: inline };
      result.inlinePointers.set(responsePointer, { name: inline });
    }
  }
  const operation: Operation = {
    operationId: op.operationId ?? `${method}${pascalCase(path)}`,
    method: method.toUpperCase() as Operation["method"],
    path,
    kind: kindOf(method, lastSegment, docsType, response),
    summary: op.summary,
    description: op.description,
    pathParameters: group("path"),
    query: group("query"),
    headers: group("header"),
    response,
    actionName,
  };
  const body = op.requestBody && (isRef(op.requestBody) ? resolvePointer<OpenAPIV3.RequestBodyObject>(sliced.document, op.requestBody.$ref, sliced.source) : op.requestBody);
  const bodySchema = body?.content?.["application/json"]?.schema;
  if (body && bodySchema) {
    operation.body = { type: bodyTypeOf(bodySchema, body.description, operation, path, sliced, warnings, result), required: body.required === true, description: body.description };
  }
  return operation;
}

function parameterOf(p: OpenAPIV3.ParameterObject, sliced: SlicedOpenApi, where: string, warnings: string[]): Parameter {
  const bare = p.name.startsWith("$") ? p.name.slice(1) : p.name;
  const isSystem = p.in === "query" && p.name.startsWith("$") && (SYSTEM_QUERY_OPTIONS as readonly string[]).includes(bare);
  if (p.in === "query" && !isSystem) warnings.push(`${sliced.source}: ${where}: query parameter is not an OData system option; sent under its own name`);
  return {
    wireName: p.name,
    name: isSystem ? bare : camelCase(p.name),
    type: p.schema ? typeRefOf(p.schema, sliced, where, warnings).type : { kind: "primitive", name: "string" },
    required: p.required === true,
    description: p.description,
  };
}

function kindOf(method: string, lastSegment: string, docsType: string | undefined, response: ResponseShape): OperationKind {
  if (docsType === "action") return "action";
  if (docsType === "function") return "function";
  if (lastSegment === "$count") return "count";
  switch (method) {
    case "get":
      return response.kind === "collection" ? "list" : "get";
    case "post":
      return "create";
    case "patch":
      return "update";
    case "put":
      return "replace";
    default:
      return "delete";
  }
}

/** The JSON pointer of an operation, as openapi-typescript spells it. */
function pointerOf(path: string, method: string): string {
  return `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`;
}

function successSchema(op: OpenAPIV3.OperationObject, sliced: SlicedOpenApi): SchemaOrRef | undefined {
  const raw = op.responses?.["2XX"] ?? op.responses?.["200"] ?? op.responses?.["201"];
  const response = raw && (isRef(raw) ? resolvePointer<OpenAPIV3.ResponseObject>(sliced.document, raw.$ref, sliced.source) : raw);
  return response?.content?.["application/json"]?.schema;
}

/** The success response: a collection page (`value` + `@odata.nextLink`), a JSON value, a `$count` number, or nothing. */
function responseOf(op: OpenAPIV3.OperationObject, sliced: SlicedOpenApi, where: string, warnings: string[]): ResponseShape {
  const key = ["2XX", "200", "201", "204"].find((k) => op.responses?.[k]);
  const raw = key ? op.responses[key]! : undefined;
  const response = raw && (isRef(raw) ? resolvePointer<OpenAPIV3.ResponseObject>(sliced.document, raw.$ref, sliced.source) : raw);
  if (!response?.content) return { kind: "none" };
  if (response.content["text/plain"]) return { kind: "count" };
  const schema = response.content["application/json"]?.schema;
  if (!schema) return { kind: "none" };
  const items = collectionItems(schema, sliced);
  if (items) return { kind: "collection", items: typeRefOf(items, sliced, `${where} response value`, warnings).type };
  return { kind: "json", type: typeRefOf(schema, sliced, `${where} response`, warnings).type };
}

/** Graph's collection shape: an object whose `value` is an array and which carries `@odata.nextLink`. */
function collectionItems(schema: SchemaOrRef, sliced: SlicedOpenApi): SchemaOrRef | undefined {
  const resolved = isRef(schema) ? resolvePointer<OpenAPIV3.SchemaObject>(sliced.document, schema.$ref, sliced.source) : schema;
  const value = resolved.properties?.value;
  if (!value || isRef(value) || value.type !== "array" || !resolved.properties?.["@odata.nextLink"]) return undefined;
  return value.items;
}

function bodyTypeOf(schema: SchemaOrRef, description: string | undefined, operation: Operation, path: string, sliced: SlicedOpenApi, warnings: string[], result: OpenApiOperations): TypeRef {
  if (isRef(schema)) return typeRefOf(schema, sliced, `${operation.method} ${path} body`, warnings).type;
  const owner = keyTypeOf(path, operation.method.toLowerCase(), sliced) ?? operation.operationId;
  const tsName = `${pascalCase(owner)}${pascalCase(operation.actionName ?? operation.kind)}RequestBody`;
  const pointer = `${pointerOf(path, operation.method.toLowerCase())}/requestBody/content/application~1json/schema`;
  const type = objectTypeFrom(tsName, schema as never, undefined, `openapi:${pointer}`, sliced, warnings);
  type.category = "inline";
  type.tsName = tsName;
  type.description = description ?? `The parameters of ${operation.actionName ?? operation.operationId}.`;
  result.inlineTypes.push(type);
  return { kind: "named", name: tsName };
}

/**
 * An inline object response (an action's `{ value: boolean }`) becomes a named inline type
 * (`…ClearEnrollmentTimeDeviceMembershipTargetResponse`), as inline bodies do, instead of `unknown`.
 */
function inlineResponseType(op: OpenAPIV3.OperationObject, path: string, method: string, what: string, sliced: SlicedOpenApi, warnings: string[], result: OpenApiOperations): string | undefined {
  const schema = successSchema(op, sliced);
  if (!schema || isRef(schema) || !schema.properties) return undefined;
  const owner = keyTypeOf(path, method, sliced) ?? op.operationId ?? path;
  const tsName = `${pascalCase(owner)}${pascalCase(what)}Response`;
  const pointer = `${pointerOf(path, method)}/responses/2XX/content/application~1json/schema`;
  const type = objectTypeFrom(tsName, schema as never, undefined, `openapi:${pointer}`, sliced, warnings);
  type.category = "inline";
  type.tsName = tsName;
  type.description = `The result of ${what}.`;
  result.inlineTypes.push(type);
  return tsName;
}

/** The entity a bound operation belongs to: the `x-ms-docs-key-type` of the last key in its path. */
function keyTypeOf(path: string, method: string, sliced: SlicedOpenApi): string | undefined {
  const item = sliced.document.paths[path] as OpenAPIV3.PathItemObject & Record<string, OpenAPIV3.OperationObject>;
  const params = [...(item.parameters ?? []), ...(item[method]?.parameters ?? [])] as (OpenAPIV3.ParameterObject & { "x-ms-docs-key-type"?: string })[];
  const keys = params.filter((p) => !isRef(p) && p.in === "path");
  return keys.at(-1)?.["x-ms-docs-key-type"];
}
