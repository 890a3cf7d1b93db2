/**
 * Child process of the fuzz runner: generates the same cases as its parent (same count and
 * seed), then checks the case indices it reads from standard input, one per line, writing one
 * JSON line per case to standard output. Run by `runFuzz` with a heap limit, so a case that eats
 * memory ends this process, not the runner.
 *
 * @module
 */

import { checkScenario } from "./check_scenario.ts";
import { fuzzDefaults } from "./fuzz_defaults.ts";
import { sampleFuzzCases } from "./scenario_mutations.ts";

const [count, seed] = Deno.args.map(Number);
const cases = sampleFuzzCases(count, seed, fuzzDefaults());
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let buffer = "";
for await (const chunk of Deno.stdin.readable) {
  buffer += decoder.decode(chunk, { stream: true });
  let newline;
  while ((newline = buffer.indexOf("\n")) >= 0) {
    const index = Number(buffer.slice(0, newline));
    buffer = buffer.slice(newline + 1);
    const outcome = checkScenario(cases[index].input);
    await Deno.stdout.write(encoder.encode(JSON.stringify({ index, outcome }) + "\n"));
  }
}
