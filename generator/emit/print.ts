/**
 * Turning statement structures into TypeScript text with ts-morph: one in-memory project for the
 * whole run, each file built from structures in one batch, no type checker.
 */
import type * as TsMorph from "ts-morph";
import type { StatementStructures } from "ts-morph";
import { requireCjs } from "../util/require-cjs.js";

const { IndentationText, Project, QuoteKind, StructureKind } = requireCjs("ts-morph") as typeof TsMorph;

/** ts-morph's structure kinds, for emitters building statement structures. */
export { StructureKind };

let project: TsMorph.Project | undefined;

function getProject(): TsMorph.Project {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  return project;
}

let counter = 0;

/** Prints structures (and raw statement strings) as the text of one file, after a header comment. */
export function printStatements(header: string, statements: (StatementStructures | string)[]): string {
  const file = getProject().createSourceFile(`/print-${counter++}.ts`, { statements }, { overwrite: true });
  const text = file.getFullText();
  getProject().removeSourceFile(file);
  return `${header}\n${text}`;
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
