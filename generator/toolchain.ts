/**
 * The packages the generator needs at generate time (not the SDK at run time), with the exact
 * versions it is tested with. package.json pins them as devDependencies; they are deliberately not
 * dependencies (some 70 MB for every SDK user) nor peerDependencies (npm refuses to install a
 * package whose optional peer conflicts with the app's own TypeScript or prettier, so an app on
 * TypeScript 5.4 could not install the SDK). The published command checks for them instead
 * (generator/bin.ts). test/package/layout.test.ts checks package.json agrees.
 */
export const GENERATOR_TOOLCHAIN = {
  "@apidevtools/swagger-parser": "12.1.0",
  "fast-xml-parser": "5.12.1",
  "jsonpath-plus": "11.3.0",
  prettier: "3.10.1",
  "ts-morph": "28.0.0",
  typescript: "5.9.3",
  yaml: "2.9.1",
} as const;
