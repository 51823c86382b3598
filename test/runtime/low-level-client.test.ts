/**
 * The low-level openapi-fetch client: typed by the spec's `paths`, running on the same runtime.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { createLowLevelClient, GraphError } from "../../generated/index.js";
import { lastRequest, startHarness, type Harness } from "./helpers.js";

const test = suite<{ h: Harness }>("low-level client over HTTP", {} as { h: Harness });
test.before.each(async (ctx) => {
  ctx.h = await startHarness();
});
test.after.each(async (ctx) => ctx.h.server.close());

const ITEM = "/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments/{deviceManagementConfigurationPolicyAssignment-id}" as const;
const LIST = "/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicy-id}/assignments" as const;

test("PATCH with the documented body shape, through the shared runtime (token, #-normalisation)", async ({ h }) => {
  const api = createLowLevelClient({ baseUrl: h.server.baseUrl, token: async () => "low-level-token" });
  const { data, error, response } = await api.PATCH(ITEM, {
    params: { path: { "deviceManagementConfigurationPolicy-id": h.policyId, "deviceManagementConfigurationPolicyAssignment-id": h.assignmentId } },
    body: { target: { "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget", collectionId: "c" } },
  });
  assert.is(error, undefined);
  assert.is(response.status, 200);
  const sent = lastRequest(h.server);
  assert.is(sent.headers.authorization, "Bearer low-level-token");
  assert.is(sent.json.target["@odata.type"], "#microsoft.graph.configurationManagerCollectionAssignmentTarget");
  assert.is(data?.target?.["@odata.type"], "#microsoft.graph.configurationManagerCollectionAssignmentTarget");
});

test("responses are normalised too: an @odata.type stored without # comes back with it", async ({ h }) => {
  h.server.store.updateAssignment(h.policyId, h.assignmentId, { target: { "@odata.type": "microsoft.graph.groupAssignmentTarget", groupId: "g" } });
  const api = createLowLevelClient({ baseUrl: h.server.baseUrl, token: "low-level-token" });
  const { data } = await api.GET(ITEM, { params: { path: { "deviceManagementConfigurationPolicy-id": h.policyId, "deviceManagementConfigurationPolicyAssignment-id": h.assignmentId } } });
  assert.is(data?.target?.["@odata.type"], "#microsoft.graph.groupAssignmentTarget");
  const { response } = await api.DELETE(ITEM, { params: { path: { "deviceManagementConfigurationPolicy-id": h.policyId, "deviceManagementConfigurationPolicyAssignment-id": h.assignmentId } } });
  assert.is(response.status, 204, "a 204 passes through without a body");
});

test("GET with OData query arrays comma-joined; errors come back as { error }", async ({ h }) => {
  const api = createLowLevelClient({ baseUrl: h.server.baseUrl, token: "low-level-token" });
  const { data } = await api.GET(LIST, { params: { path: { "deviceManagementConfigurationPolicy-id": h.policyId }, query: { $top: 1, $select: ["id", "target"] } } });
  assert.is(data?.value?.length, 1);
  assert.match(lastRequest(h.server).rawPath, /\?\$top=1&\$select=id,target$/);
  const missing = await api.GET(ITEM, { params: { path: { "deviceManagementConfigurationPolicy-id": h.policyId, "deviceManagementConfigurationPolicyAssignment-id": "nope" } } });
  assert.is(missing.response.status, 404);
  assert.is(missing.error?.error.code, "ResourceNotFound");
});
test("a query value the URL cannot carry (NaN, Infinity, null in an array, an object, a lone surrogate) is refused before sending, naming the option", async ({ h }) => {
  const api = createLowLevelClient({ baseUrl: h.server.baseUrl, token: "low-level-token" });
  const before = h.server.requests.length;
  const cases: [Record<string, unknown>, string][] = [
    [{ $top: Number.NaN }, "$top"],
    [{ $top: Infinity }, "$top"],
    [{ $select: ["id", null] }, "$select[1]"],
    [{ $select: [{}] }, "$select[0]"],
    [{ $expand: { target: 1 } }, "$expand"],
    [{ $filter: "id eq '\uD800'" }, "$filter"],
  ];
  for (const [query, option] of cases) {
    const error = await api.GET(LIST, { params: { path: { "deviceManagementConfigurationPolicy-id": h.policyId }, query: query as never } }).catch((e: unknown) => e);
    assert.instance(error, GraphError, option);
    assert.is((error as GraphError).code, "invalidRequest", option);
    assert.match((error as GraphError).message, `query option ${option} must be a string, finite number or boolean`);
  }
  assert.is(h.server.requests.length, before, "nothing was sent");
  // What the URL can carry goes as the typed client sends it: arrays comma-joined, `$` kept, the rest encoded.
  await api.GET(LIST, { params: { path: { "deviceManagementConfigurationPolicy-id": h.policyId }, query: { $select: ["id", "target"], $filter: "id eq 'a&b'", $top: 2, $orderby: [] } } });
  assert.match(lastRequest(h.server).rawPath, /\?\$select=id,target&\$filter=id%20eq%20%27a%26b%27&\$top=2$/);
});
test.run();
