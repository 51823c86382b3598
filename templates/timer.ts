/**
 * Timers of any length. `setTimeout` keeps its delay in a 32-bit signed integer: 2³¹ ms or more
 * (about 24.8 days), or Infinity, fires after 1 ms instead (Node warns, browsers do not). A long wait
 * is therefore a chain of shorter timers; Infinity is a wait that never ends by itself.
 */

/** The longest delay `setTimeout` honours. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `callback` after `ms` (never, for Infinity); returns the function that cancels it. */
export function startTimer(callback: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The common case (every default timeout) is one plain timer.
  if (ms <= MAX_TIMER_MS) {
    timer = setTimeout(callback, Math.max(ms, 0));
    return () => clearTimeout(timer);
  }
  const end = Date.now() + ms;
  const arm = (left: number) => {
    if (left === Infinity) return;
    timer = setTimeout(() => {
      const rest = end - Date.now();
      if (rest > 0) arm(rest);
      else callback();
    }, Math.min(Math.max(left, 0), MAX_TIMER_MS));
  };
  arm(ms);
  return () => clearTimeout(timer);
}
