/**
 * The slice stage and `discriminator.mapping`: the derived types a mapping names come with the
 * schema that holds it only where that schema is a declared type (a body, response or property
 * type), as derived types found by their `allOf` base do. Microsoft's Kiota descriptions map every
 * type of Graph on `microsoft.graph.entity`, which every entity reaches as its base: following that
 * mapping regardless would keep the whole document in every slice.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { OpenApiDocument } from "../../generator/load/openapi.js";
import { selectPaths } from "../../generator/slice/select-paths.js";

const test = suite("slice: discriminator.mapping");

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const get = (schema: object) => ({ get: { responses: { 200: { description: "ok", content: { "application/json": { schema } } } } } });
const mapping = (...names: string[]) => ({ propertyName: "@odata.type", mapping: Object.fromEntries(names.map((n) => [`#${n}`, `#/components/schemas/${n}`])) });
const derived = (base: string, extra: object = {}) => ({ allOf: [ref(base), { type: "object", properties: { x: { type: "string" } }, ...extra }] });

const document = {
  openapi: "3.0.4",
  info: { title: "t", version: "1" },
  paths: {
    "/users/{id}": get(ref("g.user")),
    "/objects": get({ type: "array", items: ref("g.directoryObject") }),
  },
  components: {
    schemas: {
      "g.entity": { type: "object", properties: { id: { type: "string" } }, discriminator: mapping("g.directoryObject", "g.user", "g.group", "g.todoTask", "g.site") },
      // The mapping of a derived type sits in its inline allOf part, as Kiota's descriptions write it.
      "g.directoryObject": derived("g.entity", { discriminator: mapping("g.user", "g.group", "g.device") }),
      "g.user": derived("g.directoryObject"),
      "g.group": derived("g.directoryObject"),
      "g.todoTask": derived("g.entity"),
      "g.site": derived("g.entity"),
      // Named by the mapping only, with no allOf base.
      "g.device": { type: "object", properties: { name: { type: "string" } } },
    },
  },
} as unknown as OpenApiDocument;
const schemasOf = (...include: string[]) => Object.keys(selectPaths({ source: "t.yml", document }, include).document.components!.schemas!).sort();

test("a mapping on a type reached only as a base brings none of the types it names", () => {
  assert.equal(schemasOf("/users/{id}"), ["g.directoryObject", "g.entity", "g.user"]);
});

test("a mapping on a declared type brings the types it names, in an inline allOf part too, with or without an allOf base", () => {
  assert.equal(schemasOf("/objects"), ["g.device", "g.directoryObject", "g.entity", "g.group", "g.user"]);
});

test.run();
