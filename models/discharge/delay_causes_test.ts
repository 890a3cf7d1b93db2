/**
 * Specification tests of the two causes of delayed transfers of care: the time to arrange a
 * supported discharge, and waiting for room at a full downstream service (care-home place,
 * home-care hours, reablement slot, intermediate-care bed) — their split, the care-home search,
 * the knock-on of tighter capacity, and the defaults against the published DTOC by cause.
 */
import assert from "node:assert/strict";
import { FIXED_BEDS, meanSe, ROOMY_DOWNSTREAM, specRun } from "../_spec_run.ts";
import { type AnnualMetric, annualValue } from "../result.ts";

const CAPACITY_CAUSES: AnnualMetric[] = [
  "delayed_transfer_bed_days_care_home",
  "delayed_transfer_bed_days_home_care",
  "delayed_transfer_bed_days_reablement",
  "delayed_transfer_bed_days_intermediate_care",
];

Deno.test("delayed transfers: arrangement + each full service = all delayed-transfer bed days", () => {
  const { result } = specRun({ years: 1, population: { size: 50000 } });
  const all = annualValue(result, "delayed_transfer_bed_days");
  const arrangement = annualValue(result, "delayed_transfer_bed_days_arrangement");
  const capacity = annualValue(result, "delayed_transfer_bed_days_capacity");
  const causes = CAPACITY_CAUSES.map((m) => annualValue(result, m));
  assert.ok(Math.abs(arrangement + capacity - all) < 1e-6 * all, `${arrangement} + ${capacity}`);
  assert.ok(Math.abs(causes.reduce((a, b) => a + b, 0) - capacity) < 1e-6 * all);
  assert.ok(arrangement > 0 && capacity > 0);
});

Deno.test("delayed transfers: with room everywhere every delay is arrangement time", () => {
  const { result } = specRun({
    years: 1,
    population: { size: 15000 },
    acute: FIXED_BEDS,
    ...ROOMY_DOWNSTREAM,
  });
  assert.equal(annualValue(result, "delayed_transfer_bed_days_capacity"), 0);
  assert.ok(annualValue(result, "delayed_transfer_bed_days_arrangement") > 100);
});

Deno.test("care homes: a hospital waiter's search takes placeSearchMeanDays × (1 − reference occupancy) ÷ the free share", () => {
  const searchDays = 50;
  const { log, scenario } = specRun({
    years: 2,
    population: { size: 100000 },
    acute: {
      ...FIXED_BEDS,
      dischargeArrangementMeanDays: {
        reablement: 1,
        homeCarePackage: 1,
        intermediateCare: 1,
        careHome: 0,
      },
    },
    careHomes: { places: 1_000_000, placeSearchMeanDays: searchDays, referenceOccupancy: 0.87 },
  });
  const since = new Map<string, number>();
  const waits: number[] = [];
  for (const r of log) {
    if (r.activity === "delay_cause" && r.resource === "careHome") since.set(r.caseId, r.timeDays);
    else if (r.activity === "discharge" && since.has(r.caseId)) {
      waits.push(r.timeDays - since.get(r.caseId)!);
      since.delete(r.caseId);
    }
  }
  // Nearly every place is free: the rate of finding one is 1 ÷ (0.13 × 50) a day. Progress is
  // checked at every day boundary and care-home event, so a find is noticed up to a day late.
  const expected = (1 - scenario.careHomes.referenceOccupancy) * searchDays;
  const w = meanSe(waits);
  assert.ok(w.n > 80, `${w.n} waits`);
  const tolerance = 4 * expected / Math.sqrt(w.n) + 1;
  assert.ok(Math.abs(w.mean - expected) < tolerance, `${w.mean} vs ${expected} ± ${tolerance}`);
});

Deno.test("tightening downstream capacity raises the delays waiting for it", () => {
  const base = { years: 2, population: { size: 60000 } };
  const loose = specRun(base).result;
  const tight = specRun({
    ...base,
    careHomes: { placesPer1000Aged75Plus: 60 },
    community: { intermediateCare: { bedsPer100k: 12 } },
    socialCare: {
      reablement: { slotsPer100k: 21 },
      homeCare: { capacityHoursPerWeekPer100k: 6000 },
    },
  }).result;
  for (const metric of CAPACITY_CAUSES) {
    const [a, b] = [annualValue(loose, metric), annualValue(tight, metric)];
    assert.ok(b > 1.3 * a + 20, `${metric}: ${a.toFixed(0)} → ${b.toFixed(0)}`);
  }
  const total = (r: typeof loose) => annualValue(r, "delayed_transfer_bed_days");
  assert.ok(total(tight) > total(loose));
});

Deno.test("defaults: delayed transfers and their causes within the 2017–19 statistics", () => {
  // docs/evidence.md#h6-delayed-transfers-by-cause: acute delayed days 2.9% (July 2019) to ≈4%
  // (2016/17) of G&A bed days; waits for a full service (non-acute NHS care, a package at home,
  // a residential or nursing home) ≈37% of delayed days, 30–45% over 2016–19.
  const { result } = specRun({ years: 1, population: { size: 100000 }, seed: 12345 }, {
    replication: 0,
  });
  const share = annualValue(result, "delayed_transfer_bed_days") /
    annualValue(result, "bed_days");
  assert.ok(share > 0.025 && share < 0.05, `delayed transfers ${share} of bed days`);
  const capacity = annualValue(result, "delayed_transfer_capacity_share");
  assert.ok(capacity > 0.28 && capacity < 0.46, `capacity causes ${capacity}`);
  for (const metric of CAPACITY_CAUSES) {
    assert.ok(annualValue(result, metric) > 0, `${metric} waits exist at the defaults`);
  }
});

Deno.test("defaults: zero-day share and 65+ stays over 21 days within the evidence", () => {
  // docs/evidence.md#h4-length-of-stay: about a third of emergency admissions are zero-day;
  // ≈5% of people 65+ admitted stay over 21 days (super-stranded ≈6% of admissions).
  const { result } = specRun({ years: 1, population: { size: 100000 } });
  const zeroDay = annualValue(result, "acute_zero_day_share");
  assert.ok(zeroDay > 0.3 && zeroDay < 0.37, `zero-day ${zeroDay}`);
  const long = annualValue(result, "acute_over_21_days_share_65_plus");
  assert.ok(long > 0.04 && long < 0.07, `over 21 days at 65+ ${long}`);
});
