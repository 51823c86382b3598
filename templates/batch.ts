/**
 * `graph.batch()`: the calls made on a recording client become items of Graph's JSON batching
 * (`POST {baseUrl}/$batch`), at most 20 per request, matched back by id, each settled on its own.
 * Loaded only when a program calls `batch`, so single calls never carry it.
 */
import { onAbort } from "./abort.js";
import { describeValue } from "./describe-value.js";
import { errorFromResponse, GraphError, invalidResponse, withoutExcerpt, type CallContext } from "./errors.js";
import { parseODataJson } from "./odata-type.js";
import { isCredentialHeader } from "./mask.js";
import { callOptionsProblem, headerProblem, headerRecord } from "./request-check.js";
import { isRetryableStatus, sleep } from "./retry.js";
import { serverDelayMs } from "./retry-after.js";
import type { GraphRequest, GraphRuntime, PreparedRequest } from "./runtime.js";
import { startTimer } from "./timer.js";
import { answersNothing, COUNT_EXPECTED, countOf, exchange, isHttpStatus } from "./transport.js";
import type { BatchOptions } from "./types.js";

/** Graph's limit of requests in one `$batch`. */
export const MAX_BATCH_SIZE = 20;

/** What a recorded call's promise resolves to inside the callback: its place among the recorded calls. */
class RecordedCall {
  constructor(readonly call: number) {}
}

interface BatchItem {
  /** Position in the caller's list; its id on the wire is `index + 1`. */
  index: number;
  request: GraphRequest;
  prepared: PreparedRequest;
  /** The item's own signal, or one that also aborts when the item's own `timeoutMs` runs out (`armItem`). */
  signal?: AbortSignal | undefined;
  /** Throttled answers retried, within the item's retry budget. */
  retries: number;
  /** How many `$batch` requests have carried the item, each retry of one counted: its attempts (a retry after a throttle, or again behind one, counts). */
  sent: number;
  waited: number;
}

interface ItemAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  /** What makes the answer unusable (invalid headers, the id answered twice): the item fails with it, unretried. */
  problem?: string | undefined;
}

type Settled = PromiseSettledResult<unknown>;

/** Records the calls `build` makes, checks them all, then sends them; one settled result per call, in call order. */
export async function sendBatch(runtime: GraphRuntime, build: (recorder: GraphRuntime) => unknown, options: BatchOptions = {}): Promise<Settled[]> {
  // The batch's own options, refused as a single call's would be: NaN must not mean "no timeout".
  const problem = callOptionsProblem(options) ?? headersProblem(options.headers);
  if (problem) {
    const url = `${runtime.baseUrl}/$batch`;
    throw new GraphError({ status: 0, code: "invalidRequest", method: "POST", url, message: `POST ${url} not sent: ${problem}` });
  }
  const items = await recordItems(runtime, build);
  if (items.length === 0) return [];
  const config = runtime.transport;
  const caller = options.signal;
  if (caller?.aborted) throw caller.reason;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const timeout = () => new GraphError({ status: 0, code: "timeout", method: "POST", url: `${runtime.baseUrl}/$batch`, message: `batch of ${items.length} calls timed out after ${timeoutMs} ms` });
  const deadline = withDeadline(caller, timeoutMs, timeout);
  const disarm = items.map(armItem);
  const results: Settled[] = new Array(items.length);
  try {
    return await sendItems(runtime, items, options, deadline.signal, results);
  } catch (error) {
    if (!deadline.signal.aborted) throw error;
    const { reason } = deadline.signal;
    // Once some items have their results (writes among them applied), the batch still resolves: they
    // keep them, and the others are rejected with the timeout or the abort's reason. Rejecting the
    // whole batch would hide what was applied and invite sending it again.
    if (!results.some(Boolean)) throw reason;
    return Array.from(results, (settled): Settled => settled ?? { status: "rejected", reason });
  } finally {
    deadline.release();
    for (const each of disarm) each();
  }
}

/**
 * A signal that aborts with `own`'s reason, or with `timedOut()` once `ms` have passed (never for 0
 * or Infinity); `release` ends both. The batch's, and an item's with a `timeoutMs` of its own.
 */
