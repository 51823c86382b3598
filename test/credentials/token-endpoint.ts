/**
 * A local Entra ID stand-in for `@azure/identity` over HTTPS on 127.0.0.1: the OpenID configuration
 * MSAL reads first, and a token endpoint for the client-credentials grant. It issues `token-1`, and
 * `token-2` when the request carries a challenge's claims (`nbf`: a CAE challenge answered; MSAL
 * always sends its client capabilities as claims too). The certificate is made at
 * test time with openssl and trusted by the client process through NODE_EXTRA_CA_CERTS.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { scratchDir } from "../helpers/scratch.js";

export interface TokenRequest {
  path: string;
  form: Record<string, string>;
}

export interface TokenEndpoint {
  authorityHost: string;
  /** The certificate file to pass as NODE_EXTRA_CA_CERTS. */
  caFile: string;
  requests: TokenRequest[];
  close(): Promise<void>;
}

/** A self-signed certificate for IP 127.0.0.1, valid for a day. */
function makeCertificate(): { dir: string; key: string; cert: string } {
  const dir = scratchDir("tls");
  const key = join(dir, "key.pem");
  const cert = join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "pipe" });
  return { dir, key, cert };
}

export async function startTokenEndpoint(): Promise<TokenEndpoint> {
  const { key, cert } = makeCertificate();
  const requests: TokenRequest[] = [];
  let authorityHost = "";
  const server: Server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", authorityHost).pathname;
      const tenant = path.split("/")[1] ?? "";
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "GET" && path.endsWith("/.well-known/openid-configuration")) {
        return json(200, {
          issuer: `${authorityHost}/${tenant}/v2.0`,
          authorization_endpoint: `${authorityHost}/${tenant}/oauth2/v2.0/authorize`,
          token_endpoint: `${authorityHost}/${tenant}/oauth2/v2.0/token`,
          end_session_endpoint: `${authorityHost}/${tenant}/oauth2/v2.0/logout`,
          jwks_uri: `${authorityHost}/${tenant}/discovery/v2.0/keys`,
          response_types_supported: ["code", "id_token", "token"],
        });
      }
      if (req.method === "POST" && path.endsWith("/oauth2/v2.0/token")) {
        const form = Object.fromEntries(new URLSearchParams(raw));
        requests.push({ path, form });
        return json(200, { token_type: "Bearer", expires_in: 3600, ext_expires_in: 3600, access_token: form.claims?.includes('"nbf"') ? "token-2" : "token-1" });
      }
      json(404, { error: "not_found", error_description: `${req.method} ${path}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  authorityHost = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authorityHost,
    caFile: cert,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
