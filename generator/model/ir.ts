/**
 * The intermediate model (IR) between the specs and the emitters. Loaders fill it from OpenAPI and
 * CSDL; emitters read only this, never raw spec objects, so `$ref`s, inheritance, nullability and
 * descriptions are resolved once, here, by the model stage.
 *
 * Every TypeScript identifier in it (the fields documented "set by the naming stage") is left empty
 * by the model stage and assigned by `generator/names/`, the one place that decides names.
 */

export type PrimitiveName = "string" | "number" | "integer" | "boolean";

export type TypeRef =
  | { kind: "primitive"; name: PrimitiveName; format?: string }
  /** An object or enum type of the model, by qualified name (`microsoft.graph.entity`). */
  | { kind: "named"; name: string }
  | { kind: "array"; items: TypeRef; itemsNullable: boolean }
  | { kind: "union"; members: TypeRef[] }
  /** One value of an enum that is not an OData (string) enum: `enum: [1, 2, 3]` is a union of three. */
  | { kind: "literal"; value: string | number | boolean }
  /** An object schema written inline (no component of its own): `{ value: number }` of a function's result. */
  | { kind: "object"; properties: Property[] }
  /** Anything: a schema the generator cannot type more precisely (reported as a warning). */
  | { kind: "unknown" };

export interface Property {
  /** The wire name, exactly as in the spec. */
  name: string;
  type: TypeRef;
  nullable: boolean;
  required: boolean;
  readOnly: boolean;
  /** An OData navigation property: present in a response only when expanded. */
  navigation: boolean;
  description?: string;
}

export interface ObjectType {
  kind: "object";
  /** Qualified name (`microsoft.graph.groupAssignmentTarget`), or a synthetic name for inline schemas. */
  name: string;
  /** Set by the naming stage. For a polymorphic type, the union's name. */
  tsName: string;
  /** Set by the naming stage, for polymorphic types only: the interface of the shared properties (`XBase`). */
  baseName?: string;
  /** Set by the naming stage, for polymorphic types only: the member for derived types newer than the spec (`UnknownX`). */
  unknownName?: string;
  /** For inline schemas: what the naming stage builds the name from (owner type and operation). */
  nameHint?: { owner: string; operation: string; suffix: string };
  /**
   * `entity` and `complex` are OData types, as in CSDL, and carry `@odata.type`. `wrapper` is a
   * transport shape that is not an OData type (collection responses, OData error bodies); `inline`
   * is an operation-local schema (action parameters).
   */
  category: "entity" | "complex" | "wrapper" | "inline";
  base?: string;
  abstract: boolean;
  /** The `@odata.type` value when the spec states one; otherwise `#` + name. */
  odataType?: string;
  description?: string;
  /** A free-form object (`additionalProperties` and no properties): any property is allowed. */
  freeForm?: boolean;
  /** Derived types exist that the slice leaves out: values may be of them, so the type stays a union with its `Unknown…` member. */
  openHierarchy?: boolean;
  /** Own properties only; inherited ones live on the base type. */
  properties: Property[];
  /** Where each part came from, e.g. `openapi:#/components/schemas/x` and `csdl:ComplexType x`. */
  origins: string[];
}

export interface EnumMember {
  value: string;
  description?: string;
}

export interface EnumType {
  kind: "enum";
  name: string;
  /** Set by the naming stage. */
  tsName: string;
  members: EnumMember[];
  flags: boolean;
  description?: string;
  origins: string[];
}

export type ModelType = ObjectType | EnumType;

export interface Parameter {
  /** The wire name (`$top`, `deviceManagementConfigurationPolicy-id`, `If-Match`). */
  wireName: string;
  /** Set by the naming stage: the name in generated code (`top`, `deviceManagementConfigurationPolicyId`, `ifMatch`). */
  name: string;
  type: TypeRef;
  nullable: boolean;
  required: boolean;
  description?: string;
}

/** A parameter written inside a function's path segment: `f(name='{name}')` or `f(count={count})`. */
export interface SegmentParameter extends Parameter {
  /** The `{placeholder}` of the path template (the spec's path parameter). */
  placeholder: string;
  /** Written in single quotes (an OData string literal: `'` doubled) rather than bare. */
  quoted: boolean;
}