function withDeadline(own: AbortSignal | undefined, ms: number, timedOut: () => unknown): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const unsubscribe = own ? onAbort(own, () => controller.abort(own.reason)) : undefined;
  const cancel = ms > 0 ? startTimer(() => controller.abort(timedOut()), ms) : undefined;
  if (own?.aborted) controller.abort(own.reason);
  return {
    signal: controller.signal,
    release: () => {
      cancel?.();
      unsubscribe?.();
    },
  };
}

/**
 * An item's own `timeoutMs` (from when the batch is sent, its waits included): when it runs out, the
 * item is treated as if its own signal had aborted, with a `timeout` error as the reason. Returns
 * what cancels the timer.
 */
function armItem(item: BatchItem): () => void {
  const options = item.request.options;
  const own = options?.signal;
  const ms = options?.timeoutMs ?? 0;
  // Without a timeout of its own, the item keeps its signal as given (items sharing one are seen as sharing it).
  item.signal = own;
  if (!(ms > 0)) return () => {};
  const { method, url } = item.prepared;
  const deadline = withDeadline(own, ms, () => new GraphError({ status: 0, code: "timeout", method, url, message: `${method} ${url} (batch item ${item.index}) timed out after ${ms} ms` }));
  item.signal = deadline.signal;
  return deadline.release;
}

async function recordItems(runtime: GraphRuntime, build: (recorder: GraphRuntime) => unknown): Promise<BatchItem[]> {
  const calls: GraphRequest[] = [];
  // A bound call records its request once its route is loaded: every such load is awaited before
  // the list is checked, so a call missing from it is still seen.
  const routeLoads: Promise<unknown>[] = [];
  let nested = 0;
  const recorder: GraphRuntime & RecordingRuntime = {
    ...runtime,
    send: (request) => Promise.resolve(new RecordedCall(calls.push(request) - 1)),
    route: (operation) => {
      const loading = runtime.route(operation);
      routeLoads.push(loading);
      return loading;
    },
    // `g.batch()` on the recording client: refused at once, its callback not run, nothing sent. The
    // refusal is also counted, so the outer batch rejects even if that promise is not in its list
    // (which is therefore marked handled: no unhandled rejection on top).
    refuseBatch: () => {
      nested++;
      const refused = Promise.reject(nestedBatch());
      refused.catch(() => {});
      return refused;
    },
  };
  const list = build(recorder);
  if (!Array.isArray(list)) throw notBatchable(`batch: the callback must return an array of calls made on its client, got ${list === null ? "null" : typeof list}`);
  // A bound call is async: awaiting each entry reaches its recorded call (or its encoding error).
  const settled = await Promise.allSettled(list.map((entry: unknown) => entry));
  await Promise.allSettled(routeLoads);
  // What validating each body needs, loaded before any item is prepared (nothing is sent unchecked).
  await Promise.all(calls.map((request) => runtime.loadValidation(request)));
  const used = new Set<number>();
  const items = settled.map((entry, index): BatchItem => {
    if (entry.status === "rejected") throw itemError(entry.reason, index);
    if (!(entry.value instanceof RecordedCall)) {
      throw notBatchable(`batch item ${index}: not a call made on the batch's client (iterate() and iteratePages() walk pages and cannot be batched; call get() for one page)`);
    }
    const { call } = entry.value;
    if (used.has(call)) throw notBatchable(`batch item ${index}: the same call appears twice in the list`);
    used.add(call);
    const request = calls[call]!;
    if (request.expect === "stream" || request.contentType !== undefined) {
      throw notBatchable(`batch item ${index}: ${request.method} ${request.path} sends or returns binary content, which JSON batching cannot carry`);
    }
    let prepared: PreparedRequest;
    try {
      prepared = runtime.prepare(request);
    } catch (error) {
      throw itemError(error, index);
    }
    // What a single call would refuse before sending (its exchange checks these): refused here, since
    // inside a $batch body nothing else would (a CR/LF value would reach Graph as part of the item).
    const problem = itemProblem(request, prepared);
    if (problem) {
      const { method, url } = prepared;
      throw itemError(new GraphError({ status: 0, code: "invalidRequest", method, url, message: `${method} ${url} not sent: ${problem}` }), index);
    }
    return { index, request, prepared, retries: 0, sent: 0, waited: 0 };
  });
  if (nested) throw nestedBatch("batch");
  if (used.size !== calls.length) throw notBatchable(`batch: ${calls.length - used.size} call(s) made on the batch's client are missing from the returned list; return every call`);
  return items;
}

