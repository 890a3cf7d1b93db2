import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { money } from "../answer_words.ts";
import type { RunMeta } from "../run_meta.ts";
import type { SummaryRow } from "../run_summarizer.ts";
import { careModelSection } from "./care_model_section.ts";

const scenario = parseScenario({
  version: 1,
  population: { size: 1000 },
  years: 2,
  options: [
    { id: "mcp", label: "MCP", careModels: [{ model: "mcp" }] },
    { id: "ehch", label: "EHCH", careModels: [{ model: "ehch" }] },
  ],
});
const meta: RunMeta = {
  caresimVersion: "0",
  scenarioName: "x",
  scenarioHash: "h",
  seed: 1,
  replications: 2,
  indices: [0, 1],
  options: [],
  groups: [
    { scenario: "x", variant: "baseline", label: "Baseline" },
    { scenario: "x/mcp", variant: "scenario", optionId: "mcp", label: "MCP" },
    { scenario: "x/ehch", variant: "scenario", optionId: "ehch", label: "EHCH" },
  ],
  scenario,
};

function row(
  scenario: string,
  variant: SummaryRow["variant"],
  metric: string,
  year: number | "all",
  mean: number,
  ci: [number, number],
  range: [number, number],
): SummaryRow {
  return {
    scenario,
    variant,
    metric,
    year,
    unit: "gbp",
    mean,
    sd: 1,
    ciLow: ci[0],
    ciHigh: ci[1],
    p05: range[0],
    p50: mean,
    p95: range[1],
    n: 2,
  };
}

Deno.test("careModelSection: each option's net cost is −(baseline − option) total cost, its CI flipped; staff and savings from their rows", () => {
  const rows = [
    // MCP: total cost avoided −1.5m (a net cost of 1.5m), CI −2.0m to −1.0m.
    row("x/mcp", "avoided", "cost_total_avoided", "all", -1.5e6, [-2e6, -1e6], [-2.5e6, -0.5e6]),
    row("x/mcp", "scenario", "cost_care_model_staff", "all", 2.1e6, [2.1e6, 2.1e6], [2e6, 2.2e6]),
    row("x/mcp", "avoided", "cost_acute_avoided", "all", 4e5, [3e5, 5e5], [1e5, 7e5]),
    row("x/mcp", "avoided", "fte_district_nurse_avoided", 2, -3.2, [-3.5, -2.9], [-4, -2.5]),
    // EHCH: a net saving of 250,000 (avoided +250,000).
    row("x/ehch", "avoided", "cost_total_avoided", "all", 2.5e5, [1e5, 4e5], [-1e5, 6e5]),
  ];
  const html = careModelSection(meta, rows);
  const [mcp, ehch] = html.split("<h3>").slice(1);
  assert.ok(mcp!.startsWith("MCP") && ehch!.startsWith("EHCH"));
  // Signs become words: a net cost is "more", a net saving "saved"; no "−£" anywhere.
  assert.ok(mcp!.includes(`<strong>£1.50m more</strong> (95% CI £1.00m to £2.00m more)`), mcp);
  assert.ok(
    mcp!.includes(
      `<td>£1.50m more</td><td class="ci">£1.00m to £2.00m more</td><td class="ci">£0.50m to £2.50m more</td>`,
    ),
    "net cost row: mean, CI and 90% range flipped",
  );
  assert.ok(mcp!.includes(`${money(2.1e6)}`), "staff cost");
  assert.ok(
    mcp!.includes(
      `Spent on acute hospital care, against the baseline</th><td>£400,000 saved</td><td class="ci">£300,000 to £500,000 saved</td><td class="ci">£100,000 to £700,000 saved</td>`,
    ),
  );
  // Extra district nurses in the last year: −(−3.2) = 3.2, CI 2.9 to 3.5; FTE cost from costs.
  assert.match(
    mcp!,
    /District nurse[^<]*<\/th><td>3\.20<\/td><td class="ci">2\.90 to 3\.50<\/td>/i,
  );
  assert.ok(mcp!.includes(money(scenario.costs.ftePerYear.district_nurse)));
  assert.ok(ehch!.includes(`<strong>£250,000 saved</strong> (95% CI £100,000 to £400,000 saved)`));
  assert.ok(ehch!.includes(`<td class="ci">£600,000 saved to £100,000 more</td>`), "90% range");
  assert.doesNotMatch(html, /[\u2212-]£/);
  assert.match(ehch!, /<td class="text">careHome<\/td>/, "EHCH's cohort is named");
  assert.ok(html.includes(scenario.costs.priceYear), "price year shown");
});

Deno.test("careModelSection is empty without options", () => {
  const base = parseScenario({ version: 1, population: { size: 1000 }, years: 1 });
  assert.equal(
    careModelSection({
      ...meta,
      scenario: base,
      groups: [{ scenario: "x", variant: "baseline", label: "Baseline" }],
    }, []),
    "",
  );
});
