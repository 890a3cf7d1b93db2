/**
 * Specification tests of emergency demand and admission: route, seasonality phase, length of
 * stay and its weekend rule, ED boarding hours, and the 30-day readmission window. Each
 * asserts against a value derived from the scenario's parameters.
 */
import assert from "node:assert/strict";
import { defaultLengthOfStayFit } from "../demography/default_length_of_stay.ts";
import { shareLongerThan } from "../demography/length_of_stay.ts";
import { cellRates } from "../population/cell_rates.ts";
import { cohortParams, initialCounts } from "../population/cohort.ts";
import { ARRIVALS, FIXED_BEDS, meanSe, specRun } from "../_spec_run.ts";
import { annualValue } from "../result.ts";

Deno.test("admissions arrive via ED in the share acute.edRouteShare, the rest from GPs", () => {
  const { log, scenario } = specRun({ years: 1, population: { size: 40000 } });
  const first = log.filter((r) => r.activity === "ed_arrival" || r.activity === "gp_referral");
  const viaEd = first.filter((r) => r.activity === "ed_arrival").length / first.length;
  const p = scenario.acute.edRouteShare;
  const se = Math.sqrt(p * (1 - p) / first.length);
  assert.ok(first.length > 2000, `${first.length} arrivals`);
  assert.ok(Math.abs(viaEd - p) < 4 * se, `ED share ${viaEd} vs ${p} (se ${se})`);
});

Deno.test("seasonality: demand in a month follows that month's factor (January 2.1, others 0.9)", () => {
  const season = [2.1, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9];
  const { log } = specRun({
    years: 1,
    startDate: "2025-01-01",
    population: { size: 40000 },
    seasonality: { emergencyDemandByMonth: season },
  });
  const arrivals = log.filter((r) =>
    (r.activity === "ed_arrival" || r.activity === "gp_referral") && r.timeDays >= 0
  );
  const jan = arrivals.filter((r) => r.timeDays < 31).length / 31;
  const feb = arrivals.filter((r) => r.timeDays >= 31 && r.timeDays < 59).length / 28;
  const rest = arrivals.filter((r) => r.timeDays >= 31).length / (365 - 31);
  assert.ok(Math.abs(jan / rest - 2.1 / 0.9) < 0.25, `January ${jan}/day vs ${rest}/day`);
  assert.ok(Math.abs(feb / rest - 1) < 0.2, `February ${feb}/day vs ${rest}/day`);
});

/** Days from each case's `from` event to its next `to` event, in log order. */
function gapsBetween(
  log: readonly { activity: string; caseId: string; timeDays: number }[],
  from: string,
  to: string,
): number[] {
  const since = new Map<string, number>();
  const gaps: number[] = [];
  for (const r of log) {
    if (r.activity === from) since.set(r.caseId, r.timeDays);
    else if (r.activity === to && since.has(r.caseId)) {
      gaps.push(r.timeDays - since.get(r.caseId)!);
      since.delete(r.caseId);
    }
  }
  return gaps;
}

/** One age band, so the expected stays follow from the band's mixture. */
const ONE_BAND = {
  ageBands: [{
    id: "all",
    minAgeYears: 0,
    populationShare: 1,
    lengthOfStayMeanDays: 5,
  }],
};

Deno.test("length of stay: the band's mean, zero-day share and share over 21 days hold", () => {
  const input = {
    years: 3,
    population: { size: 20000, ...ONE_BAND },
    acute: { weekendDischargeRatio: 1 },
  };
  const { result, scenario, log } = specRun(input, { unconstrained: true });
  const band = scenario.population.ageBands[0]!;
  // The segment ratios scale overnight stays around the band's admissions-weighted mean.
  const observed = result.accounting.meanStayDays;
  assert.ok(
    Math.abs(observed / band.lengthOfStayMeanDays - 1) < 0.05,
    `mean stay ${observed} vs ${band.lengthOfStayMeanDays}`,
  );
  const stays = gapsBetween(log, "admit", "discharge_ready");
  assert.ok(stays.length > 3000, `${stays.length} stays`);
  const check = (name: string, share: number, p: number) => {
    const se = Math.sqrt(p * (1 - p) / stays.length);
    assert.ok(Math.abs(share - p) < 4 * se, `${name}: ${share} vs ${p}`);
  };
  check("zero-day", stays.filter((d) => d === 0).length / stays.length, band.zeroDayShare);
  // One band, none 65+: the default bands' overnight shape, the band's mean; the segment
  // ratios spread stays, so the tail is checked loosely against the band's own mixture.
  const sigma = defaultLengthOfStayFit().overnightSigma;
  const overnight = band.lengthOfStayMeanDays / (1 - band.zeroDayShare) - 1;
  const mixture = {
    zeroDayShare: band.zeroDayShare,
    overnightMu: Math.log(overnight) - sigma * sigma / 2,
    overnightSigma: sigma,
  };
  const over7 = stays.filter((d) => d > 7).length / stays.length;
  assert.ok(Math.abs(over7 - shareLongerThan(mixture, 7)) < 0.02, `over 7 days: ${over7}`);
});

