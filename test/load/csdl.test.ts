/**
 * The load stage's CSDL reader on its own: small CSDL documents written here for one rule each
 * (aliases across schemas, one local name in two namespaces, flags enums, actions and functions,
 * annotation targets), then Microsoft's full v1.0 CSDL (11 namespaces).
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { loadCsdl, qualifyName, qualifyTarget } from "../../generator/load/csdl.js";
import { readSource } from "../../generator/load/read-source.js";
import { REPO } from "../golden/fixtures.js";
import { rejectsWith } from "../helpers/rejects.js";

const test = suite("load: CSDL");

const edmx = (schemas: string, references = "") => `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">${references}
  <edmx:DataServices>${schemas}
  </edmx:DataServices>
</edmx:Edmx>`;
const schema = (namespace: string, alias: string | undefined, body: string) =>
  `<Schema Namespace="${namespace}"${alias ? ` Alias="${alias}"` : ""} xmlns="http://docs.oasis-open.org/odata/ns/edm">${body}</Schema>`;

/** Two schemas, each naming the other's types by its alias; `alert` and `group` in both namespaces. */
const TWO_SCHEMAS = edmx(
  schema("microsoft.graph", "graph", `
    <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
    <EntityType Name="alert" BaseType="graph.entity"><Property Name="severity" Type="Edm.String" /></EntityType>
    <EntityType Name="group" BaseType="graph.entity"><Property Name="latest" Type="sec.alert" /></EntityType>
    <EnumType Name="weekdays" IsFlags="true"><Member Name="monday" Value="1" /><Member Name="tuesday" Value="2" /></EnumType>
    <Action Name="dismiss" IsBound="true"><Parameter Name="bindingParameter" Type="sec.alert" /><Parameter Name="reason" Type="Edm.String" /><ReturnType Type="sec.alert" /></Action>
    <Annotations Target="sec.alert/title"><Annotation Term="Org.OData.Core.V1.Description" String="Title, annotated from the other schema." /></Annotations>`) +
  schema("microsoft.graph.security", "sec", `
    <EntityType Name="alert" BaseType="graph.entity">
      <Property Name="title" Type="Edm.String" />
      <Property Name="days" Type="graph.weekdays" Nullable="false" />
      <NavigationProperty Name="related" Type="Collection(graph.alert)" />
    </EntityType>
    <ComplexType Name="group"><Property Name="members" Type="Collection(microsoft.graph.group)" /></ComplexType>
    <Function Name="history" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(sec.alert)" /><Parameter Name="days" Type="Edm.Int32" Nullable="false" /><ReturnType Type="Collection(graph.alert)" /></Function>
    <Function Name="history" IsBound="true"><Parameter Name="bindingParameter" Type="sec.alert" /><ReturnType Type="Collection(graph.alert)" /></Function>`),
);

test("an alias resolves in every schema, not only its own", async () => {
  const doc = await loadCsdl("two.xml", TWO_SCHEMAS);
  const alert = doc.structuredTypes.get("microsoft.graph.security.alert")!;
  assert.is(alert.baseType, "microsoft.graph.entity");
  assert.equal(alert.properties.map((p) => [p.name, p.type]), [["title", "Edm.String"], ["days", "microsoft.graph.weekdays"], ["related", "Collection(microsoft.graph.alert)"]]);
  assert.is(doc.structuredTypes.get("microsoft.graph.group")!.properties[0]!.type, "microsoft.graph.security.alert");
  assert.equal(doc.namespaces, ["microsoft.graph", "microsoft.graph.security"]);
  assert.equal([...doc.aliases], [["graph", "microsoft.graph"], ["sec", "microsoft.graph.security"]]);
});

test("one local name in two namespaces gives two types, each under its qualified name", async () => {
  const doc = await loadCsdl("two.xml", TWO_SCHEMAS);
  assert.is(doc.structuredTypes.get("microsoft.graph.alert")!.properties[0]!.name, "severity");
  assert.is(doc.structuredTypes.get("microsoft.graph.security.alert")!.properties[0]!.name, "title");
  assert.is(doc.structuredTypes.get("microsoft.graph.group")!.kind, "entity");
  assert.is(doc.structuredTypes.get("microsoft.graph.security.group")!.kind, "complex");
  assert.is(doc.structuredTypes.size, 5);
});

test("flags enums, actions and function overloads, out-of-line annotations aimed through another schema's alias", async () => {
  const doc = await loadCsdl("two.xml", TWO_SCHEMAS);
  assert.equal(doc.enumTypes.get("microsoft.graph.weekdays"), { name: "microsoft.graph.weekdays", flags: true, members: ["monday", "tuesday"], annotations: [] });
  assert.equal(doc.actions, [{ name: "microsoft.graph.dismiss", bindingType: "microsoft.graph.security.alert", parameters: [{ name: "reason", type: "Edm.String", nullable: true }], returnType: "microsoft.graph.security.alert" }]);
  assert.equal(doc.functions.map((f) => [f.name, f.bindingType, f.parameters.length, f.returnType]), [
    ["microsoft.graph.security.history", "Collection(microsoft.graph.security.alert)", 1, "Collection(microsoft.graph.alert)"],
    ["microsoft.graph.security.history", "microsoft.graph.security.alert", 0, "Collection(microsoft.graph.alert)"],
  ]);
  assert.is(doc.annotations.get("microsoft.graph.security.alert/title")?.[0]?.string, "Title, annotated from the other schema.");
});