/** A bound action or function: the last path segment, `microsoft.graph.assign` or `microsoft.graph.f(p='{p}')`. */
export interface BoundCall {
  /** The qualified name without parameters (`microsoft.graph.getActivitiesByInterval`). */
  qualifiedName: string;
  /** The unqualified name (`getActivitiesByInterval`). */
  name: string;
  /** The segment up to its parameter list, as sent (`microsoft.graph.getActivitiesByInterval`). */
  prefix: string;
  /** Parameters in the segment, in order; `()` and an action's bare name have none. */
  parameters: SegmentParameter[];
  /**
   * The parameter list as written: each entry a parameter (by index into `parameters`) or text
   * kept as it is (`transitive=@transitive`, an OData parameter alias whose value is a query option).
   */
  entries: ({ parameter: number } | { text: string })[];
  /** Whether the segment has a parameter list (functions always do; `f()` has an empty one). */
  parenthesised: boolean;
}

export type OperationKind = "list" | "create" | "get" | "update" | "replace" | "delete" | "count" | "action" | "function";

export type ResponseShape =
  | { kind: "json"; type: TypeRef }
  /** A page; `wrapper` is the spec's named schema for it (`…CollectionResponse`), kept as a model type. */
  | { kind: "collection"; items: TypeRef; wrapper?: string }
  | { kind: "count" }
  /** Binary content (`application/octet-stream`, `$value`, `/content`): returned as a `Blob`. */
  | { kind: "stream"; contentType: string }
  | { kind: "none" };

export type RequestBodyShape =
  | { kind: "json"; type: TypeRef; required: boolean; description?: string }
  /** Binary content (stream uploads: `PUT …/content`). */
  | { kind: "binary"; contentType: string; required: boolean; description?: string };

export interface Operation {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The spec's path template. */
  path: string;
  kind: OperationKind;
  summary?: string;
  description?: string;
  pathParameters: Parameter[];
  query: Parameter[];
  headers: Parameter[];
  body?: RequestBodyShape;
  response: ResponseShape;
  /** The status the success response is listed under (`200`, `201`, `204`, `2XX`). */
  successStatus: string;
  /** The error body and the status it is listed under (`default`, `4XX`, `5XX`), when the spec types it. */
  error?: { status: string; type: TypeRef };
  /** For actions and functions: the segment that names them. */
  call?: BoundCall;
  /**
   * The composable functions the path goes through, in path order: each a function segment with more
   * path after it (`getByPath(path='{path}')` of `…/getByPath(path='{path}')/items`), or the last
   * segment of that function's own operations. Their parameters are path parameters of the operation.
   */
  through?: { segment: string; call: BoundCall }[];
  /** Set by the naming stage: the builder method (`get`, `post`, `assign`, `getActivitiesByIntervalWithPeriod`). */
  methodName: string;
  /** Set by the naming stage: the interface of the query options, when the operation has any. */
  queryName?: string;
  /** Set by the naming stage: the interface of the options (header parameters included), when the operation has header parameters. */
  optionsName?: string;
}

/** One node of the URL tree: `deviceManagement`, `configurationPolicies`, `{…-id}`, … */
export interface ResourceNode {
  /** The wire segment; of an alternate key, what it adds to its set's path: `(appId='{appId}')`. */
  segment: string;
  /**
   * `key`: a `{…-id}` segment (`byId`); `alternateKey`: a set addressed by another key (`byAppId`);
   * `function`: a composable function, whose member takes its parameters and returns its builder
   * (`getByPath({ path })`), with the function's own GET as that builder's `get`.
   */
  kind: "root" | "static" | "key" | "alternateKey" | "function";
  /** For function nodes: the function's segment, parsed. */
  call?: BoundCall;
  /** For key and alternate-key nodes: the path parameter. */
  key?: Parameter;
  /** For alternate-key nodes: the key property and whether its value is a string literal. */
  alternateKey?: { name: string; quoted: boolean };
  /** The path template from the root to this node. */
  path: string;
  /** Set by the naming stage: the request-builder class. */
  builderName: string;
  /** Set by the naming stage, for children: the getter (`assignments`), `byId`, `by<Key>` (`byAppId`), or a composable function's name (`getByPath`). */
  memberName: string;
  description?: string;
  /** Operations on this node's own path, plus `$count` and bound actions/functions below it. */
  operations: Operation[];
  children: ResourceNode[];
}

export interface ApiModel {
  /** The slice name from the config. */
  name: string;
  types: Map<string, ModelType>;
  root: ResourceNode;
  warnings: string[];
  /** The Graph API version the description is served from (its `servers`): the client's default. */
  apiVersion?: GraphApiVersion | undefined;
}

export type GraphApiVersion = "beta" | "v1.0";
