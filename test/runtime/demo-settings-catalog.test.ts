/**
 * The settings-catalog part of `npm run demo` against the local server: the policy it creates has
 * its nested settings stored, and the safe assignment runs twice with one `assign` call in all.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { settingsCatalogDemo } from "../../scripts/demo-settings-catalog.js";
import { startGraphServer } from "../server/graph-server.js";

const test = suite("demo: settings catalog");

test("creates a nested settings-catalog policy and assigns it once", async () => {
  const server = await startGraphServer();
  const log = console.log;
  const printed: string[] = [];
  console.log = (...args: unknown[]) => void printed.push(args.join(" "));
  try {
    await settingsCatalogDemo(server);
  } finally {
    console.log = log;
    await server.close();
  }
  const [policy] = server.store.listPolicies();
  assert.is(policy!.name, "Firewall: domain profile");
  const [setting] = server.store.listSettings(String(policy!.id));
  assert.is((setting!.settingInstance as { choiceSettingValue: { children: unknown[] } }).choiceSettingValue.children.length, 3);
  assert.is(server.store.listAssignments(String(policy!.id)).length, 2);
  assert.is(server.requests.filter((r) => r.rawPath.endsWith("/microsoft.graph.assign")).length, 1);
  assert.ok(printed.some((line) => line.includes("3 levels deep")), printed.join("\n"));
  assert.ok(printed.some((line) => line.includes("changed = false")));
});
test.run();
