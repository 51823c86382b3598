/**
 * What a consumer of the Kiota-style fixture's SDK relies on, as types: type-checked with that
 * fixture's generated code and runtime by golden.test.ts (`@ts-expect-error` marks what must not compile).
 */
import { createGraphClient } from "../kiota-style/index.js";

const graph = createGraphClient({ token: "t" });

/** A GET of `…/$ref` answers entity references, `{ "@odata.id" }`, where the description says strings. */
export async function entityReferences(): Promise<string[]> {
  const manager = await graph.users.byId("u1").manager.ref.get();
  const ids = [manager["@odata.id"]];
  for await (const member of graph.groups.byId("g1").members.ref.iterate()) ids.push(member["@odata.id"]);
  // @ts-expect-error an entity reference is an object, not a string
  ids.push(await graph.users.byId("u1").manager.ref.get());
  return ids;
}
