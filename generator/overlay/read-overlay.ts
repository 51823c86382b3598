/**
 * Overlay stage, reading: an OpenAPI Overlay 1.0.0 document (YAML or JSON) checked for the shape the
 * specification gives it (https://spec.openapis.org/overlay/v1.0.0.html): `overlay`, `info.title`,
 * `info.version`, and `actions`, each with a `target` and either `update` or `remove: true`.
 * Every problem names the file and the action at fault.
 */
import type * as Yaml from "yaml";
import { readSource } from "../load/read-source.js";
import { requireCjs } from "../util/require-cjs.js";

const { parse } = requireCjs("yaml") as typeof Yaml;

export interface OverlayAction {
  /** A JSONPath (RFC 9535) selecting the nodes to act on. */
  target: string;
  description?: string;
  /** Merged into each selected object (or appended to each selected array). */
  update?: unknown;
  /** `true`: each selected node is removed from its parent. */
  remove?: boolean;
}

export interface OverlayDocument {
  /** Where it was read from, as the config names it. */
  source: string;
  /** The exact text read, for the manifest's hash. */
  text: string;
  info: { title: string; version: string };
  /** The `extends` URL, when the overlay names the document it was written for. */
  extends?: string;
  actions: OverlayAction[];
}

export async function readOverlay(location: string, shownAs = location): Promise<OverlayDocument> {
  const text = await readSource(location, "overlay");
  return parseOverlay(text, shownAs);
}

export function parseOverlay(text: string, source: string): OverlayDocument {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new Error(`${source}: cannot be read as an overlay (YAML or JSON): ${(error as Error).message}`);
  }
  const fail = (where: string, problem: string): never => {
    throw new Error(`${source}: ${where} ${problem}`);
  };
  if (!isObject(raw)) return fail("(root)", "must be an object");
  if (typeof raw.overlay !== "string" || !/^1\.0\.\d+$/.test(raw.overlay)) fail("overlay", `must be "1.0.0" (an OpenAPI Overlay 1.0 document), got ${JSON.stringify(raw.overlay)}`);
  const info = raw.info;
  if (!isObject(info) || typeof info.title !== "string" || typeof info.version !== "string") fail("info", "must have a string title and version");
  if (raw.extends !== undefined && typeof raw.extends !== "string") fail("extends", "must be a URL string when present");
  if (!Array.isArray(raw.actions) || raw.actions.length === 0) fail("actions", "must be a non-empty array");
  const actions = (raw.actions as unknown[]).map((action, i): OverlayAction => {
    const at = `actions[${i}]`;
    if (!isObject(action)) return fail(at, "must be an object");
    if (typeof action.target !== "string" || !action.target.startsWith("$")) fail(`${at}.target`, `must be a JSONPath starting with "$", got ${JSON.stringify(action.target)}`);
    const syntax = jsonPathProblem(action.target as string);
    if (syntax) fail(`${at}.target`, `${JSON.stringify(action.target)} is not a valid JSONPath: ${syntax}`);
    if (action.description !== undefined && typeof action.description !== "string") fail(`${at}.description`, "must be a string");
    if (action.remove !== undefined && typeof action.remove !== "boolean") fail(`${at}.remove`, "must be a boolean");
    if (action.remove !== true && action.update === undefined) fail(at, "has neither update nor remove: true");
    if (action.remove === true && action.update !== undefined) fail(at, "has both update and remove: true; use two actions");
    return { target: action.target as string, description: action.description as string | undefined, update: action.update, remove: action.remove as boolean | undefined };
  });
  return { source, text, info: { title: (info as { title: string }).title, version: (info as { version: string }).version }, extends: raw.extends as string | undefined, actions };
}

/**
 * What makes a target malformed, or undefined. jsonpath-plus reads `$[`, `$.` or `$['a` without
 * complaint (as the root, or as `$.a`), so an unclosed bracket, parenthesis or quote, an empty `[]`
 * and a path ending in `.` are caught here, before they act on the wrong nodes.
 */
export function jsonPathProblem(path: string): string | undefined {
  if (!path.startsWith("$")) return 'it must start with "$"';
  const open: string[] = [];
  let quote: string | undefined;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if ((c === "'" || c === '"') && open.length > 0) quote = c;
    else if (c === "[" || c === "(") {
      if (c === "[" && path[i + 1] === "]") return `empty brackets at character ${i}`;
      open.push(c);
    } else if (c === "]" || c === ")") {
      const expected = c === "]" ? "[" : "(";
      if (open.pop() !== expected) return `"${c}" at character ${i} closes nothing`;
    }
  }
  if (quote) return `the string opened with ${quote} is not closed`;
  if (open.length > 0) return `"${open[open.length - 1]}" is not closed`;
  if (path.endsWith(".")) return 'it ends with "."; name what follows';
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
