/**
 * `import { createGraphClient } from "graphslice/configuration-policies"`: the larger slice, the
 * configuration policies themselves plus their assignments. It shares the root's runtime (the same
 * `GraphError` class).
 *
 * @module graphslice/configuration-policies
 */
export * from "../../generated/configuration-policies/index.js";
