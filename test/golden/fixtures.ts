/**
 * The fixture specs under spec/fixtures/, one small spec (or spec + CSDL) per feature, and how to
 * generate each as a one-slice config.
 */
import { fileURLToPath } from "node:url";
import type { GeneratorConfig } from "../../generator/config.js";

export const REPO = fileURLToPath(new URL("../../", import.meta.url));

export const FIXTURES: { name: string; openapi: string; csdl?: string }[] = [
  { name: "discriminator-allof", openapi: "discriminator-allof.yaml" },
  { name: "csdl-derived", openapi: "csdl-derived.yaml", csdl: "csdl-derived.xml" },
  { name: "openapi-31-nullability", openapi: "openapi-31-nullability.yaml" },
  { name: "paging-count-action", openapi: "paging-count-action.yaml" },
  { name: "module-constructs", openapi: "module-constructs.yaml" },
  { name: "kiota-style", openapi: "kiota-style.yaml" },
];

export function fixtureConfig(fixture: (typeof FIXTURES)[number], output: string): GeneratorConfig {
  return {
    output,
    main: fixture.name,
    slices: [
      {
        name: fixture.name,
        openapi: `spec/fixtures/${fixture.openapi}`,
        ...(fixture.csdl ? { csdl: `spec/fixtures/${fixture.csdl}` } : {}),
        include: ["/**"],
      },
    ],
  };
}
