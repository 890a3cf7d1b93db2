/**
 * The first sections of report.html: warnings, then the answer in plain words — a ranking of the
 * options, each option by financial year, staff needed against staff in post, whether the
 * replications are enough, and the spread of admissions avoided across replications. Every
 * figure shown carries `data-json="<path in summary.json>"`, so a test can check that the page
 * shows what summary.json holds.
 *
 * @module
 */

import {
  type AnswerArm,
  type AnswerCell,
  type AnswerStat,
  rankedOptions,
  type RunAnswer,
} from "../answer.ts";
import { WHOLE_HORIZON } from "../answer_summarizer.ts";
import {
  absoluteWords,
  againstWords,
  amount,
  FEWER,
  INTERVAL_MEANINGS,
  intervalWords,
  MONEY,
  signedWords,
  unitAmount,
} from "../answer_words.ts";
import type { RunWarning } from "../run_warnings.ts";
import { htmlLegend, stripChart } from "./planning_charts.ts";
import { colour, escapeHtml } from "./svg.ts";

/** How a figure reads: plain numbers, avoided (fewer/more), or money. */
type Style = "plain" | "avoided" | "money";

function main(v: number, style: Style, unit: string): string {
  switch (style) {
    case "plain":
      return `${amount(v)} ${unit}`;
    case "avoided": {
      const w = signedWords(v, FEWER);
      return w === "no change" ? `no change in ${unit}` : `${w} ${unit}`;
    }
    case "money":
      return signedWords(v, MONEY);
  }
}

function ends(s: AnswerStat, style: Style): string {
  if (style === "avoided") return intervalWords(s, FEWER);
  if (style === "money") return intervalWords(s, MONEY);
  return intervalWords(s);
}

/**
 * One figure as HTML: the mean in words on the first line, then its 95% CI and 90% range.
 *
 * @param s The figure, or undefined ("–").
 * @param style How it reads.
 * @param unit Unit words after the number.
 * @param path Its path in summary.json (on the mean).
 * @returns HTML.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const s = { mean: 413, ciLow: 274, ciHigh: 552, p05: -62, p50: 400, p95: 845, n: 20 };
 * assert.match(figureHtml(s, "avoided", "admissions", "a.mean"), /data-json="a.mean">413 fewer admissions/);
 * ```
 */
export function figureHtml(
  s: AnswerStat | undefined,
  style: Style,
  unit: string,
  path: string,
): string {
  if (!s) return "–";
  return `<span class="v" data-json="${escapeHtml(path)}">${
    escapeHtml(main(s.mean, style, unit))
  }</span><span class="ci">${escapeHtml(ends(s, style))}</span>`;
}

function bedsHtml(cell: AnswerCell | undefined, key: "at85" | "at92", path: string): string {
  const need = cell?.bedsNeeded?.[key];
  const change = cell?.bedsChange?.[key];
  if (!need || !change) return "–";
  return `<span class="v" data-json="${escapeHtml(`${path}.bedsNeeded.${key}.mean`)}">${
    amount(need.mean)
  } beds</span><span class="sub" data-json="${escapeHtml(`${path}.bedsChange.${key}.mean`)}">${
    escapeHtml(againstWords(change.mean, "today"))
  }</span><span class="ci">${escapeHtml(intervalWords(need))}</span>`;
}

/**
 * The warnings box at the top of the report (empty when there are none).
 *
 * @param warnings The run's warnings.
 * @returns HTML.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(warningsHtml([]), "");
 * ```
 */
export function warningsHtml(warnings: readonly RunWarning[]): string {
  if (warnings.length === 0) return "";
  const grave = [...new Set(warnings.filter((w) => w.level === "warning").map((w) => w.label))];
  const ordered = [
    ...warnings.filter((w) => w.level === "warning"),
    ...warnings.filter((w) => w.level !== "warning"),
  ];
  return `<section class="warnings${grave.length > 0 ? " grave" : ""}" id="warnings"><h2>${
    escapeHtml(
      grave.length > 0
        ? `Warning: gridlock in ${grave.join(", ")}`
        : "Caution: the system is running out of slack",
    )
  }</h2><ul>${
    ordered.map((w) =>
      `<li data-code="${escapeHtml(w.code)}"><strong>${
        w.level === "warning" ? "Warning" : "Caution"
      }.</strong> ${escapeHtml(w.message)}</li>`
    ).join("")
  }</ul><p class="note">Thresholds are documented in the report/ README of caresim (summary.json <code>warnings</code> lists them with the values).</p></section>`;
}

