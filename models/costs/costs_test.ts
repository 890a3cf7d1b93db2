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

Deno.test("the commissioner's cohort (segments 3–4): cost per person-year and outcomes by hand", () => {
  const scenario = parseScenario({ version: 1, years: 2, population: { size: 8000 } });
  const r = runPairedReplication({
    seed: 4,
    replication: 0,
    input: { scenario, options: [], replicationsPerSample: 1 },
  }).baseline;
  const u = scenario.costs.unitCosts;
  for (const year of [1, 2]) {
    const seg = (m: Parameters<typeof annualValue>[1]) =>
      annualValue(r, m, { year, segment: 3 }) + annualValue(r, m, { year, segment: 4 });
    const days = (residence: "home" | "careHome") =>
      r.personDays!.filter((p) => p.year === year && p.segment >= 3 && p.residence === residence)
        .reduce((a, p) => a + p.personDays, 0);
    const py = (days("home") + days("careHome") + seg("bed_days")) / 365;
    const v = (m: Parameters<typeof annualValue>[1]) => annualValue(r, m, { year });
    close(v("cohort_person_years"), py, "person-years");
    const cost = seg("emergency_admissions") * u.emergencyAdmission +
      (seg("bed_days") - seg("delayed_transfer_bed_days")) * u.acuteBedDay +
      seg("delayed_transfer_bed_days") * u.delayedBedDay + seg("ed_attendances") * u.edAttendance +
      seg("gp_consultations") * u.gpConsultation +
      seg("district_nursing_visits") * u.districtNursingVisit +
      days("careHome") * u.careHomeWeek / 7;
    close(v("cohort_cost_per_person_year"), cost / py, "cost per person-year");
    close(
      v("cohort_emergency_admissions_per_1000"),
      seg("emergency_admissions") / py * 1000,
      "adm",
    );
    close(v("cohort_bed_days_per_1000"), seg("bed_days") / py * 1000, "bed days");
    close(v("cohort_days_at_home_per_person_year"), days("home") / py, "days at home");
    const dih = seg("deaths_in_hospital");
    close(v("cohort_deaths_in_hospital_share"), dih / (dih + seg("deaths_elsewhere")), "deaths");
    // Everyone is counted once: all segments' person-days plus all bed days are the year's
    // population, day by day (sampled at the day's start vs its end: within 0.5%).
    const all = r.personDays!.filter((p) => p.year === year).reduce((a, p) => a + p.personDays, 0);
    const alive = r.daily.population.slice((year - 1) * 365, year * 365).reduce((a, b) => a + b);
    const accounted = all + v("bed_days");
    assert.ok(Math.abs(accounted / alive - 1) < 0.005, `${accounted} vs ${alive} person-days`);
    assert.ok(v("cohort_days_at_home_per_person_year") < 365);
  }
});
