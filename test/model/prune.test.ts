/**
 * model/prune.ts on its own: a slice keeps what its operations can send and receive.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ModelType, ObjectType, Operation } from "../../generator/model/ir.js";
import { markNavigationProperties, pruneToOperations } from "../../generator/model/prune.js";
import { named, object, prop, str } from "../helpers/model-fixtures.js";

const test = suite("model: prune to what the operations reach");

function universe(): Map<string, ModelType> {
  const types: ObjectType[] = [
    object("entity", { category: "entity", properties: [prop("id", str)] }),
    object("site", { category: "entity", base: "microsoft.graph.entity", properties: [prop("owner", named("identitySet")), prop("drive", named("drive")), prop("lists", { kind: "array", items: named("list"), itemsNullable: false })] }),
    object("drive", { category: "entity", base: "microsoft.graph.entity" }),
    object("list", { category: "entity", base: "microsoft.graph.entity" }),
    object("identitySet", { properties: [prop("user", named("identity"))] }),
    object("identity"),
    object("sharePointIdentity", { base: "microsoft.graph.identity" }),
    object("unrelated"),
  ];
  return new Map(types.map((t) => [t.name, t]));
}

const getSite: Operation = { operationId: "s", method: "GET", path: "/sites/{id}", kind: "get", pathParameters: [], query: [], headers: [], response: { kind: "json", type: named("site") }, successStatus: "200", methodName: "" };

test("a property typed as an entity is a navigation property (OData's rule)", () => {
  const types = universe();
  markNavigationProperties(types);
  const site = types.get("microsoft.graph.site") as ObjectType;
  assert.equal(site.properties.map((p) => [p.name, p.navigation]), [["owner", false], ["drive", true], ["lists", true]]);
});

test("kept: response types, their properties' types transitively, base chains, and derived types of declared types", () => {
  const types = universe();
  markNavigationProperties(types);
  pruneToOperations(types, [getSite]);
  assert.equal([...types.keys()].sort(), ["entity", "identity", "identitySet", "sharePointIdentity", "site"].map((n) => `microsoft.graph.${n}`));
});

test("navigation targets outside the slice become their nearest kept ancestor; the ancestor stays open", () => {
  const types = universe();
  markNavigationProperties(types);
  pruneToOperations(types, [getSite]);
  const site = types.get("microsoft.graph.site") as ObjectType;
  assert.equal(site.properties.find((p) => p.name === "drive")!.type, named("entity"));
  assert.equal(site.properties.find((p) => p.name === "lists")!.type, { kind: "array", items: named("entity"), itemsNullable: false });
  assert.ok((types.get("microsoft.graph.entity") as ObjectType).openHierarchy, "entity has derived types left out, so it stays a union with UnknownEntity");
});

test("a navigation target the slice reaches another way keeps its own type", () => {
  const types = universe();
  markNavigationProperties(types);
  const getDrive: Operation = { ...getSite, path: "/drives/{id}", response: { kind: "json", type: named("drive") } };
  pruneToOperations(types, [getSite, getDrive]);
  assert.equal((types.get("microsoft.graph.site") as ObjectType).properties.find((p) => p.name === "drive")!.type, named("drive"));
});

test("types the CSDL adds are made on demand, and so are their derived types", () => {
  const types = universe();
  types.delete("microsoft.graph.sharePointIdentity");
  const extra = object("sharePointIdentity", { base: "microsoft.graph.identity" });
  pruneToOperations(types, [getSite], { typeNamed: (n) => (n === extra.name ? extra : undefined), derived: new Map([["microsoft.graph.identity", [extra.name]]]), baseOf: () => undefined });
  assert.ok(types.has(extra.name));
});
test.run();
