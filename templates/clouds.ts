/**
 * National clouds: each is a separate Graph deployment with its own host, and tokens are issued per
 * host (scope `https://<host>/.default`). See https://learn.microsoft.com/graph/deployments.
 */
export const NATIONAL_CLOUDS = {
  /** Microsoft Graph global service. */
  global: "https://graph.microsoft.com",
  /** Microsoft Graph for US Government L4. */
  usGovL4: "https://graph.microsoft.us",
  /** Microsoft Graph for US Government L5 (DoD). */
  usGovL5: "https://dod-graph.microsoft.us",
  /** Microsoft Graph China operated by 21Vianet. */
  china: "https://microsoftgraph.chinacloudapi.cn",
} as const;

export type NationalCloud = keyof typeof NATIONAL_CLOUDS;

/** The base URL for a cloud and API version. */
export function cloudBaseUrl(cloud: NationalCloud, version: "beta" | "v1.0" = "beta"): string {
  const host = NATIONAL_CLOUDS[cloud];
  if (!host) throw new TypeError(`cloud must be one of ${Object.keys(NATIONAL_CLOUDS).join(", ")}, got ${JSON.stringify(cloud)}`);
  return `${host}/${version}`;
}

/**
 * The default token scope: `https://<Graph host>/.default` of the cloud the base URL points at. A base
 * URL on a Graph host gives that cloud (`https://graph.microsoft.us/beta` → US Government L4); any
 * other host (a proxy, a test server) gives the `cloud` option's host, by default the global one.
 * Tokens are issued for Graph, never for a proxy's origin.
 */
export function defaultScope(baseUrl: string, cloud: NationalCloud = "global"): string {
  // Every host in the table is `https://<hostname>`: a base URL on one names it by its hostname.
  const onGraph = `https://${new URL(baseUrl).hostname}`;
  const named = (Object.values(NATIONAL_CLOUDS) as string[]).includes(onGraph);
  return `${named ? onGraph : NATIONAL_CLOUDS[cloud] ?? cloudBaseUrl(cloud)}/.default`;
}
