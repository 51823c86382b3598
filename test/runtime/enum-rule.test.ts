/**
 * The pinned rules where Graph's metadata disagrees with itself, each against the real slices:
 * - enums: the CSDL's members are added after the OpenAPI's (the OpenAPI lags: `platforms` lacks
 *   visionOS and tvOS there);
 * - descriptions: the CSDL inline one wins over the out-of-line one, which wins over the OpenAPI's;
 * - evolvable enums (with `unknownFutureValue`) accept a well-formed member newer than the spec, flags
 *   combinations too, so a value Graph returned is never refused when it is sent back; enums without
 *   that member stay closed and refuse an unknown member before sending, naming the property.
 */
import { readFileSync } from "node:fs";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import * as policiesValidation from "../../generated/configuration-policies/operation-indexes.js";
import * as assignmentsValidation from "../../generated/assignments/operation-indexes.js";
import { sliceSchema } from "../helpers/slice-schema.js";
import { lastRequest, rejection, startHarness, type Harness } from "./helpers.js";

const schema = await sliceSchema(policiesValidation.operationIndexes);
const assignmentsSchema = await sliceSchema(assignmentsValidation.operationIndexes);

const test = suite<{ h: Harness }>("metadata rules: enums and descriptions", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness();
});
test.after.each(async (ctx) => ctx.h.server.close());

const PLATFORMS = "microsoft.graph.deviceManagementConfigurationPlatforms";
const manifest = JSON.parse(readFileSync(new URL("../../generated/manifest.json", import.meta.url), "utf8"));
const openapi = readFileSync(new URL("../../spec/graph-beta-configurationPolicies-all.openapi.yaml", import.meta.url), "utf8");

test("enum members: the OpenAPI's in its order, then the CSDL's it lacks", () => {
  const members: string[] = manifest.slices["configuration-policies"].types[PLATFORMS].members;
  assert.equal(members.slice(-2), ["visionOS", "tvOS"]);
  const block = openapi.slice(openapi.indexOf(`    ${PLATFORMS}:`));
  assert.not.ok(block.slice(0, block.indexOf("x-ms-enum")).includes("visionOS"), "the OpenAPI really lacks visionOS");
  assert.ok(manifest.slices["configuration-policies"].types["microsoft.graph.deviceManagementConfigurationTechnologies"].members.includes("android"));
});

test("descriptions: CSDL inline first (it lists the possible values), then out of line, then OpenAPI", () => {
  const models = readFileSync(new URL("../../generated/configuration-policies/models.ts", import.meta.url), "utf8");
  // Inline: "Platforms for this policy. The possible values are: …"; out of line: "Platforms for this policy".
  assert.ok(models.includes("/** Platforms for this policy. The possible values are: none, android, iOS, macOS, windows10X, windows10, linux, unknownFutureValue, androidEnterprise, aosp, visionOS, tvOS. */"));
});

test("the schema table marks evolvable enums, and only those", () => {
  assert.is((schema[PLATFORMS] as { evolvable?: true }).evolvable, true);
  assert.is((schema["microsoft.graph.deviceManagementConfigurationSecretSettingValueState"] as { evolvable?: true }).evolvable, undefined);
  assert.is((assignmentsSchema["microsoft.graph.deviceAndAppManagementAssignmentFilterType"] as { evolvable?: true }).evolvable, undefined);
});

test("a platforms value newer than the spec, read from Graph, is PATCHed back unchanged", async ({ h }) => {
  h.server.store.updatePolicy(h.policyId, { platforms: "windows10,xrOS", technologies: "mdm,quantumManagement" });
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  const read = await policy.get();
  await policy.patch({ platforms: read.platforms, technologies: read.technologies });
  assert.equal(lastRequest(h.server).json, { platforms: "windows10,xrOS", technologies: "mdm,quantumManagement" });
  await policy.patch({ platforms: "xrOS" as never });
  assert.equal(lastRequest(h.server).json, { platforms: "xrOS" });
});

test("an evolvable enum still refuses what cannot be a member name", async ({ h }) => {
  const policy = h.policies.deviceManagement.configurationPolicies.byId(h.policyId);
  for (const platforms of ["windows 10", "windows10,", "windows10;macOS", "", "1abc"]) {
    await rejection(policy.patch({ platforms: platforms as never }), /body\.platforms: expected one of none, android, .* \(or several, comma-separated\) or a newer member name/);
  }
  await rejection(policy.patch({ platforms: 4 as never }), /body\.platforms: expected one of .*, got 4$/);
});

test("a closed enum refuses an unknown member before sending, naming the property, in both slices", async ({ h }) => {
  const target = { "@odata.type": "#microsoft.graph.groupAssignmentTarget", groupId: "g", deviceAndAppManagementAssignmentFilterType: "sometimes" } as never;
  const before = h.server.requests.length;
  for (const graph of [h.graph, h.policies]) {
    await rejection(graph.deviceManagement.configurationPolicies.byId(h.policyId).assignments.post({ target }), /body\.target\.deviceAndAppManagementAssignmentFilterType: expected one of none, include, exclude, got "sometimes"$/);
  }
  assert.is(h.server.requests.length, before);
});
test.run();
