/**
 * The test command itself (issue 10, item 15): `npm test` must exit non-zero, and say why, when a
 * suite's set-up throws or a file fails to load; uvu alone swallowed both and exited 0. And a test
 * throwing an error uvu cannot format (`details` not a string) is printed, not a silent stop; so is a test registered after its suite's run(), which uvu never runs. The runner is
 * run as `npm test` runs it, on the fixture suites in test/runner/fixtures.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = fileURLToPath(new URL("./fixtures", import.meta.url));

function runTests(filters: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/run.ts", ...filters], { cwd: ROOT, env: { ...process.env, GRAPHSLICE_TEST_DIR: FIXTURES, FORCE_COLOR: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const test = suite("test runner: failures to load or set up");

test("a suite whose before hook throws: exit 1, its error printed, its tests counted as failed", async () => {
  const { code, output } = await runTests(["setup-fails", "passes"]);
  assert.is(code, 1, output);
  assert.match(output, 'SET-UP FAILED  "fixture: set-up fails"');
  assert.match(output, "/usr/bin/chromium is missing: apt-get install -y chromium");
  assert.match(output, /^1 passed, 2 failed$/m);
});

test("a file that fails to load: exit 1, the file and its error printed, one failure counted", async () => {
  const { code, output } = await runTests(["load-fails", "passes"]);
  assert.is(code, 1, output);
  assert.match(output, "LOAD FAILED  load-fails.test.ts");
  assert.match(output, "fixture cannot load: missing module xyz");
  assert.match(output, /^1 passed, 1 failed$/m);
});

test("a test throwing an error whose details is an array (a GraphError): its failure printed, the rest of its suite run", async () => {
  const { code, output } = await runTests(["details-array"]);
  assert.is(code, 1, output);
  assert.match(output, "GraphError: GET x answered 200; expected a JSON object");
  assert.match(output, /^1 passed, 1 failed$/m);
});

test("a test registered after its suite's run(): exit 1, named, counted as failed", async () => {
  const { code, output } = await runTests(["late-test"]);
  assert.is(code, 1, output);
  assert.match(output, 'REGISTERED AFTER run()  "fixture: a test after run()": "appended too late" never runs');
  assert.match(output, /^1 passed, 1 failed$/m);
});

test("all passing: exit 0", async () => {
  const { code, output } = await runTests(["passes"]);
  assert.is(code, 0, output);
  assert.match(output, /^1 passed, 0 failed$/m);
});

test.run();
