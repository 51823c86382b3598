/**
 * Model stage: the sliced document's operations. Each gets a kind (list, create, get, update,
 * replace, delete, count, action, function), grouped parameters (path, query, header, and the
 * parameters written inside a function's segment), a request body (JSON or binary) and a response
 * shape (page, JSON value, count, stream or nothing). Inline action bodies become inline types, named
 * later by the naming stage from the hint they carry.
 */
import type { OpenAPIV3 } from "openapi-types";
import { isRef, resolvePointer, type SchemaOrRef } from "../load/openapi.js";
import type { SlicedOpenApi } from "../slice/select-paths.js";
import { alternateKeyOf, looksLikeAlternateKey } from "../util/alternate-key.js";
import { declaresCall, isDeclaredCall, METHODS } from "../util/declared-call.js";
import { parseBoundCall } from "./bound-call.js";
import { objectShapeOf, objectTypeFrom, SCHEMA_PREFIX, typeRefOf } from "./from-openapi.js";
import type { ModelType, Operation, OperationKind, Parameter, RequestBodyShape, ResponseShape, TypeRef } from "./ir.js";
import { structuralKey } from "./structural-key.js";

/** Success statuses, in the order a response is looked for. */
const SUCCESS = ["2XX", "200", "201", "202", "204", "206"];

/**
 * The status of the response the method returns: the first of SUCCESS, else `default` when no 2xx
 * status is listed at all. OpenAPI's `default` is the response for every status not listed, so an
 * operation that lists only `default` succeeds with it: its schema is the success type, not an error's.
 */
function successKey(op: OpenAPIV3.OperationObject): string | undefined {
  const responses = op.responses ?? {};
  return SUCCESS.find((k) => responses[k]) ?? (responses.default && !Object.keys(responses).some((k) => /^2/.test(k)) ? "default" : undefined);
}

export interface OpenApiOperations {
  operations: Operation[];
  /** Inline schemas that became types (action parameter objects); equal ones are shared. */
  inlineTypes: ModelType[];
}

interface Context {
  sliced: SlicedOpenApi;
  warnings: string[];
  result: OpenApiOperations;
  /** Inline body types by structural key, so the same body on many paths is one type. */
  inlineByKey: Map<string, ModelType>;
  /** The resolved parameters of the operation being read. */
  parameters: OpenAPIV3.ParameterObject[];
  /** The paths of the composable functions the slice goes through (composableFunctions). */
  composable: Set<string>;
}

export function operationsFromOpenApi(sliced: SlicedOpenApi, warnings: string[]): OpenApiOperations {
  const result: OpenApiOperations = { operations: [], inlineTypes: [] };
  const context: Context = { sliced, warnings, result, inlineByKey: new Map(), parameters: [], composable: composableFunctions(sliced) };
  for (const path of Object.keys(sliced.document.paths).sort()) {
    const item = sliced.document.paths[path];
    if (!item) continue;
    // A segment with parameters before the last is a composable function (`getByPath(path='{path}')/items`)
    // or an alternate key (`applications(appId='{appId}')/owners`); anything else (a composite key) the
    // builders cannot address.
    const segments = path.split("/");
    const nested = segments.slice(1, -1).find((s, i) => s.includes("(") && !context.composable.has(segments.slice(0, i + 2).join("/")) && !alternateKeyOf(s));
    if (nested) {
      warnings.push(`${sliced.source}: ${path}: the segment ${nested} has parameters but is not the last one, and is neither a function nor an alternate key of one property (a composite alternate key); its operations are left out`);
      continue;
    }
    // A bound call's segment is namespace-qualified (`microsoft.graph.f(…)`), or declared a call
    // (`x-ms-docs-operation-type`, as descriptions without the namespace prefix write `delta()`); any
    // other with parameters is an alternate key, of one property, or else left out, rather than a
    // getter that would send its placeholder literally.
    const last = segments.at(-1)!;
    if (looksLikeAlternateKey(last) && !declaresCall(item) && !alternateKeyOf(last) && !context.composable.has(path)) {
      warnings.push(`${sliced.source}: ${path}: the segment ${last} is a composite alternate key (or not a key of the form name(key='{param}')), which the request builders do not support; its operations are left out`);
      continue;
    }
    for (const method of METHODS) {
      const op = item[method];
      if (op) result.operations.push(operationOf(path, method, op, item.parameters ?? [], context));
    }
    for (const method of ["head", "options", "trace"] as const) {
      if (item[method]) warnings.push(`${sliced.source}: ${method.toUpperCase()} ${path}: ${method.toUpperCase()} operations are not generated`);
    }
  }
  return result;
}