/** Settles every item into `results` (by index), which the caller keeps if the batch's signal aborts midway. */
async function sendItems(runtime: GraphRuntime, all: BatchItem[], options: BatchOptions, signal: AbortSignal, results: Settled[]): Promise<Settled[]> {
  const maxRetries = options.maxRetries ?? runtime.transport.retry.maxRetries;
  const retryBudgetMs = runtime.transport.retry.maxTotalDelayMs;
  let pending = all;
  while (pending.length) {
    const again: BatchItem[] = [];
    let delay = 0;
    // Sequential: once an item fails for good, every later one fails with it (Graph answers those 424).
    let failed: { cause: unknown } | undefined;
    for (let start = 0; start < pending.length; start += MAX_BATCH_SIZE) {
      const chunk = pending.slice(start, start + MAX_BATCH_SIZE);
      if (options.sequential && (failed || again.length)) {
        for (const item of chunk) {
          if (failed) results[item.index] = { status: "rejected", reason: dependencyFailed(item, failed.cause) };
          else again.push(item);
        }
        continue;
      }
      // An item whose own signal has aborted is not sent: it is rejected with the signal's reason (in
      // a sequential batch, the items after it are rejected as depending on it, and not sent either).
      const live: BatchItem[] = [];
      let cut: { cause: unknown } | undefined;
      for (const item of chunk) {
        const own = item.signal;
        if (options.sequential && cut) results[item.index] = { status: "rejected", reason: dependencyFailed(item, cut.cause) };
        else if (own?.aborted) {
          results[item.index] = { status: "rejected", reason: own.reason };
          if (options.sequential) cut = { cause: own.reason };
        } else live.push(item);
      }
      const answers = live.length ? await sendChunk(runtime, live, options, signal) : undefined;
      // The $batch request may itself have been sent more than once (retried as a single call is).
      const carried = answers instanceof GraphError ? answers.attempts : (answers?.context.attempts ?? 1);
      for (const item of live) item.sent += carried;
      for (const item of live) {
        // Sequential: the items after a throttled one go again with it, as Graph answered them 424
        // (failed dependency). One answered otherwise, or not at all, may have been applied (a service
        // that ignored dependsOn): it settles with what it has, and is never sent twice.
        if (options.sequential && again.length && !(answers instanceof GraphError) && answers?.byId.get(String(item.index + 1))?.status === 424) {
          again.push(item);
          continue;
        }
        // Its signal aborted while its $batch request was out: rejected with the reason, as a single
        // call aborted in flight is, whatever the answer says (it may have been applied; it is not
        // sent again). `answers` is undefined only when every item's signal has aborted.
        const own = item.signal;
        if (own?.aborted || answers === undefined) {
          results[item.index] = { status: "rejected", reason: own?.reason };
          if (options.sequential) failed ??= { cause: own?.reason };
          continue;
        }
        const answer = answers instanceof GraphError ? answers : itemAnswer(item, answers);
        if (answer instanceof GraphError) {
          results[item.index] = { status: "rejected", reason: answer };
          if (options.sequential) failed ??= { cause: answer };
          continue;
        }
        const wait = serverDelayMs(answer.headers);
        // Throttled items, and only those, go into a later batch, within the single-call retry budget
        // (the item's own maxRetries, else the batch's).
        const itemRetries = item.request.options?.maxRetries ?? maxRetries;
        if (!failed && wait !== undefined && isRetryableStatus(answer.status, item.request.method, true) && item.retries < itemRetries && item.waited + wait <= retryBudgetMs) {
          item.retries++;
          delay = Math.max(delay, wait);
          again.push(item);
          continue;
        }
        const settled = settleItem(item, answer, (answers as ChunkAnswers).context);
        results[item.index] = settled;
        if (options.sequential && settled.status === "rejected") failed ??= { cause: settled.reason };
      }
      if (cut) failed ??= cut;
    }
    // Every item going again waits the round's wait (the longest ask), throttled or waiting its turn
    // behind a throttled one (sequential): each is charged it against its budget.
    for (const item of again) item.waited += delay;
    if (again.length) {
      // The wait ends early once every item waiting has had its own signal abort (each is then
      // rejected with its reason, unsent); the batch's own signal ends the batch.
      const wait = untilEveryItemAborts(signal, again);
      await sleep(delay, wait.signal)
        .catch((error: unknown) => {
          if (signal.aborted) throw error;
        })
        .finally(wait.release);
    }
    pending = again;
  }
  return results;
}

