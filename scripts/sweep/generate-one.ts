/**
 * One run of the module sweep, in its own process (so its time and peak memory are its own):
 * generates one slice from the given spec files and prints one JSON line with what happened.
 *
 *   tsx scripts/sweep/generate-one.ts <out dir> <csdl or -> <spec file>...
 */
import { generateFromConfig } from "../../generator/index.js";

const [outDir, csdl, ...specs] = process.argv.slice(2);
const start = performance.now();
const stages: Record<string, number> = {};
try {
  const result = await generateFromConfig(
    { output: outDir!, main: "api", slices: [{ name: "api", openapi: specs.length === 1 ? specs[0]! : (specs as never), include: ["/**"], ...(csdl && csdl !== "-" ? { csdl } : {}) }] },
    process.cwd(),
    { log: (line) => {
      const match = /^(?:api: )?(\w+)\s+(\d+) ms$/.exec(line);
      if (match) stages[match[1]!] = Number(match[2]);
    } },
  );
  const manifest = JSON.parse(result.files.find((f) => f.path === "manifest.json")!.content) as { slices: { api: { operations: object; types: object } } };
  console.log(JSON.stringify({
    ok: true,
    ms: Math.round(performance.now() - start),
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    operations: Object.keys(manifest.slices.api.operations).length,
    types: Object.keys(manifest.slices.api.types).length,
    warnings: result.warnings,
    stages,
  }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, ms: Math.round(performance.now() - start), rssMb: Math.round(process.resourceUsage().maxRSS / 1024), error: (error as Error).message.slice(0, 500) }));
}
