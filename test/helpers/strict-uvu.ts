/**
 * uvu, except that a suite whose `before` hook throws is reported. uvu runs `before` hooks inside a
 * try whose `finally` returns, so the error vanishes: the suite's tests count as not passed, nothing
 * is printed and the exit code stays 0. test/run.ts resolves every test file's "uvu" to this module
 * and prints what is recorded here.
 */
import * as uvu from "uvu";

export * from "uvu";

export interface SetupFailure {
  suite: string;
  error: unknown;
}

/** Shared through globalThis, so test/run.ts reads the same list whichever way it loads this module. */
export const setupFailures: SetupFailure[] = ((globalThis as { __graphsliceSetupFailures?: SetupFailure[] }).__graphsliceSetupFailures ??= []);

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
  return test;
}

export const test = suite();
