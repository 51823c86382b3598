/**
 * Binary content through the low-level client, over real HTTP on 127.0.0.1: the SDK generated from
 * spec/fixtures/module-constructs.yaml (its `…/content` and `…/thumbnail/$value` media paths) against
 * a server that records request bodies as bytes and answers bytes. The bytes are not valid UTF-8
 * (`ff 00 80 …`), so any decoding to text and back shows up as `ef bf bd`. JSON calls are unchanged.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { generateFromConfig } from "../../generator/index.js";
import { FIXTURES, fixtureConfig, REPO } from "../golden/fixtures.js";

const OUT = join(REPO, "node_modules/.cache/graphslice-low-level-binary");
const test = suite("low-level client: binary bodies and answers over HTTP");

// The SDK is generated at test time; its types are checked by the golden test, not here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Sdk = any;
interface Received {
  method: string;
  rawPath: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}
interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

let sdk: Sdk;
let base = "";
const received: Received[] = [];
let respond: (req: Received) => Answer = () => ({ status: 204 });
let close: () => Promise<void> = async () => {};

/** Not valid UTF-8: a lone 0xff, a NUL, a lone continuation byte, an unfinished sequence. */
const BYTES = Uint8Array.from([0xff, 0x00, 0x80, 0xfe, 0xc3, 0x28, 0x01, 0xe2, 0x82]);
const hex = (bytes: ArrayBuffer | ArrayBufferView) => Buffer.from(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).toString("hex");
const CONTENT = "/drives/{drive-id}/items/{driveItem-id}/content";
const THUMBNAIL = "/drives/{drive-id}/items/{driveItem-id}/thumbnail/$value";
const ITEM = "/drives/{drive-id}/items/{driveItem-id}";
const params = { path: { "drive-id": "d1", "driveItem-id": "i1" } };

test.before(async () => {
  await generateFromConfig(fixtureConfig(FIXTURES.find((f) => f.name === "module-constructs")!, OUT), REPO);
  sdk = (await import(pathToFileURL(join(OUT, "module-constructs/index.ts")).href)) as Sdk;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { method: req.method ?? "", rawPath: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) };
    received.push(request);
    const answer = respond(request);
    const body = answer.body === undefined ? Buffer.alloc(0) : Buffer.from(answer.body);
    const status = answer.status ?? 200;
    res.writeHead(status, { ...(status === 204 ? {} : { "content-length": String(body.length) }), ...answer.headers });
    res.end(status === 204 ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  close = () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
});
test.after(() => close());
test.before.each(() => {
  received.length = 0;
  respond = () => ({ status: 204 });
});

const api = () => sdk.createLowLevelClient({ baseUrl: base, token: "t0ken", maxRetries: 0 });
const binaryAnswer = (type = "application/octet-stream") => () => ({ headers: { "content-type": type }, body: Buffer.from(BYTES) });

test('GET of binary content with parseAs "arrayBuffer" answers the bytes as they were sent', async () => {
  respond = binaryAnswer();
  const { data, error, response } = await api().GET(CONTENT, { params, parseAs: "arrayBuffer" });
  assert.is(error, undefined);
  assert.is(response.status, 200);
  assert.instance(data, ArrayBuffer);
  assert.is(hex(data), hex(BYTES));
  assert.is(received[0]!.rawPath, "/v1.0/drives/d1/items/i1/content");
  assert.is(received[0]!.headers.authorization, "Bearer t0ken", "through the shared runtime");
});

test('GET of binary content with parseAs "blob", and by default (the operation answers binary content): a Blob of the bytes, with its type', async () => {
  respond = binaryAnswer("image/png");
  for (const init of [{ params, parseAs: "blob" }, { params }]) {
    const { data } = await api().GET(THUMBNAIL, init);
    assert.instance(data, Blob, JSON.stringify(init));
    assert.is(data.type, "image/png");
    assert.is(hex(await data.arrayBuffer()), hex(BYTES));
  }
});

test('GET with parseAs "stream" answers a stream of the bytes', async () => {
  respond = binaryAnswer();
  const { data } = await api().GET(CONTENT, { params, parseAs: "stream" });
  assert.is(hex(await new Response(data).arrayBuffer()), hex(BYTES));
});

test('parseAs "arrayBuffer" reads the bytes as they are even when the answer says JSON (no re-encoding, no @odata.type rewrite)', async () => {
  const json = Buffer.concat([Buffer.from('{"@odata.type":"microsoft.graph.driveItem","name":"'), Buffer.from([0xff]), Buffer.from('"}')]);
  respond = () => ({ headers: { "content-type": "application/json" }, body: json });
  const { data } = await api().GET(ITEM, { params, parseAs: "arrayBuffer" });
  assert.is(hex(data), json.toString("hex"));
});

