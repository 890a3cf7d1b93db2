import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { annualValue } from "../result.ts";
import { runPairedReplication, scenarioOptions } from "../run_scenario.ts";
import { DERIVED_METRICS } from "./derived_metrics.ts";

const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

/** A care model that only adds staff: 5 GP FTE per 100,000 people, no effect. */
const STAFF_ONLY = {
  model: "custom" as const,
  id: "hub",
  rampUpMonths: 0,
  parts: { main: { staff: { gp: { per: "population" as const, fte: 5, every: 1e5 } } } },
};

Deno.test("cost by setting is activity × unit cost, year by year (by hand)", () => {
  const scenario = parseScenario({
    version: 1,
    years: 2,
    population: { size: 8000 },
    costs: { unitCosts: { edAttendance: 100, careHomeWeek: 700, acuteBedDay: 300 } },
  });
  const r = runPairedReplication({
    seed: 2,
    replication: 0,
    input: { scenario, options: [], replicationsPerSample: 1 },
  }).baseline;
  const u = scenario.costs.unitCosts;
  for (const year of [1, 2]) {
    const v = (m: Parameters<typeof annualValue>[1]) => annualValue(r, m, { year });
    close(v("cost_ed"), v("ed_attendances") * 100, `ED, year ${year}`);
    close(v("cost_care_homes"), v("care_home_occupied_mean") * 365 / 7 * 700, "care homes");
    close(
      v("cost_acute"),
      v("emergency_admissions") * u.emergencyAdmission +
        (v("bed_days") - v("delayed_transfer_bed_days")) * 300,
      "acute",
    );
    close(v("cost_delayed_bed_days"), v("delayed_transfer_bed_days") * u.delayedBedDay, "DTOC");
    const settings = DERIVED_METRICS.filter((m) => m.unit === "gbp" && m.name !== "cost_total")
      .reduce((a, m) => a + v(m.name as never), 0);
    close(v("cost_total"), settings, "total = Σ settings");
    assert.equal(v("cost_care_model_staff"), 0);
  }
});

Deno.test("an option's net cost is its staff cost minus what it avoids (staff only: by hand)", () => {
  const scenario = parseScenario({
    version: 1,
    years: 1,
    population: { size: 6000 },
    careModels: [STAFF_ONLY],
  });
  const r = runPairedReplication({
    seed: 5,
    replication: 0,
    input: { scenario, options: scenarioOptions(scenario), replicationsPerSample: 1 },
  });
  const o = r.options[0]!.result;
  const pop = o.daily.population.reduce((a, b) => a + b, 0) / 365;
  const staff = 5 * pop / 1e5 * scenario.costs.ftePerYear.gp;
  close(annualValue(o, "cost_care_model_staff"), staff, "staff cost");
  close(
    annualValue(r.baseline, "cost_total") - annualValue(o, "cost_total"),
    -staff,
    "net saving = −staff cost (it changes nothing else)",
  );
});

