/**
 * Validation before sending, from the generated table: wrong enum, wrong primitive, a derived type
 * without its "@odata.type" — each names the JSON path and sends nothing; unknown properties and types
 * pass; on by default, off per client or per call. Then property-based: arbitrary valid assignments
 * (every target type, and unknown ones) round-trip losslessly over HTTP; arbitrary invalid bodies fail
 * validation with the predicted path and send nothing.
 */
import fc from "fast-check";
import * as assert from "uvu/assert";
import { normalizeODataTypes } from "../../generated/runtime/odata-type.js";
import { ASSIGNMENT, concreteTypes, invalidAssignment, TARGET, validAssignment } from "./arbitraries.js";
import { graphError, GROUP_TARGET, POLICY, reliabilitySuite } from "./helpers.js";

const test = reliabilitySuite("reliability: validation");

/** Bodies deliberately outside the model types. */
const loose = (body: unknown) => body as never;

test("a wrong enum value: the error names the path and the allowed values; nothing is sent", async ({ h }) => {
  const error = await graphError(h.assignments().post(loose({ target: { ...GROUP_TARGET, deviceAndAppManagementAssignmentFilterType: "sometimes" } })));
  assert.is(error.code, "invalidRequestBody");
  assert.is(error.target, "body.target.deviceAndAppManagementAssignmentFilterType");
  assert.match(error.message, "not sent");
  assert.match(error.message, "none, include, exclude");
  assert.is(error.attempts, 0);
  assert.is(h.server.requests.length, 0);
});

test("a wrong primitive type, deep inside the assign action's array", async ({ h }) => {
  const policy = h.client().deviceManagement.configurationPolicies.byId(POLICY);
  const error = await graphError(policy.assign(loose({ assignments: [{ target: GROUP_TARGET }, { target: { ...GROUP_TARGET, groupId: 42 } }] })));
  assert.is(error.target, "body.assignments[1].target.groupId");
  assert.match(error.message, "expected string, got 42");
  assert.is(h.server.requests.length, 0);
});

test('a derived type without the "@odata.type" it needs, and one naming a type that is not derived', async ({ h }) => {
  const missing = await graphError(h.assignments().post(loose({ target: { groupId: "g" } })));
  assert.is(missing.target, "body.target");
  assert.match(missing.message, '"@odata.type" is required');
  assert.match(missing.message, "#microsoft.graph.groupAssignmentTarget");
  const wrong = await graphError(h.assignments().post(loose({ target: { "@odata.type": `#${ASSIGNMENT}` } })));
  assert.is(wrong.target, 'body.target["@odata.type"]');
  const abstract = await graphError(h.assignments().post(loose({ target: { "@odata.type": TARGET } })));
  assert.match(abstract.message, "is abstract");
  assert.is(h.server.requests.length, 0);
});

test("null where the spec forbids it, a missing body and a body JSON cannot carry are refused too", async ({ h }) => {
  assert.is((await graphError(h.assignments().post(loose({ source: null })))).target, "body.source");
  assert.is((await graphError(h.assignments().post(loose(undefined)))).target, "body");
  const cyclic: Record<string, unknown> = { target: GROUP_TARGET };
  cyclic.self = cyclic;
  assert.is((await graphError(h.assignments().post(loose(cyclic)))).code, "invalidRequestBody");
  assert.is((await graphError(h.assignments().post(loose({ target: GROUP_TARGET, extra: 10n })))).code, "invalidRequestBody");
  assert.is(h.server.requests.length, 0);
});

test("unknown properties and unknown derived types are allowed and sent verbatim", async ({ h }) => {
  const body = { target: { "@odata.type": "microsoft.graph.scopeTagGroupAssignmentTarget", groupId: "g", scopeTag: { id: 7 } }, futureFlag: true };
  await h.assignments().post(loose(body));
  assert.equal(JSON.parse(h.server.requests[0]!.body), { ...body, target: { ...body.target, "@odata.type": "#microsoft.graph.scopeTagGroupAssignmentTarget" } });
});

test("switched off per client or per call; switched back on per call", async ({ h }) => {
  const bad = loose({ target: { ...GROUP_TARGET, deviceAndAppManagementAssignmentFilterType: "sometimes" } });
  await h.assignments({ validate: false }).post(bad);
  await h.assignments().post(bad, { validate: false });
  assert.is(h.server.requests.length, 2, "both sent");
  assert.is((await graphError(h.assignments({ validate: false }).post(bad, { validate: true }))).code, "invalidRequestBody");
  assert.is(h.server.requests.length, 2);
});

test("the generated table has every target type the spec derives (the arbitraries cover them all)", () => {
  const types = concreteTypes(TARGET);
  for (const t of ["groupAssignmentTarget", "exclusionGroupAssignmentTarget", "allDevicesAssignmentTarget", "allLicensedUsersAssignmentTarget", "configurationManagerCollectionAssignmentTarget", "androidFotaDeploymentAssignmentTarget"]) {
    assert.ok(types.includes(`microsoft.graph.${t}`), t);
  }
});

/** What the server must have stored and answered: the body as sent, with "#" on every @odata.type. */
const onTheWire = (body: unknown) => JSON.parse(normalizeODataTypes(JSON.stringify(body)));

test("property: any valid assignment (every target type, unknown types, extra properties) round-trips losslessly through POST and GET", async ({ h }) => {
  const assignments = h.assignments();
  const seen = new Set<string>();
  let n = 0;
  await fc.assert(
    fc.asyncProperty(validAssignment, async (generated) => {
      const body: Record<string, unknown> = { ...generated, id: `rt-${n++}` };
      const tag = (body.target as { "@odata.type"?: string } | null | undefined)?.["@odata.type"];
      if (tag) seen.add(tag.replace("#", "").startsWith("microsoft.graph.future") ? "unknown" : tag.replace("#", ""));
      const created = await assignments.post(loose(body));
      const { "@odata.context": _, ...entity } = created as Record<string, unknown>;
      assert.equal(entity, onTheWire(body));
      const { "@odata.context": __, ...fetched } = (await assignments.byId(body.id as string).get()) as Record<string, unknown>;
      assert.equal(fetched, onTheWire(body));
    }),
    { numRuns: 150, seed: 31337 },
  );
  for (const t of [...concreteTypes(TARGET), "unknown"]) assert.ok(seen.has(t), `no run used ${t}`);
});

test("property: a list of valid assignments round-trips through the assign action", async ({ h }) => {
  const policy = h.client().deviceManagement.configurationPolicies.byId(POLICY);
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(validAssignment, { maxLength: 4 }), async (list) => {
      const sent = list.map((a) => ({ ...a, id: `as-${n++}` }));
      const result = await policy.assign(loose({ assignments: sent }));
      assert.equal(result.value, onTheWire(sent));
    }),
    { numRuns: 60, seed: 4242 },
  );
});

test("property: any body with one invalid part fails validation at the predicted path and sends nothing", async ({ h }) => {
  const assignments = h.assignments();
  await fc.assert(
    fc.asyncProperty(invalidAssignment, async ({ body, path, what }) => {
      const error = await graphError(assignments.post(loose(body)));
      assert.is(error.code, "invalidRequestBody", what);
      assert.is(error.target, path, `${what}: ${error.message}`);
    }),
    { numRuns: 300, seed: 7 },
  );
  assert.is(h.server.requests.length, 0);
});

test.run();
