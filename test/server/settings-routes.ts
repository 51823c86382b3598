/**
 * Graph semantics for a policy's settings catalog (`settings`, `settingDefinitions`, their `$count`s)
 * and the policy-bound actions and function other than `assign`. Bodies are stored verbatim, as
 * everywhere in this server; the actions keep their state on the policy so a later call sees it.
 */
import {
  bad,
  checkExpand,
  checkPatchId,
  countResponse,
  created,
  entityResponse,
  key,
  metadata,
  page,
  readJsonObject,
  selected,
  type Context,
} from "./routes.js";
import { emptyResponse, jsonResponse, type GraphResponse } from "./odata.js";
import type { Route } from "./paths.js";
import { selectProperties } from "./collection.js";
import { StoreError, type JsonObject } from "./store.js";

type SettingRoute = Route & { kind: "settings" | "settingCount" | "setting" | "settingDefinitions" | "settingDefinitionCount" | "settingDefinition" };
type ActionRoute = Route & { kind: "policyAction" | "policyFunction" };

const POLICY_TYPE = "microsoft.graph.deviceManagementConfigurationPolicy";

export function settingRoutes(ctx: Context, route: SettingRoute): GraphResponse {
  const { store, method } = ctx;
  const { policyId } = route;
  const collection = `deviceManagement/configurationPolicies${key(policyId)}/settings`;
  checkExpand(ctx, route.kind === "settings" || route.kind === "setting" ? ["settingDefinitions"] : []);
  if (route.kind === "settingCount") return countResponse(ctx, store.listSettings(policyId));
  if (route.kind === "settings") {
    if (method === "POST") return created(ctx, metadata(ctx, `${collection}/$entity`), store.addSetting(policyId, readJsonObject(ctx)));
    return page(ctx, store.listSettings(policyId).map((s) => expanded(ctx, s)), metadata(ctx, `${collection}${selected(ctx)}`));
  }
  const setting = store.getSetting(policyId, route.settingId);
  if (setting === undefined) throw new StoreError("not-found", `No setting with id '${route.settingId}' on policy '${policyId}'`);
  const item = `${collection}${key(route.settingId)}`;
  switch (route.kind) {
    case "setting":
      if (method === "DELETE") {
        store.deleteSetting(policyId, route.settingId);
        return emptyResponse(204);
      }
      if (method === "PATCH") {
        const body = readJsonObject(ctx);
        checkPatchId(body, route.settingId);
        return entityResponse(200, metadata(ctx, `${collection}/$entity`), store.updateSetting(policyId, route.settingId, body));
      }
      return entityResponse(200, metadata(ctx, `${collection}${selected(ctx)}/$entity`), selectProperties(expanded(ctx, setting), ctx.query.select, ctx.query.expand));
    case "settingDefinitions":
      return page(ctx, store.definitionsOf(setting), metadata(ctx, `${item}/settingDefinitions${selected(ctx)}`));
    case "settingDefinitionCount":
      return countResponse(ctx, store.definitionsOf(setting));
    case "settingDefinition": {
      const definition = store.definitionsOf(setting).find((d) => d.id === route.definitionId);
      if (definition === undefined) throw new StoreError("not-found", `No setting definition with id '${route.definitionId}' for setting '${route.settingId}'`);
      return entityResponse(200, metadata(ctx, `${item}/settingDefinitions${selected(ctx)}/$entity`), selectProperties(definition, ctx.query.select));
    }
  }
}

function expanded(ctx: Context, setting: JsonObject): JsonObject {
  return ctx.query.expand?.includes("settingDefinitions") ? { ...setting, settingDefinitions: ctx.store.definitionsOf(setting) } : setting;
}

export function policyActionRoutes(ctx: Context, route: ActionRoute): GraphResponse {
  const { store } = ctx;
  const policy = store.getPolicy(route.policyId);
  if (policy === undefined) throw new StoreError("not-found", `No policy with id '${route.policyId}'`);
  checkExpand(ctx, []);
  // The function has no parameters; it answers with the policy itself (this server keeps no baseline versions).
  if (route.kind === "policyFunction") return entityResponse(200, metadata(ctx, `${POLICY_TYPE}`), policy);
  const state = store.actionState(route.policyId);
  const value = (v: unknown, type: string) => jsonResponse(200, { "@odata.context": metadata(ctx, type), value: v });
  switch (route.action) {
    case "createCopy": {
      const body = readJsonObject(ctx);
      if (typeof body.displayName !== "string") throw bad("The action parameter 'displayName' must be a string.");
      const { id: _id, ...rest } = policy;
      const copy = store.addPolicy({ ...rest, name: body.displayName, ...(body.description !== undefined ? { description: body.description } : {}) });
      for (const setting of store.listSettings(route.policyId)) store.addSetting(copy.id as string, setting);
      return entityResponse(200, metadata(ctx, POLICY_TYPE), copy);
    }
    case "reorder": {
      const body = readJsonObject(ctx);
      if (!Number.isInteger(body.priority)) throw bad("The action parameter 'priority' must be an integer.");
      store.updatePolicy(route.policyId, { priorityMetaData: { priority: body.priority as number } });
      return emptyResponse(204);
    }
    case "setEnrollmentTimeDeviceMembershipTarget": {
      const targets = readJsonObject(ctx).enrollmentTimeDeviceMembershipTargets;
      if (!Array.isArray(targets)) throw bad("The action parameter 'enrollmentTimeDeviceMembershipTargets' must be an array.");
      state.enrollmentTargets = targets as JsonObject[];
      return jsonResponse(200, { "@odata.context": metadata(ctx, "microsoft.graph.enrollmentTimeDeviceMembershipTargetResult"), ...enrollmentResult(state.enrollmentTargets) });
    }
    case "retrieveEnrollmentTimeDeviceMembershipTarget":
      return jsonResponse(200, { "@odata.context": metadata(ctx, "microsoft.graph.enrollmentTimeDeviceMembershipTargetResult"), ...enrollmentResult(state.enrollmentTargets) });
    case "clearEnrollmentTimeDeviceMembershipTarget": {
      const had = state.enrollmentTargets.length > 0;
      state.enrollmentTargets = [];
      return value(had, "Edm.Boolean");
    }
    case "assignJustInTimeConfiguration": {
      const policyValue = readJsonObject(ctx).justInTimeAssignments;
      if (typeof policyValue !== "object" || policyValue === null || Array.isArray(policyValue)) throw bad("The action parameter 'justInTimeAssignments' must be an object.");
      state.justInTime = policyValue;
      return value(true, "Edm.Boolean");
    }
    case "retrieveJustInTimeConfiguration":
      // One complex value: the object itself, as OData answers (the reference page wraps it in "value").
      return jsonResponse(200, { "@odata.context": metadata(ctx, "microsoft.graph.deviceManagementConfigurationJustInTimeAssignmentPolicy"), ...(state.justInTime ?? { targetType: "unknown", target: [] }) });
  }
}

/** Every stored target validates (this server knows no groups to check against). */
function enrollmentResult(targets: JsonObject[]): JsonObject {
  return {
    validationSucceeded: true,
    enrollmentTimeDeviceMembershipTargetValidationStatuses: targets.map((t) => ({ targetId: t.targetId ?? null, targetValidationErrorCode: "unknown" })),
  };
}
