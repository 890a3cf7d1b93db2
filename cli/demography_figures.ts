// deno-lint-ignore-file no-console
/**
 * Prints the key figures of the default demography (models/demography): deaths by band and
 * where they happen, care-home flows, the stationary transition rates by band, the 10-year
 * stationarity check, band growth of the default projection, and the length-of-stay fit
 * against its targets. Run: `deno run -A cli/demography_figures.ts`.
 *
 * @module
 */

import { DEFAULT_AGE_BANDS } from "../scenarios/default_age_bands.ts";
import { lumpIntoBands } from "../models/demography/band_rates.ts";
import { CELLS_PER_GROUP, IN_CARE_HOME, segmentShares } from "../models/demography/cells.ts";
import {
  DEFAULT_BAND_MIN_AGES,
  defaultDemographyInputs,
  DEMOGRAPHY_EVIDENCE,
} from "../models/demography/default_demography.ts";
import {
  defaultLengthOfStayFit,
  defaultLengthOfStayTargets,
} from "../models/demography/default_length_of_stay.ts";
import { summarizeDemography } from "../models/demography/demography_summary.ts";
import { projectExpected } from "../models/demography/dynamics.ts";
import { solveStationaryRates } from "../models/demography/frailty_solver.ts";
import { meanLengthOfStayDays, shareLongerThan } from "../models/demography/length_of_stay.ts";
import { bandTotals, projectPopulation } from "../models/demography/population.ts";

const BAND_IDS = DEFAULT_AGE_BANDS.map((b) => b.id);
const f = (x: number, digits = 3) => x.toFixed(digits);
const pct = (x: number, digits = 1) => `${(100 * x).toFixed(digits)}%`;
const row = (cells: (string | number)[]) =>
  console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 28 : 12)).join(""));

const placeOfDeath = {
  hospitalShareOfDeaths: DEMOGRAPHY_EVIDENCE.hospitalShareOfDeaths.value,
  residentsDyingInCareHomeShare: DEMOGRAPHY_EVIDENCE.residentsDyingInCareHomeShare.value,
};
const england = solveStationaryRates(defaultDemographyInputs());
const s = summarizeDemography(england, { minAgesYears: DEFAULT_BAND_MIN_AGES, placeOfDeath });

console.log("# Demography at the defaults (England mid-2019)\n");
row(["deaths per 1,000", ...BAND_IDS, "all ages"]);
row(["", ...s.deathsPer1000ByBand.map((x) => f(x, 1)), f(s.crudeDeathsPer1000, 2)]);
console.log(
  `\nDeaths in hospital: ${pct(s.hospitalDeathShares.home)} of home deaths, ${
    pct(s.hospitalDeathShares.careHome)
  } of residents' deaths, ${pct(placeOfDeath.hospitalShareOfDeaths)} of all deaths; ` +
    `residents' deaths ${pct(s.residentShareOfDeaths)} of all deaths, ${
      pct(s.residentShareOfDeaths * placeOfDeath.residentsDyingInCareHomeShare)
    } of all deaths in a care home.`,
);
console.log(
  `\nCare homes: residents ${pct(s.residentsShareOf65Plus, 2)} of 65+, ${
    pct(s.residentsShareOf85Plus)
  } of 85+; ${pct(s.residents85PlusShareOfResidents65Plus)} of residents are 85+; ` +
    `admissions ${f(s.admissionsPerResidentYear)} per resident-year (${
      f(s.admissionsPer100k65Plus, 0)
    } per 100,000 65+), mean stay ${f(s.meanStayYears, 2)} years.`,
);
console.log(
  `Residents' segment mix ${s.residentSegmentShares.map((x) => pct(x, 0)).join(" / ")}; ` +
    `people admitted ${s.admittedSegmentShares.map((x) => pct(x, 0)).join(" / ")}.`,
);
// Residents' share of 65+ emergency admissions with the model's current band rates.
const counts = england.counts;
let homeAdmissions = 0;
let residents = 0;
for (let c = 0; c < counts.length; c++) {
  const age = Math.floor(c / CELLS_PER_GROUP);
  if (age < 65) continue;
  if ((c & 1) === IN_CARE_HOME) residents += counts[c];
  else {
    const band = DEFAULT_BAND_MIN_AGES.filter((m) => age >= m).length - 1;
    homeAdmissions += counts[c] * DEFAULT_AGE_BANDS[band].emergencyAdmissionRatePerPersonYear;
  }
}
const residentAdmissions = 0.7 * residents;
console.log(
  `Residents' share of 65+ emergency admissions (band rates at home, 0.70 per resident-year): ${
    pct(residentAdmissions / (residentAdmissions + homeAdmissions))
  }.`,
);

