/**
 * The client half of the @azure/identity test, run in its own Node process so NODE_EXTRA_CA_CERTS
 * (read once, at start) trusts the local token endpoint. Prints one JSON line: the result or the error.
 */
import { ClientSecretCredential } from "@azure/identity";
import { createGraphClient, GraphError } from "../../generated/assignments/index.js";

const { AUTHORITY_HOST, GRAPH_BASE_URL, POLICY_ID } = process.env;
const credential = new ClientSecretCredential("tenant-1", "client-1", "client-secret-1", { authorityHost: AUTHORITY_HOST, disableInstanceDiscovery: true });
const graph = createGraphClient({ baseUrl: GRAPH_BASE_URL, credential, backoffMs: 1 });
try {
  const page = await graph.deviceManagement.configurationPolicies.byId(POLICY_ID!).assignments.get();
  console.log(JSON.stringify({ value: page.value }));
} catch (error) {
  const e = error as GraphError;
  console.log(JSON.stringify({ error: { isGraphError: error instanceof GraphError, code: e.code, status: e.status, message: e.message } }));
}
