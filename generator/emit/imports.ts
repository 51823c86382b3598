/**
 * Import statements for emitted files: only the names the code uses, in a pinned order.
 */
import { compareStrings } from "../util/order.js";

export interface ImportSpec {
  from: string;
  values: string[];
  types: string[];
}

/** `import { a, type B } from "…";` for each spec, keeping only names found in `code`. */
export function importStatements(specs: ImportSpec[], code: string): string[] {
  const used = (name: string) => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(code);
  return specs.flatMap(({ from, values, types }) => {
    const v = values.filter(used).sort(compareStrings);
    const t = types.filter(used).sort(compareStrings);
    if (v.length + t.length === 0) return [];
    if (v.length === 0) return [`import type { ${t.join(", ")} } from "${from}";`];
    return [`import { ${[...v, ...t.map((n) => `type ${n}`)].join(", ")} } from "${from}";`];
  });
}
