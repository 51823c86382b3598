/**
 * Every table of a slice's validation, merged: what a test of the tables' contents reads. The
 * runtime loads them one body type at a time (templates/validation-loader.ts).
 */
import type { Schema, SliceValidation } from "../../generated/runtime/validate.js";

export async function sliceSchema(slice: SliceValidation): Promise<Schema> {
  const tables = await Promise.all(Object.values(slice.bodies).flatMap(([, load]) => (load ? [load()] : [])));
  return Object.assign({}, ...tables.map((t) => t.schema)) as Schema;
}
