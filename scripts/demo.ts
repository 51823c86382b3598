/**
 * `npm run demo`: sends the documented PATCH example end to end with the generated SDK to the local
 * Graph-like server on 127.0.0.1, then prints the request as it went over the wire and the typed
 * response; then creates a settings-catalog policy with nested settings through the helpers and
 * assigns it safely (scripts/demo-settings-catalog.ts). Nothing leaves this machine.
 */
import { createGraphClient, type DeviceManagementConfigurationPolicyAssignment, type RequestBody } from "../generated/index.js";
import { startGraphServer } from "../test/server/graph-server.js";
import { settingsCatalogDemo } from "./demo-settings-catalog.js";
import { readSeedExample } from "./seed-example.js";

const seed = readSeedExample();
const server = await startGraphServer();
try {
  const policy = server.store.addPolicy({ name: "demo policy" });
  const existing = server.store.addAssignment(String(policy.id), { target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } });
  const graph = createGraphClient({ baseUrl: server.baseUrl, token: async () => "demo-token" });

  // The documented body, exactly as the reference page has it (`@odata.type` without `#` included).
  const body = seed.requestBody as RequestBody<DeviceManagementConfigurationPolicyAssignment>;
  const updated = await graph.deviceManagement.configurationPolicies.byId(String(policy.id)).assignments.byId(String(existing.id)).patch(body);

  const sent = server.requests.at(-1)!;
  console.log(`Request as sent (${seed.method} from ${seed.path}):`);
  console.log(`  ${sent.method} ${sent.rawPath}`);
  for (const [name, value] of Object.entries(sent.headers).sort()) {
    console.log(`  ${name}: ${name === "authorization" ? value.replace(/Bearer .+/, "Bearer <redacted>") : value}`);
  }
  console.log(indent(JSON.stringify(JSON.parse(sent.body), null, 2)));

  console.log("\nTyped response:");
  console.log(indent(JSON.stringify(updated, null, 2)));
  const target = updated.target;
  if (target?.["@odata.type"] === "#microsoft.graph.configurationManagerCollectionAssignmentTarget") {
    // Narrowed by "@odata.type": collectionId is typed here, no cast.
    console.log(`\nnarrowed to ConfigurationManagerCollectionAssignmentTarget; collectionId = ${JSON.stringify(target.collectionId)}`);
  } else {
    throw new Error(`expected a configurationManagerCollectionAssignmentTarget back, got ${JSON.stringify(target)}`);
  }
  await settingsCatalogDemo(server);
} finally {
  await server.close();
}

function indent(text: string): string {
  return text.replace(/^/gm, "  ");
}
