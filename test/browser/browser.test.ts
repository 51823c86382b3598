/**
 * The SDK in a real browser: the tarball installed offline into a consumer, its app bundled by
 * esbuild for the browser, served from one 127.0.0.1 origin and run in headless Chromium against the
 * Graph server on another (CORS on). The PATCH must succeed, with a preflight, and the response's
 * `request-id` must be readable (exposed by CORS).
 */
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { installConsumer } from "../package/consumer.js";
import { assertPatched, DOCUMENTED_TARGET, seed } from "../package/scenario.js";
import { CORS_ALLOW_HEADERS, startGraphServer, type GraphServer } from "../server/graph-server.js";
import { startRecordingServer } from "../server/recording-server.js";
import { launchChromium, type Browser } from "./chromium.js";
import { serveStatic, type StaticServer } from "./static-server.js";

interface Context {
  server: GraphServer;
  site: StaticServer;
  browser: Browser;
  bundle: string;
}

const test = suite<Context>("browser: bundled SDK in headless Chromium");

test.before(async (ctx) => {
  const dir = await installConsumer("browser", { type: "module" });
  await copyFile(new URL("./fixtures/app.js", import.meta.url), join(dir, "app.js"));
  await copyFile(new URL("./fixtures/redirect-app.js", import.meta.url), join(dir, "redirect-app.js"));
  await copyFile(new URL("./fixtures/validation-app.js", import.meta.url), join(dir, "validation-app.js"));
  const publicDir = join(dir, "public");
  await mkdir(publicDir, { recursive: true });
  await build({
    entryPoints: [join(dir, "app.js"), join(dir, "redirect-app.js"), join(dir, "validation-app.js")],
    absWorkingDir: dir,
    outdir: publicDir,
    bundle: true,
    format: "esm",
    // As browser bundlers do by default: a dynamic import (the batching runtime) becomes its own chunk.
    splitting: true,
    platform: "browser",
    target: "es2022",
    minify: true,
    logLevel: "warning",
  });
  ctx.bundle = await readFile(join(publicDir, "app.js"), "utf8");
  await writeFile(join(publicDir, "index.html"), '<!doctype html>\n<title>graphslice</title>\n<script type="module" src="./app.js"></script>\n');
  await writeFile(join(publicDir, "redirect.html"), '<!doctype html>\n<title>graphslice redirects</title>\n<script type="module" src="./redirect-app.js"></script>\n');
  await writeFile(join(publicDir, "validation.html"), '<!doctype html>\n<title>graphslice validation</title>\n<script type="module" src="./validation-app.js"></script>\n');
  ctx.server = await startGraphServer();
  ctx.site = await serveStatic(publicDir);
  ctx.browser = await launchChromium();
});

test.after(async (ctx) => {
  await ctx.browser?.close();
  await ctx.site?.close();
  await ctx.server?.close();
});

test("the bundle has the client and none of what it does not use (sideEffects: false, no Node built-ins)", ({ bundle }) => {
  assert.match(bundle, /deviceManagement/);
  assert.not.match(bundle, /querySerializer/, "the low-level client (openapi-fetch) was not tree-shaken away");
  assert.not.match(bundle, /node:|require\(/);
  assert.ok(bundle.length < 40_000, `bundle is ${bundle.length} bytes`);
  assert.not.match(bundle, /\$batch|dependsOn/, "the batching runtime is in the main chunk of an app that never batches");
  assert.not.match(bundle, /traceparent|\[redacted\]/, "the shipped middlewares are in an app that uses none");
});

test("Chromium PATCHes the documented example across origins and reads the exposed response headers", async ({ server, site, browser }) => {
  const seeded = seed(server, "browser");
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  const config = { baseUrl: server.baseUrl, policyId: seeded.policyId, assignmentId: seeded.assignmentId };
  await page.goto(`${site.url}/index.html#${encodeURIComponent(JSON.stringify(config))}`);
  await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, null, { timeout: 30_000 });
  const result = (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Record<string, unknown>;
  await page.close();

  assert.equal(pageErrors, []);
  assert.is(result.error, undefined, String(result.error));
  assert.match(String(result.userAgent), /HeadlessChrome|Chrome/);
  assert.equal(result.target, DOCUMENTED_TARGET);
  const response = result.response as { status: number; requestId?: string };
  assert.is(response.status, 200);
  assert.match(response.requestId ?? "", /^[0-9a-f-]{36}$/, "request-id not readable: not exposed by CORS?");
  assert.equal(result.notFound, { isGraphError: true, status: 404, code: "ResourceNotFound" });

  const preflight = server.requests.find((r) => r.method === "OPTIONS" && r.rawPath.includes(seeded.assignmentId));
  assert.ok(preflight, "no CORS preflight: the request was not cross-origin");
  assert.is(preflight.headers.origin, site.url);
  assert.is(preflight.headers["access-control-request-method"], "PATCH");
  // SdkVersion is not a CORS-safelisted header: the preflight asks for it, and a Graph-like server must allow it.
  const asked = (preflight.headers["access-control-request-headers"] ?? "").split(",").map((h) => h.trim());
  assert.ok(asked.includes("sdkversion"), `preflight asked for ${asked.join(", ")}`);
  const allowed = CORS_ALLOW_HEADERS.split(",").map((h) => h.trim());
  for (const header of asked) assert.ok(allowed.includes(header), `the preflight asks for ${header}, which the server's default Access-Control-Allow-Headers lacks`);
  const patch = server.requests.find((r) => r.method === "PATCH");
  assert.is(patch?.headers.origin, site.url);
  assert.match(patch?.headers.sdkversion ?? "", /^graphslice\/\d+\.\d+\.\d+/);
  assertPatched(server, seeded, "Bearer browser-token");
});

/** Opens `page` with `config` in the hash and returns what it left in window.__result. */
async function runPage(browser: Browser, url: string): Promise<Record<string, unknown>> {
  const page = await browser.context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, null, { timeout: 30_000 });
    return (await page.evaluate(() => (window as unknown as { __result: unknown }).__result)) as Record<string, unknown>;
  } finally {
    await page.close();
  }
}

