/**
 * Child-process body for (b) per-request overhead and (c) in-process PATCH pipeline. Bundled once
 * per client with that client's consumer (see request-overhead.ts). argv: mode baseUrl warmup count.
 *   mode "loopback": PATCH the loopback server over keep-alive HTTP.
 *   mode "memory":   globalThis.fetch is replaced by an in-memory stub that answers the seed response
 *                    without a socket, so only the client's own work (URL, headers, body
 *                    serialisation, response parsing) remains.
 * Prints one JSON line: { count, totalNs, collectionId }.
 */
import { ASSIGNMENT_ID, POLICY_ID, SEED_RESPONSE_TEXT, TOKEN, requestBodyProblem, collectionIdPlace } from "../seed.js";

type Patch = (policyId: string, assignmentId: string) => Promise<unknown>;
type CreatePatcher = (config: { baseUrl: string; token: string }) => Patch;

async function bodyText(input: unknown, init: RequestInit | undefined): Promise<string> {
  if (input instanceof Request) return input.clone().text();
  const body = init?.body;
  if (typeof body === "string") return body;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return new TextDecoder().decode(body);
  return new Response(body ?? null).text();
}

function installMemoryFetch(): void {
  let checked = false;
  const headers = { "content-type": "application/json; charset=utf-8" };
  const stub = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (!checked) {
      checked = true;
      const problem = requestBodyProblem(JSON.parse(await bodyText(input, init)));
      if (problem) throw new Error(`memory fetch: ${problem}`);
    }
    return new Response(SEED_RESPONSE_TEXT, { status: 200, headers });
  };
  globalThis.fetch = stub as typeof fetch;
}

export async function runRequestWorker(createPatcher: CreatePatcher): Promise<void> {
  const [mode = "loopback", baseUrl = "", warmupArg = "100", countArg = "1000"] = process.argv.slice(2);
  if (mode === "memory") installMemoryFetch();
  const patch = createPatcher({ baseUrl, token: TOKEN });
  const first = await patch(POLICY_ID, ASSIGNMENT_ID);
  const collectionId = collectionIdPlace(first);
  for (let i = 1; i < Number(warmupArg); i++) await patch(POLICY_ID, ASSIGNMENT_ID);
  const count = Number(countArg);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) await patch(POLICY_ID, ASSIGNMENT_ID);
  const totalNs = Number(process.hrtime.bigint() - start);
  process.stdout.write(`${JSON.stringify({ count, totalNs, collectionId })}\n`);
  process.exit(0);
}
