/**
 * Synthetic specs for (f) generator scaling: an OpenAPI 3.0 YAML + OData CSDL XML pair with N entity
 * types modelled on the real slice (spec/graph-beta-configurationPolicies-assignments.*). Entity i
 * ("synth0001" ...) has a policy entity set under the deviceManagement singleton with an
 * `assignments` containment, an assignment entity (source enum, sourceId, target), an abstract target
 * complex type with a filter-type enum and 2-3 derived target types (allOf in OpenAPI, BaseType in
 * CSDL, no discriminator: as in Graph), a collection response, and the same paths as the real slice:
 * collection (get/post), item (get/patch/delete), $count, and the bound `assign` action.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SyntheticSpec {
  entityTypes: number;
  openapi: string;
  csdl: string;
  openapiBytes: number;
  csdlBytes: number;
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/microsoft.graph.${name}` });
const anyObject: Json = { type: "object" };
const errorResponse: Json = { $ref: "#/components/responses/error" };

function names(i: number) {
  const p = `synth${String(i).padStart(4, "0")}`;
  const derived = [`${p}GroupAssignmentTarget`, `${p}CollectionAssignmentTarget`];
  if (i % 2 === 1) derived.push(`${p}AllDevicesAssignmentTarget`);
  return {
    set: `${p}Policies`,
    policy: `${p}Policy`,
    assignment: `${p}PolicyAssignment`,
    target: `${p}AssignmentTarget`,
    filterType: `${p}AssignmentFilterType`,
    source: `${p}AssignmentSource`,
    derived,
  };
}

function keyParam(name: string): Json {
  return { name: `${name}-id`, in: "path", description: `The unique identifier of ${name}`, required: true, style: "simple", schema: { type: "string" }, "x-ms-docs-key-type": name };
}

function arrayQuery(name: string, description: string): Json {
  return { name, in: "query", description, style: "form", explode: false, schema: { uniqueItems: true, type: "array", items: { type: "string" } } };
}

function jsonContent(schema: Json): Json {
  return { "application/json": { schema } };
}

function paths(i: number): Record<string, Json> {
  const n = names(i);
  const base = `/deviceManagement/${n.set}/{${n.policy}-id}`;
  const tags = [`deviceManagement.${n.policy}`];
  const query = (names: string[]): Json[] => names.map((p) => ({ $ref: `#/components/parameters/${p}` }));
  const select = arrayQuery("$select", "Select properties to be returned");
  const expand = arrayQuery("$expand", "Expand related entities");
  const one = { description: "Retrieved navigation property", content: jsonContent(ref(n.assignment)) };
  return {
    [`${base}/assignments`]: {
      get: {
        tags, summary: "Get assignments from deviceManagement", operationId: `deviceManagement.${n.policy}_ListAssignment`,
        parameters: [keyParam(n.policy), ...query(["top", "skip", "search", "filter", "count"]), arrayQuery("$orderby", "Order items by property values"), select, expand],
        responses: { "2XX": { $ref: `#/components/responses/microsoft.graph.${n.assignment}CollectionResponse` }, default: errorResponse },
        "x-ms-pageable": { nextLinkName: "@odata.nextLink", operationName: "listMore" },
      },
      post: {
        tags, summary: "Create new navigation property to assignments for deviceManagement", operationId: `deviceManagement.${n.policy}_CreateAssignment`,
        parameters: [keyParam(n.policy)],
        requestBody: { description: "New navigation property", content: jsonContent(ref(n.assignment)), required: true },
        responses: { "2XX": { description: "Created navigation property.", content: jsonContent(ref(n.assignment)) }, default: errorResponse },
      },
    },
    [`${base}/assignments/{${n.assignment}-id}`]: {
      get: { tags, operationId: `deviceManagement.${n.policy}_GetAssignment`, parameters: [keyParam(n.policy), keyParam(n.assignment), select, expand], responses: { "2XX": one, default: errorResponse } },
      patch: {
        tags, operationId: `deviceManagement.${n.policy}_UpdateAssignment`, parameters: [keyParam(n.policy), keyParam(n.assignment)],
        requestBody: { description: "New navigation property values", content: jsonContent(ref(n.assignment)), required: true },
        responses: { "2XX": { description: "Success", content: jsonContent(ref(n.assignment)) }, default: errorResponse },
      },
      delete: {
        tags, operationId: `deviceManagement.${n.policy}_DeleteAssignment`,
        parameters: [keyParam(n.policy), keyParam(n.assignment), { name: "If-Match", in: "header", description: "ETag", style: "simple", schema: { type: "string" } }],
        responses: { "2XX": { description: "Success" }, default: errorResponse },
      },
    },
    [`${base}/assignments/$count`]: {
      get: { tags, operationId: `deviceManagement.${n.policy}.assignment_GetCount`, parameters: [keyParam(n.policy), ...query(["search", "filter"])], responses: { "2XX": { $ref: "#/components/responses/ODataCountResponse" }, default: errorResponse } },
    },
    [`${base}/microsoft.graph.assign`]: {
      post: {
        tags, summary: "Invoke action assign", operationId: `deviceManagement.${n.policy}_assign`, parameters: [keyParam(n.policy)],
        requestBody: { description: "Action parameters", content: jsonContent({ type: "object", properties: { assignments: { type: "array", items: ref(n.assignment) } }, additionalProperties: anyObject }), required: true },
        responses: {
          "2XX": { description: "Success", content: jsonContent({ title: `Collection of ${n.assignment}`, type: "object", properties: { value: { type: "array", items: ref(n.assignment) }, "@odata.nextLink": { type: "string", nullable: true } }, additionalProperties: anyObject }) },
          default: errorResponse,
        },
        "x-ms-docs-operation-type": "action",
      },
    },
  };
}

function enumSchema(name: string, values: string[]): Json {
  return { title: name, enum: values, type: "string", "x-ms-enum": { name, modelAsString: false, values: values.map((v) => ({ value: v, name: v })) } };
}

function schemas(i: number): Record<string, Json> {
  const n = names(i);
  const g = (s: string) => `microsoft.graph.${s}`;
  const out: Record<string, Json> = {
    [g(n.assignment)]: { allOf: [ref("entity"), { title: n.assignment, type: "object", properties: { source: ref(n.source), sourceId: { type: "string", nullable: true }, target: ref(n.target) }, additionalProperties: anyObject }] },
    [g(n.source)]: enumSchema(n.source, ["direct", "policySets"]),
    [g(n.filterType)]: enumSchema(n.filterType, ["none", "include", "exclude"]),
    [g(n.target)]: { title: n.target, type: "object", properties: { deviceAndAppManagementAssignmentFilterId: { type: "string", nullable: true }, deviceAndAppManagementAssignmentFilterType: ref(n.filterType) }, additionalProperties: anyObject },
    [g(`${n.assignment}CollectionResponse`)]: { title: `Collection of ${n.assignment}`, type: "object", properties: { value: { type: "array", items: ref(n.assignment) }, "@odata.nextLink": { type: "string", nullable: true } }, additionalProperties: anyObject },
  };
  for (const d of n.derived) {
    const prop: Record<string, Json> = d.includes("Group") ? { groupId: { type: "string", nullable: true } } : d.includes("Collection") ? { collectionId: { type: "string", nullable: true } } : {};
    out[g(d)] = { allOf: [ref(n.target), { title: d, type: "object", properties: prop, additionalProperties: anyObject }] };
  }
  return out;
}

function openapiDocument(count: number): Json {
  const allPaths: Record<string, Json> = {};
  const allSchemas: Record<string, Json> = {
    "microsoft.graph.entity": { title: "entity", type: "object", properties: { id: { type: "string" } }, additionalProperties: anyObject },
    "microsoft.graph.ODataErrors.ODataError": { required: ["error"], type: "object", properties: { error: { $ref: "#/components/schemas/microsoft.graph.ODataErrors.MainError" } }, additionalProperties: anyObject },
    "microsoft.graph.ODataErrors.MainError": { required: ["code", "message"], type: "object", properties: { code: { type: "string" }, message: { type: "string", "x-ms-primary-error-message": true }, target: { type: "string", nullable: true } }, additionalProperties: anyObject },
    ODataCountResponse: { type: "integer", format: "int32" },
  };
  const responses: Record<string, Json> = {
    error: { description: "error", content: jsonContent({ $ref: "#/components/schemas/microsoft.graph.ODataErrors.ODataError" }) },
    ODataCountResponse: { description: "The count of the resource", content: { "text/plain": { schema: { $ref: "#/components/schemas/ODataCountResponse" } } } },
  };
  for (let i = 1; i <= count; i++) {
    Object.assign(allPaths, paths(i));
    Object.assign(allSchemas, schemas(i));
    const a = names(i).assignment;
    responses[`microsoft.graph.${a}CollectionResponse`] = { description: "Retrieved collection", content: jsonContent(ref(`${a}CollectionResponse`)) };
  }
  const q = (name: string, schema: Json): Json => ({ name: `$${name}`, in: "query", style: "form", explode: false, schema });
  return {
    openapi: "3.0.4",
    info: { title: `Synthetic DeviceManagement (${count} entity types)`, version: "v1.0-beta" },
    servers: [{ url: "https://graph.microsoft.com/beta/", description: "Core" }],
    paths: allPaths,
    components: {
      schemas: allSchemas,
      responses,
      parameters: {
        top: q("top", { minimum: 0, type: "integer" }), skip: q("skip", { minimum: 0, type: "integer" }),
        search: q("search", { type: "string" }), filter: q("filter", { type: "string" }), count: q("count", { type: "boolean" }),
      },
      securitySchemes: { azureaadv2: { type: "oauth2", flows: { authorizationCode: { authorizationUrl: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize", tokenUrl: "https://login.microsoftonline.com/common/oauth2/v2.0/token", scopes: {} } } } },
    },
    security: [{ azureaadv2: [] }],
  };
}

function csdlDocument(count: number): string {
  const enums: string[] = [];
  const entities: string[] = [];
  const complex: string[] = [];
  const actions: string[] = [];
  const navs: string[] = [];
  const desc = (text: string) => `<Annotation Term="Org.OData.Core.V1.Description" String="${text}" />`;
  for (let i = 1; i <= count; i++) {
    const n = names(i);
    enums.push(`<EnumType Name="${n.filterType}"><Member Name="none" Value="0" /><Member Name="include" Value="1" /><Member Name="exclude" Value="2" /></EnumType>`);
    enums.push(`<EnumType Name="${n.source}"><Member Name="direct" Value="0" /><Member Name="policySets" Value="1" /></EnumType>`);
    navs.push(`<NavigationProperty Name="${n.set}" Type="Collection(graph.${n.policy})" ContainsTarget="true" />`);
    entities.push(
      `<EntityType Name="${n.policy}" BaseType="graph.entity"><Property Name="name" Type="Edm.String">${desc("Policy name")}</Property><Property Name="createdDateTime" Type="Edm.DateTimeOffset" Nullable="false" /><NavigationProperty Name="assignments" Type="Collection(graph.${n.assignment})" ContainsTarget="true">${desc("Policy assignments")}</NavigationProperty></EntityType>`,
      `<EntityType Name="${n.assignment}" BaseType="graph.entity"><Property Name="source" Type="graph.${n.source}" Nullable="false" /><Property Name="sourceId" Type="Edm.String" /><Property Name="target" Type="graph.${n.target}" /></EntityType>`,
    );
    complex.push(`<ComplexType Name="${n.target}" Abstract="true"><Property Name="deviceAndAppManagementAssignmentFilterId" Type="Edm.String" /><Property Name="deviceAndAppManagementAssignmentFilterType" Type="graph.${n.filterType}" Nullable="false" /></ComplexType>`);
    for (const d of n.derived) {
      const prop = d.includes("Group") ? `<Property Name="groupId" Type="Edm.String" />` : d.includes("Collection") ? `<Property Name="collectionId" Type="Edm.String" />` : "";
      complex.push(prop ? `<ComplexType Name="${d}" BaseType="graph.${n.target}">${prop}</ComplexType>` : `<ComplexType Name="${d}" BaseType="graph.${n.target}" />`);
    }
    actions.push(`<Action Name="assign" IsBound="true"><Parameter Name="bindingParameter" Type="graph.${n.policy}" /><Parameter Name="assignments" Type="Collection(graph.${n.assignment})" /><ReturnType Type="Collection(graph.${n.assignment})" /></Action>`);
  }
  const body = [
    ...enums,
    `<EntityType Name="deviceManagement" BaseType="graph.entity">${navs.join("")}</EntityType>`,
    `<EntityType Name="entity" Abstract="true"><Property Name="id" Type="Edm.String" Nullable="false" /><Key><PropertyRef Name="id" /></Key></EntityType>`,
    ...entities,
    ...complex,
    `<EntityContainer Name="GraphService"><Singleton Name="deviceManagement" Type="microsoft.graph.deviceManagement" /></EntityContainer>`,
    ...actions,
  ];
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<!-- Synthetic CSDL for generator scaling (bench/synthetic-spec.ts): ${count} entity types modelled on the real slice. -->`,
    `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">`,
    `  <edmx:DataServices>`,
    `    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    ...body.map((line) => `      ${line}`),
    `    </Schema>`,
    `  </edmx:DataServices>`,
    `</edmx:Edmx>`,
    "",
  ].join("\n");
}

/** Write `synthetic-<N>.openapi.yaml` and `synthetic-<N>.csdl.xml` into `dir`. */
export function writeSyntheticSpec(dir: string, entityTypes: number): SyntheticSpec {
  if (!Number.isInteger(entityTypes) || entityTypes < 1) throw new Error(`entityTypes must be a positive integer, got ${entityTypes}`);
  mkdirSync(dir, { recursive: true });
  const openapi = join(dir, `synthetic-${entityTypes}.openapi.yaml`);
  const csdl = join(dir, `synthetic-${entityTypes}.csdl.xml`);
  const yamlText = stringify(openapiDocument(entityTypes), { lineWidth: 0, aliasDuplicateObjects: false });
  const xmlText = csdlDocument(entityTypes);
  writeFileSync(openapi, yamlText);
  writeFileSync(csdl, xmlText);
  return { entityTypes, openapi, csdl, openapiBytes: Buffer.byteLength(yamlText), csdlBytes: Buffer.byteLength(xmlText) };
}
