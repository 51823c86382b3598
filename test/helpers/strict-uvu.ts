/**
 * uvu, except that a suite whose `before` hook throws is reported. uvu runs `before` hooks inside a
 * try whose `finally` returns, so the error vanishes: the suite's tests count as not passed, nothing
 * is printed and the exit code stays 0. test/run.ts resolves every test file's "uvu" to this module
 * and prints what is recorded here.
 *
 * And a test that throws an error uvu cannot print is reported: uvu's formatter calls
 * `error.details.split`, so an error whose `details` is not a string (a GraphError's is Graph's
 * array) stopped the whole suite without a word. Such an error is rethrown as a plain Error with its
 * name, message and stack, the original as its cause.
 *
 * And a test registered after its suite's last `run()` (appended below it) is reported: uvu never
 * runs it, and says nothing.
 */
import * as uvu from "uvu";

export * from "uvu";

export interface SetupFailure {
  suite: string;
  error: unknown;
}

/** Shared through globalThis, so test/run.ts reads the same list whichever way it loads this module. */
export const setupFailures: SetupFailure[] = ((globalThis as { __graphsliceSetupFailures?: SetupFailure[] }).__graphsliceSetupFailures ??= []);

export interface LateTest {
  suite: string;
  test: string;
}

/** Per suite, the tests registered since its last `run()`; shared like `setupFailures`. */
const unrun: LateTest[][] = ((globalThis as { __graphsliceUnrun?: LateTest[][] }).__graphsliceUnrun ??= []);

/**
 * The tests registered since their suite's last `run()`, forgotten once taken: read after each test
 * file loads, they are the ones uvu never runs (of a file that failed to load, none runs anyway).
 */
export function takeUnrunTests(): LateTest[] {
  const taken = unrun.flat();
  for (const pending of unrun) pending.length = 0;
  return taken;
}

export function suite<State = Record<string, any>>(title = "", state?: State): uvu.Test<State> {
  const test = uvu.suite<State>(title, state);
  const before = test.before;
  const guarded = ((hook: uvu.Callback<State>) =>
    before(async (context) => {
      try {
        await hook(context);
      } catch (error) {
        setupFailures.push({ suite: title, error });
        throw error;
      }
    })) as typeof before;
  guarded.each = before.each;
  test.before = guarded;
  const printable = (handler: uvu.Callback<State>): uvu.Callback<State> => async (context) => {
    try {
      await handler(context);
    } catch (error) {
      const details = (error as { details?: unknown } | null)?.details;
      if (details === undefined || typeof details === "string") throw error;
      const plain = new Error(`${(error as Error).name}: ${(error as Error).message}`, { cause: error });
      plain.stack = (error as Error).stack ?? plain.stack;
      throw plain;
    }
  };
  // uvu's run() queues the tests so far and starts afresh (the default `test` serves file after file).
  const pending: LateTest[] = [];
  unrun.push(pending);
  const register = (add: uvu.Test<State> | typeof test.only) => (name: string, handler: uvu.Callback<State>) => {
    pending.push({ suite: title, test: name });
    add(name, printable(handler));
  };
  const run = test.run;
  const wrapped = Object.assign(register(test), test, {
    only: register(test.only),
    run: () => {
      pending.length = 0;
      run();
    },
  });
  return wrapped as uvu.Test<State>;
}

export const test = suite();
