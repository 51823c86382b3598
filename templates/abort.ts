/**
 * One `abort` listener per caller signal, however many calls share it. Node warns
 * (MaxListenersExceededWarning) past 10 listeners on one AbortSignal, and an app that passes one
 * signal to 50 concurrent calls is doing nothing wrong; so every call subscribes here instead.
 */

interface Subscribers {
  callbacks: Set<() => void>;
  fire: () => void;
}

const subscribers = new WeakMap<AbortSignal, Subscribers>();

/** Calls `callback` when `signal` aborts; returns the function that unsubscribes it. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let entry = subscribers.get(signal);
  if (!entry) {
    const callbacks = new Set<() => void>();
    const fire = () => {
      subscribers.delete(signal);
      for (const each of callbacks) each();
    };
    entry = { callbacks, fire };
    subscribers.set(signal, entry);
    signal.addEventListener("abort", fire, { once: true });
  }
  const { callbacks, fire } = entry;
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
    if (callbacks.size === 0 && subscribers.get(signal) === entry) {
      subscribers.delete(signal);
      signal.removeEventListener("abort", fire);
    }
  };
}
