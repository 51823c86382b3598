/**
 * The middleware chain: each middleware gets the platform `Request` of one HTTP attempt (token and
 * headers already set) and `next`, and may change the request, read the response, or answer itself.
 */

/** Wraps one HTTP attempt; call `next(request)` to go on, or return a `Response` of your own. */
export type Middleware = (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>;

/** A fetch that runs `middleware` in array order around `fetchImpl`. */
export function chainMiddleware(middleware: readonly Middleware[], fetchImpl: typeof fetch): typeof fetch {
  const run = (index: number, request: Request): Promise<Response> => {
    const current = middleware[index];
    return current ? current(request, (next) => run(index + 1, next)) : fetchImpl(request);
  };
  return (input, init) => run(0, new Request(input, init));
}
