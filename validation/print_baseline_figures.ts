// deno-lint-ignore-file no-console
/**
 * Prints the baseline figures of the default scenario that issue 11 asks to see beside their
 * evidence, year by year: deaths (crude, by age, share in hospital and in a care home), the
 * shape of the acute stays (zero-day share, share over 21 days at 65+, mean stay), and the
 * delayed-transfer bed days by cause. Mean over the replications with its t-based 95% CI. The
 * length-of-stay mixture's own figures by band (before delays) are printed by
 * `deno run -A cli/demography_figures.ts`.
 *
 * Run: `deno task validate:figures [replications]` (default 10; a few seconds of CPU each).
 *
 * @module
 */

import { parseScenario } from "../scenarios/load.ts";
import { summarize } from "../sim/mod.ts";
import { type ReplicationFigures, replicationFigures } from "./replication_figures.ts";

const replications = Number(Deno.args[0] ?? 10);
if (!(Number.isInteger(replications) && replications >= 2)) {
  console.error(`Cannot run: replications must be an integer ≥ 2, received ${Deno.args[0]}`);
  Deno.exit(1);
}
const scenario = parseScenario(
  JSON.parse(await Deno.readTextFile(new URL("../scenarios/default.json", import.meta.url))),
);
const baseline = { ...scenario, careModels: [] };
const figures = Array.from(
  { length: replications },
  (_, replication) => replicationFigures(baseline, { seed: scenario.seed, replication }),
);

/** A figure: its value in one replication and year, and the evidence it is read against. */
interface Row {
  label: string;
  digits: number;
  value: (f: ReplicationFigures, year: number) => number;
  evidence: string;
}

const m = (f: ReplicationFigures, name: string, year: number) => f.metric(name, year) ?? NaN;
const pct = (name: string) => (f: ReplicationFigures, y: number) => 100 * m(f, name, y);
const ofDelayed = (name: string) => (f: ReplicationFigures, y: number) =>
  100 * m(f, name, y) / m(f, "delayed_transfer_bed_days", y);

const SECTIONS: readonly [string, readonly Row[]][] = [
  ["Deaths", [
    {
      label: "deaths per 1,000 (crude)",
      digits: 2,
      value: (f, y) => m(f, "deaths_per_1000", y),
      evidence: "M1: 8.8 (England 2019) – 8.9 (E&W 2019)",
    },
    ...([["0_64", "0–64", "1.7"], ["65_74", "65–74", "14.7"], ["75_84", "75–84", "41.6"], [
      "85_plus",
      "85+",
      "140.9 (depends on the age mix within 85+)",
    ]] as const).map(([id, label, rate]): Row => ({
      label: `deaths per 1,000 aged ${label}`,
      digits: 1,
      value: (f, y) => m(f, `deaths_per_1000_aged_${id}`, y),
      evidence: `M1: ${rate} (E&W 2019)`,
    })),
    {
      label: "share of deaths in hospital, %",
      digits: 1,
      value: pct("deaths_in_hospital_share"),
      evidence: "M3: 46.9 (England 2016) – 43.4 (2022)",
    },
    {
      label: "share of deaths in a care home, %",
      digits: 1,
      value: pct("deaths_in_care_home_share"),
      evidence: "M3: 21.8 (England 2016); 20.5 (2022)",
    },
  ]],
  ["Acute stays", [
    {
      label: "zero-day stays, % of stays ended",
      digits: 1,
      value: pct("acute_zero_day_share"),
      evidence: "H4: around a third of emergency admissions; 28.3 at 75+ (Y&H)",
    },
    {
      label: "stays over 21 days, % of stays ended at 65+",
      digits: 1,
      value: pct("acute_over_21_days_share_65_plus"),
      evidence: "H4: ≈5 of people 65+ admitted",
    },
    {
      label: "emergency bed days per 1,000",
      digits: 0,
      value: (f, y) => {
        let people = 0;
        for (let d = (y - 1) * 365; d < y * 365; d++) people += f.daily.population[d] ?? 0;
        return 1000 * m(f, "bed_days", y) / (people / 365);
      },
      evidence: "H5: 413 (emergencies ≈70% of G&A use) – 590 (all G&A bed use)",
    },
  ]],
  ["Delayed transfers", [
    {
      label: "delayed-transfer bed days, % of emergency bed days",
      digits: 1,
      value: (f, y) => 100 * m(f, "delayed_transfer_bed_days", y) / m(f, "bed_days", y),
      evidence: "H6: 2.9 (July 2019) – 4.0 (2016/17); range 2.5–5",
    },
    {
      label: "arrangement time, % of delayed days",
      digits: 1,
      value: ofDelayed("delayed_transfer_bed_days_arrangement"),
      evidence:
        "H6: the rest after the waits for a full service (≈63; assessment, funding, choice, …)",
    },
    {
      label: "waiting for a full downstream service, % of delayed days",
      digits: 1,
      value: ofDelayed("delayed_transfer_bed_days_capacity"),
      evidence: "H6: ≈37, range 30–45",
    },
    {
      label: "  of which a care-home place",
      digits: 1,
      value: ofDelayed("delayed_transfer_bed_days_care_home"),
      evidence: "H6: residential and nursing homes ≈8.9 (June 2018)",
    },
    {
      label: "  of which home-care hours",
      digits: 1,
      value: ofDelayed("delayed_transfer_bed_days_home_care"),
      evidence: "H6: a care package at home 10.2 (July 2019) / 12.6 (Sept 2016)",
    },
    {
      label: "  of which a reablement slot",
      digits: 1,
      value: ofDelayed("delayed_transfer_bed_days_reablement"),
      evidence: "H6: (with intermediate care) further non-acute NHS care 17.9 (2019) / 16.6 (2016)",
    },
    {
      label: "  of which an intermediate-care bed",
      digits: 1,
      value: ofDelayed("delayed_transfer_bed_days_intermediate_care"),
      evidence: "H6: (with reablement) further non-acute NHS care 17.9 / 16.6",
    },
  ]],
];

const fmt = (x: number, d: number) => x.toFixed(d);
const cell = (row: Row, year: number) => {
  const s = summarize(figures.map((f) => row.value(f, year)));
  return `${fmt(s.mean, row.digits)} (${fmt(s.ciLow, row.digits)} – ${fmt(s.ciHigh, row.digits)})`;
};
console.log(
  `Default scenario (${scenario.population.size} people, seed ${scenario.seed}), baseline, ${replications} replications: mean (95% CI).\n`,
);
for (const [title, rows] of SECTIONS) {
  console.log(`## ${title}\n`);
  console.log("| figure | year 1 | year 5 | evidence (docs/evidence.md) |");
  console.log("| --- | ---: | ---: | --- |");
  for (const row of rows) {
    console.log(
      `| ${row.label} | ${cell(row, 1)} | ${cell(row, scenario.years)} | ${row.evidence} |`,
    );
  }
  console.log("");
}
const meanStay = summarize(figures.map((f) => f.stays.completedDays / f.stays.completed));
console.log(
  `Mean length of the acute stays completed over the ${scenario.years} years (zero-day stays and delays included): ${
    fmt(meanStay.mean, 2)
  } days (${fmt(meanStay.ciLow, 2)} – ${
    fmt(meanStay.ciHigh, 2)
  }); H4: 7.9 days all ages (2019), read as the mean of overnight stays.`,
);