Deno.test("the commissioner's cohort (segments 3–4): cost per person-year by setting and segment, and outcomes, by hand", () => {
  const scenario = parseScenario({
    version: 1,
    years: 2,
    population: { size: 8000 },
    costs: {
      unitCosts: { intermediateCareBedDay: 210, reablementEpisode: 1900, homeCareHour: 27 },
    },
  });
  const r = runPairedReplication({
    seed: 4,
    replication: 0,
    input: { scenario, options: [], replicationsPerSample: 1 },
  }).baseline;
  const u = scenario.costs.unitCosts;
  type M = Parameters<typeof annualValue>[1];
  for (const year of [1, 2]) {
    const at = (m: M, segment: 1 | 2 | 3 | 4) => annualValue(r, m, { year, segment });
    const v = (m: M) => annualValue(r, m, { year });
    const days = (s: number, residence: "home" | "careHome") =>
      r.personDays!.filter((p) => p.year === year && p.segment === s && p.residence === residence)
        .reduce((a, p) => a + p.personDays, 0);
    // A segment's person-days: at home, in a care home, in an acute bed, in an intermediate bed.
    const segDays = (s: 1 | 2 | 3 | 4) =>
      days(s, "home") + days(s, "careHome") + at("bed_days", s) +
      at("intermediate_occupied_mean", s) * 365;
    // Its cost: activity × unit cost in every setting.
    const segCost = (s: 1 | 2 | 3 | 4) =>
      at("emergency_admissions", s) * u.emergencyAdmission +
      (at("bed_days", s) - at("delayed_transfer_bed_days", s)) * u.acuteBedDay +
      at("delayed_transfer_bed_days", s) * u.delayedBedDay +
      at("ed_attendances", s) * u.edAttendance + at("gp_consultations", s) * u.gpConsultation +
      at("district_nursing_visits", s) * u.districtNursingVisit +
      at("intermediate_occupied_mean", s) * 365 * 210 + at("reablement_starts", s) * 1900 +
      at("home_care_hours_mean", s) * 365 / 7 * 27 + days(s, "careHome") * u.careHomeWeek / 7;
    // The three settings the cohort now includes are used by it (else the test proves nothing).
    for (const m of ["intermediate_occupied_mean", "reablement_starts", "home_care_hours_mean"]) {
      assert.ok(at(m as M, 3) + at(m as M, 4) > 0, `${m} in segments 3–4, year ${year}`);
    }
    // Kept by segment, they add up to the total (home care: a census package may have no
    // holder at home, counted in the total only).
    const sumSeg = (m: M) => [1, 2, 3, 4].reduce((a, s) => a + at(m, s as 1), 0);
    close(sumSeg("intermediate_occupied_mean"), v("intermediate_occupied_mean"), "IC by segment");
    close(sumSeg("reablement_starts"), v("reablement_starts"), "reablement by segment");
    assert.ok(sumSeg("home_care_hours_mean") <= v("home_care_hours_mean") + 1e-9);
    assert.ok(sumSeg("home_care_hours_mean") >= 0.95 * v("home_care_hours_mean"));
    const py = (segDays(3) + segDays(4)) / 365;
    close(v("cohort_person_years"), py, "person-years");
    close(v("cohort_cost_per_person_year"), (segCost(3) + segCost(4)) / py, "cost per person-year");
    for (const s of [1, 2, 3, 4] as const) {
      close(at("cohort_cost_per_person_year", s), segCost(s) / (segDays(s) / 365), `segment ${s}`);
    }
    // Segment 4 costs more per person-year than segment 1.
    assert.ok(at("cohort_cost_per_person_year", 4) > 5 * at("cohort_cost_per_person_year", 1));
    const seg = (m: M) => at(m, 3) + at(m, 4);
    close(
      v("cohort_emergency_admissions_per_1000"),
      seg("emergency_admissions") / py * 1000,
      "adm",
    );
    close(v("cohort_bed_days_per_1000"), seg("bed_days") / py * 1000, "bed days");
    const home = days(3, "home") + days(4, "home");
    close(v("cohort_days_at_home_per_person_year"), home / py, "days at home");
    const dih = seg("deaths_in_hospital");
    close(v("cohort_deaths_in_hospital_share"), dih / (dih + seg("deaths_elsewhere")), "deaths");
    // Everyone is counted once: all segments' person-days plus all acute and intermediate bed
    // days are the year's population, day by day (sampled at the day's start vs its end).
    const all = r.personDays!.filter((p) => p.year === year).reduce((a, p) => a + p.personDays, 0);
    const alive = r.daily.population.slice((year - 1) * 365, year * 365).reduce((a, b) => a + b);
    const accounted = all + v("bed_days") + v("intermediate_occupied_mean") * 365;
    assert.ok(Math.abs(accounted / alive - 1) < 0.005, `${accounted} vs ${alive} person-days`);
    assert.ok(v("cohort_days_at_home_per_person_year") < 365);
  }
});