function operationOf(
  path: string,
  method: (typeof METHODS)[number],
  op: OpenAPIV3.OperationObject & { "x-ms-docs-operation-type"?: string },
  shared: (OpenAPIV3.ParameterObject | OpenAPIV3.ReferenceObject)[],
  context: Context,
): Operation {
  const { sliced, warnings } = context;
  const where = `${method.toUpperCase()} ${path}`;
  const parameters = mergeParameters(shared, op.parameters ?? [], sliced);
  context.parameters = parameters;
  const group = (location: string) => parameters.filter((p) => p.in === location).map((p) => parameterOf(p, sliced, `${where} ${p.name}`, warnings));
  const lastSegment = path.slice(path.lastIndexOf("/") + 1);
  // A composable function's own GET is the `get` of its builder, not a call of its parent's (and so are its other operations).
  const ownFunction = context.composable.has(path);
  // A qualified segment is a bound action or function, except a plain GET of one: that is a type cast
  // (`/groups/{id}/members/microsoft.graph.user`), a path segment like any other.
  const qualified = lastSegment.startsWith("microsoft.graph.");
  const isCall = !ownFunction && (isDeclaredCall(op) || (qualified && (lastSegment.includes("(") || method !== "get")));
  const pathParameters = group("path");
  const through = composableSegments(path, ownFunction, context.composable).map((segment) => ({ segment, call: parseBoundCall(segment, pathParameters, where) }));
  const call = isCall ? parseBoundCall(lastSegment, pathParameters, where) : undefined;
  // Segment parameters are method arguments, not keys of the path.
  const placeholders = new Set(call?.parameters.map((p) => p.placeholder));
  for (const p of group("cookie")) warnings.push(`${sliced.source}: ${where}: cookie parameter ${p.wireName} is not supported; set it with options.headers`);

  const response = responseOf(op, path, sliced, where, warnings);
  reportUnusedResponses(op, sliced, where, warnings);
  const operation: Operation = {
    operationId: op.operationId ?? `${method}${path}`,
    method: method.toUpperCase() as Operation["method"],
    path,
    kind: kindOf(method, lastSegment, call ? (method === "get" ? "function" : "action") : undefined, response),
    summary: op.summary,
    description: op.description,
    pathParameters: pathParameters.filter((p) => !placeholders.has(p.wireName)),
    query: group("query"),
    headers: group("header"),
    response,
    successStatus: successKey(op) ?? "default",
    error: errorOf(op, sliced, where, warnings),
    call,
    ...(through.length ? { through } : {}),
    methodName: "",
  };
  operation.body = bodyOf(op, operation, context);
  const inlineResponse = jsonResponseType(op, operation, context);
  if (inlineResponse && operation.response.kind === "json") operation.response.type = inlineResponse;
  if (method === "get" && path.endsWith("/$ref")) operation.response = asEntityReferences(operation.response);
  return operation;
}

/**
 * The paths of the composable functions of the slice: each a segment with parameters that is a
 * function, because the description declares it a call (`sliced.callPaths`, whatever the include
 * patterns took) or its name is namespace-qualified or its parameter list empty, which no alternate
 * key's is; and that has more path after it, or operations of its own besides the function's GET (a
 * workbook range's PATCH). All of them are its builder's.
 */
function composableFunctions(sliced: SlicedOpenApi): Set<string> {
  const found = new Set<string>();
  const isFunction = (segment: string, declared: boolean) => segment.includes("(") && (declared || !looksLikeAlternateKey(segment) || segment.endsWith("()"));
  for (const [path, item] of Object.entries(sliced.document.paths)) {
    const segments = path.split("/");
    for (let at = 1; at < segments.length - 1; at++) {
      const prefix = segments.slice(0, at + 1).join("/");
      if (isFunction(segments[at]!, sliced.callPaths.has(prefix))) found.add(prefix);
    }
    const operations = METHODS.filter((method) => item?.[method]);
    if (isFunction(segments.at(-1)!, declaresCall(item)) && operations.some((method) => method !== "get" && !isDeclaredCall(item![method]))) found.add(path);
  }
  return found;
}

