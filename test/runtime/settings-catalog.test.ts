/**
 * The settings catalog, exact: setting instances and values are unions told apart by `@odata.type`
 * at any depth (values hold `children`, so they recurse); bodies round-trip losslessly; validation
 * checks every level against the subtype its `@odata.type` names, with the full JSON path; unknown
 * subtypes are kept and sent back unchanged.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { choiceCollectionSetting, choiceSetting, groupCollectionSetting, secret, setting, simpleCollectionSetting, simpleSetting, type RequestBody, type DeviceManagementConfigurationPolicy } from "../../helpers/configuration-policies/index.js";
import { lastRequest, rejection, startHarness, type Harness } from "./helpers.js";

const test = suite<{ h: Harness }>("settings catalog", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness();
});
test.after.each(async (ctx) => ctx.h.server.close());

const FUTURE = "#microsoft.graph.deviceManagementConfigurationFutureSettingInstance";

/** Eleven levels: choice → group collection → choice → … with every instance and value kind on the way. */
function deepPolicy(): RequestBody<DeviceManagementConfigurationPolicy> {
  let inner = choiceSetting("level_11", "level_11_1", [
    simpleSetting("level_12_int", 42),
    simpleSetting("level_12_string", "text"),
    simpleSetting("level_12_secret", secret("s3cret")),
    simpleCollectionSetting("level_12_list", ["a", "b"]),
    choiceCollectionSetting("level_12_choices", ["x", { value: "y", children: [simpleSetting("level_13", 1)] }]),
  ]);
  for (let level = 10; level >= 1; level--) {
    inner = level % 2 ? choiceSetting(`level_${level}`, `level_${level}_0`, [inner]) : (groupCollectionSetting(`level_${level}`, [[inner]]) as never);
  }
  return {
    name: "Deep",
    platforms: "windows10",
    technologies: "mdm",
    settings: [setting(inner), setting({ "@odata.type": FUTURE, settingDefinitionId: "future", futureValue: { nested: [1, { "@odata.type": "#microsoft.graph.somethingNew", keep: true }] } } as never)],
  };
}

test("an 11-level body goes over the wire as built and comes back equal, unknown subtypes included", async ({ h }) => {
  const body = deepPolicy();
  const policies = h.policies.deviceManagement.configurationPolicies;
  const created = await policies.post(body);
  assert.equal(lastRequest(h.server).json, body, "nothing dropped, renamed or reordered");
  const fetched = await policies.byId(created.id!).get({ expand: ["settings"] });
  assert.equal(fetched.settings, body.settings!.map((s, i) => ({ id: String(i), ...s })));
  // Narrowing at depth: level 1 is a choice, level 2 a group collection, its child a choice again.
  const first = fetched.settings![0]!.settingInstance!;
  if (first["@odata.type"] !== "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance") throw new Error("level 1");
  const second = first.choiceSettingValue!.children![0]!;
  if (second["@odata.type"] !== "#microsoft.graph.deviceManagementConfigurationGroupSettingCollectionInstance") throw new Error("level 2");
  assert.is(second.groupSettingCollectionValue![0]!.children![0]!.settingDefinitionId, "level_3");
  // The unknown subtype goes back unchanged in a PATCH of the setting.
  const future = await policies.byId(created.id!).settings.byId("1").get();
  await policies.byId(created.id!).settings.byId("1").patch(future as never);
  assert.equal(lastRequest(h.server).json.settingInstance, body.settings![1]!.settingInstance);
});

test("`@odata.type` without `#` is accepted at any depth and sent with it", async ({ h }) => {
  const instance = choiceSetting("a", "a_1", [simpleSetting("b", 3)]);
  const written = JSON.parse(JSON.stringify(instance).replaceAll('"#microsoft.graph.', '"microsoft.graph.'));
  await h.policies.deviceManagement.configurationPolicies.byId(h.policyId).settings.post({ settingInstance: written });
  assert.equal(lastRequest(h.server).json.settingInstance, instance);
});

/** Posts a policy whose first setting is `instance` and returns the validation message. */
async function refused(h: Harness, instance: unknown, message: RegExp): Promise<string> {
  const before = h.server.requests.length;
  const error = await rejection(h.policies.deviceManagement.configurationPolicies.post({ name: "x", settings: [{ settingInstance: instance as never }] }), message);
  assert.is(h.server.requests.length, before, "nothing sent");
  return error.message;
}

