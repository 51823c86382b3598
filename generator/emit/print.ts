/**
 * Turning statement structures into TypeScript text with ts-morph's structure printer: text is
 * written straight from the structures, never parsed back (a whole module's client is megabytes),
 * and no type checker runs.
 */
import type * as TsMorph from "ts-morph";
import type { StatementStructures } from "ts-morph";
import { requireCjs } from "../util/require-cjs.js";

const { printStructure, StructureKind } = requireCjs("ts-morph") as typeof TsMorph;

/** ts-morph's structure kinds, for emitters building statement structures. */
export { StructureKind };

/** Prints structures (and raw statement strings) as the text of one file, after a header comment. */
export function printStatements(header: string, statements: (StatementStructures | string)[]): string {
  const text = printStructure({ kind: StructureKind.SourceFile, statements }, { indentNumberOfSpaces: 2 });
  return `${header}\n${text.endsWith("\n") ? text : `${text}\n`}`;
}

/** A JSDoc structure from lines of text (empty lines dropped); undefined when there is nothing to say. */
export function docs(...lines: (string | undefined | false)[]): { description: string }[] | undefined {
  const text = lines.filter((l): l is string => typeof l === "string" && l.trim() !== "").map(escapeDoc).join("\n");
  return text ? [{ description: text }] : undefined;
}

/** Keeps spec text from ending the comment early. */
function escapeDoc(text: string): string {
  return text.trim().replace(/\*\//g, "*\\/");
}
