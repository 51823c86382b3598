/**
 * Compares two API summaries and classifies every difference for the SDK's users:
 * - breaking: code that compiled or worked against the old SDK may not against the new one
 *   (something removed, a type changed, a property became nullable or stopped being nullable,
 *   an enum member removed);
 * - additive: only new things (an operation, type, property or enum member added).
 * Graph's enums are evolvable (they end in `unknownFutureValue`), so a new member is additive; the
 * change says so, since an exhaustive `switch` over that enum sees a new case.
 */
import type { ApiSummary } from "./summary.js";

export type Impact = "breaking" | "additive";
export type Subject = "slice" | "operation" | "type" | "property" | "enum member" | "overlay";

export interface ApiChange {
  impact: Impact;
  subject: Subject;
  action: "added" | "removed" | "changed";
  slice: string;
  /** What changed: `GET /a/b`, `microsoft.graph.x`, `microsoft.graph.x.prop`, `microsoft.graph.e: member`. */
  name: string;
  /** One sentence for a reviewer. */
  detail: string;
}

type TypeSummary = ApiSummary["types"][string];
type ObjectSummary = Extract<TypeSummary, { kind: "object" }>;
type EnumSummary = Extract<TypeSummary, { kind: "enum" }>;

export function compareSlices(before: Record<string, ApiSummary>, after: Record<string, ApiSummary>): ApiChange[] {
  const changes: ApiChange[] = [];
  for (const name of union(Object.keys(before), Object.keys(after))) {
    const old = own(before, name);
    const now = own(after, name);
    if (!old) changes.push({ impact: "additive", subject: "slice", action: "added", slice: name, name, detail: `new slice "${name}"` });
    else if (!now) changes.push({ impact: "breaking", subject: "slice", action: "removed", slice: name, name, detail: `slice "${name}" is gone, with all its operations and types` });
    else changes.push(...compareSummaries(old, now, name));
  }
  return changes;
}

export function compareSummaries(before: ApiSummary, after: ApiSummary, slice: string): ApiChange[] {
  const changes: ApiChange[] = [];
  const add = (impact: Impact, subject: Subject, action: ApiChange["action"], name: string, detail: string) =>
    changes.push({ impact, subject, action, slice, name, detail });

  for (const key of union(Object.keys(before.operations), Object.keys(after.operations))) {
    const old = own(before.operations, key);
    const now = own(after.operations, key);
    if (!old) add("additive", "operation", "added", key, `new ${now!.kind} operation ${now!.operationId}`);
    else if (!now) add("breaking", "operation", "removed", key, `${old.kind} operation ${old.operationId} removed`);
    else {
      for (const field of ["operationId", "kind", "body", "response"] as const) {
        if (old[field] !== now[field]) add("breaking", "operation", "changed", key, `${field} ${show(old[field])} → ${show(now[field])}`);
      }
    }
  }

  compareOverlays(before, after, add);

  for (const name of union(Object.keys(before.types), Object.keys(after.types))) {
    const old = own(before.types, name);
    const now = own(after.types, name);
    if (!old) add("additive", "type", "added", name, now!.kind === "enum" ? `new enum (${now!.members.join(", ")})` : `new type${now!.base ? ` derived from ${now!.base}` : ""}`);
    else if (!now) add("breaking", "type", "removed", name, `${old.kind === "enum" ? "enum" : "type"} removed`);
    else if (old.kind !== now.kind) add("breaking", "type", "changed", name, `was ${old.kind === "enum" ? "an enum" : "an object type"}, now ${now.kind === "enum" ? "an enum" : "an object type"}`);
    else if (old.kind === "enum") compareEnums(name, old, now as EnumSummary, add);
    else compareObjects(name, old, now as ObjectSummary, before, after, add);
  }
  return changes;
}

type Add = (impact: Impact, subject: Subject, action: ApiChange["action"], name: string, detail: string) => void;