Deno.test("length of stay: an intervention's lengthOfStay multiplier scales every stay", () => {
  const input = {
    years: 2,
    population: { size: 20000, ...ONE_BAND },
    acute: { weekendDischargeRatio: 1 },
  };
  const base = specRun(input, { unconstrained: true }).result.accounting.meanStayDays;
  const shorter = specRun(input, {
    unconstrained: true,
    modifiers: { rates: () => ({ lengthOfStay: 0.7 }) },
  }).result.accounting.meanStayDays;
  assert.ok(Math.abs(shorter / base - 0.7) < 0.03, `${shorter} / ${base}`);
});

Deno.test("weekend rule: with no weekend discharges, an overnight stay fit on Saturday waits 2 days, Sunday 1; same-day stays go home", () => {
  const input = { years: 2, population: { size: 20000, ...ONE_BAND } };
  const every = specRun({ ...input, acute: { weekendDischargeRatio: 1 } }, { unconstrained: true });
  const none = specRun({ ...input, acute: { weekendDischargeRatio: 0 } }, { unconstrained: true });
  const extra = none.result.accounting.meanStayDays - every.result.accounting.meanStayDays;
  // Common random numbers: the same stays, each overnight stay's fit day uniform over the week
  // → (2 + 1) / 7 for the overnight share of stays.
  const overnight = 1 - none.scenario.population.ageBands[0]!.zeroDayShare;
  assert.ok(Math.abs(extra - overnight * 3 / 7) < 0.08, `extra ${extra} days`);
  // …and every overnight stay is then fit on a weekday.
  const start = Date.parse(`${none.scenario.startDate}T00:00:00Z`);
  const admitted = new Map<string, number>();
  const weekend = [];
  for (const r of none.log) {
    if (r.activity === "admit") admitted.set(r.caseId, r.timeDays);
    if (r.activity !== "discharge_ready" || admitted.get(r.caseId) === r.timeDays) continue;
    const wd = new Date(start + Math.floor(r.timeDays) * 86_400_000).getUTCDay();
    if (wd === 0 || wd === 6) weekend.push(r);
  }
  assert.deepEqual(weekend.slice(0, 3), [], "no one is discharged at a weekend");
});

Deno.test("ED boarding hours = 24 × Σ (time given a bed − time of admission)", () => {
  const { log, result } = specRun({
    years: 1,
    population: { size: 30000 },
    hospitals: [{ id: "a", acuteBeds: 50 }],
    acute: FIXED_BEDS,
  });
  const since = new Map<string, number>();
  let days = 0;
  for (const r of log) {
    if (ARRIVALS.has(r.activity)) since.set(r.caseId, r.timeDays);
    else if (r.activity === "admit" && since.has(r.caseId) && r.timeDays >= 0) {
      // The starting census is admitted at day 0 without arriving: it never boarded.
      days += r.timeDays - since.get(r.caseId)!;
    }
  }
  const hours = annualValue(result, "ed_boarding_hours");
  assert.ok(days > 100, `boarding ${days} days`);
  assert.ok(Math.abs(hours / (24 * days) - 1) < 0.01, `${hours} h vs ${24 * days} h`);
});

