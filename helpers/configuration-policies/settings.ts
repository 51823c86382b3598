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
  return { "@odata.type": `${T}Setting`, settingInstance: instance(settingInstance, "setting: settingInstance") };
}

/** A choice setting: one option (`value`, an option's `itemId`) and the settings under it. */
export function choiceSetting(settingDefinitionId: string, value: string, children: DeviceManagementConfigurationSettingInstance[] = [], options: SettingTemplateOptions = {}): DeviceManagementConfigurationChoiceSettingInstance {
  const where = "choiceSetting";
  const id = definitionId(settingDefinitionId, where);
  const template = templates(options, where);
  return { "@odata.type": `${T}ChoiceSettingInstance`, settingDefinitionId: id, ...instanceTemplate(template), choiceSettingValue: choiceValue(value, instances(children, `${where}(${JSON.stringify(id)}): children`), template, `${where}(${JSON.stringify(id)}): value`) };
}

/** A choice-collection setting: several options, each with its own children. Value template options go on every value. */
export function choiceCollectionSetting(settingDefinitionId: string, values: (string | { value: string; children?: DeviceManagementConfigurationSettingInstance[] })[], options: SettingTemplateOptions = {}): DeviceManagementConfigurationChoiceSettingCollectionInstance {
  const where = "choiceCollectionSetting";
  const id = definitionId(settingDefinitionId, where);
  const template = templates(options, where);
  const at = `${where}(${JSON.stringify(id)}): values`;
  return {
    "@odata.type": `${T}ChoiceSettingCollectionInstance`,
    settingDefinitionId: id,
    ...instanceTemplate(template),
    choiceSettingCollectionValue: list(values, at).map((v, i) => {
      if (typeof v === "string") return choiceValue(v, [], template, `${at}[${i}]`);
      if (typeof v !== "object" || v === null || Array.isArray(v)) throw new TypeError(`${at}[${i}] must be an option id string or { value, children? }, got ${describe(v)}`);
      return choiceValue(v.value, v.children === undefined ? [] : instances(v.children, `${at}[${i}].children`), template, `${at}[${i}].value`);
    }),
  };
}

/** A simple setting: a string, an integer (checked to be an Int32), or `{ secret }`. */
export function simpleSetting(settingDefinitionId: string, value: SimpleValue, options: SettingTemplateOptions = {}): DeviceManagementConfigurationSimpleSettingInstance {
  const id = definitionId(settingDefinitionId, "simpleSetting");
  const template = templates(options, "simpleSetting");
  return { "@odata.type": `${T}SimpleSettingInstance`, settingDefinitionId: id, ...instanceTemplate(template), simpleSettingValue: simpleValue(id, value, template) };
}

/** A simple-collection setting: several strings or integers. Value template options go on every value. */
export function simpleCollectionSetting(settingDefinitionId: string, values: (string | number)[], options: SettingTemplateOptions = {}): DeviceManagementConfigurationSimpleSettingCollectionInstance {
  const where = "simpleCollectionSetting";
  const id = definitionId(settingDefinitionId, where);
  const template = templates(options, where);
  const at = `${where}(${JSON.stringify(id)}): values`;
  return {
    "@odata.type": `${T}SimpleSettingCollectionInstance`,
    settingDefinitionId: id,
    ...instanceTemplate(template),
    simpleSettingCollectionValue: list(values, at).map((v, i) => {
      if (typeof v !== "string" && typeof v !== "number") throw new TypeError(`${at}[${i}] must be a string or an integer, got ${describe(v)}`);
      return simpleValue(id, v, template) as DeviceManagementConfigurationStringSettingValue | DeviceManagementConfigurationIntegerSettingValue;
    }),
  };
}

/** A group-collection setting: each group is a list of child settings. Value template options go on every group value. */
export function groupCollectionSetting(settingDefinitionId: string, groups: DeviceManagementConfigurationSettingInstance[][], options: SettingTemplateOptions = {}): DeviceManagementConfigurationGroupSettingCollectionInstance {
  const where = "groupCollectionSetting";
  const id = definitionId(settingDefinitionId, where);
  const template = templates(options, where);
  const at = `${where}(${JSON.stringify(id)}): groups`;
  return {
    "@odata.type": `${T}GroupSettingCollectionInstance`,
    settingDefinitionId: id,
    ...instanceTemplate(template),
    groupSettingCollectionValue: list(groups, at).map((children, i): DeviceManagementConfigurationGroupSettingValue => ({ "@odata.type": `${T}GroupSettingValue`, ...valueTemplate(template), children: instances(children, `${at}[${i}]`) })),
  };
}

