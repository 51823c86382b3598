/** uvu has no `assert.rejects`: awaits `run` and checks that it fails with a message matching `message`. */
import * as assert from "uvu/assert";

export async function rejectsWith(run: () => Promise<unknown>, message: RegExp): Promise<Error> {
  const error = await run().then(() => undefined, (e: Error) => e);
  assert.ok(error, `expected a rejection matching ${message}`);
  assert.match(error!.message, message);
  return error!;
}
