/**
 * Every table of a slice's validation, merged: what a test of the tables' contents reads. The
 * runtime loads them one index and one body type at a time (templates/operation-index.ts).
 */
import type { OperationIndexes } from "../../generated/runtime/operation-index.js";
import type { BodyTables, Schema } from "../../generated/runtime/validate.js";

/** Every operation's body type and table loader, from all of the slice's indexes. */
export async function sliceBodies(indexes: OperationIndexes): Promise<BodyTables> {
  const loaded = await Promise.all(indexes.map((load) => load()));
  return Object.assign({}, ...loaded.map((index) => index.bodies)) as BodyTables;
}

export async function sliceSchema(indexes: OperationIndexes): Promise<Schema> {
  const bodies = await sliceBodies(indexes);
  const tables = await Promise.all(Object.values(bodies).flatMap(([, load]) => (load ? [load()] : [])));
  return Object.assign({}, ...tables.map((t) => t.schema)) as Schema;
}
