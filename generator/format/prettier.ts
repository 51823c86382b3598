/**
 * Format stage: prettier over generated TypeScript, with pinned options so formatting does not depend
 * on any prettier config lying around the machine.
 */
import { format } from "prettier";

export const PRETTIER_OPTIONS = { parser: "typescript", printWidth: 120, trailingComma: "all", endOfLine: "lf" } as const;

export async function formatTypeScript(path: string, source: string): Promise<string> {
  try {
    return await format(source, PRETTIER_OPTIONS);
  } catch (error) {
    throw new Error(`format: ${path}: the emitted code does not parse: ${(error as Error).message}`);
  }
}
