/**
 * `graphslice/configuration-policies`: the whole configurationPolicies API (the generated slice),
 * plus the hand-written Intune helpers over its types: safe assignment changes and settings-catalog
 * constructors.
 */
export * from "../../generated/configuration-policies/index.js";
export { changeAssignments, targetIdentity, type AssignablePolicy, type AssignmentChange, type AssignmentChangeResult, type TargetInput } from "./assignments.js";
export {
  choiceCollectionSetting,
  choiceSetting,
  groupCollectionSetting,
  secret,
  setting,
  simpleCollectionSetting,
  simpleSetting,
  type SettingTemplateOptions,
  type SimpleValue,
} from "./settings.js";
