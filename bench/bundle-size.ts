/**
 * (a) Consumer bundle size: each client's consumer (bench/consumers/*.ts) plus a two-line entry that
 * sends the seed PATCH, bundled by esbuild (ESM, minified, tree-shaken) for the browser, then gzipped
 * (level 9) and brotli-compressed (with every chunk the call loads, graphslice's validation tables included); the same for platform node (package.json "browser" fields
 * ignored), which is what some published figures quote. Lists which packages the bytes come from.
 */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { relative } from "node:path";
import { bundleMinified, SEED_VALIDATION_TABLES, importConsumer } from "./bundles.js";
import { REPO_DIR, consumerPath, type ClientId, type ClientInfo } from "./clients.js";
import { ratio } from "./stats.js";

export interface BundleSize {
  id: ClientId;
  label: string;
  minified: number;
  gzip: number;
  brotli: number;
  /** gzip bytes / bare fetch gzip bytes. */
  gzipRatio: number;
  nodeMinified: number;
  nodeGzip: number;
  /** Largest contributors to the minified output (bytes), grouped by package. */
  topInputs: Array<{ input: string; bytes: number }>;
  error?: string;
}

function packageOf(input: string): string {
  const parts = input.split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at >= 0) {
    const name = parts[at + 1] ?? input;
    return name.startsWith("@") ? `${name}/${parts[at + 2] ?? ""}` : name;
  }
  return relative(REPO_DIR, input.startsWith("/") ? input : `${REPO_DIR}/${input}`) || input;
}

export async function measureBundleSizes(clients: readonly ClientInfo[], log?: (line: string) => void): Promise<BundleSize[]> {
  const results: BundleSize[] = [];
  for (const client of clients) {
    const entry = `${importConsumer(consumerPath(client))}
const patch = createPatcher({ baseUrl: "https://graph.microsoft.com/beta", token: "bench-token" });
patch("policy-1", "1f069921-9921-1f06-2199-061f2199061f").then((assignment) => console.log(assignment));`;
    try {
      // The call validates its body, so the tables it loads on first use count.
      const bundle = await bundleMinified(entry, "browser", SEED_VALIDATION_TABLES);
      const nodeBundle = await bundleMinified(entry, "node", SEED_VALIDATION_TABLES);
      const grouped = new Map<string, number>();
      for (const output of Object.values(bundle.metafile.outputs)) {
        for (const [input, info] of Object.entries(output.inputs)) {
          const key = packageOf(input);
          grouped.set(key, (grouped.get(key) ?? 0) + info.bytesInOutput);
        }
      }
      const topInputs = [...grouped.entries()]
        .map(([input, bytes]) => ({ input, bytes }))
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 6);
      results.push({
        id: client.id,
        label: client.label,
        minified: bundle.code.byteLength,
        gzip: gzipSync(bundle.code, { level: 9 }).byteLength,
        brotli: brotliCompressSync(bundle.code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
        gzipRatio: Number.NaN,
        nodeMinified: nodeBundle.code.byteLength,
        nodeGzip: gzipSync(nodeBundle.code, { level: 9 }).byteLength,
        topInputs,
      });
      log?.(`  bundle ${client.id}: ${bundle.code.byteLength} B minified`);
    } catch (error) {
      results.push({
        id: client.id,
        label: client.label,
        minified: Number.NaN,
        gzip: Number.NaN,
        brotli: Number.NaN,
        gzipRatio: Number.NaN,
        nodeMinified: Number.NaN,
        nodeGzip: Number.NaN,
        topInputs: [],
        error: String(error instanceof Error ? error.message : error).slice(0, 500),
      });
      log?.(`  bundle ${client.id} failed: ${String(error).slice(0, 200)}`);
    }
  }
  const bare = results.find((r) => r.id === "bare-fetch");
  for (const r of results) r.gzipRatio = ratio(r.gzip, bare?.gzip);
  return results;
}