function armPath(answer: RunAnswer, arm: AnswerArm): string {
  const i = answer.options.indexOf(arm);
  return i < 0 ? "answer.baseline" : `answer.options.${i}`;
}

function rankingTable(answer: RunAnswer): string {
  const plan = answer.planningPeriod;
  const hasCost = answer.options.some((o) => o.byPeriod[WHOLE_HORIZON]?.netCost);
  const ranked = rankedOptions(answer);
  const head =
    `<tr><th>#</th><th class="text">Option</th><th>Emergency admissions, whole horizon</th><th>Acute bed days, whole horizon</th><th>Beds for 85% mean occupancy, ${
      escapeHtml(plan)
    }</th><th>Beds for 92% mean occupancy, ${escapeHtml(plan)}</th>${
      hasCost ? "<th>Net cost, whole horizon</th>" : ""
    }</tr>`;
  const row = (arm: AnswerArm, rank: string) => {
    const path = armPath(answer, arm);
    const all = arm.byPeriod[WHOLE_HORIZON];
    return `<tr><td>${rank}</td><th class="text" scope="row">${escapeHtml(arm.label)}</th><td>${
      figureHtml(
        all?.admissionsAvoided,
        "avoided",
        "admissions",
        `${path}.byPeriod.${WHOLE_HORIZON}.admissionsAvoided.mean`,
      )
    }</td><td>${
      figureHtml(
        all?.bedDaysAvoided,
        "avoided",
        "bed days",
        `${path}.byPeriod.${WHOLE_HORIZON}.bedDaysAvoided.mean`,
      )
    }</td><td>${bedsHtml(arm.byPeriod[plan], "at85", `${path}.byPeriod.${plan}`)}</td><td>${
      bedsHtml(arm.byPeriod[plan], "at92", `${path}.byPeriod.${plan}`)
    }</td>${
      hasCost
        ? `<td>${
          figureHtml(all?.netCost, "money", "", `${path}.byPeriod.${WHOLE_HORIZON}.netCost.mean`)
        }</td>`
        : ""
    }</tr>`;
  };
  return `<div class="scroll"><table class="ranking"><thead>${head}</thead><tbody>${
    row(answer.baseline, "–")
  }${ranked.map((o, i) => row(o, String(i + 1))).join("")}</tbody></table></div>`;
}

function optionYears(answer: RunAnswer, arm: AnswerArm, open: boolean): string {
  const path = armPath(answer, arm);
  const hasCost = answer.periods.some((p) => arm.byPeriod[p.key]?.netCost);
  const isOption = path !== "answer.baseline";
  let body = "";
  for (const p of answer.periods) {
    const c = arm.byPeriod[p.key];
    if (!c) continue;
    const cp = `${path}.byPeriod.${p.key}`;
    body += `<tr><th class="text" scope="row">${
      escapeHtml(p.key === WHOLE_HORIZON ? "Whole horizon" : p.key)
    }${p.partial ? `<span class="ci">${p.modelDays} days of the year</span>` : ""}</th>${
      isOption
        ? `<td>${
          figureHtml(c.admissionsAvoided, "avoided", "admissions", `${cp}.admissionsAvoided.mean`)
        }</td><td>${
          figureHtml(c.bedDaysAvoided, "avoided", "bed days", `${cp}.bedDaysAvoided.mean`)
        }</td>`
        : ""
    }<td>${p.key === WHOLE_HORIZON ? '<span class="ci">mean over the years</span>' : ""}${
      bedsHtml(c, "at85", cp)
    }</td><td>${bedsHtml(c, "at92", cp)}</td>${
      hasCost ? `<td>${figureHtml(c.netCost, "money", "", `${cp}.netCost.mean`)}</td>` : ""
    }</tr>`;
  }
  const head = `<tr><th class="text">Financial year</th>${
    isOption ? "<th>Emergency admissions</th><th>Acute bed days</th>" : ""
  }<th>Beds for 85% occupancy</th><th>Beds for 92% occupancy</th>${
    hasCost ? "<th>Net cost</th>" : ""
  }</tr>`;
  return `<details${open ? " open" : ""}><summary>${escapeHtml(arm.label)}${
    isOption ? " against the baseline" : ""
  }, by financial year</summary><div class="scroll"><table class="by-year"><thead>${head}</thead><tbody>${body}</tbody></table></div></details>`;
}

