/**
 * `import { createGraphClient } from "graphslice/configuration-policies"`: the whole
 * configurationPolicies API (policies, assignments, the settings catalog, every bound action), plus
 * the Intune helpers: `changeAssignments` and the settings-catalog constructors. It shares the
 * root's runtime (the same `GraphError` class).
 *
 * @module graphslice/configuration-policies
 */
export * from "../../helpers/configuration-policies/index.js";
