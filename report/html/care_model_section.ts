/**
 * The report's care-model section: for every option, what its care models do (parts, cohort,
 * go-live and ramp-up, effects with the range they can draw, and the source of each number),
 * the staff they need, what they cost, what they save by setting and their net cost with its
 * intervals — the figures a planner takes to a business case.
 *
 * @module
 */

import {
  describeCareModels,
  type DescribedCareModel,
  type DescribedEffect,
} from "../../models/care_models/describe.ts";
import type { StaffNeed } from "../../models/interventions/intervention.ts";
import { amount, type Direction, MONEY, money, signedWords, spanWords } from "../answer_words.ts";
import { staffGroupLabel } from "../metrics.ts";
import type { RunMeta } from "../run_meta.ts";
import type { SummaryRow } from "../run_summarizer.ts";
import type { RunGroup } from "../tables.ts";
import { escapeHtml } from "./svg.ts";

/** Cost metrics that are not a setting's activity (staff, the total, beside-the-model pathways). */
const NOT_A_SAVING = new Set(["cost_care_model_staff", "cost_total", "cost_d2a_delayed_days"]);

/** A staffing basis in words (plural). */
const BASIS_WORDS: Record<NonNullable<StaffNeed["per"]>, string> = {
  enrolled: "enrolled",
  occupiedPlace: "occupied places",
  visit: "visits",
  population: "people",
};

/** What a cost metric pays for, as the object of "spent on": "cost_acute" → "acute care". */
const COST_SETTING_WORDS: Record<string, string> = {
  cost_acute: "acute hospital care",
  cost_delayed_bed_days: "beds held by delayed transfers",
  cost_ed: "the emergency department",
  cost_gp: "general practice",
  cost_community: "community services",
  cost_intermediate_care: "intermediate care",
  cost_reablement: "reablement",
  cost_home_care: "home care",
  cost_care_homes: "care homes",
  cost_care_model_staff: "the care models' staff",
  cost_d2a_delayed_days: "discharge-to-assess waits",
};

/**
 * What a cost metric pays for, as the object of "spent on" (a metric added later: its name's
 * words).
 *
 * @param metric A cost metric's name.
 * @returns The words.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(costSettingWords("cost_care_homes"), "care homes");
 * assert.equal(costSettingWords("cost_acute"), "acute hospital care");
 * ```
 */
export function costSettingWords(metric: string): string {
  return COST_SETTING_WORDS[metric] ?? metric.replace(/^cost_/, "").replaceAll("_", " ");
}

type Stat = Pick<SummaryRow, "mean" | "ciLow" | "ciHigh" | "p05" | "p95">;

/** A summary figure with the sign flipped (baseline − option → option − baseline). */
function negated(s: Stat): Stat {
  return { mean: -s.mean, ciLow: -s.ciHigh, ciHigh: -s.ciLow, p05: -s.p95, p95: -s.p05 };
}

/** Money cells (mean, 95% CI, 90% range) in words along a direction ("£2m saved", "£1m more"). */
function moneyCells(s: Stat | undefined, words: Direction): string {
  if (!s) return "<td>–</td><td>–</td><td>–</td>";
  const span = (a: number, b: number) => Number.isFinite(a) ? spanWords(a, b, words) : "–";
  return `<td>${signedWords(s.mean, words)}</td><td class="ci">${
    span(s.ciLow, s.ciHigh)
  }</td><td class="ci">${span(s.p05, s.p95)}</td>`;
}

/** A saving by setting (baseline − option): positive = saved. */
const SAVED: Direction = { positive: "saved", negative: "more spent", format: money };

/** A cost that is never negative: plain money. */
function costCells(s: Stat | undefined): string {
  if (!s) return "<td>–</td><td>–</td><td>–</td>";
  const span = (a: number, b: number) => Number.isFinite(a) ? `${money(a)} to ${money(b)}` : "–";
  return `<td>${money(s.mean)}</td><td class="ci">${span(s.ciLow, s.ciHigh)}</td><td class="ci">${
    span(s.p05, s.p95)
  }</td>`;
}

function effectText(name: string, e: DescribedEffect): string {
  const n = (v: number) => (Number.isFinite(v) ? amount(v) : "–");
  const range = e.low === e.high ? "" : ` (draws ${n(e.low)} to ${n(e.high)})`;
  const mean = e.kind === "ratio" ? `× ${n(e.mean)}` : `${e.mean > 0 ? "+" : ""}${n(e.mean)}`;
  return `${escapeHtml(name)} ${mean}${range}`;
}

