/**
 * Walking a collection page by page along `@odata.nextLink`. A nextLink is followed only when it is
 * an absolute http(s) URL on the client's own origin (otherwise the walk stops with an error and
 * nothing is sent there) that this walk has not requested yet (a loop would yield the same items
 * again and again); empty pages that still carry a nextLink are walked through, and `maxPages`
 * guards against endless chains.
 */
import { describeValue } from "./describe-value.js";
import { GraphError } from "./errors.js";
import { isHttpUrl, parseUrl } from "./request-check.js";
import type { SuccessAnswer, GraphRequest, GraphRuntime } from "./runtime.js";
import type { Page, PagingOptions } from "./types.js";

export const DEFAULT_MAX_PAGES = 1000;

/** A page as `send` gives it here: the page, and where it leads (the next URL, or the error about its link). */
interface CheckedPage<T> {
  page: Page<T>;
  next?: string | GraphError | undefined;
}

/** Every page, starting with `first` (or with `options.nextLink` to resume). */
export async function* iteratePages<T>(runtime: GraphRuntime, first: GraphRequest, options: PagingOptions = {}): AsyncGenerator<Page<T>, void, undefined> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  // Every URL this walk has requested, as sent (without a fragment, which fetch never sends): a
  // nextLink back to one of them is a loop.
  const requested = new Set<string>();
  const sent = (url: URL) => url.href.replace(/#.*$/s, "");
  // Checked while the answer is at hand, so an error about it carries its status, request-id and body.
  const accept = (value: unknown, answer: SuccessAnswer): CheckedPage<T> => {
    if (!isPage(value)) throw answer.invalid(`a collection page with a "value" array`);
    const asked = parseUrl(answer.url);
    requested.add(asked ? sent(asked) : answer.url);
    const page = value as Page<T>;
    const link = page["@odata.nextLink"];
    if (link === undefined || link === null) return { page };
    const url = followable(link);
    const problem = typeof url === "string" ? url : requested.has(sent(url)) ? `to lead to a page this walk has not requested yet, got ${JSON.stringify(link)} again` : undefined;
    // The page itself is good: it is delivered before the walk fails on its link.
    return { page, next: problem ? answer.invalid(`@odata.nextLink ${problem}`, "@odata.nextLink") : (url as URL).href };
  };
  let request: GraphRequest = { ...first, options, accept };
  if (options.nextLink !== undefined && options.nextLink !== null) {
    const url = followable(options.nextLink);
    if (typeof url === "string") throw new GraphError({ status: 0, code: "invalidRequest", method: "GET", target: "nextLink", message: `GET not sent: the nextLink option must be ${url.slice("to be ".length)}` });
    request = nextPageRequest(first, url.href, options, accept);
  }
  for (let pages = 1; ; pages++) {
    const { page, next } = (await runtime.send(request)) as CheckedPage<T>;
    yield page;
    if (next === undefined) return;
    if (next instanceof GraphError) throw next;
    if (pages >= maxPages) {
      throw new GraphError({ status: 0, code: "tooManyPages", method: "GET", url: next, message: `stopped after ${maxPages} pages (maxPages); resume with { nextLink: ${JSON.stringify(next)} }` });
    }
    request = nextPageRequest(first, next, options, accept);
  }
}

/** Every item of every page. */
export async function* iterateItems<T>(runtime: GraphRuntime, first: GraphRequest, options?: PagingOptions): AsyncGenerator<T, void, undefined> {
  for await (const page of iteratePages<T>(runtime, first, options)) yield* page.value;
}

/** A later page: the nextLink, with the first request's header parameters (its query is in the link). */
function nextPageRequest(first: GraphRequest, url: string, options: PagingOptions, accept: GraphRequest["accept"]): GraphRequest {
  return { method: "GET", path: first.path, url, headers: first.headers, expect: "json", options, accept };
}

/** A body of null, a number or a string is valid JSON but no page. */
function isPage(value: unknown): value is Page<unknown> {
  return typeof value === "object" && value !== null && Array.isArray((value as Page<unknown>).value);
}

/**
 * The URL `link` leads to, or why it cannot be followed as it stands ("to be …"), before its origin
 * is checked: a nextLink is absolute (Graph's always are), and a relative one is not guessed at.
 * Whether it is on the client's origin is `prepare`'s check (`foreignUrl`), as for every URL sent to.
 */
function followable(link: unknown): URL | string {
  if (typeof link !== "string") return `to be a string (an absolute http(s) URL), got ${describeValue(link)}`;
  const url = parseUrl(link);
  return url && isHttpUrl(url) ? url : `to be an absolute http(s) URL, got ${describeValue(link)}`;
}