test("an edmx:Include alias qualifies annotation terms; an alias standing for two namespaces and a type defined twice are errors", async () => {
  const core = `<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core" /></edmx:Reference>`;
  const doc = await loadCsdl("core.xml", edmx(schema("t", "t", `<ComplexType Name="x"><Annotation Term="Core.Description" String="d" /></ComplexType>`), core));
  assert.is(doc.structuredTypes.get("t.x")!.annotations[0]!.term, "Org.OData.Core.V1.Description");

  const clash = edmx(schema("a.one", "x", "") + schema("a.two", "x", ""));
  await rejectsWith(() => loadCsdl("clash.xml", clash), /clash\.xml: alias "x" stands for both a\.one and a\.two/);
  const twice = edmx(schema("n", undefined, `<ComplexType Name="y" />`) + schema("n", undefined, `<EnumType Name="y"><Member Name="a" /></EnumType>`));
  await rejectsWith(() => loadCsdl("twice.xml", twice), /twice\.xml: n\.y is defined twice/);
});

test("qualified names: collections, names already qualified, Edm, unknown prefixes, operation targets", () => {
  const aliases = new Map([["graph", "microsoft.graph"], ["self", "microsoft.graph.security"]]);
  assert.is(qualifyName("Collection(self.alert)", aliases), "Collection(microsoft.graph.security.alert)");
  assert.is(qualifyName("microsoft.graph.security.alert", aliases), "microsoft.graph.security.alert");
  assert.is(qualifyName("Edm.String", aliases), "Edm.String");
  assert.is(qualifyName("graphx.entity", aliases), "graphx.entity");
  const q = (n: string) => qualifyName(n, aliases);
  assert.is(qualifyTarget("graph.assign(graph.policy, Collection(self.x))", q), "microsoft.graph.assign(microsoft.graph.policy, Collection(microsoft.graph.security.x))");
  assert.is(qualifyTarget("graph.GraphService/users", q), "microsoft.graph.GraphService/users");
});

test("the full v1.0 CSDL: 11 namespaces, every reference resolves, base types from every namespace", async () => {
  const file = `${REPO}spec/graph-modules/csdl/graph-v1.0.csdl.xml.br`;
  const start = performance.now();
  const doc = await loadCsdl(file, await readSource(file, "CSDL document"));
  const ms = performance.now() - start;
  assert.is(doc.namespaces.length, 11);
  assert.ok(doc.namespaces.includes("microsoft.graph.termStore") && doc.namespaces.includes("microsoft.graph.callRecords"));
  assert.is(doc.aliases.get("self"), "microsoft.graph.security");

  const known = (type: string) => {
    const name = type.replace(/^Collection\((.*)\)$/, "$1");
    return name.startsWith("Edm.") || doc.structuredTypes.has(name) || doc.enumTypes.has(name);
  };
  const dangling: string[] = [];
  for (const t of doc.structuredTypes.values()) {
    if (t.baseType && !known(t.baseType)) dangling.push(`${t.name} BaseType ${t.baseType}`);
    for (const p of t.properties) if (!known(p.type)) dangling.push(`${t.name}.${p.name}: ${p.type}`);
  }
  for (const op of [...doc.actions, ...doc.functions]) {
    for (const type of [op.bindingType, op.returnType, ...op.parameters.map((p) => p.type)]) if (type && !known(type)) dangling.push(`${op.name}: ${type}`);
  }
  assert.equal(dangling, [], "every type reference names a type of the document");

  assert.is(doc.structuredTypes.get("microsoft.graph.security.alert")!.baseType, "microsoft.graph.entity");
  assert.ok(doc.structuredTypes.has("microsoft.graph.alert") && doc.structuredTypes.has("microsoft.graph.termStore.group") && doc.structuredTypes.has("microsoft.graph.group"));
  const derivedIn = new Set([...doc.structuredTypes.values()].filter((t) => t.baseType).map((t) => t.name.slice(0, t.name.lastIndexOf("."))));
  assert.ok(derivedIn.size >= 9, `types with a BaseType in ${derivedIn.size} namespaces`);
  const deviceConfigurations = [...doc.structuredTypes.values()].filter((t) => t.baseType === "microsoft.graph.deviceConfiguration");
  assert.is(deviceConfigurations.length, 24);
  assert.ok(doc.enumTypes.get("microsoft.graph.security.additionalDataOptions")!.flags);
  assert.ok(doc.actions.length > 800 && doc.functions.length > 300, `${doc.actions.length} actions, ${doc.functions.length} functions`);
  assert.ok(ms < 5000, `loaded in ${ms.toFixed(0)} ms`);
});

test.run();
