/**
 * Child-process body for (b) "what the overhead is made of": in one process, blocks of sequential
 * PATCHes of the seed example to the loopback server, variant after variant in rotating order. The
 * variants are bare fetch with one thing graphslice adds to every request, bare fetch sending and
 * reading exactly what graphslice does (with and without the timeout's signal), and graphslice itself
 * with and without its optional parts. Then, without any socket, what undici's `Request` costs to
 * construct with and without a signal (fetch constructs one per call). argv: baseUrl blocks blockSize.
 * Prints one JSON line: { variants: { [name]: µs per request, one sample per block },
 * construction: { [name]: µs per Request, one sample per round } }.
 */
import { createPatcher } from "../consumers/graphslice.ts";
import { ASSIGNMENT_ID, POLICY_ID, SEED_REQUEST, TOKEN } from "../seed.js";

const [baseUrl = "", blocksArg = "30", blockArg = "200"] = process.argv.slice(2);
const url = `${baseUrl}/deviceManagement/configurationPolicies/${POLICY_ID}/assignments/${ASSIGNMENT_ID}`;

/** The bare-fetch consumer's PATCH, with `change` applied to its init; what `change` returns runs when the call is done. */
function bare(change: (init: RequestInit & { headers: Record<string, string> }) => (() => void) | void = () => {}) {
  return async () => {
    const init = { method: "PATCH", headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify(SEED_REQUEST) };
    const done = change(init);
    try {
      const response = await fetch(url, init);
      if (!response.ok) throw new Error(`PATCH failed: ${response.status}`);
      return await response.json();
    } finally {
      done?.();
    }
  };
}

/** A PATCH with the request graphslice sends (headers, redirect mode), read as graphslice reads it; with its timeout's signal when `timed`. */
function wireLike(timed: boolean) {
  return async () => {
    const controller = timed ? new AbortController() : undefined;
    const timer = controller && setTimeout(() => controller.abort(), 100_000);
    try {
      const headers = { accept: "application/json", "content-type": "application/json", sdkversion: "graphslice/0.1.0", "client-request-id": crypto.randomUUID(), authorization: `Bearer ${TOKEN}` };
      const response = await fetch(url, { method: "PATCH", headers, body: JSON.stringify(SEED_REQUEST), redirect: "manual", signal: controller?.signal ?? null });
      if (!response.ok) throw new Error(`PATCH failed: ${response.status}`);
      return JSON.parse(await response.text());
    } finally {
      clearTimeout(timer);
    }
  };
}

const graphslice = (options?: Parameters<typeof createPatcher>[1]) => {
  const patch = createPatcher({ baseUrl, token: TOKEN }, options);
  return () => patch(POLICY_ID, ASSIGNMENT_ID);
};

const variants: Record<string, () => Promise<unknown>> = {
  "bare fetch": bare(),
  "bare fetch + an AbortSignal, no timer": bare((init) => void (init.signal = new AbortController().signal)),
  "bare fetch + an AbortSignal with a 100 s timer": bare((init) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 100_000);
    init.signal = controller.signal;
    return () => clearTimeout(timer);
  }),
  "bare fetch + client-request-id and SdkVersion headers": bare((init) => {
    init.headers["client-request-id"] = crypto.randomUUID();
    init.headers.SdkVersion = "graphslice/0.1.0";
  }),
  'bare fetch + redirect: "manual"': bare((init) => void (init.redirect = "manual")),
  // What graphslice puts on the wire and reads back, with nothing of its own code: what is left of
  // graphslice's ratio beyond these two rows is its own work.
  "bare fetch sending what graphslice sends (its headers, redirect: \"manual\", the body read as text, then parsed)": wireLike(false),
  "the same + an AbortSignal with a 100 s timer": wireLike(true),
  "graphslice (defaults)": graphslice(),
  "graphslice, timeoutMs: 0": graphslice({ timeoutMs: 0 }),
  "graphslice, timeoutMs: 0, sdkVersionHeader: false, validate: false": graphslice({ timeoutMs: 0, sdkVersionHeader: false, validate: false }),
};

const names = Object.keys(variants);
for (const name of names) for (let i = 0; i < 200; i++) await variants[name]!();
const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
for (let block = 0; block < Number(blocksArg); block++) {
  for (const name of names.map((_, i) => names[(i + block) % names.length]!)) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < Number(blockArg); i++) await variants[name]!();
    samples[name]!.push(Number(process.hrtime.bigint() - start) / Number(blockArg) / 1000);
  }
}

// The same PATCH's Request, constructed and dropped: no socket, no event loop in between.
const body = JSON.stringify(SEED_REQUEST);
const headers = { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" };
const constructions: Record<string, () => unknown> = {
  "Request": () => new Request(url, { method: "PATCH", headers, body }),
  "Request with an AbortSignal": () => new Request(url, { method: "PATCH", headers, body, signal: new AbortController().signal }),
  "AbortController and its signal alone": () => new AbortController().signal,
};
const construction: Record<string, number[]> = Object.fromEntries(Object.keys(constructions).map((n) => [n, []]));
const perRound = 20 * Number(blockArg);
for (let round = 0; round < Number(blocksArg); round++) {
  for (const [name, make] of Object.entries(constructions)) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) make();
    construction[name]!.push(Number(process.hrtime.bigint() - start) / perRound / 1000);
  }
}
process.stdout.write(`${JSON.stringify({ variants: samples, construction })}\n`);
process.exit(0);
