/**
 * The intermediate model (IR) between the specs and the emitters. Loaders fill it from OpenAPI and
 * CSDL; emitters read only this, never raw spec objects, so `$ref`s, inheritance, nullability and
 * descriptions are resolved once, here, by the model stage.
 */

export type PrimitiveName = "string" | "number" | "integer" | "boolean";

export type TypeRef =
  | { kind: "primitive"; name: PrimitiveName; format?: string }
  /** An object or enum type of the model, by qualified name (`microsoft.graph.entity`). */
  | { kind: "named"; name: string }
  | { kind: "array"; items: TypeRef; itemsNullable: boolean }
  | { kind: "union"; members: TypeRef[] }
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
  tsName: string;
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
  /** The name in generated code (`top`, `deviceManagementConfigurationPolicyId`). */
  name: string;
  type: TypeRef;
  required: boolean;
  description?: string;
}

export type OperationKind = "list" | "create" | "get" | "update" | "replace" | "delete" | "count" | "action" | "function";

export type ResponseShape =
  | { kind: "json"; type: TypeRef }
  | { kind: "collection"; items: TypeRef }
  | { kind: "count" }
  | { kind: "none" };

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
  body?: { type: TypeRef; required: boolean; description?: string };
  response: ResponseShape;
  /** For actions and functions: the unqualified name (`assign`). */
  actionName?: string;
}

/** One node of the URL tree: `deviceManagement`, `configurationPolicies`, `{…-id}`, … */
export interface ResourceNode {
  segment: string;
  kind: "root" | "static" | "key";
  /** For key nodes: the path parameter. */
  key?: Parameter;
  /** The path template from the root to this node. */
  path: string;
  description?: string;
  /** Operations on this node's own path, plus `$count` and bound actions/functions below it. */
  operations: Operation[];
  children: ResourceNode[];
}

/** A model type by qualified name, or a page (`value` + `@odata.nextLink`) of it. */
export interface SchemaPointerTarget {
  name: string;
  page?: boolean;
}

export interface ApiModel {
  /** The slice name from the config. */
  name: string;
  types: Map<string, ModelType>;
  root: ResourceNode;
  /** OpenAPI schema pointers (as openapi-typescript reports them) → the model type each stands for. */
  schemaPointers: Map<string, SchemaPointerTarget>;
  warnings: string[];
}
