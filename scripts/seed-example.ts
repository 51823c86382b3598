/**
 * The documented PATCH example, read from the Graph API reference page the project started from
 * (spec/seeds/update-deviceManagementConfigurationPolicyAssignment.md, copied verbatim), so the demo and
 * the tests send exactly what Microsoft documents.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SEED_PAGE = fileURLToPath(new URL("../spec/seeds/update-deviceManagementConfigurationPolicyAssignment.md", import.meta.url));

export interface SeedExample {
  method: string;
  /** The request path below the version segment, with the page's `{…}` placeholders. */
  path: string;
  requestBody: Record<string, unknown>;
  responseBody: Record<string, unknown>;
}

export function readSeedExample(page = readFileSync(SEED_PAGE, "utf8")): SeedExample {
  const example = page.slice(page.indexOf("## Example"));
  const blocks = [...example.matchAll(/```\s*http\n([\s\S]*?)```/g)].map((m) => m[1]!);
  if (blocks.length < 2) throw new Error(`${SEED_PAGE}: expected a request and a response http block under "## Example"`);
  const [method, url] = blocks[0]!.split("\n")[0]!.split(" ");
  return {
    method: method!,
    path: decodeURI(new URL(url!).pathname).replace(/^\/beta/, ""),
    requestBody: jsonOf(blocks[0]!),
    responseBody: jsonOf(blocks[1]!),
  };
}

function jsonOf(block: string): Record<string, unknown> {
  // The body follows the headers and a blank line.
  return JSON.parse(block.slice(block.indexOf("\n\n") + 2)) as Record<string, unknown>;
}