/** A secret for {@link simpleSetting}: sent as `notEncrypted`; Graph stores it encrypted and answers with a token. */
export function secret(value: string): { secret: string } {
  if (typeof value !== "string") throw new TypeError(`secret: value must be a string, got ${describe(value)}`);
  return { secret: value };
}

function choiceValue(value: string, children: DeviceManagementConfigurationSettingInstance[], options: SettingTemplateOptions, where: string): DeviceManagementConfigurationChoiceSettingValue {
  if (typeof value !== "string" || value === "") throw new TypeError(`${where} must be an option id (a non-empty string), got ${describe(value)}`);
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
  throw new TypeError(`${id}: a simple setting value must be a string, an integer or secret(…), got ${describe(value)}`);
}

function definitionId(id: string, where: string): string {
  if (typeof id !== "string" || id.trim() === "") throw new TypeError(`${where}: settingDefinitionId must be a non-empty string (not only spaces), got ${describe(id)}`);
  return id;
}

/** An array, copied (the caller's is never kept or changed). */
function list<V>(values: readonly V[], where: string): V[] {
  if (!Array.isArray(values)) throw new TypeError(`${where} must be an array, got ${describe(values)}`);
  return [...values];
}

/** Setting instances: an array of objects, copied. */
function instances(children: readonly DeviceManagementConfigurationSettingInstance[], where: string): DeviceManagementConfigurationSettingInstance[] {
  return list(children, where).map((child, i) => instance(child, `${where}[${i}]`));
}

function instance(value: DeviceManagementConfigurationSettingInstance, where: string): DeviceManagementConfigurationSettingInstance {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError(`${where} must be a setting instance (an object, as choiceSetting(…) builds), got ${describe(value)}`);
  return value;
}

/** The options, checked, own properties only. */
function templates(options: SettingTemplateOptions, where: string): SettingTemplateOptions {
  if (typeof options !== "object" || options === null || Array.isArray(options)) throw new TypeError(`${where}: options must be an object { instanceTemplateId?, valueTemplateId?, useTemplateDefault? }, got ${describe(options)}`);
  const own = (key: keyof SettingTemplateOptions): unknown => (Object.hasOwn(options, key) ? options[key] : undefined);
  const checked: SettingTemplateOptions = {};
  for (const key of ["instanceTemplateId", "valueTemplateId"] as const) {
    const value = own(key);
    if (value === undefined) continue;
    if (typeof value !== "string" || value === "") throw new TypeError(`${where}: options.${key} must be a non-empty string, got ${describe(value)}`);
    checked[key] = value;
  }
  const useDefault = own("useTemplateDefault");
  if (useDefault !== undefined) {
    if (typeof useDefault !== "boolean") throw new TypeError(`${where}: options.useTemplateDefault must be a boolean, got ${describe(useDefault)}`);
    checked.useTemplateDefault = useDefault;
  }
  return checked;
}

function instanceTemplate(options: SettingTemplateOptions) {
  return options.instanceTemplateId === undefined ? {} : { settingInstanceTemplateReference: { "@odata.type": `${T}SettingInstanceTemplateReference` as const, settingInstanceTemplateId: options.instanceTemplateId } };
}

/** `settingValueTemplateReference`, on a value (the settings-catalog model has it on values only, collection instances included). */
function valueTemplate(options: SettingTemplateOptions) {
  if (options.valueTemplateId === undefined && options.useTemplateDefault === undefined) return {};
  return {
    settingValueTemplateReference: {
      "@odata.type": `${T}SettingValueTemplateReference` as const,
      ...(options.valueTemplateId === undefined ? {} : { settingValueTemplateId: options.valueTemplateId }),
      ...(options.useTemplateDefault === undefined ? {} : { useTemplateDefault: options.useTemplateDefault }),
    },
  };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}
