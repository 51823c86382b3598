/**
 * The real `@azure/identity` (issue 10, item 13): a ClientSecretCredential against a local HTTPS
 * token endpoint (self-signed, trusted via NODE_EXTRA_CA_CERTS, instance discovery off), offline.
 * Such a credential hands back its cached token, so a plain "new token on 401" never helps; a CAE
 * claims challenge does: `getToken(scopes, { claims })` makes it fetch anew, and the call is retried once.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { startRecordingServer, type RecordingServer } from "../server/recording-server.js";
import { startTokenEndpoint, type TokenEndpoint } from "./token-endpoint.js";

const CLAIMS = '{"access_token":{"nbf":{"essential":true,"value":"1604106651"}}}';
const CHALLENGE = `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${Buffer.from(CLAIMS).toString("base64")}"`;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const test = suite<{ tokens: TokenEndpoint; graph: RecordingServer }>("credentials: @azure/identity over a local HTTPS token endpoint");

test.before(async (ctx) => {
  ctx.tokens = await startTokenEndpoint();
  ctx.graph = await startRecordingServer({
    respond: (req) =>
      req.rawPath.includes("/plain/")
        ? { status: 401, body: JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: "Access token has expired or is not yet valid." } }) }
        : req.headers.authorization === "Bearer token-2"
        ? { status: 200, body: JSON.stringify({ value: [{ id: "a1" }] }) }
        : { status: 401, headers: { "www-authenticate": CHALLENGE }, body: JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: "Continuous access evaluation resulted in challenge" } }) },
  });
});
test.after(async (ctx) => {
  await ctx.graph?.close();
  await ctx.tokens?.close();
});

function runClient(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./identity-client.ts", import.meta.url))], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

test("a CAE challenge: the credential is asked again with the claims, gets a new token, and the call succeeds", async ({ tokens, graph }) => {
  const { code, stdout, stderr } = await runClient({ NODE_EXTRA_CA_CERTS: tokens.caFile, AUTHORITY_HOST: tokens.authorityHost, GRAPH_BASE_URL: `${graph.url}/beta`, POLICY_ID: "p" });
  assert.is(code, 0, stderr);
  assert.equal(JSON.parse(stdout.trim().split("\n").at(-1)!), { value: [{ id: "a1" }] }, stderr);
  assert.is(tokens.requests.length, 2, JSON.stringify(tokens.requests));
  const [first, second] = tokens.requests;
  assert.is(first!.form.grant_type, "client_credentials");
  assert.is(first!.form.scope, "https://graph.microsoft.com/.default", "scope from the cloud, not the local base URL");
  assert.is(first!.form.client_secret, "client-secret-1");
  // MSAL merges the challenge's claims with its own client capabilities (CAE: "cp1").
  const claims = JSON.parse(second!.form.claims ?? "{}");
  assert.equal(claims.access_token.nbf, { essential: true, value: "1604106651" });
  assert.equal(graph.requests.map((r) => r.headers.authorization), ["Bearer token-1", "Bearer token-2"]);
  assert.is(graph.requests[0]!.headers["client-request-id"], graph.requests[1]!.headers["client-request-id"]);
});

test("a 401 without a challenge: the credential's cached token would not help, so no second attempt", async ({ tokens, graph }) => {
  const before = { tokens: tokens.requests.length, graph: graph.requests.length };
  const { code, stdout, stderr } = await runClient({ NODE_EXTRA_CA_CERTS: tokens.caFile, AUTHORITY_HOST: tokens.authorityHost, GRAPH_BASE_URL: `${graph.url}/beta`, POLICY_ID: "plain" });
  assert.is(code, 0, stderr);
  assert.equal(JSON.parse(stdout.trim().split("\n").at(-1)!).error, {
    isGraphError: true,
    code: "InvalidAuthenticationToken",
    status: 401,
    message: `GET ${graph.url}/beta/deviceManagement/configurationPolicies/plain/assignments failed: Access token has expired or is not yet valid.`,
  });
  assert.is(graph.requests.length - before.graph, 1, "retried with the same cached token");
  assert.is(tokens.requests.length - before.tokens, 1, "a new process fetches its first token once");
});

test.run();
