/**
 * Runs one variant of the M/M/c benchmark model a given number of times and prints nothing:
 * the driver for `bench/instructions.sh`, which counts the instructions it executes.
 *
 * Usage: `deno run -A bench/engine/run_variant.ts a|b|c CALLS [CUSTOMERS]`
 *
 * @module
 */
import { runMmcCallback } from "./mmc_callback.ts";
import { runMmcHeap } from "./mmc_heap.ts";
import { benchmarkParams, type MmcParams, type MmcResult } from "./mmc_model.ts";
import { runMmcProcess } from "./mmc_process.ts";

const variants: Record<string, (p: MmcParams) => MmcResult> = {
  a: runMmcProcess,
  b: runMmcCallback,
  c: runMmcHeap,
};
const [name, calls, customers = "200000"] = Deno.args;
const run = variants[name];
if (run === undefined || !(Number(calls) >= 1)) {
  throw new Error("usage: run_variant.ts a|b|c CALLS [CUSTOMERS]");
}
const params = benchmarkParams(Number(customers));
for (let i = 0; i < Number(calls); i++) run(params);