test("each level is checked against the subtype its @odata.type names, with the full path", async ({ h }) => {
  const deep = choiceSetting("a", "a_1", [simpleSetting("b", "x"), simpleSetting("c", "y"), groupCollectionSetting("d", [[simpleSetting("e", 5)]])]);
  const value = (deep.choiceSettingValue!.children![2] as { groupSettingCollectionValue: { children: { simpleSettingValue: { value: unknown } }[] }[] }).groupSettingCollectionValue[0]!.children[0]!.simpleSettingValue;
  value.value = "5"; // an IntegerSettingValue holding a string
  await refused(h, deep, /body\.settings\[0\]\.settingInstance\.choiceSettingValue\.children\[2\]\.groupSettingCollectionValue\[0\]\.children\[0\]\.simpleSettingValue\.value: expected an integer, got "5"$/);
  // The same string under a StringSettingValue is fine: the subtype decides.
  (value as Record<string, unknown>)["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationStringSettingValue";
  await h.policies.deviceManagement.configurationPolicies.post({ name: "ok", settings: [{ settingInstance: deep }] });
  assert.is(lastRequest(h.server).method, "POST");
});

test("a value of the wrong family, an abstract type or a missing @odata.type is named where it is", async ({ h }) => {
  const wrongFamily = choiceSetting("a", "a_1", [{ "@odata.type": "#microsoft.graph.deviceManagementConfigurationChoiceSettingValue", value: "v" } as never]);
  await refused(h, wrongFamily, /body\.settings\[0\]\.settingInstance\.choiceSettingValue\.children\[0\]\["@odata\.type"\]: #microsoft\.graph\.deviceManagementConfigurationChoiceSettingValue is not a deviceManagementConfigurationSettingInstance$/);
  const abstractValue = simpleSetting("a", "v");
  (abstractValue.simpleSettingValue as Record<string, unknown>)["@odata.type"] = "#microsoft.graph.deviceManagementConfigurationSimpleSettingValue";
  await refused(h, abstractValue, /body\.settings\[0\]\.settingInstance\.simpleSettingValue\["@odata\.type"\]: #microsoft\.graph\.deviceManagementConfigurationSimpleSettingValue is abstract; use one of .*IntegerSettingValue/);
  const untyped = choiceSetting("a", "a_1", [{ settingDefinitionId: "b" } as never]);
  await refused(h, untyped, /body\.settings\[0\]\.settingInstance\.choiceSettingValue\.children\[0\]: "@odata\.type" is required because deviceManagementConfigurationSettingInstance is abstract/);
  const badEnum = simpleSetting("a", secret("s"));
  (badEnum.simpleSettingValue as Record<string, unknown>).valueState = "plain text";
  await refused(h, badEnum, /simpleSettingValue\.valueState: expected one of invalid, notEncrypted, encryptedValueToken, got "plain text"$/);
});

test("a body nested thousands of levels deep is invalidRequestBody, not a RangeError; nothing is sent", async ({ h }) => {
  let inner: ReturnType<typeof choiceSetting> | ReturnType<typeof simpleSetting> = simpleSetting("leaf", 1);
  for (let level = 0; level < 5000; level++) inner = choiceSetting(`level_${level}`, `level_${level}_0`, [inner]);
  const error = (await rejection(h.policies.deviceManagement.configurationPolicies.post({ name: "deep", settings: [setting(inner)] }), /not sent/)) as { code?: string; message: string };
  assert.is(error.code, "invalidRequestBody");
  assert.match(error.message, "nested too deeply");
  assert.is(h.server.requests.length, 0);
});

test("the helpers refuse what Graph would: a non-Int32 integer, an empty definition id", () => {
  assert.throws(() => simpleSetting("n", 2 ** 31), /n: an integer setting value must be an Int32, got 2147483648/);
  assert.throws(() => simpleSetting("n", 1.5), /Int32, got 1\.5/);
  assert.throws(() => choiceSetting("", "x"), /settingDefinitionId must be a non-empty string/);
});
test.run();
