// deno-lint-ignore-file no-console
/**
 * `deno task calibrate [SCENARIO] [--replications N]`: fits the free parameters of a scenario
 * (default scenarios/default.json) to their year-1 targets and prints, per parameter, the
 * scenario's current value, the fitted value, the output fitted and its target. Writes nothing:
 * copy a fitted value into the scenario schema's default (or the scenario) by hand.
 *
 * @module
 */

import { printError } from "../cli/_print_error.ts";
import { calibrate, DEFAULT_FREE_PARAMETERS } from "./default_calibration.ts";
import { fitCommunityReferrals, HOME_CARE_TARGET_UTILISATION } from "./home_care_referrals.ts";

const HELP = `Usage: deno task calibrate [SCENARIO] [--replications N]

Fits acute.bedsPer1000People and a factor on acute.dischargeArrangementMeanDays to year-1
acute occupancy (90.5%) and delayed-transfer share of bed days (5%), on the scenario's baseline
(one year, N replications per evaluation, default 6, seed 1), and
socialCare.homeCare.communityReferralsPer100kPerYear so the package flows' steady state holds
90% of the home-care hours in use (exact, from the flow rates). Prints the fit; writes nothing.`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(HELP);
    return 0;
  }
  const k = argv.indexOf("--replications");
  const replications = k >= 0 ? Number(argv[k + 1]) : 6;
  if (!Number.isInteger(replications) || replications < 1 || replications > 100) {
    printError(
      `Cannot calibrate: --replications expects a whole number 1–100, found "${argv[k + 1]}"`,
    );
    return 2;
  }
  const rest = argv.filter((_, i) => k < 0 || (i !== k && i !== k + 1));
  const path = rest[0] ?? new URL("../scenarios/default.json", import.meta.url);
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(await Deno.readTextFile(path));
  } catch (e) {
    printError(`Cannot calibrate: cannot read scenario ${String(path)}: ${(e as Error).message}`);
    return 2;
  }
  try {
    const fit = calibrate(input, { replications });
    console.log(
      "parameter                            start   fitted  output                       target  fitted output",
    );
    for (const p of DEFAULT_FREE_PARAMETERS) {
      console.log(
        [
          p.name.padEnd(36),
          p.start.toFixed(3).padStart(6),
          fit.values[p.name]!.toFixed(3).padStart(8),
          p.output.padEnd(28),
          p.target.toFixed(2).padStart(7),
          fit.outputs[p.output]!.toFixed(2).padStart(14),
        ].join(" "),
      );
    }
    console.log(
      `${fit.converged ? "converged" : "NOT converged"} after ${fit.history.length} evaluations`,
    );
    const hc = fitCommunityReferrals(input);
    console.log(
      `socialCare.homeCare.communityReferralsPer100kPerYear fitted ${
        hc.value.toFixed(1)
      }: steady-state home-care hours in use ${hc.targetHours.toFixed(0)} a week (${
        100 * HOME_CARE_TARGET_UTILISATION
      }% of capacity; ${
        (100 * hc.hospitalShare).toFixed(0)
      }% sustained by hospital discharges, reablement and intermediate care); at the scenario's rate ${
        hc.hoursAtScenarioRate.toFixed(0)
      }`,
    );
    return fit.converged ? 0 : 1;
  } catch (e) {
    if (e instanceof RangeError || (e as Error).name === "ScenarioError") {
      printError((e as Error).message);
      return 2;
    }
    throw e;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