Deno.test("readmissions come within 30 days of going home, uniformly, with the set probability", () => {
  const { log, scenario } = specRun({ years: 2, population: { size: 60000 } }, {
    unconstrained: true,
  });
  const end = scenario.years * 365;
  const fromHome = new Set<string>();
  const homeAt = new Map<string, number>();
  const gaps: number[] = [];
  let discharges = 0;
  let readmitted = 0;
  for (const r of log) {
    if (r.activity === "ed_arrival" || r.activity === "gp_referral") {
      if (r.from === "home") fromHome.add(r.caseId);
    } else if (r.activity === "discharge_ready" && r.resource === "home") {
      if (fromHome.has(r.caseId) && r.timeDays >= 0 && r.timeDays < end - 30) {
        homeAt.set(r.caseId, r.timeDays);
        discharges++;
      }
    } else if (r.activity === "readmit" && homeAt.has(r.caseId)) {
      gaps.push(r.timeDays - homeAt.get(r.caseId)!);
      homeAt.delete(r.caseId);
      readmitted++;
    }
  }
  const p = scenario.acute.readmission30DayProbability;
  const share = readmitted / discharges;
  const seShare = Math.sqrt(p * (1 - p) / discharges);
  assert.ok(Math.abs(share - p) < 4 * seShare, `readmitted ${share} vs ${p}`);
  assert.ok(Math.max(...gaps) <= 30 && Math.min(...gaps) > 0, "within (0, 30] days");
  const g = meanSe(gaps);
  assert.ok(Math.abs(g.mean - 15) < 4 * (30 / Math.sqrt(12 * g.n)), `mean gap ${g.mean}`);
});

Deno.test("discharge destinations: the living follow the band's mix, deaths are the cells' hospital share of all-cause deaths", () => {
  const mix = {
    home: 0.5,
    reablement: 0.15,
    homeCarePackage: 0.1,
    intermediateCare: 0.15,
    careHome: 0,
    death: 0.1,
  };
  const { log, scenario } = specRun({
    years: 1,
    start: { mode: "empty" },
    population: {
      size: 80000,
      ageBands: [{
        id: "all",
        minAgeYears: 0,
        populationShare: 1,
        emergencyAdmissionRatePerPersonYear: 0.1,
        dischargeMix: mix,
      }],
    },
    // One band from age 0 has no one "75+", so no places by default: room for the residents.
    careHomes: { places: 100_000 },
  });
  const ready = log.filter((r) => r.activity === "discharge_ready" && r.timeDays >= 0);
  const living = ready.filter((r) => r.resource !== "death");
  assert.ok(living.length > 2000, `${living.length} discharges`);
  for (const [dest, share0] of Object.entries(mix)) {
    if (dest === "death") continue;
    const p = share0 / (1 - mix.death);
    const share = living.filter((r) => r.resource === dest).length / living.length;
    const se = Math.sqrt(p * (1 - p) / living.length) || 1e-9;
    assert.ok(Math.abs(share - p) < 4 * se, `${dest}: ${share} vs ${p}`);
  }
  // Deaths in hospital: a share of admissions equal to Σ people × hospital death rate ÷
  // Σ people × admission rate (binomial se over the discharges seen).
  const params = cohortParams(scenario);
  const rates = cellRates(scenario, params);
  const counts = initialCounts(scenario);
  let deaths = 0;
  let admissions = 0;
  counts.forEach((n, c) => {
    deaths += n * params.hospitalDeathRatePerYear[c]!;
    admissions += n * rates.pAdmit[c]! * 365;
  });
  const p = deaths / admissions;
  const died = (ready.length - living.length) / ready.length;
  const se = Math.sqrt(p * (1 - p) / ready.length);
  assert.ok(p > 0.01 && Math.abs(died - p) < 4 * se, `${died} vs ${p}`);
});

Deno.test("acute care collaboration: a transfer reaches the other site's bed after the delay", () => {
  const { log, result } = specRun({
    years: 1,
    start: { mode: "empty" },
    population: { size: 20000 },
    hospitals: [
      { id: "a", acuteBeds: 1, populationShare: 0.5 },
      { id: "b", acuteBeds: 300, populationShare: 0.5 },
    ],
    acute: FIXED_BEDS,
  }, { modifiers: { capacity: () => ({ interSiteTransferDelayHours: 6 }) } });
  const gaps = gapsBetween(log, "transfer", "admit");
  assert.ok(gaps.length > 200, `${gaps.length} transfers`);
  for (const g of gaps) assert.ok(Math.abs(g - 0.25) < 1e-9, `transfer took ${g} days`);
  const transfers = log.filter((r) => r.activity === "transfer" && r.timeDays >= 0).length;
  assert.equal(annualValue(result, "inter_site_transfers"), transfers);
  assert.equal(annualValue(result, "ed_boarding_hours"), 0, "the transfer delay is not boarding");
});
