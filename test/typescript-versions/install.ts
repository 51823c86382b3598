/**
 * `npm run install-typescript-versions`: installs each claimed TypeScript version (versions.ts) into
 * its own folder under node_modules/.cache, from the npm registry or the npm cache. Run once after
 * `npm install`; the TypeScript-versions test then runs offline.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLAIMED, installDir, tscOf } from "./versions.js";

for (const { version } of CLAIMED) {
  if (tscOf(version)) {
    console.log(`typescript@${version}: already installed`);
    continue;
  }
  const dir = installDir(version);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: `typescript-${version}`, private: true }, null, 2)}\n`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--save-exact", `typescript@${version}`], { cwd: dir, stdio: "inherit" });
  console.log(`typescript@${version}: installed in ${dir}`);
}
