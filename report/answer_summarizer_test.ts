import assert from "node:assert/strict";
import { AnswerSummarizer, WHOLE_HORIZON } from "./answer_summarizer.ts";
import type { GroupFigures } from "./run_figures.ts";

const groups = [
  { scenario: "x", variant: "baseline" as const, label: "Baseline" },
  { scenario: "x/a", variant: "scenario" as const, optionId: "a", label: "A" },
];

function arm(admissions: number[], occupied: number[], extra: GroupFigures["annual"] = []) {
  return {
    annual: [
      ...admissions.map((value, i) => ({ metric: "emergency_admissions", year: i + 1, value })),
      ...occupied.map((value, i) => ({ metric: "acute_occupied_beds_mean", year: i + 1, value })),
      ...extra,
    ],
    workforce: occupied.map((o, i) => ({ staffGroup: "gp", year: i + 1, fte: o / 10 })),
    weeks: [],
  };
}

Deno.test("AnswerSummarizer pairs replications and shares model years out by financial year", async (t) => {
  // A start on 1 October: financial year 2026/27 holds 183 days of model year 1 and 182 of year 2.
  const s = new AnswerSummarizer(groups, { startDate: "2025-10-01", years: 2 });
  const reps = [[1000, 1200, 900, 1000], [1100, 1300, 1000, 1050]];
  reps.forEach(([b1, b2, a1, a2], replication) => {
    s.add({ replication, groups: [arm([b1, b2], [100, 110]), arm([a1, a2], [90, 100])] });
  });
  const r = s.result();
  const avoided = (rep: number[], fy: "2025/26" | "2026/27" | "all") => {
    const [b1, b2, a1, a2] = rep;
    const d1 = b1 - a1;
    const d2 = b2 - a2;
    return fy === "2025/26"
      ? d1 * 182 / 365
      : fy === "2026/27"
      ? d1 * 183 / 365 + d2 * 182 / 365
      : d1 + d2;
  };

  await t.step(
    "admissions avoided: the mean of the replications' paired, shared-out values",
    () => {
      for (const fy of ["2025/26", "2026/27", "all"] as const) {
        const got = r.groups[1].admissions_avoided[fy];
        const want = (avoided(reps[0], fy) + avoided(reps[1], fy)) / 2;
        assert.ok(Math.abs(got.mean - want) < 1e-9, `${fy}: ${got.mean} ≠ ${want}`);
        assert.equal(got.n, 2);
      }
      // The whole horizon equals the sum of the model years, as summary.csv's "all" row.
      assert.equal(r.groups[1].admissions_avoided[WHOLE_HORIZON].mean, (300 + 350) / 2);
    },
  );

  await t.step("levels: day-weighted occupancy and FTE", () => {
    const occ = r.groups[0].occupied_beds["2026/27"].mean;
    assert.ok(Math.abs(occ - (183 * 100 + 182 * 110) / 365) < 1e-9);
    assert.ok(Math.abs(r.groups[1]["fte:gp"]["2026/27"].mean - occ / 10 + 1) < 1e-9);
    assert.deepEqual(r.staffGroups, ["gp"]);
  });

  await t.step("the distribution sample holds each replication's whole-horizon value", () => {
    assert.deepEqual(r.admissionsAvoidedSample, [[], [300, 350]]);
  });

  await t.step("no cost metrics: no cost figures", () => {
    assert.equal(r.hasCost, false);
    assert.equal(r.groups[1].net_cost, undefined);
  });
});

Deno.test("AnswerSummarizer sums cost_<setting> metrics and gives the option's net cost", () => {
  const s = new AnswerSummarizer(groups, { startDate: "2025-04-01", years: 1 });
  const cost = (acute: number, community: number) => [
    { metric: "cost_acute", year: 1, value: acute },
    { metric: "cost_community", year: 1, value: community },
  ];
  s.add({
    replication: 0,
    groups: [arm([10], [5], cost(1000, 200)), arm([9], [5], cost(900, 400))],
  });
  s.add({
    replication: 1,
    groups: [arm([10], [5], cost(1100, 200)), arm([9], [5], cost(900, 350))],
  });
  const r = s.result();
  assert.equal(r.hasCost, true);
  // Option − baseline: (1300 − 1200) and (1250 − 1300).
  assert.equal(r.groups[1].net_cost.all.mean, (100 - 50) / 2);
});
