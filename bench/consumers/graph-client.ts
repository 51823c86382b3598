/**
 * Consumer: the seed PATCH through @microsoft/microsoft-graph-client 3.x with its default middleware
 * chain (authentication, retry, redirect on node, telemetry, fetch).
 *
 * Its AuthenticationHandler only recognises https:// Graph hosts or `customHosts` (and its host check
 * only parses https URLs); for any other URL it deletes the Authorization header. Against the
 * http://127.0.0.1 loopback server it would therefore send no token. So for plain-http base URLs one
 * tiny middleware is placed right after the AuthenticationHandler that asks the same auth provider for
 * the token and sets the header: the default chain still runs in full, plus one hop.
 */
import { Client, CustomAuthenticationProvider, MiddlewareFactory, type Context, type Middleware } from "@microsoft/microsoft-graph-client";

class PlainHttpAuthorization implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly provider: CustomAuthenticationProvider) {}
  async execute(context: Context): Promise<void> {
    const token = await this.provider.getAccessToken();
    const options = (context.options ??= {});
    if (options.headers instanceof Headers) options.headers.set("Authorization", `Bearer ${token}`);
    else options.headers = { ...(options.headers as Record<string, string> | undefined), Authorization: `Bearer ${token}` };
    if (!this.next) throw new Error("PlainHttpAuthorization must not be last in the chain");
    return this.next.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

export function createPatcher(config: { baseUrl: string; token: string }) {
  const origin = new URL(config.baseUrl);
  const authProvider = new CustomAuthenticationProvider((done) => done(null, config.token));
  const middleware = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
  if (origin.protocol === "http:") middleware.splice(1, 0, new PlainHttpAuthorization(authProvider));
  const client = Client.initWithMiddleware({
    middleware,
    baseUrl: `${origin.protocol}//${origin.host}/`,
    defaultVersion: origin.pathname.replace(/^\/+|\/+$/g, ""),
    customHosts: new Set([origin.hostname]),
  });
  return (policyId: string, assignmentId: string): Promise<unknown> =>
    client
      .api(`/deviceManagement/configurationPolicies/${encodeURIComponent(policyId)}/assignments/${encodeURIComponent(assignmentId)}`)
      .patch({
        "@odata.type": "#microsoft.graph.deviceManagementConfigurationPolicyAssignment",
        target: {
          "@odata.type": "microsoft.graph.configurationManagerCollectionAssignmentTarget",
          deviceAndAppManagementAssignmentFilterId: "Device And App Management Assignment Filter Id value",
          deviceAndAppManagementAssignmentFilterType: "include",
          collectionId: "Collection Id value",
        },
      });
}