function staffTable(answer: RunAnswer): string {
  const plan = answer.planningPeriod;
  const arms = [answer.baseline, ...answer.options];
  const groups = arms[0].byPeriod[plan]?.staff.map((s) => s.staffGroup) ?? [];
  if (groups.length === 0) return "";
  let body = "";
  groups.forEach((sg) => {
    arms.forEach((arm, ai) => {
      const st = arm.byPeriod[plan]?.staff.find((s) => s.staffGroup === sg);
      if (!st) return;
      const path = `${armPath(answer, arm)}.byPeriod.${plan}.staff.${
        arm.byPeriod[plan].staff.indexOf(st)
      }`;
      body += `<tr${ai === 0 ? ' class="group-start"' : ""}>${
        ai === 0
          ? `<th class="text" scope="rowgroup" rowspan="${arms.length}">${
            escapeHtml(st.label)
          }</th>`
          : ""
      }<td class="text">${escapeHtml(arm.label)}</td><td>${
        figureHtml(st.needed, "plain", "FTE", `${path}.needed.mean`)
      }</td><td>${st.inPost === null ? "not given" : amount(st.inPost)}</td><td>${
        st.gap
          ? `<span class="v" data-json="${escapeHtml(`${path}.gap.mean`)}">${
            escapeHtml(againstWords(st.gap.mean, "in post"))
          }</span><span class="ci">${escapeHtml(intervalWords(st.gap))}</span>`
          : "–"
      }</td></tr>`;
    });
  });
  const given = arms[0].byPeriod[plan].staff.some((s) => s.inPost !== null);
  return `<h3>Staff needed in ${
    escapeHtml(plan)
  }</h3><p class="note">Whole-time equivalents needed by staff group, from activity and productivity assumptions, against staff in post (scenario <code>workforce.staffInPost</code>${
    given ? "" : ": none given, so no gap is shown"
  }). Every year is in workforce.csv and in the workforce chart below.</p><details${
    arms.length <= 4 ? " open" : ""
  }><summary>${groups.length} staff groups × ${arms.length} ${
    arms.length === 1 ? "arm" : "arms (baseline and options)"
  }</summary><div class="scroll"><table class="staff"><thead><tr><th class="text">Staff group</th><th class="text">Option</th><th>FTE needed</th><th>In post</th><th>Gap</th></tr></thead><tbody>${body}</tbody></table></div></details>`;
}

