// deno-lint-ignore-file no-console
// Runs the shared workload on the bundle in Node and prints it as one JSON line.
// Usage: node node_run.mjs BUNDLE_DIR WORKERS
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { workload } from "./workload.mjs";

const [, , bundleDir, workers] = process.argv;
const caresim = await import(pathToFileURL(resolve(bundleDir, "caresim.js")).href);
console.log(JSON.stringify(await workload(caresim, { workers: Number(workers) })));
