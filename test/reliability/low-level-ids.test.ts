/**
 * Id injection through the low-level client (issue 10, item 1): openapi-fetch leaves `.` unencoded,
 * so `DELETE …/assignments/{id}` with id `..` reached the policy itself. Ids are now encoded as the
 * typed builders encode them: `..`, `.` and `""` are refused before sending, every other id stays
 * one segment. Bodies JSON cannot carry are refused too, naming the path.
 */
import * as assert from "uvu/assert";
import { createLowLevelClient, GraphError } from "../../generated/assignments/index.js";
import { graphError, GROUP_TARGET, LIST, POLICY, reliabilitySuite, TOKEN } from "./helpers.js";

const test = reliabilitySuite("reliability: low-level client ids and bodies");

const ITEM = "/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments/{deviceManagementConfigurationPolicyAssignment-id}" as const;
const ASSIGNMENTS = "/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments" as const;

test('"..", "." and "" as an assignment id: refused before sending, naming the parameter; the policy survives', async ({ h }) => {
  const api = createLowLevelClient({ baseUrl: h.server.baseUrl, token: TOKEN });
  for (const id of ["..", ".", ""]) {
    const error = await graphError(api.DELETE(ITEM, { params: { path: { "deviceManagementConfigurationPolicy-id": POLICY, "deviceManagementConfigurationPolicyAssignment-id": id } } }));
    assert.is(error.code, "invalidRequest", JSON.stringify(id));
    assert.match(error.message, "deviceManagementConfigurationPolicyAssignment-id");
  }
  assert.is(h.server.requests.length, 0, `sent: ${h.server.requests.map((r) => `${r.method} ${r.rawPath}`).join(", ")}`);
  assert.ok(h.server.store.getPolicy(POLICY), "the policy was deleted through a dot segment");
});

test('".." as the policy id cannot reach the collection of policies either', async ({ h }) => {
  const api = createLowLevelClient({ baseUrl: h.server.baseUrl, token: TOKEN });
  const error = await graphError(api.GET(ASSIGNMENTS, { params: { path: { "deviceManagementConfigurationPolicy-id": ".." } } }));
  assert.is(error.code, "invalidRequest");
  assert.is(h.server.requests.length, 0);
});

test("nasty ids stay one segment under the collection, and reach that very assignment", async ({ h }) => {
  const api = createLowLevelClient({ baseUrl: h.server.baseUrl, token: TOKEN });
  for (const id of ["../x", "a/b", "./a", "...", "a?b#c", "%2F", "$count"]) {
    h.server.store.addAssignment(POLICY, { id, target: GROUP_TARGET });
    const { data, response } = await api.GET(ITEM, { params: { path: { "deviceManagementConfigurationPolicy-id": POLICY, "deviceManagementConfigurationPolicyAssignment-id": id } } });
    assert.is(response.status, 200, id);
    assert.is(data?.id, id);
    const raw = h.server.requests.at(-1)!.rawPath;
    assert.is(raw, `${LIST}/${encodeURIComponent(id)}`);
  }
});

test("a low-level body with NaN or a function is refused before sending, naming the path", async ({ h }) => {
  const api = createLowLevelClient({ baseUrl: h.server.baseUrl, token: TOKEN });
  const body = { target: { ...GROUP_TARGET, weight: Number.NaN } } as never;
  const error = await graphError(api.POST(ASSIGNMENTS, { params: { path: { "deviceManagementConfigurationPolicy-id": POLICY } }, body }));
  assert.instance(error, GraphError);
  assert.is(error.code, "invalidRequestBody");
  assert.is(error.target, "body.target.weight");
  const withFunction = { target: GROUP_TARGET, hook: () => 1 } as never;
  const second = await graphError(api.POST(ASSIGNMENTS, { params: { path: { "deviceManagementConfigurationPolicy-id": POLICY } }, body: withFunction }));
  assert.is(second.target, "body.hook");
  assert.is(h.server.requests.length, 0);
});

test.run();