/** The segments of `path` that are composable functions (`composable`), its last one too for the function's own operations. */
function composableSegments(path: string, ownFunction: boolean, composable: Set<string>): string[] {
  const segments = path.split("/");
  const last = ownFunction ? segments.length : segments.length - 1;
  return segments.filter((_, at) => at > 0 && at < last && composable.has(segments.slice(0, at + 1).join("/")));
}

/** Path-item parameters overridden by the operation's own of the same name and location. */
function mergeParameters(shared: (OpenAPIV3.ParameterObject | OpenAPIV3.ReferenceObject)[], own: (OpenAPIV3.ParameterObject | OpenAPIV3.ReferenceObject)[], sliced: SlicedOpenApi): OpenAPIV3.ParameterObject[] {
  const resolve = (p: OpenAPIV3.ParameterObject | OpenAPIV3.ReferenceObject) => (isRef(p) ? resolvePointer<OpenAPIV3.ParameterObject>(sliced.document, p.$ref, sliced.source) : p);
  const byKey = new Map<string, OpenAPIV3.ParameterObject>();
  for (const p of [...shared, ...own].map(resolve)) byKey.set(`${p.in} ${p.name}`, p);
  return [...byKey.values()];
}

function parameterOf(p: OpenAPIV3.ParameterObject, sliced: SlicedOpenApi, where: string, warnings: string[]): Parameter {
  const typed = p.schema ? typeRefOf(p.schema, sliced, where, warnings) : { type: { kind: "primitive", name: "string" } as TypeRef, nullable: false };
  return { wireName: p.name, name: "", type: typed.type, nullable: typed.nullable, required: p.required === true, description: p.description };
}

