/**
 * `graphslice diff` on real history: Microsoft's beta DeviceManagement module of 2022-03 against the
 * one of 2023-01 (spec/graph-modules/, read as `.br`), on the deviceConfigurations and
 * deviceCompliancePolicies collections. Checked: changes Microsoft really made are reported and
 * classified (the error schemas renamed, operationIds renamed), the reverse diff mirrors it, a file
 * against itself has no change, and the counts add up.
 */
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { diffApis, type DiffReport } from "../../generator/diff/index.js";
import { REPO, runCli } from "./run-cli.js";

const OLD = join(REPO, "spec/graph-modules/2022-03/beta/DeviceManagement.yml.br");
const NEW = join(REPO, "spec/graph-modules/2023-01/beta/DeviceManagement.yml.br");
const include = ["/deviceManagement/deviceConfigurations/**", "/deviceManagement/deviceCompliancePolicies/**"];
const count = (report: DiffReport, impact: string, subject: string, action: string) =>
  report.changes.filter((c) => c.impact === impact && c.subject === subject && c.action === action).length;

const test = suite<{ forward: DiffReport }>("cli: graphslice diff on DeviceManagement 2022-03 → 2023-01");
test.before(async (ctx) => {
  ctx.forward = await diffApis(OLD, NEW, { include, currentVersion: "0.1.0" });
});

test("reports what Microsoft changed, classified, with a breaking bump", ({ forward }) => {
  const names = (action: string) => forward.changes.filter((c) => c.subject === "type" && c.action === action).map((c) => c.name);
  assert.ok(names("removed").includes("odata.error") && names("removed").includes("odata.error.main"), "2022-03 error schemas gone");
  assert.ok(names("added").includes("microsoft.graph.ODataErrors.ODataError"), "2023-01 error schemas new");
  const renamed = forward.changes.find((c) => c.name === "GET /deviceManagement/deviceCompliancePolicies/{deviceCompliancePolicy-id}/scheduledActionsForRule");
  assert.equal([renamed?.impact, renamed?.action], ["breaking", "changed"]);
  assert.match(renamed!.detail, /^operationId deviceManagement\.deviceCompliancePolicies_ListScheduledActionsForRule → /);
  assert.is(forward.bump, "major");
  assert.is(forward.nextVersion, "0.1.0 → 0.2.0; before 1.0.0 a breaking change bumps the minor");
  assert.is(forward.breaking + forward.additive, forward.changes.length);
  assert.ok(forward.breaking > 0 && forward.additive > 0);
});

test("the reverse diff mirrors it: every removed type is added and every added one removed", async ({ forward }) => {
  const back = await diffApis(NEW, OLD, { include });
  assert.is(count(back, "additive", "type", "added"), count(forward, "breaking", "type", "removed"));
  assert.is(count(back, "breaking", "type", "removed"), count(forward, "additive", "type", "added"));
  assert.is(count(back, "breaking", "operation", "changed"), count(forward, "breaking", "operation", "changed"));
});

test("the command line prints the same counts in markdown; a file against itself has no change", async ({ forward }) => {
  const cli = await runCli(["diff", OLD, NEW, "--include", ...include, "--fail-on-breaking"]);
  assert.is(cli.code, 1, "--fail-on-breaking fails on a breaking change");
  assert.match(cli.stdout, new RegExp(`\\*\\*${forward.breaking} breaking, ${forward.additive} additive\\.\\*\\*`));
  const same = await diffApis(NEW, NEW, { include });
  assert.equal(same.changes, []);
});

test.run();
