/**
 * Several OpenAPI files as one slice: the merge rules on small documents built here, then the real
 * DeviceManagement trio (main module + Actions + Functions) loaded as one description, and files of
 * two snapshots refused with both named.
 */
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadSlice } from "../../generator/load/index.js";
import { firstDifference, mergeOpenApi } from "../../generator/load/merge-openapi.js";
import type { LoadedOpenApi, OpenApiDocument } from "../../generator/load/openapi.js";
import { REPO } from "../golden/fixtures.js";
import { rejectsWith } from "../helpers/rejects.js";

const test = suite("load: several OpenAPI files, merged");

const entity = { type: "object", properties: { id: { type: "string" } } };
function part(source: string, paths: Record<string, unknown>, schemas: Record<string, unknown>, extra: Partial<OpenApiDocument> = {}): LoadedOpenApi {
  const document = { openapi: "3.0.1", info: { title: source, version: "1" }, paths, components: { schemas, securitySchemes: { aad: { type: "oauth2" } } }, ...extra };
  return { source, document: document as OpenApiDocument };
}
const get = (ref: string) => ({ get: { responses: { 200: { description: "ok", content: { "application/json": { schema: { $ref: ref } } } } } } });

test("paths are unioned; an equal component is kept once; the first file's info stays; tags are unioned", () => {
  const main = part("Main.yml", { "/a": get("#/components/schemas/x.entity") }, { "x.entity": entity }, { tags: [{ name: "a" }] });
  const actions = part("Main.Actions.yml", { "/a/x.do": get("#/components/schemas/x.entity") }, { "x.entity": structuredClone(entity), "x.result": { type: "string" } }, { tags: [{ name: "a" }, { name: "b" }] });
  const merged = mergeOpenApi([main, actions]);
  assert.equal(Object.keys(merged.document.paths), ["/a", "/a/x.do"]);
  assert.equal(Object.keys(merged.document.components!.schemas!), ["x.entity", "x.result"]);
  assert.equal(merged.document.info, main.document.info);
  assert.equal(merged.document.tags, [{ name: "a" }, { name: "b" }]);
  assert.is(merged.source, "Main.yml + Main.Actions.yml");
  assert.equal(merged.sources, ["Main.yml", "Main.Actions.yml"]);
  assert.is(mergeOpenApi([main]), main, "one file is returned as it is");
});

test("the same path in two files must be the same path item; the error names both files and the path", () => {
  const a = part("A.yml", { "/a": get("#/components/schemas/x.entity") }, { "x.entity": entity });
  const b = part("B.yml", { "/a": { delete: { responses: { 204: { description: "gone" } } } } }, { "x.entity": entity });
  assert.throws(() => mergeOpenApi([a, b]), /A\.yml and B\.yml define 1 entry of the same name differently:\n {2}paths\["\/a"\] \(first difference at get\)/);
  assert.not.throws(() => mergeOpenApi([a, part("C.yml", structuredClone(a.document.paths), { "x.entity": entity })]));
});

test("components of one name that differ: every one listed with where it first differs, per pair of files", () => {
  const a = part("A.yml", {}, { "x.entity": entity, "x.kind": { type: "string", enum: ["a"] } });
  const b = part("B.yml", {}, { "x.entity": { ...entity, properties: { id: { type: "integer" } } }, "x.kind": { type: "string", enum: ["a", "b"] } });
  const c = part("C.yml", {}, { "x.kind": { type: "string", enum: ["c"] } });
  let message = "";
  assert.throws(() => mergeOpenApi([a, b, c]), (error: Error) => ((message = error.message), true));
  assert.match(message, /A\.yml and B\.yml define 2 entries of the same name differently:/);
  assert.match(message, /components\.schemas\["x\.entity"\] \(first difference at properties\.id\.type\)/);
  assert.match(message, /components\.schemas\["x\.kind"\] \(first difference at enum\.1\)/);
  assert.match(message, /A\.yml and C\.yml define 1 entry/);
  assert.match(message, /different snapshots/);
});

test("files of OpenAPI 3.0 and 3.1, or of beta and v1.0 (their servers), are not merged", () => {
  const a = part("A.yml", {}, {}, { servers: [{ url: "https://graph.microsoft.com/beta/" }] });
  const b = part("B.yml", {}, {}, { openapi: "3.1.0" });
  assert.throws(() => mergeOpenApi([a, b]), /B\.yml is OpenAPI 3\.1\.0 but A\.yml is 3\.0\.1/);
  const v1 = part("V1.yml", {}, {}, { servers: [{ url: "https://graph.microsoft.com/v1.0/" }] });
  assert.throws(() => mergeOpenApi([a, v1]), /V1\.yml is served from https:\/\/graph\.microsoft\.com\/v1\.0\/ but A\.yml from https:\/\/graph\.microsoft\.com\/beta\/: .*a beta file with a v1\.0 one/);
  assert.not.throws(() => mergeOpenApi([a, part("C.yml", {}, {}, { servers: structuredClone(a.document.servers) })]));
});

test("firstDifference: a dotted path, or empty at the top", () => {
  assert.is(firstDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } }), "a.b.1");
  assert.is(firstDifference("x", "y"), "");
  assert.is(firstDifference({ a: 1 }, { a: 1, b: 2 }), "b");
});

const MODULES = join(REPO, "spec/graph-modules");
const TRIO = ["DeviceManagement.yml.br", "DeviceManagement.Actions.yml.br", "DeviceManagement.Functions.yml.br"].map((f) => join(MODULES, "2023-01/beta", f));

test("the DeviceManagement trio loads as one description, each file hashed on its own", async () => {
  const start = performance.now();
  const { openapi, texts } = await loadSlice({ openapi: TRIO }, (location) => location.slice(MODULES.length + 1));
  const ms = performance.now() - start;
  const paths = Object.keys(openapi.document.paths);
  assert.is(paths.length, 371 + 313 + 63, "no path is in two files");
  assert.ok(paths.includes("/deviceManagement/deviceConfigurations/{deviceConfiguration-id}/microsoft.graph.assign"), "an action from DeviceManagement.Actions.yml");
  assert.ok(paths.some((p) => p.startsWith("/deviceManagement/microsoft.graph.getEffectivePermissions(")), "a function from DeviceManagement.Functions.yml");
  assert.ok(openapi.document.components!.schemas!["microsoft.graph.deviceConfiguration"]);
  assert.equal(texts.map((t) => t.path), ["2023-01/beta/DeviceManagement.yml", "2023-01/beta/DeviceManagement.Actions.yml", "2023-01/beta/DeviceManagement.Functions.yml"].map((p) => `${p}.br`));
  assert.equal(texts.map((t) => Buffer.byteLength(t.content)), [3379592, 637725, 159910], "decompressed sizes as in SHA256SUMS");
  assert.ok(ms < 15_000, `trio loaded in ${ms.toFixed(0)} ms`);
});

test("a 2022-03 module with a 2023-01 companion is refused, both files named", async () => {
  const mixed = [join(MODULES, "2022-03/beta/DeviceManagement.yml.br"), join(MODULES, "2023-01/beta/DeviceManagement.Functions.yml.br")];
  const error = await rejectsWith(() => loadSlice({ openapi: mixed }, (l) => l), /2022-03\/beta\/DeviceManagement\.yml\.br and .*2023-01\/beta\/DeviceManagement\.Functions\.yml\.br define \d+ entries of the same name differently/);
  assert.match(error.message, /components\.schemas\["microsoft\.graph\.[A-Za-z]+"\]/);
  assert.match(error.message, /… and \d+ more/);
});

test.run();