function kindOf(method: string, lastSegment: string, callKind: "action" | "function" | undefined, response: ResponseShape): OperationKind {
  if (callKind) return callKind;
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

/** The JSON pointer of an operation (`#/paths/~1a~1{id}/get`), which names its inline schemas. */
function pointerOf(path: string, method: string): string {
  return `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`;
}

/** Success responses besides the one the method returns, and content types it does not read, are reported. */
function reportUnusedResponses(op: OpenAPIV3.OperationObject, sliced: SlicedOpenApi, where: string, warnings: string[]): void {
  const used = successKey(op);
  for (const status of Object.keys(op.responses ?? {})) {
    if (status === used || !/^2/.test(status)) continue;
    const raw = op.responses[status]!;
    const other = isRef(raw) ? resolvePointer<OpenAPIV3.ResponseObject>(sliced.document, raw.$ref, sliced.source) : raw;
    if (other.content && Object.keys(other.content).length > 0) warnings.push(`${sliced.source}: ${where}: the ${status} response is not typed (the method returns the ${used} one)`);
  }
  const content = Object.keys(successResponse(op, sliced)?.content ?? {});
  if (content.length > 1) warnings.push(`${sliced.source}: ${where}: the response offers ${content.join(", ")}; the method reads ${content.includes("application/json") ? "application/json" : content.sort()[0]}`);
}

function successResponse(op: OpenAPIV3.OperationObject, sliced: SlicedOpenApi): OpenAPIV3.ResponseObject | undefined {
  const key = successKey(op);
  const raw = key ? op.responses[key]! : undefined;
  return raw && (isRef(raw) ? resolvePointer<OpenAPIV3.ResponseObject>(sliced.document, raw.$ref, sliced.source) : raw);
}

function successSchema(op: OpenAPIV3.OperationObject, sliced: SlicedOpenApi): SchemaOrRef | undefined {
  return successResponse(op, sliced)?.content?.["application/json"]?.schema;
}

/** The success response: a page (`value` + `@odata.nextLink`), a JSON value, a `$count` number, binary content, or nothing. */
function responseOf(op: OpenAPIV3.OperationObject, path: string, sliced: SlicedOpenApi, where: string, warnings: string[]): ResponseShape {
  const content = successResponse(op, sliced)?.content;
  if (!content || Object.keys(content).length === 0) return { kind: "none" };
  const schema = content["application/json"]?.schema;
  if (!schema) {
    if (path.endsWith("/$count") && content["text/plain"]) return { kind: "count" };
    return { kind: "stream", contentType: Object.keys(content).sort()[0]! };
  }
  const items = collectionItems(schema, sliced);
  const wrapper = isRef(schema) && schema.$ref.startsWith(SCHEMA_PREFIX) ? schema.$ref.slice(SCHEMA_PREFIX.length) : undefined;
  if (items) return { kind: "collection", items: typeRefOf(items, sliced, `${where} response value`, warnings).type, ...(wrapper ? { wrapper } : {}) };
  return { kind: "json", type: typeRefOf(schema, sliced, `${where} response`, warnings).type };
}

/**
 * What a GET of `…/$ref` answers: entity references, `{ "@odata.id": "…" }`, one or a page of them
 * (OData JSON Format 4.01 §14, "Entity Reference"; Graph's reference: "a collection of @odata.id
 * links"). Microsoft's descriptions type them as strings (`StringCollectionResponse`, `type: string`),
 * which no answer is; a reference described as anything else is kept as described.
 */
function asEntityReferences(response: ResponseShape): ResponseShape {
  const isString = (type: TypeRef) => type.kind === "primitive" && type.name === "string";
  if (response.kind === "collection" && isString(response.items)) return { kind: "collection", items: ENTITY_REFERENCE };
  if (response.kind === "json" && isString(response.type)) return { kind: "json", type: ENTITY_REFERENCE };
  return response;
}

const ENTITY_REFERENCE: TypeRef = {
  kind: "object",
  properties: [{ name: "@odata.id", type: { kind: "primitive", name: "string" }, nullable: false, required: true, readOnly: false, navigation: false, description: "The URL of the entity referred to." }],
};

/** The JSON body of the error responses (Graph's `default` → `ODataError`; not a `default` that is the success response, successKey). */
function errorOf(op: OpenAPIV3.OperationObject, sliced: SlicedOpenApi, where: string, warnings: string[]): Operation["error"] {
  const success = successKey(op);
  const status = ["default", "4XX", "5XX"].find((k) => k !== success && op.responses?.[k]);
  const raw = status ? op.responses[status]! : undefined;
  const response = raw && (isRef(raw) ? resolvePointer<OpenAPIV3.ResponseObject>(sliced.document, raw.$ref, sliced.source) : raw);
  const schema = response?.content?.["application/json"]?.schema;
  return schema ? { status: status!, type: typeRefOf(schema, sliced, `${where} error response`, warnings).type } : undefined;
}

/**
 * Graph's collection shape: an object whose `value` is an array and which carries `@odata.nextLink`,
 * either flat or, as newer converters write it, through `allOf`
 * (`[{ $ref: BaseCollectionPaginationCountResponse }, { properties: { value: … } }]`, also behind a
 * `$ref` to a `…CollectionResponse` schema written so): the properties of the schema and of every
 * `allOf` part, `$ref`s resolved, count as one object's.
 */
function collectionItems(schema: SchemaOrRef, sliced: SlicedOpenApi): SchemaOrRef | undefined {
  // The same merge the model types are built by; its warnings come when the type itself is built.
  const { properties } = objectShapeOf(schema, sliced, "", []);
  const value = properties.get("value");
  if (!value || isRef(value) || value.type !== "array" || !properties.has("@odata.nextLink")) return undefined;
  return value.items;
}

function bodyOf(op: OpenAPIV3.OperationObject, operation: Operation, context: Context): RequestBodyShape | undefined {
  const { sliced } = context;
  const body = op.requestBody && (isRef(op.requestBody) ? resolvePointer<OpenAPIV3.RequestBodyObject>(sliced.document, op.requestBody.$ref, sliced.source) : op.requestBody);
  if (!body?.content || Object.keys(body.content).length === 0) return undefined;
  const required = body.required === true;
  const types = Object.keys(body.content);
  if (types.length > 1) context.warnings.push(`${sliced.source}: ${operation.method} ${operation.path}: the request body accepts ${types.join(", ")}; the method sends ${types.includes("application/json") ? "application/json" : types.sort()[0]}`);
  const schema = body.content["application/json"]?.schema;
  if (!schema) return { kind: "binary", contentType: Object.keys(body.content).sort()[0]!, required, description: body.description };
  return { kind: "json", type: jsonBodyType(schema, body.description, operation, context), required, description: body.description };
}

function jsonBodyType(schema: SchemaOrRef, description: string | undefined, operation: Operation, context: Context): TypeRef {
  const { method, path } = operation;
  if (isRef(schema) || (schema as OpenAPIV3.SchemaObject).type !== "object") return typeRefOf(schema, context.sliced, `${method} ${path} body`, context.warnings).type;
  const pointer = `${pointerOf(path, method.toLowerCase())}/requestBody/content/application~1json/schema`;
  return inlineType(schema, pointer, "RequestBody", description ?? `The parameters of ${operation.call?.name ?? operation.operationId}.`, operation, context);
}

/**
 * An inline object response (an action's `{ value: boolean }`) becomes an inline type
 * (`…ClearEnrollmentTimeDeviceMembershipTargetResponse`), as inline bodies do.
 */
function jsonResponseType(op: OpenAPIV3.OperationObject, operation: Operation, context: Context): TypeRef | undefined {
  const schema = successSchema(op, context.sliced);
  if (operation.response.kind !== "json" || operation.response.type.kind !== "object" || !schema || isRef(schema)) return undefined;
  const pointer = `${pointerOf(operation.path, operation.method.toLowerCase())}/responses/${operation.successStatus}/content/application~1json/schema`;
  return inlineType(schema, pointer, "Response", `The result of ${operation.call?.name ?? operation.operationId}.`, operation, context);
}

/** An operation's inline object schema as a model type, named later from its owner and operation. */
function inlineType(schema: OpenAPIV3.SchemaObject, pointer: string, suffix: string, description: string, operation: Operation, context: Context): TypeRef {
  const { sliced, warnings, result, inlineByKey } = context;
  const hint = { owner: keyTypeOf(operation.path, context.parameters, operation), operation: operation.call?.name ?? operation.kind, suffix };
  const type = objectTypeFrom(`inline:${pointer}`, schema as never, undefined, `openapi:${pointer}`, sliced, warnings);
  type.category = "inline";
  type.description = description;
  // The same action on many paths (`accept` on every event) has one body: one type serves them all.
  const key = `${hint.owner} ${hint.operation} ${suffix} ${structuralKey(type)}`;
  const shared = inlineByKey.get(key);
  if (shared) {
    shared.origins.push(...type.origins);
    return { kind: "named", name: shared.name };
  }
  type.nameHint = hint;
  inlineByKey.set(key, type);
  result.inlineTypes.push(type);
  return { kind: "named", name: type.name };
}

/**
 * What an inline type is named after: the `x-ms-docs-key-type` of the last key in its path and the
 * segments after that key (`/groups/{group-id}/team/members/microsoft.graph.add` → `group team
 * members`; an alternate key, `/drives/{drive-id}/items(name='{name}')/microsoft.graph.checkin` →
 * `driveItem`), else the last plain segment.
 */
function keyTypeOf(path: string, parameters: OpenAPIV3.ParameterObject[], operation: Operation): string {
  const keys = (parameters as (OpenAPIV3.ParameterObject & { "x-ms-docs-key-type"?: string })[]).filter((p) => p.in === "path" && p["x-ms-docs-key-type"]);
  const segments = path.split("/").filter(Boolean);
  const plain = (s: string) => !/[.({$]/.test(s);
  const key = keys.at(-1);
  if (key) {
    // The segments between the key (`{key}`, or an alternate key `items(name='{key}')`) and the operation (not the action's own segment).
    const at = segments.map((s) => (s === `{${key.name}}` || alternateKeyOf(s)?.placeholder === key.name)).lastIndexOf(true);
    const after = segments.slice(at + 1, operation.call ? -1 : undefined).filter(plain);
    return [key["x-ms-docs-key-type"]!, ...after].join(" ");
  }
  return segments.filter(plain).at(-1) ?? operation.operationId;
}
