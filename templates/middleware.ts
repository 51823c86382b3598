/**
 * The middleware chain: each middleware gets the platform `Request` of one HTTP attempt (token and
 * headers already set) and `next`, and may change the request, read the response, or answer itself.
 */

/** Wraps one HTTP attempt; call `next(request)` to go on, or return a `Response` of your own. */
export type Middleware = (request: Request, next: (request: Request) => Promise<Response>) => Promise<Response>;

/**
 * The transport's look at the request a chain finally sends (`init[SENDING]`): the credentials a
 * middleware set are secrets of the call too, and may stop the request from following redirects. It
 * returns the request to send.
 */
export const SENDING = Symbol("graphslice.sending");
export type Sending = (request: Request) => Request;

/** A fetch that runs `middleware` in array order around `fetchImpl`. */
export function chainMiddleware(middleware: readonly Middleware[], fetchImpl: typeof fetch): typeof fetch {
  return (input, init) => {
    const sending = (init as { [SENDING]?: Sending } | undefined)?.[SENDING];
    const run = (index: number, request: Request): Promise<Response> => {
      const current = middleware[index];
      return current ? current(request, (next) => run(index + 1, next)) : fetchImpl(sending ? sending(request) : request);
    };
    return run(0, new Request(input, init));
  };
}
