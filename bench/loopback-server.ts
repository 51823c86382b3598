/**
 * The loopback server every client talks to in (b) and (d): a tiny keep-alive node:http server on
 * 127.0.0.1 that answers the seed PATCH with the seed response (shared/seeds). It checks each request
 * (method, path, bearer token, JSON body equal to the seed request) and answers 400 otherwise, so a
 * client that sends something else fails loudly instead of looking fast. `GET /__stats` reports counts.
 * `POST /beta/$batch` (row h) checks each item the same way and answers each with the seed response.
 *
 * Run as a child process (bundled by bundles.ts) so that it has its own event loop and core:
 * prints `listening <port>` on stdout once ready.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { BASE_PATH, PATCH_PATH, SEED_RESPONSE, SEED_RESPONSE_TEXT, TOKEN, requestBodyProblem } from "./seed.js";

const responseBytes = Buffer.from(SEED_RESPONSE_TEXT);
const stats = { patches: 0, rejected: 0, problems: [] as string[] };

function reject(res: ServerResponse, problem: string): void {
  stats.rejected++;
  if (stats.problems.length < 10) stats.problems.push(problem);
  const body = JSON.stringify({ error: { code: "BadRequest", message: `loopback server: ${problem}` } });
  res.writeHead(400, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
  const path = (req.url ?? "").split("?")[0];
  if (req.method === "GET" && path === "/__stats") {
    const body = JSON.stringify(stats);
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    res.end(body);
    return;
  }
  if (req.method === "POST" && path === `${BASE_PATH}/$batch`) return batch(req, res, raw);
  if (req.method !== "PATCH") return reject(res, `method ${req.method}`);
  if (path !== PATCH_PATH) return reject(res, `path ${path}`);
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return reject(res, `authorization header ${JSON.stringify(req.headers.authorization)}`);
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.startsWith("application/json")) return reject(res, `content-type ${JSON.stringify(contentType)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return reject(res, "body is not JSON");
  }
  const problem = requestBodyProblem(parsed);
  if (problem) return reject(res, problem);
  stats.patches++;
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": responseBytes.length });
  res.end(responseBytes);
}

/** JSON batching: every item must be the seed PATCH (relative URL, JSON content type, seed body). */
function batch(req: IncomingMessage, res: ServerResponse, raw: string): void {
  if (req.headers.authorization !== `Bearer ${TOKEN}`) return reject(res, `authorization header ${JSON.stringify(req.headers.authorization)}`);
  let items: { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown }[];
  try {
    items = (JSON.parse(raw) as { requests: typeof items }).requests;
  } catch {
    return reject(res, "batch body is not JSON");
  }
  if (!Array.isArray(items) || items.length === 0 || items.length > 20) return reject(res, `batch of ${Array.isArray(items) ? items.length : "no"} requests`);
  const responses = [];
  for (const item of items) {
    if (item.method !== "PATCH" || `${BASE_PATH}${item.url}` !== PATCH_PATH) return reject(res, `batch item ${item.method} ${item.url}`);
    if (!/^application\/json/.test(item.headers?.["Content-Type"] ?? item.headers?.["content-type"] ?? "")) return reject(res, "batch item content-type");
    const problem = requestBodyProblem(item.body);
    if (problem) return reject(res, `batch item: ${problem}`);
    stats.patches++;
    responses.push({ id: item.id, status: 200, headers: { "content-type": "application/json" }, body: SEED_RESPONSE });
  }
  const body = JSON.stringify({ responses });
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

const server = createServer({ keepAlive: true, keepAliveTimeout: 120_000 }, (req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 130_000;
server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.stdout.write(`listening ${port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
