/**
 * A setting plugged in from outside models/: a toy hospice that takes half the patients who
 * would die in an acute bed, when it has a bed free. One module (below) and one registration
 * (the `settings` option) — and its metrics appear in the run's summary.
 */
import assert from "node:assert/strict";
import {
  checkInvariants,
  type ModelContext,
  parseScenario,
  type Patient,
  PeriodCounter,
  type ReplicationResult,
  Resource,
  type ScenarioRun,
  type Setting,
  type SettingHooks,
  type SettingPart,
  simulateReplication,
  summarizeRun,
  TimeWeighted,
} from "../mod.ts";

const SHARE = 0.5;
const STAY_DAYS = 10;

/** The toy hospice: `beds` beds; a stay of exponential length, then death. */
function hospice(beds: number): Setting {
  return {
    id: "hospice",
    metrics: [
      {
        name: "hospice_admissions",
        unit: "admissions",
        kind: "count",
        aggregation: "sum",
        description: "Patients moved from an acute bed to the hospice at the end of life.",
      },
      {
        name: "hospice_bed_days",
        unit: "bed_days",
        kind: "duration",
        aggregation: "sum",
        description: "Hospice bed days occupied.",
      },
    ],
    create(ctx: ModelContext, hooks: SettingHooks): SettingPart {
      const years = { startDays: ctx.warmUpDays, lengthDays: 365, count: ctx.scenario.years };
      const admissions = new PeriodCounter({ periods: years });
      const bedDays = new TimeWeighted(ctx.sim, { periods: years });
      const pool = new Resource(ctx.sim, { name: "hospice", capacity: beds });
      const stream = ctx.sim.stream("hospice");
      let inside = 0;
      return {
        takeDischarge(p: Patient, now: number): boolean {
          const u = stream.random();
          const stay = stream.exponential(STAY_DAYS);
          if (p.dest !== "death" || u >= SHARE || pool.inUse >= pool.capacity) return false;
          const req = pool.request();
          hooks.leaveAcuteBed(p);
          inside++;
          admissions.add(now, 1);
          bedDays.add(1);
          ctx.sim.schedule(stay, () => {
            pool.release(req);
            inside--;
            bedDays.add(-1);
            hooks.die(p);
          });
          return true;
        },
        occupied: () => inside,
        annual(metric: string, year: number): number {
          if (metric === "hospice_admissions") return admissions.get(year);
          return bedDays.periodIntegral(year);
        },
      };
    },
  };
}

const scenario = parseScenario({ version: 1, years: 2, population: { size: 40000 } });

function run(results: ReplicationResult[]): ScenarioRun {
  return {
    scenario,
    seed: 1,
    replications: results.length,
    indices: results.map((r) => r.replication),
    options: [],
    results: results.map((baseline) => ({
      replication: baseline.replication,
      parameterSample: baseline.replication,
      baseline,
      baselineWorkforce: [],
      options: [],
    })),
  };
}

Deno.test("a hospice plugged in from outside models/ takes its share and shows in the summary", () => {
  const results = [0, 1, 2].map((replication) =>
    simulateReplication(scenario, { seed: 1, replication, settings: [hospice(1000)] })
  );
  for (const r of results) assert.deepEqual(checkInvariants(r), []);
  const total = (r: ReplicationResult, metric: string) =>
    r.annual.filter((a) => a.metric === metric && a.segment === undefined)
      .reduce((s, a) => s + a.value, 0);
  const hospiceAdmissions = results.reduce((s, r) => s + total(r, "hospice_admissions"), 0);
  const inHospital = results.reduce((s, r) => s + total(r, "deaths_in_hospital"), 0);
  const n = hospiceAdmissions + inHospital;
  const share = hospiceAdmissions / n;
  assert.ok(n > 300, `${n} end-of-life discharges`);
  assert.ok(Math.abs(share - SHARE) < 4 * Math.sqrt(SHARE * (1 - SHARE) / n), `share ${share}`);
  const summary = summarizeRun(run(results));
  const row = summary.find((r) => r.metric === "hospice_bed_days" && r.year === "all")!;
  assert.equal(row.unit, "bed_days");
  assert.equal(row.n, 3);
  // Little's law inside the hospice: bed days ≈ admissions × mean stay.
  const admissionsRow = summary.find((r) => r.metric === "hospice_admissions" && r.year === "all")!;
  assert.ok(Math.abs(row.mean / (admissionsRow.mean * STAY_DAYS) - 1) < 0.15, `${row.mean}`);
});

Deno.test("with no setting plugged in, the result has no setting metrics", () => {
  const r = simulateReplication(
    parseScenario({ version: 1, years: 1, population: { size: 5000 } }),
  );
  assert.equal(r.settingMetrics, undefined);
  assert.ok(!r.annual.some((a) => a.metric.startsWith("hospice")));
});
