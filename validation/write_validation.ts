// deno-lint-ignore-file no-console
/**
 * `deno task validate`: runs the default scenario's validation (pilot, then enough replications
 * for CIs narrower than the evidence ranges, at most `--max`), fits the free parameters, and
 * writes docs/validation.md (the only file it writes).
 *
 * @module
 */

import { printError } from "../cli/_print_error.ts";
import { parseScenario } from "../scenarios/load.ts";
import { calibrate, DEFAULT_FREE_PARAMETERS } from "../calibration/default_calibration.ts";
import { CHECKS, THEORY_CHECKS } from "./checks.ts";
import { runValidation } from "./evaluate.ts";
import { renderValidation } from "./render.ts";
import { checkPresetLanding } from "./care_model_landing.ts";

const HELP = `Usage: deno task validate [--pilot N] [--max N]

Runs scenarios/default.json (baseline and its care models) for a pilot of N replications
(default 5), then as many as every check needs for a 95% CI narrower than its evidence range, at
most --max (default 80); fits the free parameters to their year-1 targets; runs each care
model's evidence preset against the paired baseline (20 replications) beside its published
year-by-year interval; writes docs/validation.md.`;

function intOption(argv: string[], name: string, fallback: number): number {
  const k = argv.indexOf(name);
  if (k < 0) return fallback;
  const n = Number(argv[k + 1]);
  if (!Number.isInteger(n) || n < 3 || n > 1000) {
    throw new RangeError(
      `Cannot validate: ${name} expects a whole number 3–1000, found "${argv[k + 1]}"`,
    );
  }
  return n;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  let pilot: number;
  let max: number;
  try {
    pilot = intOption(argv, "--pilot", 5);
    max = intOption(argv, "--max", 80);
  } catch (e) {
    printError((e as Error).message);
    return 2;
  }
  const scenarioUrl = new URL("../scenarios/default.json", import.meta.url);
  const input = JSON.parse(await Deno.readTextFile(scenarioUrl));
  const scenario = parseScenario(input);
  const run = runValidation(scenario, CHECKS, THEORY_CHECKS, {
    seed: scenario.seed,
    pilot,
    max,
    onProgress: (done, total) => console.error(`validate: replication ${done} of ${total}`),
  });
  console.error("validate: fitting the free parameters");
  const calibrationReplications = 6;
  const fit = calibrate(input, { replications: calibrationReplications });
  const text = renderValidation(run, fit, DEFAULT_FREE_PARAMETERS, {
    scenarioPath: "scenarios/default.json",
    scenarioName: scenario.name,
    populationSize: scenario.population.size,
    seed: scenario.seed,
    pilot,
    max,
    command: "deno task validate",
    calibrationReplications,
  });
  console.error("validate: care-model evidence presets, year by year");
  const { area: landing, cohort, text: presets } = await checkPresetLanding(input, scenario.seed);
  await Deno.writeTextFile(
    new URL("../docs/validation.md", import.meta.url),
    `${text}\n${presets}`,
  );
  const failed = run.rows.filter((r) => r.status === "fail").length;
  console.log(
    `docs/validation.md: ${run.replications} replications, ${failed} of ${
      run.rows.filter((r) => r.summary).length
    } checks outside the evidence, theory checks ${
      run.theory.every((t) => t.pass) ? "pass" : "FAIL"
    }, care-model presets: ${
      landing.filter((v) => v.lands).length
    } of ${landing.length} land, at cohort level ${
      cohort.filter((v) => v.lands).length
    } of ${cohort.length}`,
  );
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
