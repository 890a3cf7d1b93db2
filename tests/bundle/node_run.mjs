// deno-lint-ignore-file no-console
// Runs the shared workload on the bundle in Node and prints it as one JSON line.
// Usage: node node_run.mjs BUNDLE_DIR WORKERS [SCENARIO.json]
// With a scenario file, prints instead the scenario as loadScenario reads it from disk.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { workload } from "./workload.mjs";

const [, , bundleDir, workers, scenarioPath] = process.argv;
const caresim = await import(pathToFileURL(resolve(bundleDir, "caresim.js")).href);
console.log(
  JSON.stringify(
    scenarioPath === undefined
      ? await workload(caresim, { workers: Number(workers) })
      : await caresim.loadScenario(scenarioPath),
  ),
);