test("validation tables load as chunks of their own when a body is checked, and never with validate: false", async ({ server, site, browser }) => {
  const seeded = seed(server, "browser-validation");
  const open = async (validate: boolean) => {
    const asked = site.requests.length;
    const sent = server.requests.filter((r) => r.method === "PATCH").length;
    const result = await runPage(browser, `${site.url}/validation.html#${encodeURIComponent(JSON.stringify({ baseUrl: server.baseUrl, ...seeded, validate }))}`);
    return { result, chunks: site.requests.slice(asked).filter((p) => p.endsWith(".js")), patches: server.requests.filter((r) => r.method === "PATCH").length - sent };
  };
  const checked = await open(true);
  assert.equal(checked.result, { sent: false, isGraphError: true, code: "invalidRequestBody", message: checked.result.message });
  assert.match(String(checked.result.message), /deviceAndAppManagementAssignmentFilterType/);
  assert.is(checked.patches, 0, "the invalid body was not sent");
  assert.ok(checked.chunks.some((p) => /^\/operation-indexes-[\w-]+\.js$/.test(p)), `the list of the slice's operation indexes was loaded: ${checked.chunks.join(", ")}`);
  assert.is(checked.chunks.filter((p) => /^\/\d+-[\w-]+\.js$/.test(p)).length, 1, `one of the slice's operation indexes was loaded: ${checked.chunks.join(", ")}`);
  assert.ok(checked.chunks.some((p) => /^\/DeviceManagementConfigurationPolicyAssignment-[\w-]+\.js$/.test(p)), `the assignment's table was loaded: ${checked.chunks.join(", ")}`);
  assert.ok(checked.chunks.some((p) => /^\/validate-[\w-]+\.js$/.test(p)), `the validator was loaded: ${checked.chunks.join(", ")}`);
  assert.not.ok(checked.chunks.some((p) => /RequestBody-/.test(p)), `no other body type's table: ${checked.chunks.join(", ")}`);
  const unchecked = await open(false);
  assert.is(unchecked.result.error, undefined, String(unchecked.result.error));
  assert.is(unchecked.patches, 1, "with validate: false the body goes to Graph");
  assert.not.ok(unchecked.chunks.some((p) => /^\/(\d+|operation-indexes|validate|DeviceManagementConfigurationPolicyAssignment)-/.test(p)), `no table was loaded: ${unchecked.chunks.join(", ")}`);
});

test("Chromium never sends a POST twice: a 307 is followed by the browser, the original URL gets one POST; an API key never follows", async ({ server, site, browser }) => {
  const policyId = "policy-browser-redirect";
  server.store.addPolicy({ id: policyId });
  const list = `/beta/deviceManagement/configurationPolicies/${policyId}/assignments`;
  server.faults.push({ kind: "redirect", status: 307, location: `${server.url}${list}?moved=post` }, { method: "POST", path: list });
  server.faults.push({ kind: "redirect", status: 302, location: `${server.url}${list}?moved=get` }, { method: "GET", path: list });
  const foreign = await startRecordingServer();
  server.faults.push({ kind: "redirect", status: 307, location: `${foreign.url}/elsewhere` }, { method: "GET", path: `${list}/elsewhere` });
  server.faults.push({ kind: "redirect", status: 307, location: `${foreign.url}/keyed` }, { method: "GET", path: `${list}/keyed` });
  const before = server.requests.length;
  const result = await runPage(browser, `${site.url}/redirect.html#${encodeURIComponent(JSON.stringify({ baseUrl: server.baseUrl, policyId }))}`);
  await foreign.close();
  const sent = server.requests.slice(before).filter((r) => r.method !== "OPTIONS");

  assert.equal(sent.map((r) => `${r.method} ${r.rawPath.slice(list.length)}`), ["POST ", "POST ?moved=post", "GET ", "GET ?moved=get", "GET /elsewhere", "GET /keyed"], JSON.stringify(result));
  assert.is(result.error, undefined, String(result.error));
  const posted = result.posted as { value?: { id?: string }; error?: unknown };
  assert.is(posted.error, undefined, JSON.stringify(posted.error));
  assert.ok(posted.value?.id);
  assert.is(server.store.listAssignments(policyId).length, 1, "applied once");
  const listed = result.listed as { value?: { value: unknown[] } };
  assert.is(listed.value?.value.length, 1);
  assert.ok(sent.every((r) => r.headers.authorization === "Bearer browser-token"), "a same-origin redirect keeps the token");
  // The browser, following a redirect to another origin, drops Authorization itself (Fetch standard).
  const away = foreign.requests.filter((r) => r.method === "GET");
  assert.is(away.length, 1, JSON.stringify(result.elsewhere));
  assert.is(away[0]!.headers.authorization, undefined, "the token followed a redirect to another origin");
  assert.equal((result.elsewhere as { value?: unknown }).value, { value: [] });
  // A request with an API key is not let follow: the browser would take the key to the other origin.
  assert.equal(foreign.requests.filter((r) => r.rawPath === "/keyed").map((r) => r.headers["x-api-key"]), [], "the API key followed a redirect to another origin");
  const keyed = result.keyed as { error?: { code?: string; message?: string } };
  assert.is(keyed.error?.code, "redirectNotFollowed", JSON.stringify(keyed));
  assert.match(keyed.error!.message!, "x-api-key");
});

test.run();