/**
 * A signal that aborts with the batch's `signal`, or once every one of `items` has had its own signal
 * abort (so never, if one has none): a `$batch` request, or a wait, that no item needs any more.
 */
function untilEveryItemAborts(signal: AbortSignal, items: BatchItem[]): { signal: AbortSignal; release: () => void } {
  const own = new Set(items.map((item) => item.signal));
  if (own.has(undefined)) return { signal, release: () => {} };
  const signals = [...own] as AbortSignal[];
  const controller = new AbortController();
  const check = () => {
    if (signals.every((each) => each.aborted)) controller.abort();
  };
  const unsubscribe = [onAbort(signal, () => controller.abort(signal.reason)), ...signals.map((each) => onAbort(each, check))];
  check();
  return { signal: controller.signal, release: () => unsubscribe.forEach((each) => each()) };
}

interface ChunkAnswers {
  byId: Map<string, ItemAnswer>;
  context: CallContext;
}

/**
 * One `$batch` request; a failure of the request itself is every item's error. It is shared: an
 * item's signal aborting does not abort it, unless every item's has (then: undefined, no answers).
 */
async function sendChunk(runtime: GraphRuntime, chunk: BatchItem[], options: BatchOptions, signal: AbortSignal): Promise<ChunkAnswers | GraphError | undefined> {
  const url = `${runtime.baseUrl}/$batch`;
  const entries = chunk.map((item, k) => itemJson(runtime, item, options.sequential && k > 0 ? chunk[k - 1]!.index + 1 : undefined));
  const request = untilEveryItemAborts(signal, chunk);
  const result = await exchange(runtime.transport, {
    method: "POST",
    url,
    body: `{"requests":[${entries.join(",")}]}`,
    options: { signal: request.signal, headers: options.headers, maxRetries: options.maxRetries, timeoutMs: 0 },
  })
    .catch((error: unknown) => {
      if (signal.aborted) throw error;
      if (request.signal.aborted) return undefined;
      if (!(error instanceof GraphError)) throw error;
      return error;
    })
    .finally(request.release);
  if (result === undefined || result instanceof GraphError) return result;
  const context: CallContext = { method: "POST", url, clientRequestId: result.clientRequestId, attempts: result.attempts, throttled: result.throttled, secrets: result.secrets };
  if (!result.response.ok) return errorFromResponse(result.response, result.text, context);
  let responses: unknown;
  let cause: unknown;
  try {
    responses = (parseODataJson(result.text) as { responses?: unknown } | null)?.responses;
  } catch (error) {
    cause = error instanceof SyntaxError ? withoutExcerpt(error) : error;
  }
  // As a single call's answer that is not JSON: the error keeps the body (masked) and why it is none.
  if (!Array.isArray(responses)) return new GraphError({ ...context, status: result.response.status, code: "invalidResponse", headers: result.response.headers, body: result.text, cause, message: `POST ${url} answered without a "responses" array` });
  // Each answer is read on its own: one that is malformed fails its item only, never the others.
  // An answer with an id answers that id, whatever else is wrong with it (a status that is a string,
  // or missing): it counts, so that another answer for the id is seen as a second one.
  const all = new Map<string, { answer: ItemAnswer; status: unknown }[]>();
  for (const r of responses as { id?: unknown; status?: unknown; headers?: unknown; body?: unknown }[]) {
    if (typeof r?.id !== "string") continue;
    const status = typeof r.status === "number" ? r.status : 0;
    const answer: ItemAnswer = { status, body: r.body, ...itemHeaders(r.headers) };
    // Not HTTP (as a single call answered so fails): answered, so neither fulfilled nor sent again.
    if (!isHttpStatus(status)) answer.problem = `has status ${describeValue(r.status)}, which is not an HTTP status (200 to 599)`;
    const same = all.get(r.id);
    if (same) same.push({ answer, status: r.status });
    else all.set(r.id, [{ answer, status: r.status }]);
  }
  const byId = new Map<string, ItemAnswer>();
  for (const [id, answers] of all) byId.set(id, answers.length === 1 ? answers[0]!.answer : answeredTwice(answers));
  return { byId, context };
}

