/**
 * Every operation of the configuration-policies slice over real HTTP: the policies themselves, and
 * the same assignment operations reached through the larger slice.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { lastRequest, startHarness, type Harness } from "./helpers.js";

const test = suite<{ h: Harness }>("configuration-policies slice over HTTP", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness({ pageSize: 1 });
});
test.after.each(async (ctx) => ctx.h.server.close());

test("policies: get, iterate, count", async ({ h }) => {
  h.server.store.addPolicy({ name: "Second" });
  const policies = h.policies.deviceManagement.configurationPolicies;
  const page = await policies.get({ top: 1, orderby: ["name desc"], count: true });
  assert.is(page.value.length, 1);
  assert.ok(page["@odata.nextLink"]);
  assert.match(lastRequest(h.server).rawPath, /\?\$top=1&\$orderby=name%20desc&\$count=true$/);
  const names: (string | null | undefined)[] = [];
  for await (const p of policies.iterate()) names.push(p.name);
  assert.equal(names.sort(), ["Baseline", "Second"]);
  assert.is(await policies.count(), 2);
});

test("policies: post, get with $expand, patch, delete", async ({ h }) => {
  const policies = h.policies.deviceManagement.configurationPolicies;
  const created = await policies.post({ name: "New", platforms: "windows10,macOS", technologies: "mdm", settings: [] });
  assert.equal(lastRequest(h.server).json, { name: "New", platforms: "windows10,macOS", technologies: "mdm", settings: [] }, "a flags enum value goes as written");
  const item = policies.byId(created.id!);
  const expanded = await item.get({ expand: ["assignments"] });
  assert.equal(expanded.assignments, []);
  assert.match(lastRequest(h.server).rawPath, /\?\$expand=assignments$/);
  const patched = await item.patch({ description: "changed", name: null });
  assert.is(patched.description, "changed");
  assert.is(patched.name, null);
  await item.delete();
  assert.not.ok(h.server.store.hasPolicy(created.id!));
});

test("assignments through the policies slice: post, get, patch, count, delete, assign", async ({ h }) => {
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const created = await policy.assignments.post({ target: { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: "g" } });
  assert.is((await policy.assignments.byId(created.id!).get()).id, created.id);
  const patched = await policy.assignments.byId(created.id!).patch({ target: { "@odata.type": "microsoft.graph.exclusionGroupAssignmentTarget", groupId: "h" } });
  assert.is(patched.target?.["@odata.type"], "#microsoft.graph.exclusionGroupAssignmentTarget");
  assert.is(await policy.assignments.count(), 2);
  const ids: string[] = [];
  for await (const a of policy.assignments.iterate()) ids.push(a.id!);
  assert.is(ids.length, 2);
  await policy.assignments.byId(created.id!).delete();
  const assigned = await policy.assign({ assignments: [{ target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } }] });
  assert.is(assigned.value.length, 1);
});
test.run();
