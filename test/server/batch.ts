/**
 * Graph's JSON batching (`POST /beta/$batch`): every item is dispatched through the server's own
 * routes, in order, honouring `dependsOn` (an item whose dependency failed gets 424). Queued `status`
 * faults and the throttle apply per item (matched by the item's method and `/beta` path), and the
 * answers come back in reverse order, since Graph promises no order.
 */
import type { FaultController } from "./faults.js";
import { errorBody, errorResponse, jsonResponse, newRequestIds, type GraphResponse, type RequestIds } from "./odata.js";
import { handleGraphRequest } from "./routes.js";
import type { GraphStore } from "./store.js";

export const MAX_BATCH_ITEMS = 20;

interface BatchRequestItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchContext {
  body: string;
  /** The `$batch` request's own headers (lower-cased): its Authorization covers every item. */
  headers: Record<string, string>;
  ids: RequestIds;
  serverUrl: string;
  pageSize: number;
  store: GraphStore;
  faults: FaultController;
}

/** True for the batch endpoint of either API version. */
export function isBatchPath(rawPath: string): boolean {
  return /^\/(beta|v1\.0)\/\$batch(\?|$)/.test(rawPath);
}

export function handleBatch(ctx: BatchContext): GraphResponse {
  const items = parseItems(ctx);
  if (typeof items === "string") return errorResponse(400, "BadRequest", items, ctx.ids);
  const statuses = new Map<string, number>();
  const responses = items.map((item) => {
    const answer = answerItem(ctx, item, statuses);
    statuses.set(item.id, answer.status);
    return answer;
  });
  return jsonResponse(200, { responses: responses.reverse() });
}

function parseItems(ctx: BatchContext): BatchRequestItem[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.body);
  } catch (error) {
    return `Invalid JSON in batch request: ${(error as Error).message}`;
  }
  const requests = (parsed as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) return "The batch request must be an object with a 'requests' array.";
  if (requests.length > MAX_BATCH_ITEMS) return `Number of batch request steps exceeds the maximum of ${MAX_BATCH_ITEMS}.`;
  const seen = new Set<string>();
  for (const [index, r] of (requests as BatchRequestItem[]).entries()) {
    if (typeof r?.id !== "string" || r.id === "") return `requests[${index}]: 'id' must be a non-empty string.`;
    if (seen.has(r.id)) return `requests[${index}]: duplicate id '${r.id}'.`;
    if (typeof r.method !== "string" || typeof r.url !== "string") return `requests[${index}]: 'method' and 'url' are required.`;
    if (/^https?:/i.test(r.url) || /^\/?(beta|v1\.0)\//.test(r.url)) return `requests[${index}]: 'url' must be relative to the version root, got '${r.url}'.`;
    for (const dependency of r.dependsOn ?? []) if (!seen.has(dependency)) return `requests[${index}]: dependsOn '${dependency}' is not an earlier request.`;
    seen.add(r.id);
  }
  return requests as BatchRequestItem[];
}

function answerItem(ctx: BatchContext, item: BatchRequestItem, statuses: Map<string, number>): { id: string; status: number; headers: Record<string, string>; body?: unknown } {
  const method = item.method.toUpperCase();
  const rawPath = `/beta${item.url.startsWith("/") ? "" : "/"}${item.url}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(item.headers ?? {})) headers[name.toLowerCase()] = value;
  const ids = newRequestIds(headers["client-request-id"] ?? ctx.ids.clientRequestId);
  const failed = (item.dependsOn ?? []).find((d) => { const s = statuses.get(d)!; return s < 200 || s > 299; });
  if (failed !== undefined) return wire(item.id, errorResponse(424, "FailedDependency", `Request '${item.id}' depends on request '${failed}', which failed.`, ids));
  const fault = ctx.faults.take(method, rawPath, ctx.serverUrl);
  const dispatch = () =>
    handleGraphRequest({
      method,
      rawPath,
      // Items carry no credentials: the batch request's Authorization stands for all of them.
      headers: { ...headers, ...(ctx.headers.authorization ? { authorization: ctx.headers.authorization } : {}) },
      body: item.body === undefined ? "" : JSON.stringify(item.body),
      ids,
      serverUrl: ctx.serverUrl,
      pageSize: ctx.pageSize,
      store: ctx.store,
    });
  if (fault !== undefined) {
    if (fault.kind !== "status") return wire(item.id, errorResponse(500, "InternalServerError", `Test server: a ${fault.kind} fault cannot apply to a batch item`, ids));
    if (fault.apply === true) dispatch();
    const extra: Record<string, string> = fault.retryAfter === undefined ? {} : { "retry-after": fault.retryAfter };
    return wire(item.id, { status: fault.status, headers: { "content-type": "application/json", ...extra }, body: fault.body ?? errorBody(`http${fault.status}`, `Injected ${fault.status}`, ids) });
  }
  const retryAfter = ctx.faults.checkThrottle(method);
  if (retryAfter !== undefined) return wire(item.id, errorResponse(429, "TooManyRequests", "Too many requests.", ids, { "retry-after": retryAfter }));
  const response = dispatch();
  ctx.faults.recordOutcome(method, response.status, headers["client-request-id"]);
  return wire(item.id, response);
}

/** A route's answer as a batch response item: JSON bodies inline, text ones as strings. */
function wire(id: string, response: GraphResponse): { id: string; status: number; headers: Record<string, string>; body?: unknown } {
  const { status, headers, body } = response;
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (name !== "content-length") kept[name] = value;
  if (body === "") return { id, status, headers: kept };
  const json = /json/i.test(headers["content-type"] ?? "");
  return { id, status, headers: kept, body: json ? JSON.parse(body) : body };
}
