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
import { checkPresetLanding } from "./care_model_landing.ts";

async function main(): Promise<number> {
  const input = JSON.parse(
    await Deno.readTextFile(new URL("../scenarios/default.json", import.meta.url)),
  );
  const { area, cohort, text } = await checkPresetLanding(input, input.seed);
  console.log(text);
  for (const v of cohort.filter((v) => !v.lands)) {
    printError(
      `care model ${v.model}, year ${v.year}: cohort ${v.figure} rate ratio ${
        v.measured.mean.toFixed(3)
      } is outside ${v.interval.low} to ${v.interval.high} (${v.source})`,
    );
  }
  const missed = area.filter((v) => !v.lands);
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