/**
 * An answer's headers, the valid ones, and what is wrong with the first that is not: the same rules
 * as for a request's headers (an RFC 9110 name, a string value without CR, LF or NUL). `new Headers`
 * would throw on it; dropping it quietly would hide a broken answer and could lose what matters (a
 * `Retry-After`, an `ETag`), so the item fails. The valid ones still give the error its `request-id`.
 */
function itemHeaders(raw: unknown): { headers: Headers; problem?: string | undefined } {
  const headers = new Headers();
  if (raw === undefined || raw === null) return { headers };
  if (typeof raw !== "object" || Array.isArray(raw)) return { headers, problem: `has invalid headers: "headers" is ${describeValue(raw)}, not an object` };
  let problem: string | undefined;
  for (const [name, value] of Object.entries(raw)) {
    const bad = headerProblem({ [name]: value as string });
    if (bad) problem ??= `has invalid headers: ${bad}`;
    else headers.append(name, value as string);
  }
  return { headers, problem };
}

/** Why an item cannot be sent as a single call could not: its number options, its header parameters, its `options.headers`. */
function itemProblem({ options }: GraphRequest, prepared: PreparedRequest): string | undefined {
  return (
    callOptionsProblem(options) ??
    headerProblem(prepared.headers) ??
    headersProblem(options?.headers)
  );
}

/**
 * Why a call's `options.headers` cannot be sent, as a single call would refuse them: the first bad
 * header named, no value quoted. What kind of value they are is checked with the other options
 * (`callOptionsProblem`), which runs first.
 */
function headersProblem(headers: unknown): string | undefined {
  return headers === undefined ? undefined : headerProblem(headerRecord(headers)!);
}

/**
 * Two answers or more for one id (say a 500, then a 200): which one holds is unknown, so the item is
 * not fulfilled, nor retried, since it may have been applied. Every answer is kept in the error's body.
 */
function answeredTwice(answers: { answer: ItemAnswer; status: unknown }[]): ItemAnswer {
  const statuses = answers.map(({ status }) => (typeof status === "number" ? status : describeValue(status))).join(", ");
  return {
    status: 0,
    headers: new Headers(),
    body: answers.map(({ answer, status }) => ({ status, body: answer.body })),
    problem: `came ${answers.length} times (statuses ${statuses}); which one holds is unknown, so it is not taken as a success, and not retried (it may have been applied)`,
  };
}

/** One item on the wire: its URL relative to the base URL, its own headers (never credentials), its JSON body as serialised. */
function itemJson(runtime: GraphRuntime, item: BatchItem, dependsOn: number | undefined): string {
  const { method, url, headers: own, body } = item.prepared;
  // By lower-cased name, as a single call merges them: `options.headers` replace a header parameter
  // that differs only in case, instead of both going out.
  const byName = new Map<string, [string, string]>();
  for (const source of [own, headerRecord(item.request.options?.headers)]) for (const name in source) if (!isCredentialHeader(name)) byName.set(name.toLowerCase(), [name, source[name]!]);
  if (body !== undefined && !byName.has("content-type")) byName.set("content-type", ["Content-Type", "application/json"]);
  const fields = [`"id":"${item.index + 1}"`, `"method":"${method}"`, `"url":${JSON.stringify(url.slice(runtime.baseUrl.length))}`];
  if (byName.size) fields.push(`"headers":${JSON.stringify(Object.fromEntries(byName.values()))}`);
  if (body !== undefined) fields.push(`"body":${body as string}`);
  if (dependsOn !== undefined) fields.push(`"dependsOn":["${dependsOn}"]`);
  return `{${fields.join(",")}}`;
}

