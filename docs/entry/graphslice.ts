/**
 * `import { createGraphClient, GraphError } from "graphslice"`: the client for the Intune
 * configurationPolicies/{id}/assignments API on Microsoft Graph beta (the `assignments` slice),
 * its models, the low-level client, errors, auth and national-cloud helpers.
 *
 * @module graphslice
 */
export * from "../../generated/index.js";
