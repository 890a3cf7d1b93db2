// deno-lint-ignore-file no-console
/**
 * `deno task validate:presets`: runs each shipped care model's evidence preset on
 * scenarios/default.json against its paired baseline (20 replications, the scenario's seed) and
 * exits 1 when any year misses its published interval (`care_model_landing.ts`): at area level,
 * and at cohort level where a matched-control evaluation exists.
 *
 * @module
 */

import { printError } from "../cli/_print_error.ts";
import {
  cohortVerdicts,
  landingVerdicts,
  measureLanding,
  renderCohortLanding,
  renderLanding,
} from "./care_model_landing.ts";

/** Models run on the default (one-hospital) population. */
export const LANDING_MODELS = ["mcp", "pacs", "ehch", "uec"] as const;
/** Replications per model. */
export const LANDING_REPLICATIONS = 20;

async function main(): Promise<number> {
  const input = JSON.parse(
    await Deno.readTextFile(new URL("../scenarios/default.json", import.meta.url)),
  );
  const measured = await measureLanding(input, LANDING_MODELS, {
    replications: LANDING_REPLICATIONS,
    seed: input.seed,
  });
  const verdicts = landingVerdicts(measured);
  console.log(
    renderLanding(verdicts, {
      replications: LANDING_REPLICATIONS,
      seed: input.seed,
      command: "deno task validate:presets",
    }),
  );
  const cohort = cohortVerdicts(measured);
  console.log(
    renderCohortLanding(cohort, measured, {
      replications: LANDING_REPLICATIONS,
      seed: input.seed,
      command: "deno task validate:presets",
    }),
  );
  for (const v of cohort.filter((v) => !v.lands)) {
    printError(
      `care model ${v.model}, year ${v.year}: cohort ${v.figure} rate ratio ${
        v.measured.mean.toFixed(3)
      } is outside ${v.interval.low} to ${v.interval.high} (${v.source})`,
    );
  }
  const missed = verdicts.filter((v) => !v.lands);
  for (const v of missed) {
    printError(
      `care model ${v.model}, year ${v.year}: ${v.figure} change ${
        v.measured.mean.toFixed(2)
      }% is outside ${v.interval.low}% to ${v.interval.high}%`,
    );
  }
  return missed.length > 0 || cohort.some((v) => !v.lands) ? 1 : 0;
}

if (import.meta.main) Deno.exit(await main());
