/**
 * Settings-catalog constructors: small typed functions that build setting instances exactly as
 * Graph's reference documents them, so a policy body is not eleven levels of hand-written JSON.
 * Each returns the generated model type, `@odata.type` in its `#` form, properties in the documented
 * order. Choice and group values take `children`, so settings nest as deep as the catalog needs.
 */
import type {
  DeviceManagementConfigurationChoiceSettingCollectionInstance,
  DeviceManagementConfigurationChoiceSettingInstance,
  DeviceManagementConfigurationChoiceSettingValue,
  DeviceManagementConfigurationGroupSettingCollectionInstance,
  DeviceManagementConfigurationGroupSettingValue,
  DeviceManagementConfigurationIntegerSettingValue,
  DeviceManagementConfigurationSecretSettingValue,
  DeviceManagementConfigurationSetting,
  DeviceManagementConfigurationSettingInstance,
  DeviceManagementConfigurationSimpleSettingCollectionInstance,
  DeviceManagementConfigurationSimpleSettingInstance,
  DeviceManagementConfigurationStringSettingValue,
} from "../../generated/configuration-policies/index.js";

/** Template references, for settings of a policy created from a template. */
export interface SettingTemplateOptions {
  /** `settingInstanceTemplateReference.settingInstanceTemplateId`. */
  instanceTemplateId?: string;
  /** `settingValueTemplateReference.settingValueTemplateId`. */
  valueTemplateId?: string;
  /** `settingValueTemplateReference.useTemplateDefault`. */
  useTemplateDefault?: boolean;
}

/** The value a simple setting holds: a string, an integer, or a secret (see {@link secret}). */
export type SimpleValue = string | number | { secret: string };

const T = "#microsoft.graph.deviceManagementConfiguration";

/** A policy's `settings` entry around one instance. */
export function setting(settingInstance: DeviceManagementConfigurationSettingInstance): DeviceManagementConfigurationSetting {
  return { "@odata.type": `${T}Setting`, settingInstance };
}

/** A choice setting: one option (`value`, an option's `itemId`) and the settings under it. */
export function choiceSetting(settingDefinitionId: string, value: string, children: DeviceManagementConfigurationSettingInstance[] = [], options: SettingTemplateOptions = {}): DeviceManagementConfigurationChoiceSettingInstance {
  return { "@odata.type": `${T}ChoiceSettingInstance`, settingDefinitionId: definitionId(settingDefinitionId), ...instanceTemplate(options), choiceSettingValue: choiceValue(value, children, options) };
}

/** A choice-collection setting: several options, each with its own children. */
export function choiceCollectionSetting(settingDefinitionId: string, values: (string | { value: string; children: DeviceManagementConfigurationSettingInstance[] })[], options: SettingTemplateOptions = {}): DeviceManagementConfigurationChoiceSettingCollectionInstance {
  return {
    "@odata.type": `${T}ChoiceSettingCollectionInstance`,
    settingDefinitionId: definitionId(settingDefinitionId),
    ...instanceTemplate(options),
    choiceSettingCollectionValue: values.map((v) => (typeof v === "string" ? choiceValue(v, [], {}) : choiceValue(v.value, v.children, {}))),
  };
}

/** A simple setting: a string, an integer (checked to be an Int32), or `{ secret }`. */
export function simpleSetting(settingDefinitionId: string, value: SimpleValue, options: SettingTemplateOptions = {}): DeviceManagementConfigurationSimpleSettingInstance {
  const id = definitionId(settingDefinitionId);
  return { "@odata.type": `${T}SimpleSettingInstance`, settingDefinitionId: id, ...instanceTemplate(options), simpleSettingValue: simpleValue(id, value, options) };
}

/** A simple-collection setting: several strings or integers. */
export function simpleCollectionSetting(settingDefinitionId: string, values: (string | number)[], options: SettingTemplateOptions = {}): DeviceManagementConfigurationSimpleSettingCollectionInstance {
  const id = definitionId(settingDefinitionId);
  return { "@odata.type": `${T}SimpleSettingCollectionInstance`, settingDefinitionId: id, ...instanceTemplate(options), simpleSettingCollectionValue: values.map((v) => simpleValue(id, v, {}) as DeviceManagementConfigurationStringSettingValue | DeviceManagementConfigurationIntegerSettingValue) };
}

/** A group-collection setting: each group is a list of child settings. */
export function groupCollectionSetting(settingDefinitionId: string, groups: DeviceManagementConfigurationSettingInstance[][], options: SettingTemplateOptions = {}): DeviceManagementConfigurationGroupSettingCollectionInstance {
  return {
    "@odata.type": `${T}GroupSettingCollectionInstance`,
    settingDefinitionId: definitionId(settingDefinitionId),
    ...instanceTemplate(options),
    groupSettingCollectionValue: groups.map((children): DeviceManagementConfigurationGroupSettingValue => ({ "@odata.type": `${T}GroupSettingValue`, children })),
  };
}

/** A secret for {@link simpleSetting}: sent as `notEncrypted`; Graph stores it encrypted and answers with a token. */
export function secret(value: string): { secret: string } {
  return { secret: value };
}

function choiceValue(value: string, children: DeviceManagementConfigurationSettingInstance[], options: SettingTemplateOptions): DeviceManagementConfigurationChoiceSettingValue {
  if (typeof value !== "string") throw new TypeError(`choice value must be an option id string, got ${typeof value}`);
  return { "@odata.type": `${T}ChoiceSettingValue`, ...valueTemplate(options), value, children };
}

function simpleValue(id: string, value: SimpleValue, options: SettingTemplateOptions): DeviceManagementConfigurationStringSettingValue | DeviceManagementConfigurationIntegerSettingValue | DeviceManagementConfigurationSecretSettingValue {
  if (typeof value === "string") return { "@odata.type": `${T}StringSettingValue`, ...valueTemplate(options), value };
  if (typeof value === "number") {
    // Graph's integer setting value is an Int32; anything else would be refused or truncated.
    if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) throw new RangeError(`${id}: an integer setting value must be an Int32, got ${value}`);
    return { "@odata.type": `${T}IntegerSettingValue`, ...valueTemplate(options), value };
  }
  if (typeof value === "object" && value !== null && typeof value.secret === "string") {
    return { "@odata.type": `${T}SecretSettingValue`, ...valueTemplate(options), value: value.secret, valueState: "notEncrypted" };
  }
  throw new TypeError(`${id}: a simple setting value must be a string, an integer or secret(…)`);
}

function definitionId(id: string): string {
  if (typeof id !== "string" || id === "") throw new TypeError(`settingDefinitionId must be a non-empty string, got ${JSON.stringify(id)}`);
  return id;
}

function instanceTemplate(options: SettingTemplateOptions) {
  return options.instanceTemplateId === undefined ? {} : { settingInstanceTemplateReference: { "@odata.type": `${T}SettingInstanceTemplateReference` as const, settingInstanceTemplateId: options.instanceTemplateId } };
}

function valueTemplate(options: SettingTemplateOptions) {
  if (options.valueTemplateId === undefined) return {};
  return {
    settingValueTemplateReference: {
      "@odata.type": `${T}SettingValueTemplateReference` as const,
      settingValueTemplateId: options.valueTemplateId,
      ...(options.useTemplateDefault === undefined ? {} : { useTemplateDefault: options.useTemplateDefault }),
    },
  };
}
