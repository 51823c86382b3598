import * as assert from "uvu/assert";
import { assertGraphError, call, graphSuite, POLICIES } from "./helpers.js";

const test = graphSuite("settings and bound operations");

const instance = (id: string) => ({ "@odata.type": "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance", settingDefinitionId: id });

test("a policy POSTed with settings keeps them as its settings, numbered; ids are not reused after a delete", async ({ server }) => {
  const created = await call(server, "POST", POLICIES, { id: "p", name: "x", settings: [{ settingInstance: instance("a") }, { settingInstance: instance("b") }] });
  assert.is(created.status, 201);
  assert.not.ok("settings" in created.json, "settings are not on the entity");
  const list = await call(server, "GET", `${POLICIES}/p/settings`);
  assert.equal(list.json.value.map((s: { id: string }) => s.id), ["0", "1"]);
  assert.is((await call(server, "DELETE", `${POLICIES}/p/settings/0`)).status, 204);
  const next = await call(server, "POST", `${POLICIES}/p/settings`, { settingInstance: instance("c") });
  assert.is(next.status, 201);
  assert.is(next.json.id, "2");
  assert.is(next.headers.get("location"), `${server.baseUrl}${POLICIES}/p/settings/2`);
  const expanded = await call(server, "GET", `${POLICIES}/p?$expand=settings`);
  assert.equal(expanded.json.settings.map((s: { id: string }) => s.id), ["1", "2"]);
  assert.is((await call(server, "GET", `${POLICIES}/p/settings/$count`)).text, "2");
});

test("settingDefinitions follow every settingDefinitionId of the instance tree; unknown ones are 404", async ({ server }) => {
  server.store.addPolicy({ id: "p" });
  server.store.addSettingDefinition({ id: "child" });
  server.store.addSettingDefinition({ id: "parent" });
  server.store.addSetting("p", { settingInstance: { settingDefinitionId: "parent", choiceSettingValue: { children: [{ settingDefinitionId: "child" }] } } });
  const defs = await call(server, "GET", `${POLICIES}/p/settings/0/settingDefinitions`);
  assert.equal(defs.json.value.map((d: { id: string }) => d.id), ["child", "parent"], "in definition order");
  assert.is((await call(server, "GET", `${POLICIES}/p/settings/0/settingDefinitions/$count`)).text, "2");
  assertGraphError(await call(server, "GET", `${POLICIES}/p/settings/0/settingDefinitions/other`), 404, "ResourceNotFound", "other");
  assertGraphError(await call(server, "GET", `${POLICIES}/p/settings/9`), 404, "ResourceNotFound", "9");
  assertGraphError(await call(server, "GET", `${POLICIES}/p/settings/0/settingDefinitions/child/x`), 400, "BadRequest", "'x'");
  assertGraphError(await call(server, "PUT", `${POLICIES}/p/settings/0`, {}), 405, "MethodNotAllowed");
});

test("bound operations answer qualified and short; unknown ones and wrong methods are refused", async ({ server }) => {
  server.store.addPolicy({ id: "p", name: "x" });
  for (const segment of ["microsoft.graph.reorder", "reorder"]) {
    const res = await call(server, "POST", `${POLICIES}/p/${segment}`, { priority: 2 });
    assert.is(res.status, 204, segment);
  }
  assert.equal(server.store.getPolicy("p")!.priorityMetaData, { priority: 2 });
  assertGraphError(await call(server, "POST", `${POLICIES}/p/reorder`, { priority: "high" }), 400, "BadRequest", "priority");
  assertGraphError(await call(server, "POST", `${POLICIES}/p/microsoft.graph.explode`, {}), 400, "BadRequest", "microsoft.graph.explode");
  assertGraphError(await call(server, "GET", `${POLICIES}/p/microsoft.graph.createCopy`), 405, "MethodNotAllowed");
  assert.is((await call(server, "GET", `${POLICIES}/p/retrieveLatestUpgradeDefaultBaselinePolicy()`)).json.name, "x");
  assertGraphError(await call(server, "POST", `${POLICIES}/nope/createCopy`, { displayName: "y" }), 404, "ResourceNotFound", "nope");
});
test.run();