function settleItem(item: BatchItem, answer: ItemAnswer, batch: CallContext): Settled {
  const { method, url } = item.prepared;
  const context: CallContext = { ...batch, method, url, attempts: item.sent, throttled: item.retries > 0 || batch.throttled === true };
  if (answer.status < 200 || answer.status > 299) return { status: "rejected", reason: errorFromResponse(answer, bodyText(answer.body), context) };
  // The caller's callback, on this item's answer: if it throws, this item is rejected with what it
  // threw (as a single call would be), and the other items keep their results.
  try {
    item.request.options?.onResponse?.({ status: answer.status, headers: answer.headers, requestId: answer.headers.get("request-id") ?? undefined, clientRequestId: batch.clientRequestId!, attempts: item.sent });
  } catch (error) {
    return { status: "rejected", reason: error };
  }
  const { expect } = item.request;
  if (answersNothing(expect, answer.status)) return { status: "fulfilled", value: undefined };
  // What a single call accepts, and the same error otherwise.
  if (expect === "count") {
    // Text, or a number if the service sent the count as JSON.
    const count = typeof answer.body === "string" || typeof answer.body === "number" ? countOf(String(answer.body)) : undefined;
    if (count !== undefined) return { status: "fulfilled", value: count };
    return { status: "rejected", reason: invalidResponse(answer, bodyText(answer.body), context, COUNT_EXPECTED) };
  }
  if (typeof answer.body === "object" && answer.body !== null && !Array.isArray(answer.body)) return { status: "fulfilled", value: answer.body };
  return { status: "rejected", reason: invalidResponse(answer, bodyText(answer.body), context, answer.body === undefined || typeof answer.body === "string" ? "a JSON body" : "a JSON object") };
}

/** The item's answer, or the error that there is no usable one: none, or one with a `problem`. */
function itemAnswer(item: BatchItem, answers: ChunkAnswers): ItemAnswer | GraphError {
  const answer = answers.byId.get(String(item.index + 1));
  if (!answer) return missingAnswer(item, answers.context);
  if (answer.problem === undefined) return answer;
  const { method, url } = item.prepared;
  const text = bodyText(answer.body);
  const message = `${method} ${url}: the batch's answer with id "${item.index + 1}" ${answer.problem}`;
  const status = isHttpStatus(answer.status) ? answer.status : 0;
  return new GraphError({ ...answers.context, method, url, attempts: item.sent, throttled: item.retries > 0 || answers.context.throttled === true, status, code: "invalidResponse", headers: answer.headers, body: text, message });
}

/** An item's body as an error keeps it: as text, JSON re-serialised (one nested too deep to be, as a note that says so). */
function bodyText(body: unknown): string {
  if (typeof body === "string") return body;
  if (body === undefined) return "";
  try {
    return JSON.stringify(body);
  } catch {
    return "(a JSON body nested too deeply to be written out)";
  }
}

function missingAnswer(item: BatchItem, batch: CallContext): GraphError {
  const { method, url } = item.prepared;
  return new GraphError({ ...batch, status: 0, code: "invalidResponse", method, url, message: `${method} ${url}: the batch response has no answer with id "${item.index + 1}"` });
}

/** `cause`: why the earlier item was rejected: its GraphError, its signal's reason, or what its onResponse threw. */
function dependencyFailed(item: BatchItem, cause: unknown): GraphError {
  const { method, url } = item.prepared;
  const why = cause instanceof GraphError ? `failed (${cause.code})` : `was rejected (${cause instanceof Error ? cause.name : typeof cause})`;
  return new GraphError({ status: 424, code: "failedDependency", method, url, cause, message: `${method} ${url} not sent: an earlier call of the sequential batch ${why}` });
}

/** What the recording client has besides a runtime's members: the request builder's `batch` calls `refuseBatch` instead of sending. */
interface RecordingRuntime {
  refuseBatch(): Promise<never>;
}

function nestedBatch(where?: string): GraphError {
  return notBatchable(`${where ? `${where}: ` : ""}batch() cannot be nested: it was called on the client of a batch's callback, whose calls are recorded, not sent; make the calls on that client directly`);
}

function notBatchable(message: string): GraphError {
  return new GraphError({ status: 0, code: "notBatchable", message });
}

/** The error of item `index`, its message saying which item it is; nothing has been sent. */
function itemError(error: unknown, index: number): unknown {
  if (!(error instanceof GraphError)) return error;
  const { status, code, method, url, target } = error;
  return new GraphError({ status, code, method, url, target, cause: error.cause, message: `batch item ${index}: ${error.message}` });
}
