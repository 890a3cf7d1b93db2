/**
 * The report's "Year by year" section: the baseline's headline figures in every model year side
 * by side, then each option's change against the baseline in each year (see
 * report/year_by_year.ts). Each value cell carries `data-scenario`, `data-variant`,
 * `data-metric` and `data-year`, naming the summary.csv row it shows.
 *
 * @module
 */

import { amount, FEWER, signedWords, spanWords, unitWords } from "../answer_words.ts";
import type { YearArm, YearByYear } from "../year_by_year.ts";
import { escapeHtml } from "./svg.ts";

function armTable(yb: YearByYear, arm: YearArm): string {
  const head = `<tr><th class="text">${
    arm.variant === "baseline" ? "Figure" : "Change against the baseline"
  }</th>${
    yb.years.map((y) =>
      `<th>Year ${y.year}<span class="ci">${escapeHtml(y.financialYear)}</span></th>`
    ).join("")
  }</tr>`;
  const body = arm.rows.map((r) =>
    `<tr><th class="text" scope="row">${escapeHtml(r.label)}<span class="ci">${
      escapeHtml(unitWords(r.unit))
    }</span></th>${
      r.values.map((v, i) => {
        if (!v) return "<td>–</td>";
        const attrs = `data-scenario="${
          escapeHtml(arm.scenario)
        }" data-variant="${arm.variant}" data-metric="${escapeHtml(v.metric)}" data-year="${
          yb.years[i].year
        }"`;
        const main = arm.variant === "baseline" ? amount(v.mean) : signedWords(v.mean, FEWER);
        const ci = Number.isFinite(v.ciLow)
          ? `95% CI ${
            arm.variant === "baseline"
              ? `${amount(v.ciLow)} to ${amount(v.ciHigh)}`
              : spanWords(v.ciLow, v.ciHigh, FEWER)
          }`
          : "";
        return `<td><span class="v" ${attrs}>${escapeHtml(main)}</span>${
          ci ? `<span class="ci">${escapeHtml(ci)}</span>` : ""
        }</td>`;
      }).join("")
    }</tr>`
  ).join("");
  return `<div class="scroll"><table class="by-year"><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

/**
 * The "Year by year" section (empty when the run has no yearly rows).
 *
 * @param yb The run's year-by-year figures.
 * @returns HTML.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(yearByYearHtml({ years: [], arms: [] }), "");
 * ```
 */
export function yearByYearHtml(yb: YearByYear): string {
  const [baseline, ...options] = yb.arms;
  if (!baseline || yb.years.length === 0 || baseline.rows.length === 0) return "";
  const first = yb.years[0].year;
  const last = yb.years.at(-1)!.year;
  return `<h2 id="years">Year by year</h2><p class="note">The headline figures in each model year (365 days from the start date; the financial year holding its middle below), not only their averages: the mean across replications with its 95% confidence interval, as in summary.csv. Counts are per year; beds and FTE are the year's mean level.</p>
<h3>${escapeHtml(baseline.label)}, year ${first} to year ${last}</h3>
${armTable(yb, baseline)}
${
    options.map((o, i) =>
      `<details${i < 3 ? " open" : ""}><summary>${
        escapeHtml(o.label)
      } against the baseline, year by year (fewer / more)</summary>${armTable(yb, o)}</details>`
    ).join("\n")
  }`;
}