/**
 * Overlays applied to the spec, by file and hash. What an overlay adds or removes shows up as the
 * operation and type changes it causes, classified there; the overlay line itself says why, and
 * counts as additive so it never hides or invents a breaking change.
 */
function compareOverlays(before: ApiSummary, after: ApiSummary, add: Add): void {
  const old = new Map((before.overlays ?? []).map((o) => [o.path, o.sha256]));
  const now = new Map((after.overlays ?? []).map((o) => [o.path, o.sha256]));
  for (const path of union([...old.keys()], [...now.keys()])) {
    if (!old.has(path)) add("additive", "overlay", "added", path, "overlay now applied; the operations and types it adds are listed as added");
    else if (!now.has(path)) add("additive", "overlay", "removed", path, "overlay no longer applied; what it added is listed as removed unless the spec now has it");
    else if (old.get(path) !== now.get(path)) add("additive", "overlay", "changed", path, `overlay content changed (sha256 ${old.get(path)!.slice(0, 12)} → ${now.get(path)!.slice(0, 12)})`);
  }
}

function compareEnums(name: string, old: EnumSummary, now: EnumSummary, add: Add): void {
  if (Boolean(old.flags) !== Boolean(now.flags)) add("breaking", "type", "changed", name, now.flags ? "became a flags enum" : "is no longer a flags enum");
  for (const member of old.members) if (!now.members.includes(member)) add("breaking", "enum member", "removed", `${name}: ${member}`, `member "${member}" removed`);
  for (const member of now.members) {
    if (!old.members.includes(member)) add("additive", "enum member", "added", `${name}: ${member}`, `member "${member}" added (an exhaustive switch over ${name} sees a new case)`);
  }
}

function compareObjects(name: string, old: ObjectSummary, now: ObjectSummary, before: ApiSummary, after: ApiSummary, add: Add): void {
  if (old.base !== now.base) add("breaking", "type", "changed", name, `base type ${show(old.base)} → ${show(now.base)}`);
  if (Boolean(old.abstract) !== Boolean(now.abstract)) {
    add(now.abstract ? "breaking" : "additive", "type", "changed", name, now.abstract ? "became abstract" : "is no longer abstract");
  }
  const oldOwn = ownProperties(old, before);
  const nowOwn = ownProperties(now, after);
  for (const prop of union(Object.keys(oldOwn), Object.keys(nowOwn))) {
    const was = own(oldOwn, prop);
    const is = own(nowOwn, prop);
    const at = `${name}.${prop}`;
    if (was === undefined) add("additive", "property", "added", at, `new property: ${is}`);
    else if (is === undefined) add("breaking", "property", "removed", at, `property removed (was ${was})`);
    else if (was !== is) add("breaking", "property", "changed", at, propertyChange(was, is));
  }
}

/** Properties a type declares itself: inherited ones (same name and type as in its base) are reported on the base. */
function ownProperties(type: ObjectSummary, summary: ApiSummary): Record<string, string> {
  const base = type.base ? own(summary.types, type.base) : undefined;
  if (!base || base.kind !== "object") return type.properties;
  return Object.fromEntries(Object.entries(type.properties).filter(([prop, spec]) => own(base.properties, prop) !== spec));
}

function propertyChange(was: string, is: string): string {
  const nullable = (spec: string) => spec.endsWith("?");
  const bare = (spec: string) => spec.replace(/\?$/, "");
  if (bare(was) === bare(is)) {
    return nullable(is)
      ? `became nullable (${was} → ${is}): readers now get null`
      : `is no longer nullable (${was} → ${is}): sending null to clear it is now rejected`;
  }
  return `type ${was} → ${is}`;
}

/**
 * An entry the record has itself: a type named `constructor` or a slice named `__proto__` is looked
 * up as such, never found on (or mistaken for) Object.prototype.
 */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function show(value: string | undefined): string {
  return value === undefined ? "(none)" : value;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}
