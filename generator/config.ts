/**
 * The committed generator config (`graphslice.config.json`): which spec files make each slice and
 * which paths it includes. Every problem is reported with the property that has it.
 */
import { readFile } from "node:fs/promises";

export interface SliceConfig {
  /** Folder name under the output directory, and the package subpath (`graphslice/<name>`). */
  name: string;
  /**
   * OpenAPI file or URL (`.br` files are read decompressed), or several, merged into one description:
   * a module and its companion `*.Actions.yml` / `*.Functions.yml` files.
   */
  openapi: string | string[];
  /** Optional CSDL ($metadata) file or URL, merged into the model. */
  csdl?: string;
  /** Path patterns: `*` matches within one segment, `**` across segments. */
  include: string[];
  /** OpenAPI Overlay 1.0.0 files or URLs, applied in order to the OpenAPI after load, before slicing. */
  overlays?: string[];
}

export interface GeneratorConfig {
  /** Output directory, relative to the config file's directory. */
  output: string;
  /**
   * How generated files are formatted: `printer` (default) keeps the TypeScript printer's output,
   * which is deterministic and fast at any size; `prettier` also runs prettier with pinned options
   * (readable line widths, about twice the generation time).
   */
  format?: "printer" | "prettier";
  /** The slice the package root (`graphslice`) exports. */
  main: string;
  /**
   * `true` puts `// @ts-nocheck` on every generated file but the index files, so that the
   * consumer's compiler uses their types without checking them again (as `skipLibCheck` skips a
   * package's declarations): about half the type-check time of a whole-module SDK. Off by default,
   * since it would also hide an error in what was generated.
   */
  skipTypeCheck?: boolean;
  slices: SliceConfig[];
}

/** A slice's OpenAPI inputs as a list, whether the config gives one or several. */
export function openApiFiles(slice: Pick<SliceConfig, "openapi">): string[] {
  return Array.isArray(slice.openapi) ? slice.openapi : [slice.openapi];
}

export async function loadConfig(path: string): Promise<GeneratorConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new Error(`${path}: cannot read the generator config: ${(error as Error).message}`);
  }
  return checkConfig(raw, path);
}

export function checkConfig(raw: unknown, path: string): GeneratorConfig {
  const fail = (property: string, problem: string): never => {
    throw new Error(`${path}: ${property} ${problem}`);
  };
  const config = raw as Partial<GeneratorConfig>;
  if (typeof config !== "object" || config === null) fail("(root)", "must be an object");
  unknownKeys(config, TOP_KEYS, "", "the config", fail);
  if (typeof config.output !== "string" || !config.output) fail("output", "must be a non-empty string");
  if (!Array.isArray(config.slices) || config.slices.length === 0) fail("slices", "must be a non-empty array");
  const names = new Set<string>();
  config.slices!.forEach((slice, i) => {
    const at = `slices[${i}]`;
    if (typeof slice !== "object" || slice === null || Array.isArray(slice)) fail(at, "must be an object with name, openapi and include");
    unknownKeys(slice, SLICE_KEYS, `${at}.`, "a slice", fail);
    if (typeof slice?.name !== "string" || !/^[a-z][a-z0-9-]*$/.test(slice.name)) fail(`${at}.name`, "must be a kebab-case name such as \"assignments\"");
    if (names.has(slice.name)) fail(`${at}.name`, `repeats the slice name "${slice.name}"`);
    names.add(slice.name);
    const files: unknown[] = Array.isArray(slice.openapi) ? slice.openapi : [slice.openapi];
    if (files.length === 0) fail(`${at}.openapi`, "must name an OpenAPI file or URL, or a non-empty list of them");
    files.forEach((file, j) => {
      const where = Array.isArray(slice.openapi) ? `${at}.openapi[${j}]` : `${at}.openapi`;
      if (typeof file !== "string" || !file) fail(where, "must name an OpenAPI file or URL");
      if (files.indexOf(file) !== j) fail(where, `repeats ${JSON.stringify(file)}`);
    });
    if (slice.csdl !== undefined && (typeof slice.csdl !== "string" || !slice.csdl)) fail(`${at}.csdl`, "must name a CSDL file or URL when present");
    if (!Array.isArray(slice.include) || slice.include.length === 0) fail(`${at}.include`, "must be a non-empty array of path patterns");
    if (slice.overlays !== undefined && (!Array.isArray(slice.overlays) || slice.overlays.some((o) => typeof o !== "string" || !o))) fail(`${at}.overlays`, "must be an array of overlay files or URLs when present");
    slice.include.forEach((p, j) => {
      if (typeof p !== "string" || !p.startsWith("/")) fail(`${at}.include[${j}]`, `must be a path pattern starting with "/", got ${JSON.stringify(p)}`);
    });
  });
  if (config.format !== undefined && config.format !== "printer" && config.format !== "prettier") fail("format", `must be "printer" or "prettier", got ${JSON.stringify(config.format)}`);
  if (config.skipTypeCheck !== undefined && typeof config.skipTypeCheck !== "boolean") fail("skipTypeCheck", `must be true or false, got ${JSON.stringify(config.skipTypeCheck)}`);
  const main = config.main ?? config.slices![0]!.name;
  if (!names.has(main)) fail("main", `names no slice (slices are ${[...names].join(", ")})`);
  return { output: config.output!, main, slices: config.slices!, ...(config.format ? { format: config.format } : {}), ...(config.skipTypeCheck ? { skipTypeCheck: true } : {}) };
}

const TOP_KEYS = ["output", "format", "main", "slices", "skipTypeCheck"] as const;
const SLICE_KEYS = ["name", "openapi", "csdl", "include", "overlays"] as const;

/** A key the generator does not read is a mistake (`overlay` for `overlays` would skip the overlays). */
function unknownKeys(object: object, known: readonly string[], prefix: string, what: string, fail: (property: string, problem: string) => never): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    const closest = closestKey(key, known);
    fail(`${prefix}${key}`, `is not a key the generator reads${closest ? ` (did you mean ${closest}?)` : ""}; ${what} has ${known.join(", ")}`);
  }
}

function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.key.length / 3)) ? best.key : undefined;
}

/** Levenshtein distance, with a swap of two neighbours counting as one edit (`outptu` → `output`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
