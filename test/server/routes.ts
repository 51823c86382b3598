/**
 * Graph semantics for the configurationPolicies API (policies and assignments here; settings and the
 * bound actions in settings-routes.ts): one pure function from a received
 * request to a `GraphResponse` (store changes are its only side effect). Errors become Graph error bodies.
 */
import { buildPage, filterItems, selectProperties } from "./collection.js";
import {
  emptyResponse,
  errorResponse,
  jsonResponse,
  ODataHttpError,
  textResponse,
  type GraphResponse,
  type RequestIds,
} from "./odata.js";
import { ALLOWED_METHODS, parseTarget, type Route } from "./paths.js";
import { parseODataQuery, type ODataQuery } from "./query.js";
import { policyActionRoutes, settingRoutes } from "./settings-routes.js";
import { StoreError, type GraphStore, type JsonObject } from "./store.js";

export interface RouteRequest {
  method: string;
  rawPath: string;
  headers: Record<string, string>;
  body: string;
  ids: RequestIds;
  serverUrl: string;
  pageSize: number;
  store: GraphStore;
}

export interface Context extends RouteRequest {
  query: ODataQuery;
  rawPathname: string;
}

const ASSIGNMENT_TYPE = "microsoft.graph.deviceManagementConfigurationPolicyAssignment";

export function bad(message: string): ODataHttpError {
  return new ODataHttpError(400, "BadRequest", message);
}

export function key(id: string): string {
  return `('${id.replaceAll("'", "''")}')`;
}

export function metadata(ctx: Context, fragment: string): string {
  return `${ctx.serverUrl}/beta/$metadata#${fragment}`;
}

export function selected(ctx: Context): string {
  return ctx.query.select === undefined ? "" : `(${ctx.query.select.join(",")})`;
}