test("PUT of a Uint8Array, an ArrayBuffer, a DataView, a Buffer and a Blob: the bytes on the wire as they are, with the operation's content type", async () => {
  const buffer = BYTES.slice().buffer;
  // A view on part of a larger buffer: only the view's bytes are sent.
  const padded = Uint8Array.from([9, 9, ...BYTES, 9]);
  const bodies = [BYTES, buffer, new DataView(buffer), Buffer.from(BYTES), padded.subarray(2, 2 + BYTES.length), new Blob([BYTES])];
  for (const body of bodies) {
    const { error, response } = await api().PUT(CONTENT, { params, body });
    assert.is(error, undefined);
    assert.is(response.status, 204);
  }
  assert.is(received.length, bodies.length);
  for (const [i, request] of received.entries()) {
    assert.is(request.method, "PUT");
    assert.is(request.rawPath, "/v1.0/drives/d1/items/i1/content");
    assert.is(request.body.toString("hex"), hex(BYTES), `body ${i}`);
    assert.is(request.headers["content-type"], "application/octet-stream", `body ${i}`);
    assert.is(request.headers["content-length"], String(BYTES.length), `body ${i}`);
  }
});

test("PUT of binary content: the caller's Content-Type wins, on $value too", async () => {
  await api().PUT(THUMBNAIL, { params, body: new Blob([BYTES], { type: "image/x-ignored" }), headers: { "Content-Type": "image/png" } });
  assert.is(received[0]!.rawPath, "/v1.0/drives/d1/items/i1/thumbnail/$value");
  assert.is(received[0]!.headers["content-type"], "image/png");
  assert.is(received[0]!.body.toString("hex"), hex(BYTES));
});

test("a string to an operation whose body is binary is sent as it is (UTF-8), not as a JSON string", async () => {
  await api().PUT(CONTENT, { params, body: 'plain "text" é' });
  assert.is(received[0]!.headers["content-type"], "application/octet-stream");
  assert.is(received[0]!.body.toString("utf8"), 'plain "text" é');
  await api().PUT(CONTENT, { params, body: "a,b\n1,2", headers: { "content-type": "text/csv" } });
  assert.is(received[1]!.headers["content-type"], "text/csv");
  assert.is(received[1]!.body.toString("utf8"), "a,b\n1,2");
});

test("a binary body is retried byte for byte", async () => {
  let calls = 0;
  respond = () => (++calls === 1 ? { status: 503, headers: { "retry-after": "0" }, body: "busy" } : { status: 204 });
  const client = sdk.createLowLevelClient({ baseUrl: base, token: "t0ken", maxRetries: 1 });
  const { response } = await client.PUT(CONTENT, { params, body: new Blob([BYTES]) });
  assert.is(response.status, 204);
  assert.is(received.length, 2);
  for (const request of received) assert.is(request.body.toString("hex"), hex(BYTES));
});

test("a body that is neither JSON nor binary content is refused before sending, naming the body", async () => {
  const object = await api().PUT(CONTENT, { params, body: { not: "bytes" } }).catch((e: unknown) => e);
  assert.instance(object, sdk.GraphError);
  assert.is(object.code, "invalidRequestBody");
  assert.match(object.message, /body: expected binary content/);
  const nan = await api().PUT(ITEM, { params, body: { name: "x", size: Number.NaN } }).catch((e: unknown) => e);
  assert.instance(nan, sdk.GraphError);
  assert.is(nan.code, "invalidRequestBody");
  assert.match(nan.message, /body\.size/);
  assert.is(received.length, 0);
});

test("JSON calls are unchanged: the body as JSON with @odata.type normalised, the answer parsed and normalised", async () => {
  await api().PUT(ITEM, { params, body: { "@odata.type": "microsoft.graph.driveItem", name: "r.docx" } });
  assert.is(received[0]!.headers["content-type"], "application/json");
  assert.equal(JSON.parse(received[0]!.body.toString("utf8")), { "@odata.type": "#microsoft.graph.driveItem", name: "r.docx" });
  respond = () => ({ headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify({ "@odata.type": "microsoft.graph.driveItem", name: "é" }) });
  const { data } = await api().GET(ITEM, { params });
  assert.equal(data, { "@odata.type": "#microsoft.graph.driveItem", name: "é" });
  const text = await api().GET(ITEM, { params, parseAs: "text" });
  assert.is(JSON.parse(text.data)["@odata.type"], "#microsoft.graph.driveItem");
});

test("an error answer to a binary call is still { error }, parsed", async () => {
  respond = () => ({ status: 404, headers: { "content-type": "application/json" }, body: JSON.stringify({ error: { code: "itemNotFound", message: "no" } }) });
  const { data, error, response } = await api().GET(CONTENT, { params, parseAs: "arrayBuffer" });
  assert.is(response.status, 404);
  assert.is(data, undefined);
  assert.is(error.error.code, "itemNotFound");
});

test.run();
