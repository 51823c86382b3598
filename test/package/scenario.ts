/**
 * What every consumer does, and what the server must then hold: one policy with one assignment;
 * the consumer PATCHes it with the documented example body, reads a missing assignment (a 404
 * GraphError), reads the assignment through the low-level client and the policy through the
 * `graphslice/configuration-policies` subpath.
 */
import * as assert from "uvu/assert";
import type { GraphServer } from "../server/graph-server.js";

export const DOCUMENTED_TARGET = {
  "@odata.type": "#microsoft.graph.configurationManagerCollectionAssignmentTarget",
  deviceAndAppManagementAssignmentFilterId: "Device And App Management Assignment Filter Id value",
  deviceAndAppManagementAssignmentFilterType: "include",
  collectionId: "Collection Id value",
} as const;

export interface Seeded {
  policyId: string;
  assignmentId: string;
  env: Record<string, string>;
}

export function seed(server: GraphServer, name: string): Seeded {
  const policyId = `policy-${name}`;
  server.store.addPolicy({ id: policyId, name: `${name} consumer` });
  const assignment = server.store.addAssignment(policyId, { target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } });
  const assignmentId = String(assignment.id);
  return { policyId, assignmentId, env: { GRAPH_BASE_URL: server.baseUrl, POLICY_ID: policyId, ASSIGNMENT_ID: assignmentId } };
}

/** The PATCH reached the server as documented (with the `#` added) and the store holds the new target. */
export function assertPatched(server: GraphServer, seeded: Seeded, authorization: string): void {
  const patch = server.requests.find((r) => r.method === "PATCH" && r.rawPath.includes(seeded.assignmentId));
  assert.ok(patch, "the server received no PATCH");
  assert.is(patch.rawPath, `/beta/deviceManagement/configurationPolicies/${seeded.policyId}/assignments/${seeded.assignmentId}`);
  assert.is(patch.headers.authorization, authorization);
  assert.match(patch.headers["content-type"] ?? "", /^application\/json/);
  assert.equal(JSON.parse(patch.body).target, DOCUMENTED_TARGET);
  assert.equal(server.store.getAssignment(seeded.policyId, seeded.assignmentId)?.target, DOCUMENTED_TARGET);
}