export function readJsonObject(ctx: Context): JsonObject {
  if (ctx.body.trim() === "") throw bad("Empty Payload. JSON content expected.");
  const contentType = ctx.headers["content-type"];
  if (contentType === undefined || !/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new ODataHttpError(
      415,
      "UnsupportedMediaType",
      `Content-Type '${contentType ?? "(none)"}' is not supported; send 'application/json'.`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.body);
  } catch (error) {
    throw bad(`Invalid JSON in request body: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw bad("The request body must be a JSON object.");
  }
  return parsed as JsonObject;
}

export function checkPatchId(body: JsonObject, id: string): void {
  if (Object.hasOwn(body, "id") && body.id !== id) {
    throw bad(`The 'id' in the request body ('${String(body.id)}') does not match the key in the URL ('${id}').`);
  }
}

export function checkExpand(ctx: Context, allowed: string[]): boolean {
  for (const name of ctx.query.expand ?? []) {
    if (!allowed.includes(name)) throw bad(`Could not find a navigation property named '${name}' to expand.`);
  }
  return ctx.query.expand !== undefined;
}

/** The policy with its assignments and/or settings inlined (`$expand=assignments,settings`). */
function withExpanded(ctx: Context, policy: JsonObject): JsonObject {
  const expand = ctx.query.expand ?? [];
  return {
    ...policy,
    ...(expand.includes("assignments") ? { assignments: ctx.store.listAssignments(policy.id as string) } : {}),
    ...(expand.includes("settings") ? { settings: ctx.store.listSettings(policy.id as string) } : {}),
  };
}

export function entityResponse(status: number, context: string, entity: JsonObject, headers = {}): GraphResponse {
  return jsonResponse(status, { "@odata.context": context, ...entity }, headers);
}

export function created(ctx: Context, context: string, entity: JsonObject): GraphResponse {
  const location = `${ctx.serverUrl}${ctx.rawPathname}/${encodeURIComponent(entity.id as string)}`;
  return entityResponse(201, context, entity, { location });
}

export function countResponse(ctx: Context, items: JsonObject[]): GraphResponse {
  return textResponse(200, String(filterItems(items, ctx.query).length));
}

export function page(ctx: Context, items: JsonObject[], context: string): GraphResponse {
  const linkBase = `${ctx.serverUrl}${ctx.rawPathname}`;
  return jsonResponse(200, buildPage(items, ctx.query, { pageSize: ctx.pageSize, context, linkBase }));
}

function policyRoutes(ctx: Context, route: Route & { kind: "policies" | "policyCount" | "policy" }): GraphResponse {
  const { store, method } = ctx;
  const collection = "deviceManagement/configurationPolicies";
  if (route.kind === "policyCount") return countResponse(ctx, store.listPolicies());
  if (route.kind === "policies") {
    if (method === "POST") {
      return created(ctx, metadata(ctx, `${collection}/$entity`), store.addPolicy(readJsonObject(ctx)));
    }
    const expand = checkExpand(ctx, ["assignments", "settings"]);
    const policies = store.listPolicies();
    const shaped = expand ? policies.map((p) => withExpanded(ctx, p)) : policies;
    return page(ctx, shaped, metadata(ctx, `${collection}${selected(ctx)}`));
  }
  const policy = store.getPolicy(route.policyId);
  if (policy === undefined) throw new StoreError("not-found", `No policy with id '${route.policyId}'`);
  const context = metadata(ctx, `${collection}${selected(ctx)}/$entity`);
  if (method === "DELETE") {
    store.deletePolicy(route.policyId);
    return emptyResponse(204);
  }
  if (method === "PATCH") {
    const body = readJsonObject(ctx);
    checkPatchId(body, route.policyId);
    return entityResponse(200, metadata(ctx, `${collection}/$entity`), store.updatePolicy(route.policyId, body));
  }
  const shaped = checkExpand(ctx, ["assignments", "settings"]) ? withExpanded(ctx, policy) : policy;
  return entityResponse(200, context, selectProperties(shaped, ctx.query.select, ctx.query.expand));
}

function assignmentRoutes(
  ctx: Context,
  route: Route & { kind: "assignments" | "assignmentCount" | "assignment" | "assign" },
): GraphResponse {
  const { store, method } = ctx;
  const { policyId } = route;
  const collection = `deviceManagement/configurationPolicies${key(policyId)}/assignments`;
  checkExpand(ctx, []);
  switch (route.kind) {
    case "assignmentCount":
      return countResponse(ctx, store.listAssignments(policyId));
    case "assign": {
      const body = readJsonObject(ctx);
      const list = body.assignments;
      if (!Array.isArray(list) || list.some((a) => typeof a !== "object" || a === null || Array.isArray(a))) {
        throw bad("The action parameter 'assignments' must be an array of assignment objects.");
      }
      const value = store.replaceAssignments(policyId, list as JsonObject[]);
      return jsonResponse(200, { "@odata.context": metadata(ctx, `Collection(${ASSIGNMENT_TYPE})`), value });
    }
    case "assignments":
      if (method === "POST") {
        return created(ctx, metadata(ctx, `${collection}/$entity`), store.addAssignment(policyId, readJsonObject(ctx)));
      }
      return page(ctx, store.listAssignments(policyId), metadata(ctx, `${collection}${selected(ctx)}`));
    case "assignment": {
      const { assignmentId } = route;
      const entity = store.getAssignment(policyId, assignmentId);
      if (entity === undefined) {
        throw new StoreError("not-found", `No assignment with id '${assignmentId}' on policy '${policyId}'`);
      }
      if (method === "DELETE") {
        store.deleteAssignment(policyId, assignmentId);
        return emptyResponse(204);
      }
      if (method === "PATCH") {
        const body = readJsonObject(ctx);
        checkPatchId(body, assignmentId);
        const updated = store.updateAssignment(policyId, assignmentId, body);
        return entityResponse(200, metadata(ctx, `${collection}/$entity`), updated);
      }
      return entityResponse(
        200,
        metadata(ctx, `${collection}${selected(ctx)}/$entity`),
        selectProperties(entity, ctx.query.select),
      );
    }
  }
}

const STORE_STATUS = {
  "not-found": [404, "ResourceNotFound"],
  conflict: [409, "Conflict"],
  invalid: [400, "BadRequest"],
} as const;

/** Handles one Graph request completely; never throws for client errors. */
export function handleGraphRequest(request: RouteRequest): GraphResponse {
  try {
    const { route, rawPathname, rawQuery } = parseTarget(request.rawPath);
    const allowed = ALLOWED_METHODS[route.kind];
    if (!allowed.includes(request.method)) {
      const message = `The HTTP method '${request.method}' is not allowed on this resource.`;
      throw new ODataHttpError(405, "MethodNotAllowed", message, { allow: allowed.join(", ") });
    }
    const ctx: Context = { ...request, query: parseODataQuery(rawQuery), rawPathname };
    if (route.kind === "policies" || route.kind === "policyCount" || route.kind === "policy") {
      return policyRoutes(ctx, route);
    }
    if (route.kind === "policyAction" || route.kind === "policyFunction") return policyActionRoutes(ctx, route);
    if (route.kind.startsWith("setting")) return settingRoutes(ctx, route as Parameters<typeof settingRoutes>[1]);
    return assignmentRoutes(ctx, route as Parameters<typeof assignmentRoutes>[1]);
  } catch (error) {
    if (error instanceof ODataHttpError) {
      return errorResponse(error.status, error.code, error.message, request.ids, error.headers);
    }
    if (error instanceof StoreError) {
      const [status, code] = STORE_STATUS[error.reason];
      return errorResponse(status, code, error.message, request.ids);
    }
    throw error;
  }
}
