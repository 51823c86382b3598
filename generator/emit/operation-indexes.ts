/**
 * Emits a slice's operation indexes (templates/operation-index.ts), what the runtime loads on first
 * use for the operations a program calls:
 * - `operation-indexes/<n>.ts`: for each operation whose key (its member path) hashes to that index
 *   (`operationIndexOf`), the route of a bound action or function and the body type of a call that
 *   sends JSON, with the module of that type's table (schema-table.ts);
 * - `operation-indexes.ts`: the list of the indexes, which the client's runtime loads on first use.
 * With n such operations a slice has 2√n indexes, so a program that needs one loads a list of 2√n
 * loaders and an index of about √n/2 entries, however large the SDK is.
 */
import { operationIndexOf } from "../../templates/operation-index.js";
import type { ApiModel, TypeRef } from "../model/ir.js";
import { printStatements } from "./print.js";
import { callRoutes, headerOptions, operationKeys } from "./routes.js";
import { emitBodyTables } from "./schema-table.js";

/**
 * How many indexes a slice with `operations` indexed operations gets: 2√operations. A program
 * that needs an index loads the list, a loader for every index, and one index of about
 * operations/count entries; an entry (its key, route or body type, and the import of its table)
 * costs about four loaders gzipped, so this count keeps the sum near its least (measured on the
 * beta DeviceManagement modules).
 */
export function operationIndexCount(operations: number): number {
  return Math.min(operations, Math.round(2 * Math.sqrt(operations)));
}

/** `operation-indexes.ts`, the indexes and the body types' tables, as [path in the slice, text]. */
export function emitOperationIndexes(model: ApiModel, header: string): [string, string][] {
  const operations = operationKeys(model.root);
  const calls = callRoutes(model.root, headerOptions(model.root));
  const bodies = new Map(operations.flatMap(([op, key]): [string, TypeRef][] => (op.body?.kind === "json" ? [[key, op.body.type]] : [])));
  const tables = emitBodyTables(model, [...bodies.values()], header);
  const keys = operations.map(([, key]) => key).filter((key) => calls.has(key) || bodies.has(key));
  const count = operationIndexCount(keys.length);
  const indexes = Array.from({ length: count }, () => ({ calls: [] as string[], bodies: [] as string[] }));
  for (const key of keys) {
    const index = indexes[operationIndexOf(key, count)]!;
    const call = calls.get(key);
    const body = bodies.get(key);
    if (call) index.calls.push(`  ${JSON.stringify(key)}: ${JSON.stringify(call)},`);
    if (body) index.bodies.push(`  ${JSON.stringify(key)}: ${tables.entry(body)},`);
  }
  const object = (lines: string[]) => `{${lines.length ? `\n${lines.join("\n")}\n` : ""}}`;
  const loaders = indexes.map((_, n) => `  () => import("./operation-indexes/${n}.js"),`);
  const list = printStatements(header, [
    'import type { OperationIndexes } from "../runtime/operation-index.js";',
    `/** The slice's operation indexes, numbered as the runtime finds an operation's (operationIndexOf): each is loaded by the first bound call, or call that validates its body, of one of its operations. The client loads this list on first use too. */\nexport const operationIndexes: OperationIndexes = [${loaders.length ? `\n${loaders.join("\n")}\n` : ""}];`,
  ]);
  const files = indexes.map((index, n): [string, string] => [
    `operation-indexes/${n}.ts`,
    printStatements(header, [
      'import type { Routes } from "../../runtime/route-rules.js";',
      'import type { BodyTables } from "../../runtime/validate.js";',
      `/** The route of each bound action and function whose key hashes to this index, by its key (as in the routes of \`client.ts\`). */\nexport const calls: Routes = ${object(index.calls)};`,
      `/** Each operation that sends JSON and whose key hashes to this index: its body type, and the module with the table of every type that body can hold. */\nexport const bodies: BodyTables = ${object(index.bodies)};`,
    ]),
  ]);
  return [["operation-indexes.ts", list], ...files, ...tables.files];
}
