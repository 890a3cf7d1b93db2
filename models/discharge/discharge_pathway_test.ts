/**
 * Specification tests of the discharge pathway: the sources of delayed transfers of care
 * (arrangement time for a supported destination; no room at the destination), bed blocking
 * when a destination is full, and discharge to assess.
 */
import assert from "node:assert/strict";
import { FIXED_BEDS, meanSe, ROOMY_DOWNSTREAM, specRun } from "../_spec_run.ts";
import { annualValue } from "../result.ts";

/** Per-destination delays (delayed → discharge) of patients who were delayed in a bed. */
function delaysByDestination(log: ReturnType<typeof specRun>["log"]): Map<string, number[]> {
  const since = new Map<string, { t: number; dest: string }>();
  const out = new Map<string, number[]>();
  for (const r of log) {
    if (r.activity === "delayed") since.set(r.caseId, { t: r.timeDays, dest: r.resource });
    else if ((r.activity === "discharge" || r.activity === "death") && since.has(r.caseId)) {
      const d = since.get(r.caseId)!;
      since.delete(r.caseId);
      if (d.t < 0) continue;
      const list = out.get(d.dest) ?? [];
      list.push(r.timeDays - d.t);
      out.set(d.dest, list);
    }
  }
  return out;
}

Deno.test("delayed transfers: a supported destination with room waits its arrangement time", () => {
  const { log, scenario } = specRun({
    years: 2,
    population: { size: 40000 },
    hospitals: [{ id: "a", acuteBeds: 400 }],
    acute: FIXED_BEDS,
    ...ROOMY_DOWNSTREAM,
  });
  const delays = delaysByDestination(log);
  const means = scenario.acute.dischargeArrangementMeanDays;
  for (const dest of ["reablement", "homeCarePackage", "intermediateCare", "careHome"] as const) {
    const d = meanSe(delays.get(dest) ?? []);
    assert.ok(d.n > 30, `${dest}: ${d.n} delayed`);
    // Exponential arrangement time: sd = mean, so se = mean / √n.
    const se = means[dest] / Math.sqrt(d.n);
    assert.ok(Math.abs(d.mean - means[dest]) < 4 * se, `${dest}: ${d.mean} vs ${means[dest]}`);
  }
  assert.equal(delays.get("home"), undefined, "home needs no arrangement");
});

Deno.test("delayed transfers: bed days = Σ time from delayed to leaving the bed", () => {
  const { log, result, scenario } = specRun({
    years: 1,
    population: { size: 20000 },
    start: { mode: "empty", warmUpDays: 0 },
  });
  const end = scenario.years * 365;
  const since = new Map<string, number>();
  let days = 0;
  for (const r of log) {
    if (r.activity === "delayed") since.set(r.caseId, r.timeDays);
    else if ((r.activity === "discharge" || r.activity === "death") && since.has(r.caseId)) {
      days += r.timeDays - since.get(r.caseId)!;
      since.delete(r.caseId);
    }
  }
  for (const t of since.values()) days += end - t;
  const dtoc = annualValue(result, "delayed_transfer_bed_days");
  assert.ok(Math.abs(dtoc - days) < 1e-6 * Math.max(1, days), `${dtoc} vs ${days}`);
});

Deno.test("bed blocking: with no care-home places, care-home discharges stay in their bed", () => {
  // No residents at the start either (a census of none): places 0 holds nobody.
  const { log, result } = specRun({
    years: 1,
    population: { size: 40000 },
    careHomes: { places: 0 },
    start: { mode: "census", census: { careHomeResidents: 0, acuteOccupied: 0 } },
    acute: {
      dischargeArrangementMeanDays: {
        reablement: 3,
        homeCarePackage: 4,
        intermediateCare: 2,
        careHome: 0,
      },
    },
  });
  const waiting = new Set<string>();
  for (const r of log) {
    if (r.activity === "discharge_ready" && r.resource === "careHome") waiting.add(r.caseId);
    if ((r.activity === "discharge" || r.activity === "death") && waiting.has(r.caseId)) {
      assert.fail(`${r.caseId} left the bed (${r.activity} to ${r.to}) with no place free`);
    }
  }
  assert.ok(waiting.size > 20, `${waiting.size} waiting`);
  const delayed = log.filter((r) => r.activity === "delayed" && r.resource === "careHome");
  assert.equal(delayed.length, waiting.size, "each is a delayed transfer");
  assert.ok(result.daily.delayedTransfers.at(-1)! >= waiting.size, "all still delayed at the end");
  assert.equal(annualValue(result, "care_home_admissions_from_hospital"), 0);
});

Deno.test("discharge to assess: patients waiting for a full service wait at home, not in a bed", () => {
  const input = {
    years: 1,
    population: { size: 20000 },
    start: { mode: "empty" },
    socialCare: { reablement: { slotsPer100k: 0 } },
  };
  const blocked = specRun(input);
  const d2a = specRun(input, { modifiers: { rates: () => ({ dischargeToAssess: 1 }) } });
  const waitsInBed = (log: typeof blocked.log) =>
    log.filter((r) => r.activity === "delayed" && r.resource === "reablement").length;
  assert.ok(waitsInBed(blocked.log) > 20);
  assert.equal(waitsInBed(d2a.log), 0);
  assert.ok(
    d2a.log.some((r) => r.activity === "discharge" && r.to === "home_discharge_to_assess"),
  );
});
