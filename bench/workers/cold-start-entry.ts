/**
 * Child-process body for (d) cold start: one PATCH to the loopback server, then print one line and
 * exit. The parent times from spawn to that line. argv: baseUrl.
 */
import { ASSIGNMENT_ID, POLICY_ID, TOKEN, collectionIdPlace } from "../seed.js";

type CreatePatcher = (config: { baseUrl: string; token: string }) => (policyId: string, assignmentId: string) => Promise<unknown>;

export function runColdStart(createPatcher: CreatePatcher): void {
  createPatcher({ baseUrl: process.argv[2] ?? "", token: TOKEN })(POLICY_ID, ASSIGNMENT_ID).then(
    (result) => {
      process.stdout.write(`done ${collectionIdPlace(result)}\n`, () => process.exit(0));
    },
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`, () => process.exit(1));
    },
  );
}