/**
 * A staffing rule in words.
 *
 * @param need The rule.
 * @returns e.g. "1.40 FTE per 1,000 enrolled", "1 FTE per 10 occupied places".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(staffRuleWords({ ftePer1000Cohort: 1.4 }), "1.40 FTE per 1,000 enrolled");
 * assert.equal(staffRuleWords({ per: "occupiedPlace", fte: 1, every: 10 }), "1 FTE per 10 occupied places");
 * ```
 */
export function staffRuleWords(need: StaffNeed): string {
  const parts: string[] = [];
  if (need.ftePer1000Cohort !== undefined) {
    parts.push(`${amount(need.ftePer1000Cohort)} FTE per 1,000 enrolled`);
  }
  if (need.ftePer100kPopulation !== undefined) {
    parts.push(`${amount(need.ftePer100kPopulation)} FTE per 100,000 people`);
  }
  if (need.per !== undefined && need.fte !== undefined) {
    parts.push(`${amount(need.fte)} FTE per ${amount(need.every ?? 1)} ${BASIS_WORDS[need.per]}`);
  }
  return parts.join("; ");
}

function partsTable(models: readonly DescribedCareModel[]): string {
  let body = "";
  for (const m of models) {
    for (const p of m.parts) {
      const effects = Object.entries(p.effects).map(([k, e]) => effectText(k, e));
      for (const [seg, es] of Object.entries(p.segmentEffects)) {
        for (const [k, e] of Object.entries(es)) {
          effects.push(`segment ${seg}: ${effectText(k, e)}`);
        }
      }
      const staff = Object.entries(p.staff).map(([g, need]) =>
        `${escapeHtml(staffGroupLabel(g))}: ${escapeHtml(staffRuleWords(need))}`
      );
      const sources = Object.entries(p.sources).map(([k, v]) =>
        `<code>${escapeHtml(k)}</code>: ${escapeHtml(v)}`
      );
      body +=
        `<tr><th scope="row" class="text">${escapeHtml(m.careModel)} · ${
          escapeHtml(p.label)
        }</th>` +
        `<td class="text">${escapeHtml(p.cohort.label)}</td>` +
        `<td class="text">${escapeHtml(p.startDate)}, ${p.rampUpMonths} months (${
          escapeHtml(p.rampShape)
        })</td>` +
        `<td class="text">${effects.join("<br>") || "none"}</td>` +
        `<td class="text">${staff.join("<br>") || "none"}</td>` +
        `<td class="text">${sources.join("<br>") || "–"}</td></tr>`;
    }
  }
  return `<div class="scroll"><table class="care-model-parts"><thead><tr><th class="text">Care model · part</th><th class="text">Cohort</th><th class="text">Go-live, ramp-up</th><th class="text">Effects (mean; range a replication can draw)</th><th class="text">Staffing rule</th><th class="text">Sources</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function optionSection(
  meta: RunMeta,
  rows: readonly SummaryRow[],
  group: RunGroup,
  baseline: RunGroup,
  models: readonly DescribedCareModel[],
): string {
  const at = (scenario: string, variant: string, metric: string, year: number | "all") =>
    rows.find((r) =>
      r.scenario === scenario && r.variant === variant && r.metric === metric && r.year === year
    );
  const years = rows.filter((r) => typeof r.year === "number").map((r) => r.year as number);
  const last = years.length > 0 ? Math.max(...years) : undefined;
  const price = escapeHtml(meta.scenario.costs.priceYear);
  const avoidedTotal = at(group.scenario, "avoided", "cost_total_avoided", "all");
  const net = avoidedTotal ? negated(avoidedTotal) : undefined;
  const staffCost = at(group.scenario, "scenario", "cost_care_model_staff", "all");
  const cohort = at(group.scenario, "scenario", "care_model_cohort_people_mean", "all");
  const settings = [
    ...new Set(
      rows.filter((r) =>
        r.scenario === group.scenario && r.variant === "avoided" && r.year === "all" &&
        /^cost_.*_avoided$/.test(r.metric)
      ).map((r) => r.metric.replace(/_avoided$/, "")),
    ),
  ].filter((m) => !NOT_A_SAVING.has(m));
  let costRows = `<tr><th scope="row" class="text">Staff the care models add</th>${
    costCells(staffCost)
  }</tr>`;
  for (const s of settings) {
    const saved = at(group.scenario, "avoided", `${s}_avoided`, "all");
    if (saved) {
      costRows += `<tr><th scope="row" class="text">Spent on ${
        escapeHtml(costSettingWords(s))
      }, against the baseline</th>${moneyCells(saved, SAVED)}</tr>`;
    }
  }
  costRows +=
    `<tr class="total"><th scope="row" class="text"><strong>Net cost</strong> against the baseline</th>${
      moneyCells(net, MONEY)
    }</tr>`;
  const staffGroups = [
    ...new Set(models.flatMap((m) => m.parts.flatMap((p) => Object.keys(p.staff)))),
  ];
  let staffRows = "";
  for (const g of staffGroups) {
    const d = last === undefined
      ? undefined
      : at(group.scenario, "avoided", `fte_${g}_avoided`, last);
    const extra = d ? negated(d) : undefined;
    const cost = models.flatMap((m) => m.parts).find((p) => p.staff[g])?.staff[g]
      ?.costPerFtePerYear;
    staffRows += `<tr><th scope="row" class="text">${escapeHtml(staffGroupLabel(g))}</th><td>${
      extra ? amount(extra.mean) : "–"
    }</td><td class="ci">${
      extra && Number.isFinite(extra.ciLow)
        ? `${amount(extra.ciLow)} to ${amount(extra.ciHigh)}`
        : "–"
    }</td><td>${cost === undefined ? "–" : money(cost)}</td></tr>`;
  }
  const netWords = net
    ? `Net cost over the whole horizon: <strong>${signedWords(net.mean, MONEY)}</strong>${
      Number.isFinite(net.ciLow) ? ` (95% CI ${spanWords(net.ciLow, net.ciHigh, MONEY)})` : ""
    }, at ${price} prices: its staff${
      staffCost ? ` (${money(staffCost.mean)})` : ""
    } minus what it saves in every setting against the baseline (${
      escapeHtml(baseline.label)
    }) on the same random numbers.`
    : "No cost figures in this run.";
  return `<h3>${escapeHtml(group.label)}</h3>
<p>${netWords}${cohort ? ` On average ${amount(cohort.mean)} people are in its cohorts.` : ""}</p>
${
    models.length > 0
      ? partsTable(models)
      : '<p class="note">Care models added in code: see summary.json.</p>'
  }
${
    staffRows
      ? `<div class="scroll"><table class="care-model-staff"><thead><tr><th class="text">Staff group</th><th>Extra FTE needed, year ${last} (option − baseline)</th><th>95% CI</th><th>Yearly cost of one FTE</th></tr></thead><tbody>${staffRows}</tbody></table></div>`
      : ""
  }
<div class="scroll"><table class="care-model-cost"><thead><tr><th class="text">Whole horizon, £ (${price})</th><th>Mean</th><th>95% CI</th><th>90% of replications</th></tr></thead><tbody>${costRows}</tbody></table></div>`;
}

/**
 * The care-model section of report.html: per option, what its care models do, their staff, cost,
 * savings and net cost with intervals. Empty when the run has no options.
 *
 * @param meta The run's metadata (its resolved scenario names the care models).
 * @param rows The run's summary rows.
 * @returns The section's HTML ("" without options).
 *
 * @example A scenario with PACS
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const scenario = parseScenario({ version: 1, population: { size: 1000 }, years: 1, careModels: [{ model: "pacs" }] });
 * const meta = { caresimVersion: "0", scenarioName: "x", scenarioHash: "h", seed: 1, replications: 0, indices: [], options: [], groups: [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }, { scenario: "x", variant: "scenario" as const, optionId: "scenario", label: "PACS" }], scenario };
 * const html = careModelSection(meta, []);
 * assert.match(html, /<h2 id="care-models">/);
 * assert.match(html, /discharge/i);
 * ```
 */
export function careModelSection(meta: RunMeta, rows: readonly SummaryRow[]): string {
  const baseline = meta.groups.find((g) => g.variant === "baseline");
  const options = meta.groups.filter((g) => g.variant === "scenario");
  if (!baseline || options.length === 0) return "";
  const described = describeCareModels(meta.scenario);
  const sections = options.map((g) =>
    optionSection(meta, rows, g, baseline, described.filter((d) => d.option === g.optionId))
  );
  return `<h2 id="care-models">Care models: what each option does, needs, costs and saves</h2>
<p class="note">For each option: its care models' parts, cohort, go-live and ramp-up, effects (mean, and the range a replication can draw: effects are sampled once per replication), staffing rules and the source of each number; then the extra staff it needs, its cost, what it saves by setting and its net cost, each with its 95% confidence interval and the range of the middle 90% of replications. Unit costs are in the assumptions table (<code>costs.*</code>).</p>
${sections.join("\n")}`;
}
