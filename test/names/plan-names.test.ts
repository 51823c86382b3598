/**
 * names/plan-names.ts on its own: every identifier, collision-free and stable.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { ApiModel, ModelType, ObjectType, Operation, ResourceNode } from "../../generator/model/ir.js";
import { typeIdentifier } from "../../generator/names/identifiers.js";
import { planNames } from "../../generator/names/plan-names.js";
import { RESERVED_EXPORTS } from "../../generator/names/reserved.js";
import { REPO } from "../golden/fixtures.js";
import { enumType, object, str } from "../helpers/model-fixtures.js";

const test = suite("names: the naming stage");

const emptyRoot = (): ResourceNode => ({ segment: "", kind: "root", path: "", builderName: "", memberName: "", operations: [], children: [] });
function plan(types: ModelType[], root = emptyRoot()) {
  const model: ApiModel = { name: "t", types: new Map(types.map((t) => [t.name, { ...t, tsName: "" }])), root, warnings: [] };
  const warnings = planNames(model);
  return { model, warnings, name: (qualified: string) => model.types.get(qualified)!.tsName };
}

test("microsoft.graph types keep their local name; other namespaces are joined in", () => {
  assert.is(typeIdentifier("microsoft.graph.deviceManagementConfigurationPolicy"), "DeviceManagementConfigurationPolicy");
  assert.is(typeIdentifier("microsoft.graph.security.alert"), "SecurityAlert");
  assert.is(typeIdentifier("microsoft.graph.termStore.group"), "TermStoreGroup");
  assert.is(typeIdentifier("microsoft.graph.callRecords.mediaStream"), "CallRecordsMediaStream");
});

test("the namespace pairs of Graph's modules get distinct names", () => {
  const pairs = ["group", "termStore.group", "alert", "security.alert", "identity", "externalConnectors.identity", "search.identity"];
  const { name } = plan(pairs.map((p) => object(p)));
  const names = pairs.map((p) => name(`microsoft.graph.${p}`));
  assert.equal(names, ["Group", "TermStoreGroup", "Alert", "SecurityAlert", "Identity", "ExternalConnectorsIdentity", "SearchIdentity"]);
});

test("a helper whose name a real type has moves aside, with a warning naming both", () => {
  const { model, warnings } = plan([object("attachment"), object("fileAttachment", { base: "microsoft.graph.attachment" }), object("attachmentBase")]);
  const attachment = model.types.get("microsoft.graph.attachment") as ObjectType;
  assert.is(model.types.get("microsoft.graph.attachmentBase")!.tsName, "AttachmentBase");
  assert.is(attachment.baseName, "AttachmentProperties");
  assert.is(attachment.unknownName, "UnknownAttachment");
  assert.ok(warnings.some((w) => /AttachmentProperties, because AttachmentBase is taken by microsoft.graph.attachmentBase/.test(w)), warnings.join("\n"));
});

test("a microsoft.graph type wins over another namespace's type of the same name, whatever the order", () => {
  for (const order of [["termStoreGroup", "termStore.group"], ["termStore.group", "termStoreGroup"]]) {
    const { name } = plan(order.map((p) => object(p)));
    assert.is(name("microsoft.graph.termStoreGroup"), "TermStoreGroup");
    assert.is(name("microsoft.graph.termStore.group"), "TermStoreGroup2");
  }
});

test("stable: adding types elsewhere never renames an existing one", () => {
  const before = plan([object("user"), object("group"), enumType("status", ["a"])]);
  const after = plan([object("user"), object("group"), enumType("status", ["a"]), object("security.user"), object("userBase"), object("zebra")]);
  for (const q of ["microsoft.graph.user", "microsoft.graph.group", "microsoft.graph.status"]) assert.is(after.name(q), before.name(q));
});

test("runtime and platform names are reserved", () => {
  const { name } = plan([object("page"), object("promise"), object("requestBody")]);
  assert.equal([name("microsoft.graph.page"), name("microsoft.graph.promise"), name("microsoft.graph.requestBody")], ["Page2", "Promise2", "RequestBody2"]);
});

test("every export of the runtime is reserved", () => {
  const templates = join(REPO, "templates");
  for (const file of readdirSync(templates).filter((f) => f.endsWith(".ts"))) {
    for (const [, name] of readFileSync(join(templates, file), "utf8").matchAll(/^export (?:declare )?(?:async )?(?:function\*?|class|interface|type|const|let|enum) ([A-Za-z0-9_$]+)/gm)) {
      assert.ok(RESERVED_EXPORTS.includes(name!), `templates/${file} exports ${name}, which generator/names/reserved.ts does not reserve`);
    }
  }
});

const op = (extra: Partial<Operation>): Operation => ({ operationId: "o", method: "GET", path: "/a", kind: "get", pathParameters: [], query: [], headers: [], response: { kind: "none" }, successStatus: "200", methodName: "", ...extra });
const call = (name: string, parameters: string[] = []) => ({
  qualifiedName: `microsoft.graph.${name}`, name, prefix: `microsoft.graph.${name}`, parenthesised: true,
  parameters: parameters.map((p) => ({ wireName: p, placeholder: p, name: "", type: str, nullable: false, required: true, quoted: true })),
  entries: parameters.map((_, parameter) => ({ parameter })),
});

test("builder members: HTTP methods first, then byId, getters and calls; overloads and clashes get distinct names", () => {
  const node: ResourceNode = { segment: "a", kind: "static", path: "/a", builderName: "", memberName: "", children: [], operations: [
    op({ kind: "list", response: { kind: "collection", items: str } }),
    op({ kind: "function", path: "/a/microsoft.graph.report()", call: call("report") }),
    op({ kind: "function", path: "/a/microsoft.graph.report(period='{period}')", call: call("report", ["period"]) }),
    op({ kind: "function", path: "/a/microsoft.graph.iterate()", call: call("iterate") }),
    op({ kind: "action", method: "POST", path: "/a/microsoft.graph.path", call: call("path") }),
  ] };
  node.children.push({ segment: "get", kind: "static", path: "/a/get", builderName: "", memberName: "", operations: [], children: [] });
  const root = emptyRoot();
  root.children.push(node);
  plan([], root);
  assert.equal(node.operations.map((o) => o.methodName), ["get", "report", "reportWithPeriod", "iterateFunction", "pathAction"]);
  assert.is(node.children[0]!.memberName, "getSegment");
});

test("batch is the root client's: a path segment or an action named batch takes another name", () => {
  const root = emptyRoot();
  const node: ResourceNode = { segment: "a", kind: "static", path: "/a", builderName: "", memberName: "", children: [], operations: [op({ kind: "action", method: "POST", path: "/a/microsoft.graph.batch", call: call("batch") })] };
  root.children.push({ segment: "batch", kind: "static", path: "/batch", builderName: "", memberName: "", operations: [], children: [] }, node);
  plan([], root);
  assert.is(root.children[0]!.memberName, "batchSegment");
  assert.is(node.operations[0]!.methodName, "batchAction");
});

test("a segment named like no member the builder interprets keeps its name (runtime, routes)", () => {
  const root = emptyRoot();
  root.children.push(
    { segment: "runtime", kind: "static", path: "/runtime", builderName: "", memberName: "", operations: [], children: [] },
    { segment: "routes", kind: "static", path: "/routes", builderName: "", memberName: "", operations: [], children: [] },
  );
  plan([], root);
  assert.equal(root.children.map((c) => c.memberName), ["runtime", "routes"]);
});

test("query keys drop $ and @, header keys are camel case, and clashing interface names are numbered", () => {
  const list = op({ kind: "list", response: { kind: "collection", items: str }, query: [
    { wireName: "$top", name: "", type: str, nullable: false, required: false },
    { wireName: "@id", name: "", type: str, nullable: false, required: false },
    { wireName: "top", name: "", type: str, nullable: false, required: false },
  ], headers: [{ wireName: "ConsistencyLevel", name: "", type: str, nullable: false, required: false }, { wireName: "signal", name: "", type: str, nullable: false, required: false }] });
  const root = emptyRoot();
  root.children.push({ segment: "a", kind: "static", path: "/a", builderName: "", memberName: "", children: [], operations: [list] });
  plan([object("aListQuery")], root);
  assert.equal(list.query.map((q) => q.name), ["top", "id", "top2"]);
  assert.equal(list.headers.map((h) => h.name), ["consistencyLevel", "signalHeader"]);
  assert.is(list.queryName, "AListQuery2", "the model type AListQuery keeps its name");
});
test.run();
