/**
 * The second half of `npm run demo`: a settings-catalog policy with nested settings built through
 * the helpers of graphslice/configuration-policies, created, then assigned with `changeAssignments`
 * (run twice: the second run changes nothing and sends nothing).
 */
import {
  changeAssignments,
  choiceSetting,
  createGraphClient,
  groupCollectionSetting,
  setting,
  simpleCollectionSetting,
  simpleSetting,
} from "../helpers/configuration-policies/index.js";
import type { GraphServer } from "../test/server/graph-server.js";

export async function settingsCatalogDemo(server: GraphServer): Promise<void> {
  const graph = createGraphClient({ baseUrl: server.baseUrl, token: async () => "demo-token" });
  const policies = graph.deviceManagement.configurationPolicies;
  const firewall = "vendor_msft_firewall_mdmstore_domainprofile";
  const created = await policies.post({
    name: "Firewall: domain profile",
    platforms: "windows10",
    technologies: "mdm,microsoftSense",
    settings: [
      setting(
        choiceSetting(`${firewall}_enablefirewall`, `${firewall}_enablefirewall_true`, [
          simpleSetting(`${firewall}_logmaxfilesize`, 4096),
          simpleCollectionSetting(`${firewall}_allowedports`, ["443", "8443"]),
          groupCollectionSetting(`${firewall}_rules`, [[simpleSetting(`${firewall}_rules_name`, "Allow HTTPS"), choiceSetting(`${firewall}_rules_action`, `${firewall}_rules_action_allow`)]]),
        ]),
      ),
    ],
  });
  const sent = JSON.parse(server.requests.at(-1)!.body);
  console.log(`\nSettings-catalog policy created (POST ${server.requests.at(-1)!.rawPath}), ${depth(sent.settings)} levels deep:`);
  console.log(JSON.stringify(sent, null, 2).replace(/^/gm, "  "));

  const policy = policies.byId(created.id!);
  const change = { add: [{ "@odata.type": "#microsoft.graph.groupAssignmentTarget" as const, groupId: "11111111-1111-1111-1111-111111111111" }, { "@odata.type": "#microsoft.graph.exclusionGroupAssignmentTarget" as const, groupId: "22222222-2222-2222-2222-222222222222" }] };
  const first = await changeAssignments(policy, change);
  const second = await changeAssignments(policy, change);
  console.log(`\nchangeAssignments: added ${first.added}, removed ${first.removed}; run again: changed = ${second.changed} (nothing sent)`);
  for (const a of second.assignments) console.log(`  ${a.id}: ${a.target?.["@odata.type"]} ${(a.target as { groupId?: string }).groupId}`);
}

function depth(value: unknown): number {
  if (Array.isArray(value)) return Math.max(0, ...value.map(depth));
  if (typeof value !== "object" || value === null) return 0;
  const own = "settingDefinitionId" in value ? 1 : 0;
  return own + Math.max(0, ...Object.values(value).map(depth));
}
