/**
 * What a page loads for one call: the one-PATCH app bundled as the benchmark bundles it (esbuild,
 * minified, code-split) keeps rare-path code out of the chunks the entry imports statically. The
 * CAE claims parser (challenge.ts) is in a chunk of its own, reached only by the dynamic import the
 * transport makes when a 401 carries a claims challenge; so are the paging code (loaded by the first
 * `iterate`), the batching runtime, the list of operation indexes and the validation tables.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { bundleMinified } from "../../bench/bundles.js";

const test = suite("runtime: code split of a one-call bundle");
const index = join(fileURLToPath(new URL("../..", import.meta.url)), "generated", "assignments", "index.ts");
const app = `import { createGraphClient } from ${JSON.stringify(index)};
const graph = createGraphClient({ baseUrl: "https://graph.microsoft.com/beta", token: "t" });
graph.deviceManagement.configurationPolicies.byId("p").assignments.byId("a").patch({ target: { "@odata.type": "#microsoft.graph.allDevicesAssignmentTarget" } }).then(console.log);`;

test("the claims parser is not in the statically loaded chunks, but in a chunk the transport imports on demand", async () => {
  const { code, metafile } = await bundleMinified(app, "browser");
  const loaded = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
  assert.ok(loaded.some((input) => input.endsWith("runtime/transport.ts")), "the transport is loaded");
  assert.not.ok(loaded.some((input) => input.endsWith("runtime/challenge.ts")), "challenge.ts is not loaded with the call");
  const text = Buffer.from(code).toString();
  assert.not.match(text, "atob(", "the base64 decoding of claims is not in the loaded code");
  assert.match(text, /import\("\.\/challenge-[\w-]+\.js"\)/, "the transport reaches it by a dynamic import");
});

test("paging, batching and the validation tables are chunks of their own, which a PATCH app does not load statically", async () => {
  const { code, metafile } = await bundleMinified(app, "browser");
  const loaded = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
  for (const file of ["runtime/paging.ts", "runtime/batch.ts", "runtime/validate.ts", "assignments/operation-indexes.ts", "assignments/operation-indexes/0.ts", "assignments/operation-indexes/1.ts", "assignments/operation-indexes/2.ts"]) {
    assert.not.ok(loaded.some((input) => input.endsWith(file)), `${file} is not loaded with the call`);
  }
  const text = Buffer.from(code).toString();
  // The entry holds one loader for the list of operation indexes, not a loader per index.
  for (const chunk of ["paging", "batch", "operation-indexes"]) assert.match(text, new RegExp(`import\\("\\./${chunk}-[\\w-]+\\.js"\\)`), `${chunk} is reached by a dynamic import`);
  for (const chunk of ["0", "1", "2"]) assert.not.match(text, new RegExp(`import\\("\\./${chunk}-[\\w-]+\\.js"\\)`), `index ${chunk} is reached from the list, not from the entry`);
});

test.run();
