/**
 * A path below a function the description declares (`x-ms-docs-operation-type: function`) goes
 * through a composable function, `getByPath({ path }).parts`, whatever the include patterns took: the
 * function's own path need not be in the slice for the path below it to be recognised (else it would
 * be read as an alternate key, `getByPath.byPath(path)`, depending on what else was included).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { OpenApiDocument } from "../../generator/load/openapi.js";
import { emitClientFile } from "../../generator/emit/request-builders.js";
import { buildModel } from "../../generator/model/build-model.js";
import { allOperations } from "../../generator/model/resource-tree.js";
import { planNames } from "../../generator/names/plan-names.js";
import { selectPaths } from "../../generator/slice/select-paths.js";

const test = suite("model: a composable function outside the include patterns");

const key = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
const ok = { 200: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/microsoft.graph.thing" } } } } };
const document = {
  openapi: "3.0.4",
  info: { title: "t", version: "1" },
  paths: {
    "/things/{thing-id}": { get: { parameters: [key("thing-id")], responses: ok } },
    "/things/{thing-id}/getByPath(path='{path}')": { get: { parameters: [key("thing-id"), key("path")], responses: ok, "x-ms-docs-operation-type": "function" } },
    "/things/{thing-id}/getByPath(path='{path}')/parts": { get: { parameters: [key("thing-id"), key("path")], responses: ok, "x-ms-docs-operation-type": "operation" } },
  },
  components: { schemas: { "microsoft.graph.thing": { type: "object", properties: { name: { type: "string" } } } } },
} as unknown as OpenApiDocument;

for (const include of [["/**"], ["/things/{thing-id}/getByPath(path='{path}')/parts"], ["/things/{thing-id}", "/things/*/*/parts"]]) {
  test(`included as ${include.join(" + ")}: the path below the function goes through getByPath({ path }), never an alternate key`, () => {
    const model = buildModel("t", selectPaths({ source: "t.yml", document }, include), undefined);
    planNames(model);
    const parts = allOperations(model.root).find((o) => o.path.endsWith("/parts"));
    assert.ok(parts, "the path through the composable function is generated");
    assert.equal(parts.through?.map((t) => t.call.name), ["getByPath"]);
    assert.equal(model.warnings, []);
    const client = emitClientFile(model, "");
    assert.match(client, /getByPath\(params: \{ path: string \}\): ThingsItemGetByPathWithPathRequestBuilder;/);
    assert.match(client, /"things\/\{\}\/getByPath": \{"functionSegment":"getByPath\(path='\{path\}'\)"\}/);
    assert.not.match(client, /byPath/);
    // The function's own GET is its builder's get, when the slice has it.
    const builder = client.slice(client.indexOf("export interface ThingsItemGetByPathWithPathRequestBuilder"));
    assert.is(builder.slice(0, builder.indexOf("\n}\n")).includes("get(options?: RequestOptions): Promise<Thing>;"), include[0] === "/**");
  });
}

test.run();
