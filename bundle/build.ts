// deno-lint-ignore-file no-console
/**
 * Builds caresim as plain ES modules for Node (≥ 20.16) and browsers, with `deno bundle`:
 *
 * - `caresim.js` — everything `mod.ts` exports, npm dependencies included, for Node;
 * - `caresim_browser.js` — everything `portable.ts` exports (all but writing files), for
 *   browsers (and any runtime without a file system);
 * - `caresim_worker.js` — the replication worker, which either bundle starts beside itself
 *   (Web Workers in browsers, `node:worker_threads` in Node);
 * - `package.json` — so Node treats the folder as an ES module package (`npm install ./dist`).
 *
 * Usage: `deno task bundle [--out DIR]` (default `dist/`).
 *
 * @module
 */
import { parseArgs } from "node:util";

const root = new URL("../", import.meta.url);
const { values } = parseArgs({ args: Deno.args, options: { out: { type: "string" } } });
const outDir = values.out ?? new URL("dist/", root).pathname;
const config = JSON.parse(await Deno.readTextFile(new URL("deno.json", root)));

/** The two entry points and the files they become. */
const ENTRIES = [
  { source: "mod.ts", output: "caresim.js" },
  { source: "bundle/browser.ts", output: "caresim_browser.js" },
  { source: "sim/replicate/_worker.ts", output: "caresim_worker.js" },
];

await Deno.mkdir(outDir, { recursive: true });
for (const { source, output } of ENTRIES) {
  const result = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      "--platform=browser",
      "--format=esm",
      "--output",
      `${outDir}/${output}`,
      new URL(source, root).pathname,
    ],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (!result.success) {
    console.error(`Cannot bundle ${source}: deno bundle exited with code ${result.code}`);
    Deno.exit(1);
  }
}
const packageJson = {
  name: "caresim",
  version: config.version,
  description: "Whole-system discrete-event simulation of health and care (bundled ES module)",
  license: "MIT",
  type: "module",
  exports: "./caresim.js",
  engines: { node: ">=20.16" },
};
await Deno.writeTextFile(`${outDir}/package.json`, JSON.stringify(packageJson, null, 2) + "\n");
console.log(`Wrote ${ENTRIES.map((e) => e.output).join(", ")} and package.json to ${outDir}`);
