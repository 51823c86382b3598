/**
 * National clouds through the client, over HTTP: each preset sets the base URL, and the token scope
 * handed to the credential is derived from that host (`https://<host>/.default`). An injected `fetch`
 * records the URL the client asked for and relays the request to the local server, so the PATCH
 * really travels over HTTP while nothing leaves 127.0.0.1.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { cloudBaseUrl, createGraphClient, NATIONAL_CLOUDS, type AccessToken, type NationalCloud, type TokenCredential } from "../../generated/index.js";
import { startGraphServer, type GraphServer } from "../server/graph-server.js";
import { assertPatched, DOCUMENTED_TARGET, seed } from "./scenario.js";

const test = suite<{ server: GraphServer }>("package: national clouds");

test.before(async (ctx) => {
  ctx.server = await startGraphServer();
});
test.after(async (ctx) => ctx.server?.close());
test.before.each(({ server }) => {
  server.store.reset();
  server.requests.length = 0;
});

/** A fetch that records what the client asked for and sends it to the local server instead. */
function relayTo(server: GraphServer, asked: string[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    asked.push(url.href);
    return fetch(`${server.url}${url.pathname}${url.search}`, init);
  };
}

/** A fake TokenCredential: remembers the scopes it was asked for, returns a token naming them. */
function fakeCredential(scopesAsked: string[][]): TokenCredential {
  return {
    async getToken(scopes): Promise<AccessToken> {
      const list = ([] as string[]).concat(scopes);
      scopesAsked.push(list);
      return { token: `token-for ${list.join(" ")}`, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
}

const EXPECTED_HOSTS: Record<NationalCloud, string> = {
  global: "https://graph.microsoft.com",
  usGovL4: "https://graph.microsoft.us",
  usGovL5: "https://dod-graph.microsoft.us",
  china: "https://microsoftgraph.chinacloudapi.cn",
};

test("the presets are the four Graph deployments", () => {
  assert.equal(NATIONAL_CLOUDS, EXPECTED_HOSTS);
});

for (const cloud of Object.keys(EXPECTED_HOSTS) as NationalCloud[]) {
  test(`cloud "${cloud}": base URL ${EXPECTED_HOSTS[cloud]}/beta and scope ${EXPECTED_HOSTS[cloud]}/.default`, async ({ server }) => {
    const host = EXPECTED_HOSTS[cloud];
    const seeded = seed(server, cloud);
    const asked: string[] = [];
    const scopesAsked: string[][] = [];
    const graph = createGraphClient({ cloud, credential: fakeCredential(scopesAsked), fetch: relayTo(server, asked) });
    const updated = await graph.deviceManagement.configurationPolicies.byId(seeded.policyId).assignments.byId(seeded.assignmentId).patch({ target: DOCUMENTED_TARGET });
    assert.equal(updated.target, DOCUMENTED_TARGET);
    assert.equal(asked, [`${host}/beta/deviceManagement/configurationPolicies/${seeded.policyId}/assignments/${seeded.assignmentId}`]);
    assert.equal(scopesAsked, [[`${host}/.default`]]);
    assertPatched(server, seeded, `Bearer token-for ${host}/.default`);
  });
}

test("no cloud and no baseUrl means the global service", async ({ server }) => {
  const seeded = seed(server, "default");
  const asked: string[] = [];
  const scopesAsked: string[][] = [];
  await createGraphClient({ credential: fakeCredential(scopesAsked), fetch: relayTo(server, asked) })
    .deviceManagement.configurationPolicies.byId(seeded.policyId).assignments.byId(seeded.assignmentId).get();
  assert.ok(asked[0]?.startsWith("https://graph.microsoft.com/beta/"), asked[0]);
  assert.equal(scopesAsked, [["https://graph.microsoft.com/.default"]]);
});

test("a baseUrl derives the scope from its own host; explicit scopes win", async ({ server }) => {
  const seeded = seed(server, "explicit");
  const scopesAsked: string[][] = [];
  const asked: string[] = [];
  const get = (options: Parameters<typeof createGraphClient>[0]) =>
    createGraphClient({ ...options, credential: fakeCredential(scopesAsked), fetch: relayTo(server, asked) })
      .deviceManagement.configurationPolicies.byId(seeded.policyId).assignments.byId(seeded.assignmentId).get();
  await get({ baseUrl: "https://dod-graph.microsoft.us/beta/" });
  await get({ cloud: "china", scopes: ["api://custom/.default"] });
  assert.equal(scopesAsked, [["https://dod-graph.microsoft.us/.default"], ["api://custom/.default"]]);
  assert.ok(asked[0]?.startsWith("https://dod-graph.microsoft.us/beta/deviceManagement/"), asked[0]);
  assert.ok(asked[1]?.startsWith("https://microsoftgraph.chinacloudapi.cn/beta/deviceManagement/"), asked[1]);
});

test("cloudBaseUrl picks the API version; an unknown cloud is a TypeError naming the known ones", () => {
  assert.is(cloudBaseUrl("usGovL4", "v1.0"), "https://graph.microsoft.us/v1.0");
  assert.throws(() => createGraphClient({ cloud: "mars" as NationalCloud }), /cloud must be one of global, usGovL4, usGovL5, china, got "mars"/);
});

test.run();