function precisionHtml(answer: RunAnswer, n: number): string {
  if (answer.precision.length === 0) {
    return `<h3>Are ${n} replications enough?</h3><p class="note">Too few replications to judge (at least 2 are needed for a confidence interval).</p>`;
  }
  const target = answer.precisionTarget * 100;
  const short = answer.precision.filter((p) => !p.enough);
  const most = Math.max(...answer.precision.map((p) => p.replicationsNeeded ?? 0));
  const rows = answer.precision.map((p, i) =>
    `<tr><th scope="row" class="text">${escapeHtml(p.arm)}</th><td class="text">${
      escapeHtml(p.figure)
    }</td><td${p.unit === "gbp" ? "" : ` data-json="answer.precision.${i}.halfWidth"`}>±${
      escapeHtml(unitAmount(p.halfWidth, p.unit))
    }</td><td>${
      p.targetHalfWidth === null
        ? "–"
        : `±${escapeHtml(unitAmount(p.targetHalfWidth, p.unit))}${
          p.criterion === "absolute"
            ? '<span class="ci">effect near zero: judged in its unit</span>'
            : `<span class="ci">${target}% of the mean</span>`
        }`
    }</td><td>${
      p.replicationsNeeded === null ? "–" : amount(p.replicationsNeeded)
    }</td><td class="text">${p.enough ? "enough" : "more needed"}</td></tr>`
  ).join("");
  const verdict = short.length === 0
    ? `Yes: every headline mean is known to within ±${target}% or, for a figure near zero, within ${
      absoluteWords(answer)
    } (half the 95% CI's width).`
    : `Not for every figure: ${short.length} of ${answer.precision.length} headline means are known less precisely than ±${target}% of the mean (or, for a figure near zero, ${
      absoluteWords(answer)
    }); about ${
      amount(most)
    } replications would bring them all there (the CI narrows as 1/√replications).`;
  return `<h3>Are ${n} replications enough?</h3><p>${
    escapeHtml(verdict)
  }</p><details><summary>Precision of each headline figure</summary><div class="scroll"><table class="precision"><thead><tr><th class="text">Option</th><th class="text">Figure</th><th>95% CI half-width</th><th>Wanted</th><th>Replications needed</th><th class="text">Verdict</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
}

function distributionHtml(answer: RunAnswer, samples: readonly number[][]): string {
  const rows = answer.options.map((o, i) => {
    const all = o.byPeriod[WHOLE_HORIZON]?.admissionsAvoided;
    return {
      label: o.label,
      values: samples[i + 1] ?? [],
      mean: all?.mean ?? NaN,
      p05: all?.p05 ?? NaN,
      p95: all?.p95 ?? NaN,
      colour: colour(i),
    };
  }).filter((r) => r.values.length > 0);
  if (rows.length === 0) return "";
  const best = [...rows].sort((a, b) => b.mean - a.mean)[0];
  const below = best.values.filter((v) => v < 0).length;
  return `<h3>How admissions avoided vary between replications</h3>${
    htmlLegend([
      { label: "one replication", colour: "#777", band: 0.6 },
      { label: "90% range", colour: "#0072B2" },
      { label: "mean", colour: "#111" },
    ])
  }${
    stripChart("admissions-avoided-spread", {
      title: "Emergency admissions avoided over the whole horizon, each replication",
      xLabel: "emergency admissions avoided, whole horizon (admissions; below 0 = more admissions)",
      rows,
    })
  }<p class="reading">Reading: ${
    escapeHtml(
      `${best.label} avoids the most on average (${amount(best.mean)}); ${
        below === 0
          ? `it avoids admissions in every one of its ${best.values.length} replications shown.`
          : `in ${below} of its ${best.values.length} replications shown it avoids none or has more admissions than the baseline.`
      }`,
    )
  }</p>`;
}

/**
 * The answer section: ranking, each option by financial year, staff against staff in post,
 * precision and the spread of admissions avoided.
 *
 * @param answer The run's answer.
 * @param options Replications, samples of admissions avoided per group, and the scenario's
 *   description of the dates.
 * @returns HTML.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const arm = { scenario: "x", label: "Baseline", byPeriod: {} };
 * const answer = { occupancyTargets: [0.85, 0.92], todayBeds: 10, planningPeriod: "all", periods: [], baseline: arm, options: [], precisionTarget: 0.05, absolutePrecision: {}, precision: [] };
 * assert.match(answerHtml(answer, { replications: 0, samples: [] }), /<h2 id="answer">/);
 * ```
 */
export function answerHtml(
  answer: RunAnswer,
  options: { replications: number; samples: readonly number[][] },
): string {
  const n = options.replications;
  const intro = answer.options.length > 0
    ? `What each option changes against the baseline — the same population run on the same random numbers — over the whole horizon and, below, in each financial year (1 April to 31 March). Beds needed are the beds that would keep mean acute occupancy at 85% or 92% in ${answer.planningPeriod}, against the ${
      amount(answer.todayBeds)
    } general and acute beds of today. Options are ranked by emergency admissions avoided.`
    : `This scenario has no care models: the figures are the baseline's. Beds needed are the beds that would keep mean acute occupancy at 85% or 92% in ${answer.planningPeriod}, against the ${
      amount(answer.todayBeds)
    } general and acute beds of today.`;
  const arms = [...rankedOptions(answer), answer.baseline];
  return `<h2 id="answer">The answer</h2><p>${escapeHtml(intro)}</p>
<p class="note">Each figure is the mean of ${n} replications, then its 95% confidence interval (CI) and the range of the middle 90% of replications. ${
    escapeHtml(INTERVAL_MEANINGS.ci)
  } ${escapeHtml(INTERVAL_MEANINGS.range)}</p>
${rankingTable(answer)}
<h3>By financial year</h3>
${arms.map((a, i) => optionYears(answer, a, i < 3)).join("\n")}
${staffTable(answer)}
${precisionHtml(answer, n)}
${distributionHtml(answer, options.samples)}`;
}
