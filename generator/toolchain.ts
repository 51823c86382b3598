/**
 * The packages the generator needs at generate time (not the SDK at run time), with the exact
 * versions it is tested with. package.json lists them as devDependencies (these versions) and as
 * optional peerDependencies (ranges these versions satisfy); test/cli checks the three agree.
 */
export const GENERATOR_TOOLCHAIN = {
  "@apidevtools/swagger-parser": "12.1.0",
  "fast-xml-parser": "5.12.1",
  "openapi-typescript": "7.13.0",
  prettier: "3.10.1",
  "ts-morph": "28.0.0",
  typescript: "5.9.3",
} as const;
