/**
 * Walking a collection page by page along `@odata.nextLink`. A nextLink is followed only when it is
 * on the client's own origin (otherwise the walk stops with an error and nothing is sent there), empty
 * pages that still carry a nextLink are walked through, and `maxPages` guards against endless chains.
 */
import { GraphError } from "./errors.js";
import type { GraphRequest, GraphRuntime } from "./runtime.js";
import type { Page, PagingOptions } from "./types.js";

export const DEFAULT_MAX_PAGES = 1000;

/** Every page, starting with `first` (or with `options.nextLink` to resume). */
export async function* iteratePages<T>(runtime: GraphRuntime, first: GraphRequest, options: PagingOptions = {}): AsyncGenerator<Page<T>, void, undefined> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  let request: GraphRequest = options.nextLink ? nextPageRequest(first, options.nextLink, options) : { ...first, options };
  for (let pages = 1; ; pages++) {
    const page = (await runtime.send(request)) as Page<T> | null;
    // A body of null, a number or a string is valid JSON but no page.
    if (typeof page !== "object" || page === null || !Array.isArray(page.value)) {
      throw new GraphError({ status: 0, code: "invalidResponse", method: "GET", url: request.url ?? request.path, message: `expected a collection page with a "value" array from ${request.url ?? request.path}` });
    }
    yield page;
    const next = page["@odata.nextLink"];
    if (!next) return;
    if (pages >= maxPages) {
      throw new GraphError({ status: 0, code: "tooManyPages", method: "GET", url: next, message: `stopped after ${maxPages} pages (maxPages); resume with { nextLink: ${JSON.stringify(next)} }` });
    }
    request = nextPageRequest(first, next, options);
  }
}

/** Every item of every page. */
export async function* iterateItems<T>(runtime: GraphRuntime, first: GraphRequest, options?: PagingOptions): AsyncGenerator<T, void, undefined> {
  for await (const page of iteratePages<T>(runtime, first, options)) yield* page.value;
}

/** A later page: the nextLink, with the first request's header parameters (its query is in the link). */
function nextPageRequest(first: GraphRequest, url: string, options: PagingOptions): GraphRequest {
  return { method: "GET", path: first.path, url, headers: first.headers, expect: "json", options };
}
