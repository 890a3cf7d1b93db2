/**
 * Specification test of the routes into care homes: for every cell at home, the care homes'
 * expected admissions from it — discharges from hospital under the cell's own discharge mix
 * (directly, or after intermediate care) plus referrals from home — equal the admissions the
 * demography solved for it, so the residents' number and segment mix hold. The hospital's share
 * is the same for every segment of a band, and its band total is what the band's discharge mix
 * gives. With every segment sent to care homes alike (the old routing), segment 1 got 4–6 times
 * its solved admissions.
 */
import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { ScenarioError } from "../../scenarios/scenario_error.ts";
import { cellRates, DESTINATIONS } from "./cell_rates.ts";
import { cellIndex, HOME } from "./cells.ts";
import { cohortParams } from "./cohort.ts";
import { populationDemography } from "./demography_rates.ts";
import { awayShareByCell } from "./time_away.ts";

const CARE_HOME = DESTINATIONS.indexOf("careHome");
const INTERMEDIATE = DESTINATIONS.indexOf("intermediateCare");
const DEATH = DESTINATIONS.indexOf("death");

/** Per home cell with solved admissions: the hospital's and the referrals' expected flows. */
function flows(scenario: ReturnType<typeof parseScenario>) {
  const params = cohortParams(scenario);
  const rates = cellRates(scenario, params);
  const demography = populationDemography(scenario);
  const away = awayShareByCell(scenario, params.meanRatio);
  const ic = scenario.community.intermediateCare.dischargeMix;
  const n = DESTINATIONS.length;
  const pr = scenario.acute.readmission30DayProbability;
  return params.bands.map((band, b) => {
    const mix = band.dischargeMix;
    const readmitted = 1 /
      (1 - pr * (mix.home + mix.reablement + mix.homeCarePackage) / (1 - mix.death));
    return [0, 1, 2, 3].map((s) => {
      const c = cellIndex(b, s, HOME);
      const atHome = demography.counts[c]! * (1 - away[c]!);
      const admissions = atHome * rates.pAdmit[c]! * 365 * readmitted;
      const weight = params.careHomeRoutes.dischargeWeight[c]!;
      const pDie = rates.mix[c * n + DEATH]!;
      return {
        what: `band ${band.id} segment ${s + 1}`,
        weight,
        solved: demography.counts[c]! * demography.rates.careHomeAdmissionRate[c]!,
        // Per admission, to a care home directly or after intermediate care (weighted there too).
        hospital: admissions *
          (rates.mix[c * n + CARE_HOME]! + rates.mix[c * n + INTERMEDIATE]! * ic.careHome * weight),
        // What the band's discharge mix gives, the same for every segment.
        unweighted: admissions * (1 - pDie) * (mix.careHome + mix.intermediateCare * ic.careHome) /
          (1 - mix.death),
        referrals: atHome * params.careHomeRoutes.referralRatePerYear[c]!,
      };
    });
  });
}

/** Each cell's hospital flow and referrals add up to its solved admissions. */
function assertBalanced(cell: ReturnType<typeof flows>[number][number]) {
  // Readmissions' deaths make the hospital's survivors differ slightly from the routes'.
  assert.ok(
    Math.abs(cell.hospital + cell.referrals - cell.solved) < 0.01 * cell.solved,
    `${cell.what}: ${cell.hospital.toFixed(2)} + ${cell.referrals.toFixed(2)} against ${
      cell.solved.toFixed(2)
    }`,
  );
}

const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

Deno.test("hospital discharges and referrals bring each cell's solved care-home admissions", () => {
  const scenario = parseScenario({ version: 1, population: { size: 100_000 } });
  for (const band of flows(scenario)) {
    if (sum(band.map((c) => c.solved)) === 0) {
      // No residents at these ages: nobody is discharged to a care home or referred.
      for (const c of band) assert.equal(c.hospital + c.referrals, 0, c.what);
      continue;
    }
    for (const c of band) assertBalanced(c);
    // The same share of every segment's admissions comes from hospital, and the band's total is
    // what its discharge mix gives.
    const shares = band.map((c) => c.hospital / c.solved);
    for (const x of shares) assert.ok(Math.abs(x - shares[0]!) < 0.01, `${shares}`);
    const total = sum(band.map((c) => c.hospital));
    const unweighted = sum(band.map((c) => c.unweighted));
    assert.ok(Math.abs(total - unweighted) < 0.01 * unweighted, `${total} against ${unweighted}`);
  }
});

Deno.test("a weight that would send more to care homes than go home is capped; referrals make up the rest", () => {
  // Hardly anyone goes home after intermediate care: weights cap at 1 + 0.01 ÷ 0.1.
  const scenario = parseScenario({
    version: 1,
    population: { size: 100_000 },
    community: {
      intermediateCare: { dischargeMix: { home: 0.01, homeCarePackage: 0.89, careHome: 0.1 } },
    },
  });
  const cells = flows(scenario).flat().filter((c) => c.solved > 0);
  const cap = 1 + 0.01 / 0.1;
  assert.ok(cells.every((c) => c.weight <= cap + 1e-12));
  const capped = cells.filter((c) => c.weight === cap);
  assert.ok(capped.length > 0, "some weight is capped");
  for (const c of cells) assertBalanced(c);
  for (const c of capped) assert.ok(c.referrals > 0.5 * c.solved, c.what);
});

Deno.test("a band whose discharges to care homes exceed its solved admissions is named", () => {
  const mix = {
    home: 0.27,
    reablement: 0.07,
    homeCarePackage: 0.07,
    intermediateCare: 0.12,
    careHome: 0.35,
    death: 0.12,
  };
  const scenario = parseScenario({
    version: 1,
    population: {
      size: 100_000,
      ageBands: [
        { id: "0-64", minAgeYears: 0 },
        { id: "65-74", minAgeYears: 65 },
        { id: "75-84", minAgeYears: 75 },
        { id: "85+", minAgeYears: 85, dischargeMix: mix },
      ],
    },
  });
  assert.throws(
    () => cohortParams(scenario),
    (e: unknown) =>
      e instanceof ScenarioError &&
      /population\.ageBands\[3\]\.dischargeMix\.careHome: expected discharges into care homes \(\d+% of the band's \d+ care-home admissions a year\) at most all of them, found 0\.35; lower it/
        .test(e.message),
  );
});
