/**
 * The write stage never goes through a symbolic link in the output folder (a write or a removal could
 * reach outside it), checks every target before writing anything (a folder where a file goes, a file
 * where a folder goes), and stages the new files so that a failure leaves the previous output whole.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { OutputFile } from "../../generator/emit/runtime-files.js";
import { writeOutput } from "../../generator/write/output.js";
import { rejectsWith } from "../helpers/rejects.js";
import { scratchDir } from "../helpers/scratch.js";

const scratch = scratchDir("write-safety");
let folders = 0;
const folder = (name = "out") => {
  const dir = join(scratch, `${name}-${++folders}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};
function generation(files: Record<string, string>): OutputFile[] {
  const out = Object.entries(files).map(([path, content]) => ({ path, content, format: false }));
  const manifest = { generator: { name: "graphslice", version: "0.0.0" }, files: Object.fromEntries(out.map((f) => [f.path, "hash"])) };
  return [...out, { path: "manifest.json", content: JSON.stringify(manifest), format: false }];
}
/** Every path under `dir`, folders with a trailing slash, and each file's text. */
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name).slice(dir.length + 1);
    entries[entry.isSymbolicLink() ? `${path} ->` : entry.isDirectory() ? `${path}/` : path] = entry.isFile() ? readFileSync(join(dir, path), "utf8") : "";
  }
  return entries;
}

const test = suite("write: links, blocked paths, staging");

test("a linked folder the previous manifest lists is refused, naming the link; nothing outside is removed", async () => {
  const dir = folder();
  const outside = folder("outside");
  writeFileSync(join(outside, "models.ts"), "theirs\n");
  await writeOutput(dir, generation({ "a/models.ts": "A", "index.ts": "I" }));
  // a/ replaced by a link to a folder outside that holds a file of the same name
  rmSync(join(dir, "a"), { recursive: true });
  symlinkSync(outside, join(dir, "a"));
  const before = snapshot(dir);
  await rejectsWith(() => writeOutput(dir, generation({ "index.ts": "I2" })), new RegExp(`${join(dir, "a").replace(/[.]/g, "\\.")}: is a symbolic link inside the output folder; .*nothing was written`));
  assert.is(readFileSync(join(outside, "models.ts"), "utf8"), "theirs\n", "the file outside is still there");
  assert.equal(snapshot(dir), before);
});

test("a write through a linked folder, or over a linked file, is refused before anything is written", async () => {
  const dir = folder();
  const outside = folder("outside");
  symlinkSync(outside, join(dir, "a"));
  await rejectsWith(() => writeOutput(dir, generation({ "index.ts": "I", "a/models.ts": "A" })), /\/a: is a symbolic link inside the output folder; graphslice does not write through links/);
  assert.equal(readdirSync(outside), [], "nothing written outside");
  assert.equal(Object.keys(snapshot(dir)), ["a ->"], "nothing written inside either");

  const linkedFile = folder();
  writeFileSync(join(outside, "target.ts"), "theirs\n");
  symlinkSync(join(outside, "target.ts"), join(linkedFile, "index.ts"));
  await rejectsWith(() => writeOutput(linkedFile, generation({ "index.ts": "theirs\n" })), /\/index\.ts: is a symbolic link/);
  await rejectsWith(() => writeOutput(linkedFile, generation({ "index.ts": "I" })), /\/index\.ts: is a symbolic link/);
  assert.is(readFileSync(join(outside, "target.ts"), "utf8"), "theirs\n");

  const linkedManifest = folder();
  writeFileSync(join(outside, "m.json"), JSON.stringify({ generator: { name: "graphslice" }, files: {} }));
  symlinkSync(join(outside, "m.json"), join(linkedManifest, "manifest.json"));
  await rejectsWith(() => writeOutput(linkedManifest, generation({ "index.ts": "I" })), /\/manifest\.json: is a symbolic link/);
  assert.not.ok(existsSync(join(linkedManifest, "index.ts")));
});

test("a folder where a file goes, or a file where a folder goes: an error naming the path, nothing written", async () => {
  const dir = folder();
  mkdirSync(join(dir, "index.ts"));
  await rejectsWith(() => writeOutput(dir, generation({ "a/models.ts": "A", "index.ts": "I", "z.ts": "Z" })), new RegExp(`${join(dir, "index.ts").replace(/[.]/g, "\\.")}: is a folder where the generated file index\\.ts must go; .*nothing was written`));
  assert.equal(snapshot(dir), { "index.ts/": "" }, "no file and no manifest written");

  const file = folder();
  writeFileSync(join(file, "runtime"), "x\n");
  await rejectsWith(() => writeOutput(file, generation({ "a/models.ts": "A", "runtime/abort.ts": "R" })), /\/runtime: is a file where the folder for runtime\/abort\.ts must go; .*nothing was written/);
  assert.equal(snapshot(file), { runtime: "x\n" });

  const notAFolder = join(folder(), "out.txt");
  writeFileSync(notAFolder, "x\n");
  await rejectsWith(() => writeOutput(notAFolder, generation({ "a.ts": "A" })), /out\.txt: is a file, not a folder/);
});

test("a file of the previous generation may become a folder, and the staging folder never stays", async () => {
  const dir = folder();
  await writeOutput(dir, generation({ "a": "old file", "index.ts": "I" }));
  const result = await writeOutput(dir, generation({ "a/models.ts": "A", "index.ts": "I" }));
  assert.equal(result, { written: ["a/models.ts", "manifest.json"], removed: ["a"] });
  assert.equal(Object.keys(snapshot(dir)).sort(), ["a/", "a/models.ts", "index.ts", "manifest.json"]);
});

test("a failure while writing leaves the previous output whole: old files, old manifest, no staging folder", async () => {
  const dir = folder();
  await writeOutput(dir, generation({ "a/models.ts": "A", "index.ts": "I" }));
  const before = snapshot(dir);
  // A path that fits on its own but not once staged (PATH_MAX): the staged write fails midway.
  const segments: string[] = [];
  while (join(dir, ...segments).length < 4000) segments.push("s".repeat(200));
  segments.push("x".repeat(4090 - join(dir, ...segments).length - 1) + ".ts");
  const long = segments.join("/");
  await rejectsWith(() => writeOutput(dir, generation({ "a/models.ts": "A2", "index.ts": "I2", [long]: "L" })), /ENAMETOOLONG/);
  assert.equal(snapshot(dir), before);
});

test("the staging folder of a writer that was killed is removed by the next generation; a live writer's stays", async () => {
  const dir = folder();
  await writeOutput(dir, generation({ "a/models.ts": "A", "index.ts": "I" }));
  // A process that has exited: its id names no running writer.
  const exited = spawnSync(process.execPath, ["-e", ""]).pid!;
  const stale = join(dir, `.graphslice-staging-${exited}-abc123`);
  mkdirSync(join(stale, "old/a"), { recursive: true });
  writeFileSync(join(stale, "old/a/models.ts"), "export const broken = ;\n");
  const live = join(dir, `.graphslice-staging-${process.pid}-def456`);
  mkdirSync(live);
  const logged: string[] = [];
  await writeOutput(dir, generation({ "a/models.ts": "A", "index.ts": "I" }), (line) => logged.push(line));
  assert.not.ok(existsSync(stale), "the killed writer's staging folder stays inside the output");
  assert.ok(existsSync(live), "a running writer's staging folder was removed");
  assert.equal(logged, [`removed .graphslice-staging-${exited}-abc123, left by a generation that was stopped before it finished`]);
  rmSync(live, { recursive: true });
});

test.run();
