/**
 * Loads CommonJS packages (and the CommonJS build of dual ones) with `require` rather than `import`.
 * Importing a CommonJS module from ESM makes Node scan its source, and what it re-exports, for export
 * names (cjs-module-lexer); for `typescript` (9 MB) that scan alone cost ~0.5 s of every generator
 * run. `require` skips it.
 */
import { createRequire } from "node:module";

export const requireCjs = createRequire(import.meta.url);