console.log("\n# Stationary rates by band, people at home, per person-year (England mid-2019)\n");
for (const [i, b] of s.bands.entries()) {
  console.log(`## ${BAND_IDS[i]}`);
  row(["", "segment 1", "segment 2", "segment 3", "segment 4"]);
  row(["death", ...b.deathRate.map((x) => f(x, 4))]);
  row(["deterioration (to s+1)", ...b.deteriorationRate.map((x) => f(x)), "–"]);
  row(["recovery (to s−1)", "–", ...b.recoveryRate.map((x) => f(x))]);
  row(["care-home admission", ...b.careHomeAdmissionRate.map((x) => f(x, 4))]);
  row(["ageing to next band", ...b.ageingRate.map((x) => f(x, 4))]);
}

console.log("\n# Stationarity: zero growth, no trend, 10 years (expected values, daily steps)\n");
const stationary = solveStationaryRates(defaultDemographyInputs({ population: "stationary" }));
const maxChange = (a: Float64Array, b: Float64Array) => {
  const [x, y] = [segmentShares(a), segmentShares(b)];
  return x.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i])), 0);
};
const single = projectExpected(stationary.rates, { initial: stationary.counts, years: 10 });
const lumped = lumpIntoBands(stationary, { minAgesYears: DEFAULT_BAND_MIN_AGES });
const banded = projectExpected(lumped.rates, { initial: lumped.counts, years: 10 });
console.log(
  `Largest change in any segment share: single years ${
    maxChange(stationary.counts, single.countsByYear[10]).toExponential(1)
  }, four bands ${maxChange(lumped.counts, banded.countsByYear[10]).toExponential(1)}.`,
);
const bandShares = segmentShares(lumped.counts);
console.log(
  `Band segment shares held: ${
    BAND_IDS.map((id, b) =>
      `${id} ${[0, 1, 2, 3].map((k) => pct(bandShares[b * 4 + k], 1)).join("/")}`
    ).join("; ")
  }.`,
);

console.log("\n# Default projection from England mid-2019: band growth per year\n");
const inputs = defaultDemographyInputs();
const years = projectPopulation(inputs, { years: 10 });
const bandsBy = years.map((p) => bandTotals(p, DEFAULT_BAND_MIN_AGES));
row(["", ...BAND_IDS, "65+", "all ages"]);
const total = (x: Float64Array) => x.reduce((a, b) => a + b, 0);
const over65 = (x: Float64Array) => total(x) - x[0];
for (
  const [label, y] of [["year 1", 1], ["years 1–5 (mean)", 5], ["years 1–10 (mean)", 10]] as const
) {
  row([
    label,
    ...Array.from(bandsBy[y], (x, b) => pct(Math.pow(x / bandsBy[0][b], 1 / y) - 1, 2)),
    pct(Math.pow(over65(bandsBy[y]) / over65(bandsBy[0]), 1 / y) - 1, 2),
    pct(Math.pow(total(bandsBy[y]) / total(bandsBy[0]), 1 / y) - 1, 2),
  ]);
}
const grown = lumpIntoBands(england, { minAgesYears: DEFAULT_BAND_MIN_AGES });
const grownRun = projectExpected(grown.rates, { initial: grown.counts, years: 10 });
console.log(
  `\nWith growth, largest change in a band's segment share over 10 years: ${
    pct(maxChange(grown.counts, grownRun.countsByYear[10]), 2)
  } (rates solved at the start year).`,
);

console.log("\n# Length of stay: mixture fit vs targets\n");
const targets = defaultLengthOfStayTargets();
const fit = defaultLengthOfStayFit();
row(["band", "zero-day", "mean target", "mean fit", "> 7 d", "> 14 d", "> 21 d"]);
let n = 0;
const pooled = { over7: 0, over14: 0, over21: 0, bedDays: 0, over21Older: 0, nOlder: 0 };
for (const t of targets) {
  const m = fit.bands[t.id];
  row([
    t.id,
    pct(t.zeroDayShare),
    f(t.meanDays, 2),
    f(meanLengthOfStayDays(m), 2),
    pct(shareLongerThan(m, 7)),
    pct(shareLongerThan(m, 14)),
    pct(shareLongerThan(m, 21)),
  ]);
  n += t.admissionsPerYear;
  pooled.over7 += t.admissionsPerYear * shareLongerThan(m, 7);
  pooled.over14 += t.admissionsPerYear * shareLongerThan(m, 14);
  pooled.over21 += t.admissionsPerYear * shareLongerThan(m, 21);
  pooled.bedDays += t.admissionsPerYear * meanLengthOfStayDays(m);
  if (t.id !== "0-64") {
    pooled.over21Older += t.admissionsPerYear * shareLongerThan(m, 21);
    pooled.nOlder += t.admissionsPerYear;
  }
}
console.log(
  `\nShape sigma ${f(fit.overnightSigma)}; 65+ over 21 days ${
    pct(pooled.over21Older / pooled.nOlder, 2)
  } (target 5%); all ages over 7 / 14 / 21 days ${pct(pooled.over7 / n)} / ${
    pct(pooled.over14 / n)
  } (≈9%) / ${pct(pooled.over21 / n)}; emergency bed days ${
    f(pooled.bedDays / total(inputs.populationByAge) * 1000, 0)
  } per 1,000 a year.`,
);
