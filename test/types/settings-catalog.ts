// The settings catalog's types: instances and values narrow on "@odata.type" at any depth, typos in
// literal code are compile errors (evolvable enums included), and the helpers return the exact types.
import {
  choiceSetting,
  simpleSetting,
  type DeviceManagementConfigurationPolicy,
  type DeviceManagementConfigurationSettingInstance,
  type RequestBody,
} from "../../helpers/configuration-policies/index.js";

export function deepestValue(instance: DeviceManagementConfigurationSettingInstance): number | undefined {
  if (instance["@odata.type"] !== "#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance") return undefined;
  const child = instance.choiceSettingValue?.children?.[0];
  if (child?.["@odata.type"] !== "#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance") return undefined;
  const value = child.simpleSettingValue;
  if (value?.["@odata.type"] !== "#microsoft.graph.deviceManagementConfigurationIntegerSettingValue") return undefined;
  const n: number | undefined = value.value; // narrowed three levels down
  return n;
}

export const built: RequestBody<DeviceManagementConfigurationPolicy> = {
  name: "x",
  platforms: "windows10,macOS",
  settings: [{ settingInstance: choiceSetting("a", "a_1", [simpleSetting("b", 1)]) }],
};

export const typo: RequestBody<DeviceManagementConfigurationPolicy> = {
  // @ts-expect-error a misspelled member of an evolvable enum is still a compile error in literal code
  platforms: "windows11",
};

export const wrongAtDepth: RequestBody<DeviceManagementConfigurationSettingInstance> = {
  "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingInstance",
  settingDefinitionId: "a",
  choiceSettingValue: {
    "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingValue",
    children: [
      {
        "@odata.type": "microsoft.graph.deviceManagementConfigurationSimpleSettingInstance",
        settingDefinitionId: "b",
        // @ts-expect-error a choice value where a simple setting instance expects a simple value
        simpleSettingValue: { "@odata.type": "microsoft.graph.deviceManagementConfigurationChoiceSettingValue", value: "x" },
      },
    ],
  },
};
