/**
 * The self-contained HTML report of a run: headline table, charts (acute occupancy fan chart,
 * admissions avoided per year with 95% CIs, FTE by staff group, delayed-transfer bed days) and
 * the scenario's assumptions with their sources. Inline CSS and SVG only: it opens from disk
 * with no server and no network.
 *
 * @module
 */

import { parameterSources } from "../../scenarios/parameter_sources.ts";
import { quantileSorted as quantile } from "../../sim/mod.ts";
import type { RunAnswer } from "../answer.ts";
import { costMetrics } from "../answer_summarizer.ts";
import { againstWords, amount, money, signedWords, spanWords } from "../answer_words.ts";
import {
  avoidedName,
  HEADLINE_METRICS,
  metricDefinitions,
  metricLabel,
  staffGroupLabel,
} from "../metrics.ts";
import type { RunMeta } from "../run_meta.ts";
import type { FanWeek, RunSummary, SummaryRow } from "../run_summarizer.ts";
import type { RunWarning } from "../run_warnings.ts";
import { addDays, type RunGroup } from "../tables.ts";
import { yearByYear } from "../year_by_year.ts";
import { answerHtml, warningsHtml } from "./answer_html.ts";
import { yearByYearHtml } from "./year_html.ts";
import { careModelSection, costSettingWords } from "./care_model_section.ts";
import { barChart, fanChart, type FanPoint } from "./charts.ts";
import { commonStart } from "./axis.ts";
import {
  htmlLegend,
  type LegendItem,
  occupancyCompareChart,
  offScaleLimit,
  yearLineChart,
  type YearSeries,
} from "./planning_charts.ts";
import { BASELINE_COLOUR, colour, dash, escapeHtml } from "./svg.ts";

/**
 * Stylesheet shared by the run and sweep reports.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(REPORT_CSS.includes("svg"));
 * ```
 */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:0;background:#f6f7f9}
main{max-width:1080px;margin:0 auto;padding:24px 28px 60px;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:34px 0 8px;border-bottom:2px solid #e3e6ea;padding-bottom:4px}
h3{font-size:16px;margin:20px 0 6px}.meta{color:#555;font-size:13px}.note{color:#555;font-size:13px;margin:4px 0 10px}
.scroll{overflow-x:auto;max-width:100%;-webkit-overflow-scrolling:touch;margin:8px 0}
.scroll{background:linear-gradient(to right,#fff 40%,#fff0) left/36px 100% no-repeat local,linear-gradient(to left,#fff 40%,#fff0) right/36px 100% no-repeat local,radial-gradient(farthest-side at 0 50%,#0004,#0000) left/14px 100% no-repeat scroll,radial-gradient(farthest-side at 100% 50%,#0004,#0000) right/14px 100% no-repeat scroll}
.scroll th[scope=row],.scroll th[scope=rowgroup],table.assumptions td:first-child,.scroll thead th.text:first-child,table.ranking thead th:nth-child(2){position:sticky;left:0;z-index:1;background:#fff;box-shadow:1px 0 0 #d5d9de}
.scroll thead th.text:first-child,table.ranking thead th:nth-child(2){background:#f0f2f5}table.ranking td:first-child{min-width:0;width:2em}
table{border-collapse:collapse;width:100%;font-size:13px;margin:0}th,td{padding:5px 8px;border-bottom:1px solid #e3e6ea;text-align:right;vertical-align:top}
th:first-child,td:first-child,td.text,th.text{text-align:left}thead th{background:#f0f2f5;font-weight:600}
tbody th{font-weight:600}tr.group-start>*{border-top:2px solid #d5d9de}
.ci,.sub{color:#666;font-size:12px}td .v,td .sub,td .ci,th .ci{display:block}td .v{font-weight:600}
table.ranking td,table.by-year td,table.staff td{min-width:9em}table.ranking th.text{min-width:7em}
.panels{display:flex;flex-wrap:wrap;gap:4px 14px}.panels figure{margin:0;flex:0 1 300px}
svg{display:block;max-width:100%;height:auto;margin:6px 0 10px;background:#fff}
svg .grid{stroke:#e6e8eb;stroke-width:1}svg .tick{font-size:13px;fill:#333}svg.small .tick{font-size:12px}
svg .axis-label{font-size:14px;fill:#222}svg.small .axis-label{font-size:12px}
svg .legend{font-size:12px;fill:#333}.flag{color:#a15c00;font-weight:600}
figure.chart{margin:14px 0 22px}figure.chart>svg{width:100%}figcaption{font-weight:600;font-size:14px;margin:4px 0}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px;margin:4px 0}.legend .key{display:inline-flex;align-items:center;gap:5px;white-space:nowrap}
.legend .key svg{display:inline-block;margin:0;flex:none}
.reading{font-size:13px;margin:2px 0 8px}
.warnings{border:2px solid #c98a00;background:#fff8e6;padding:6px 16px;margin:16px 0}.warnings.grave{border-color:#b3261e;background:#fdecea}
.warnings h2{border:0;margin:8px 0 4px}.warnings li{margin:4px 0}
details summary{cursor:pointer;font-weight:600;margin:8px 0}
table.assumptions{table-layout:fixed;min-width:560px}table.assumptions td{word-break:break-word}
table.assumptions col.path{width:34%}table.assumptions col.value{width:28%}code{font-size:12px}
h1,h2,h3,figcaption,summary{break-after:avoid;page-break-after:avoid}
h2+p,h3+p,h2+p+p,.note,.legend{break-after:avoid;page-break-after:avoid}
svg .narrow-only,.category-key.narrow-only{display:none}.category-key{font-size:13px;margin:2px 0 6px}.category-key span{white-space:nowrap}
@media (max-width:600px){main{padding:12px 10px 40px}body{font-size:14px}h1{font-size:22px}th,td{padding:4px 5px}
svg:not(.small) .tick,svg:not(.small) .axis-label,svg .legend{font-size:23px}svg .wide-only{display:none}svg .narrow-only{display:inline}.category-key.narrow-only{display:block}}
@media print{
body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}
details::details-content{content-visibility:visible;display:block}
details>summary{list-style:none}details>summary::-webkit-details-marker{display:none}
.scroll{overflow:visible;background:none}table{font-size:9pt}table.ranking td,table.by-year td,table.staff td{min-width:0}
figure,tr,.warnings,.legend,svg[data-chart]{break-inside:avoid;page-break-inside:avoid}
h2+p,h3+p,.note{break-inside:avoid;page-break-inside:avoid}
h2{break-before:auto}a{color:inherit}
}
`;

/**
 * Weekly fan-chart points of acute occupancy for one group: percentiles across replications of
 * each replication's weekly mean; capacity is the mean weekly capacity.
 *
 * @param weeks The group's weeks (`RunSummarizer.fan`).
 * @returns One point per week (day = first day of the week).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const pts = occupancyFan([{ week: 0, occupied: [11, 10], capacity: 20 }, { week: 1, occupied: [10, 11], capacity: 20 }]);
 * assert.equal(pts.length, 2);
 * assert.equal(pts[0].p50, 10.5);
 * ```
 */
export function occupancyFan(weeks: readonly FanWeek[]): FanPoint[] {
  return weeks.map(({ week, occupied, capacity }) => {
    const occ = [...occupied].sort((a, b) => a - b);
    return {
      day: week * 7,
      p05: quantile(occ, 0.05),
      p25: quantile(occ, 0.25),
      p50: quantile(occ, 0.5),
      p75: quantile(occ, 0.75),
      p95: quantile(occ, 0.95),
      capacity,
    };
  });
}

function find(
  rows: readonly SummaryRow[],
  scenario: string,
  variant: string,
  metric: string,
  year: number | "all",
) {
  return rows.find((r) =>
    r.scenario === scenario && r.variant === variant && r.metric === metric && r.year === year
  );
}

function statCells(r: SummaryRow | undefined): string {
  if (!r) return "<td>–</td><td>–</td><td>–</td>";
  const range = (a: number, b: number) => Number.isFinite(a) ? `${amount(a)} to ${amount(b)}` : "–";
  return `<td>${amount(r.mean)}</td><td class="ci">${range(r.ciLow, r.ciHigh)}</td><td class="ci">${
    range(r.p05, r.p95)
  }</td>`;
}

/** Every headline metric in long form (one row per metric and group), so it fits any width. */
function headlineTable(meta: RunMeta, rows: readonly SummaryRow[]): string {
  const metrics = [
    ...HEADLINE_METRICS,
    ...new Set(
      rows.filter((r) => r.metric.startsWith("fte_") && r.variant !== "avoided").map((r) =>
        r.metric
      ),
    ),
  ];
  const described = new Map(metricDefinitions([]).map((d) => [d.metric, d.description]));
  let body = "";
  for (const metric of metrics) {
    const present = meta.groups.filter((g) => find(rows, g.scenario, g.variant, metric, "all"));
    present.forEach((g, i) => {
      const r = find(rows, g.scenario, g.variant, metric, "all")!;
      const title = described.has(metric) ? ` title="${escapeHtml(described.get(metric)!)}"` : "";
      const head = i === 0
        ? `<th class="text" scope="rowgroup" rowspan="${present.length}"${title}>${
          escapeHtml(metricLabel(metric))
        }<br><code>${metric}</code><br><span class="ci">${escapeHtml(r.unit)}</span></th>`
        : "";
      const avoided = g.variant === "scenario"
        ? find(rows, g.scenario, "avoided", avoidedName(metric), "all")
        : undefined;
      body += `<tr${i === 0 ? ' class="group-start"' : ""}>${head}<td class="text">${
        escapeHtml(g.label)
      }</td>${statCells(r)}<td>${
        avoided
          ? `${escapeHtml(signedWords(avoided.mean))}<br><span class="ci">${
            Number.isFinite(avoided.ciLow)
              ? escapeHtml(spanWords(avoided.ciLow, avoided.ciHigh))
              : ""
          }</span>`
          : "–"
      }</td></tr>`;
    });
  }
  return `<div class="scroll"><table class="headline"><thead><tr><th class="text">Metric</th><th class="text">Option</th><th>Mean</th><th>95% CI</th><th>90% of replications</th><th>Against the baseline<br><span class="ci">fewer / more, 95% CI of the difference</span></th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function years(rows: readonly SummaryRow[]): number[] {
  return [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== "all"))]
    .sort((a, b) => a - b);
}

/** A chart with its title, legend, and one-line reading. */
function figure(title: string, legend: string, svg: string, reading: string): string {
  return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>${legend}${svg}${
    reading ? `<p class="reading">Reading: ${escapeHtml(reading)}</p>` : ""
  }</figure>`;
}

interface Arm {
  group: RunGroup;
  colour: string;
  dash: string;
}

function armsOf(meta: RunMeta): Arm[] {
  let option = 0;
  return meta.groups.map((group) => {
    if (group.variant === "baseline") return { group, colour: BASELINE_COLOUR, dash: "6 3" };
    const i = option++;
    return { group, colour: colour(i), dash: dash(i) };
  });
}

function yearSeries(
  rows: readonly SummaryRow[],
  arms: readonly Arm[],
  metric: string,
  ys: number[],
  variant?: "avoided",
): YearSeries[] {
  return arms.flatMap((a) => {
    if (variant && a.group.variant === "baseline") return [];
    const found = ys.map((y) =>
      find(rows, a.group.scenario, variant ?? a.group.variant, metric, y)
    );
    if (found.every((r) => !r)) return [];
    return [{
      label: a.group.label,
      values: found.map((r) => r?.mean ?? NaN),
      low: found.map((r) => r?.ciLow ?? NaN),
      high: found.map((r) => r?.ciHigh ?? NaN),
      colour: a.colour,
      dash: a.dash,
    }];
  });
}

function legendOf(arms: readonly Arm[], extra: LegendItem[] = [], fill = false): string {
  return htmlLegend([
    ...arms.map((a) =>
      fill
        ? { label: a.group.label, colour: a.colour, fill }
        : { label: a.group.label, colour: a.colour, dash: a.dash }
    ),
    ...extra,
  ]);
}

/** "rises from a in year 1 to b in year n" for one series. */
function trend(se: YearSeries | undefined, unit: string): string {
  if (!se) return "";
  const v = se.values.filter(Number.isFinite);
  if (v.length === 0) return "";
  if (v.length === 1) return `${se.label}: ${amount(v[0])} ${unit}`;
  const verb = v.at(-1)! > v[0] ? "rises" : v.at(-1)! < v[0] ? "falls" : "stays";
  return `${se.label} ${verb} from ${amount(v[0])} ${unit} in year 1 to ${
    amount(v.at(-1)!)
  } in year ${v.length}`;
}

/** The sentence naming the series drawn off the scale (▲, value printed), if any. */
function offScale(series: readonly YearSeries[]): string {
  const limit = offScaleLimit(series);
  const off = series.filter((se) => se.values.some((v) => v > limit)).map((se) => se.label);
  if (off.length === 0) return "";
  const one = off.length === 1;
  return ` ${off.join(" and ")} ${
    one ? "runs" : "run"
  } far above the others: the axis stops short of ${
    one ? "it" : "them"
  } (▲ with the value) so the other options stay readable, and intervals are cut at the axis.`;
}

function lowestLast(series: readonly YearSeries[]): YearSeries | undefined {
  return [...series].filter((s) => Number.isFinite(s.values.at(-1)!)).sort((a, b) =>
    a.values.at(-1)! - b.values.at(-1)!
  )[0];
}

function occupancyCharts(meta: RunMeta, summary: RunSummary, arms: Arm[]): string {
  const s = meta.scenario;
  const pts = meta.groups.map((_, i) => occupancyFan(summary.fans[i] ?? []));
  if ((pts[0]?.length ?? 0) < 2) return "";
  const dayLabel = (day: number) => addDays(s.startDate, day).slice(0, 7);
  const xLabel = "week (month shown)";
  const yLabel = "occupied beds (weekly mean)";
  const capLegend = { label: "open beds (capacity)", colour: "#111", dash: "2 3" };
  const mean = (p: FanPoint[]) => p.reduce((a, q) => a + q.p50, 0) / p.length;
  const cap = (p: FanPoint[]) => p.reduce((a, q) => a + (q.capacity ?? NaN), 0) / p.length;
  let out = "";
  if (arms.length === 1) {
    out += figure(
      "Acute occupied beds, weekly mean — baseline",
      htmlLegend([
        { label: "median", colour: colour(0) },
        { label: "50% of replications", colour: colour(0), band: 0.35 },
        { label: "90% of replications", colour: colour(0), band: 0.18 },
        capLegend,
      ]),
      fanChart("occupancy-0", {
        title: "Acute occupied beds, weekly mean — baseline",
        yLabel,
        points: pts[0],
        dayLabel,
        colour: colour(0),
      }),
      `median occupancy averages ${amount(mean(pts[0]))} beds against ${
        amount(cap(pts[0]))
      } open (${amount(mean(pts[0]) / cap(pts[0]) * 100)}%).`,
    );
  }
  arms.slice(1).forEach((a, k) => {
    const i = k + 1;
    if ((pts[i]?.length ?? 0) < 2) return;
    const title = `Acute occupied beds, weekly mean — ${a.group.label} against the baseline`;
    out += figure(
      title,
      htmlLegend([
        {
          label: "Baseline (median; band: 90% of replications)",
          colour: BASELINE_COLOUR,
          dash: "6 3",
        },
        { label: `${a.group.label} (median; band: 90%)`, colour: a.colour, dash: a.dash },
        capLegend,
      ]),
      occupancyCompareChart(`occupancy-${i}`, {
        title,
        yLabel,
        xLabel,
        baseline: pts[0].map((q) => ({ ...q, capacity: q.capacity ?? NaN })),
        option: pts[i].map((q) => ({ ...q, capacity: q.capacity ?? NaN })),
        baselineColour: BASELINE_COLOUR,
        optionColour: a.colour,
        optionDash: a.dash,
        dayLabel,
      }),
      `over the horizon the median ${a.group.label} week has ${
        againstWords(mean(pts[i]) - mean(pts[0]), "the baseline's", "occupied beds")
      }, against ${amount(cap(pts[0]))} open beds on average.`,
    );
  });
  return `<h2 id="occupancy">Acute bed occupancy against capacity</h2><p class="note">Weekly mean occupied general and acute beds (including patients whose transfer is delayed): the median week across replications with the band holding 90% of them, for the baseline and ${
    arms.length > 1 ? "each option on the same axes" : "no option"
  }, and the open beds (base plus winter escalation and surge beds).</p>${out}`;
}

function yearChart(
  id: string,
  title: string,
  yLabel: string,
  arms: Arm[],
  series: YearSeries[],
  ys: number[],
  xLabel: string,
  reading: string,
  reference?: { label: string; value: number },
  clip = false,
): string {
  if (series.length === 0) return "";
  return figure(
    title,
    legendOf(
      arms.filter((a) => series.some((s) => s.label === a.group.label)),
      reference ? [{ label: reference.label, colour: "#111", dash: "2 3" }] : [],
    ),
    yearLineChart(id, {
      title,
      yLabel,
      xLabel,
      categories: ys.map(String),
      series,
      reference,
      clip,
    }),
    reading,
  );
}

function flowCharts(meta: RunMeta, rows: readonly SummaryRow[], arms: Arm[], ys: number[]) {
  const s = meta.scenario;
  const xLabel = `model year (365 days each, from ${s.startDate})`;
  const out: string[] = [];
  const options = arms.slice(1);
  if (options.length > 0) {
    const avoided = yearSeries(rows, arms, "admissions_avoided", ys, "avoided");
    const best = [...avoided].sort((a, b) =>
      b.values.reduce((x, y) =>
        x + y, 0) - a.values.reduce((x, y) => x + y, 0)
    )[0];
    out.push(
      `<h2 id="admissions">Emergency admissions avoided</h2><p class="note">Baseline minus option, paired by replication (common random numbers); bars are means, whiskers 95% confidence intervals; below zero the option has more admissions.</p>` +
        figure(
          "Emergency admissions avoided per year",
          legendOf(options, [], true),
          barChart("admissions-avoided", {
            title: "Emergency admissions avoided per year",
            yLabel: "admissions avoided per year",
            categories: ys.map((y) => `Year ${y}`),
            series: avoided.map((se) => ({ ...se, colour: se.colour })),
            legend: false,
          }),
          best ? `${trend(best, "admissions avoided")}.` : "",
        ),
    );
  }
  const boarding = yearSeries(rows, arms, "ed_boarding_hours", ys);
  const lowB = lowestLast(boarding);
  out.push(
    `<h2 id="ed">ED boarding</h2><p class="note">Hours admitted patients wait in ED for a bed, per year; means with 95% CIs. A CI reaching below zero (boarding cannot be negative) means a few replications with very long queues dominate the mean: read the 90% range in the table above as well.</p>` +
      yearChart(
        "ed-boarding",
        "ED boarding hours per year",
        "hours waited in ED for a bed, per year",
        arms,
        boarding,
        ys,
        xLabel,
        `${trend(boarding[0], "hours")}${
          lowB && arms.length > 1 ? `; fewest in the last year: ${lowB.label}` : ""
        }.${offScale(boarding)}`,
        undefined,
        true,
      ),
  );
  const delayed = yearSeries(rows, arms, "delayed_transfer_bed_days", ys);
  out.push(
    `<h2 id="delays">Delayed transfers of care</h2><p class="note">Bed days occupied by medically fit patients waiting for their destination (home care, reablement, intermediate care, care home); means with 95% CIs.</p>` +
      yearChart(
        "delayed-transfers",
        "Delayed-transfer bed days per year",
        "bed days per year",
        arms,
        delayed,
        ys,
        xLabel,
        `${trend(delayed[0], "bed days")}.`,
      ) + delaysByCause(rows, arms),
  );
  const places = (s.careHomes as { places?: number }).places;
  const careHome = yearSeries(rows, arms, "care_home_occupied_mean", ys);
  const homeCapacity = s.socialCare.homeCare.capacityHoursPerWeekPer100k * s.population.size /
    100_000;
  const homeCare = yearSeries(rows, arms, "home_care_hours_mean", ys);
  const share = (se: YearSeries | undefined, cap: number) =>
    se && cap > 0 ? ` (${amount(se.values.at(-1)! / cap * 100)}% of capacity)` : "";
  out.push(
    `<h2 id="social-care">Care homes and home care against capacity</h2>` +
      yearChart(
        "care-homes",
        "Care-home places in use per year",
        "places in use (yearly mean)",
        arms,
        careHome,
        ys,
        xLabel,
        `${trend(careHome[0], "places")}${share(careHome[0], places ?? NaN)}.`,
        places !== undefined ? { label: `places (${amount(places)})`, value: places } : undefined,
      ) +
      yearChart(
        "home-care",
        "Home-care hours in use per week",
        "hours per week (yearly mean)",
        arms,
        homeCare,
        ys,
        xLabel,
        `${trend(homeCare[0], "hours a week")}${share(homeCare[0], homeCapacity)}.`,
        { label: `capacity (${amount(homeCapacity)} hours a week)`, value: homeCapacity },
      ),
  );
  return out.join("\n");
}

/** Grouped bars of whole-horizon metrics (the categories) for every arm, with 95% CIs. */
function wholeHorizonBars(
  id: string,
  title: string,
  yLabel: string,
  metrics: string[],
  rows: readonly SummaryRow[],
  arms: Arm[],
  money = false,
): { svg: string; largest: string | undefined } {
  const series = arms.map((a) => {
    const found = metrics.map((c) => find(rows, a.group.scenario, a.group.variant, c, "all"));
    return {
      label: a.group.label,
      values: found.map((r) => r?.mean ?? NaN),
      low: found.map((r) => r?.ciLow ?? NaN),
      high: found.map((r) => r?.ciHigh ?? NaN),
      colour: a.colour,
    };
  });
  const base = series[0].values;
  const largest = metrics[base.indexOf(Math.max(...base.filter(Number.isFinite)))];
  // The words every label starts with ("Cost …") are the chart's title already.
  const { rest } = commonStart(metrics.map(metricLabel));
  const svg = barChart(id, {
    title,
    yLabel,
    categories: rest,
    series,
    legend: false,
    money,
  });
  return { svg, largest };
}

/** Delayed transfers by cause, when the run has `delayed_transfer_bed_days_<cause>` metrics. */
function delaysByCause(rows: readonly SummaryRow[], arms: Arm[]): string {
  const prefix = "delayed_transfer_bed_days_";
  const causes = [
    ...new Set(
      rows.filter((r) =>
        r.metric.startsWith(prefix) && !r.metric.endsWith("_avoided") &&
        r.metric !== `${prefix}capacity` && // the sum of the four full-service causes
        r.variant !== "avoided"
      ).map((r) => r.metric),
    ),
  ];
  if (causes.length === 0) return "";
  const title = "Delayed-transfer bed days by cause, whole horizon";
  const { svg, largest } = wholeHorizonBars(
    "delays-by-cause",
    title,
    "bed days, whole horizon",
    causes,
    rows,
    arms,
  );
  return figure(
    title,
    legendOf(arms, [], true),
    svg,
    largest ? `the largest cause in the baseline is ${metricLabel(largest).toLowerCase()}.` : "",
  );
}

function workforceCharts(meta: RunMeta, summary: RunSummary, arms: Arm[], ys: number[]) {
  const { staffGroups, rows } = summary;
  if (staffGroups.length === 0 || ys.length === 0) return "";
  const inPost = (meta.scenario.workforce as { staffInPost?: Record<string, number> })
    .staffInPost ?? {};
  const panels = staffGroups.map((sg, i) => {
    const post = inPost[sg];
    return yearLineChart(`fte-${i}`, {
      title: staffGroupLabel(sg),
      yLabel: "FTE needed",
      xLabel: "model year",
      categories: ys.map(String),
      series: yearSeries(rows, arms, `fte_${sg}`, ys),
      reference: post !== undefined ? { label: "in post", value: post } : undefined,
      small: true,
    });
  });
  const last = ys.at(-1)!;
  const gaps = staffGroups.flatMap((sg) => {
    const b = find(rows, arms[0].group.scenario, "baseline", `fte_${sg}`, last);
    const post = inPost[sg];
    return b && post !== undefined && b.mean > post
      ? [`${staffGroupLabel(sg)}, ${amount(b.mean - post)} FTE short`]
      : [];
  });
  return `<h2 id="workforce">Workforce demand against staff in post</h2><p class="note">Mean FTE needed per model year, one panel per staff group with its own scale, for the baseline and every option; the dotted line is staff in post where the scenario gives it (<code>workforce.staffInPost</code>). Hover a line for its values; every figure is in workforce.csv.</p>${
    legendOf(arms, [{ label: "staff in post", colour: "#111", dash: "2 3" }])
  }<div class="panels">${
    panels.map((p, i) =>
      `<figure class="panel"><figcaption>${
        escapeHtml(staffGroupLabel(staffGroups[i]))
      }</figcaption>${p}</figure>`
    ).join("")
  }</div><p class="reading">Reading: ${
    escapeHtml(
      Object.keys(inPost).length === 0
        ? "no staff in post given, so the panels show demand only; give workforce.staffInPost to see the gaps."
        : gaps.length > 0
        ? `in year ${last} the baseline needs more staff than are in post: ${gaps.join("; ")}.`
        : `in year ${last} the baseline needs no more than in post in any group given.`,
    )
  }</p>`;
}

function costCharts(rows: readonly SummaryRow[], arms: Arm[]): string {
  const { total, parts } = costMetrics(rows.map((r) => r.metric));
  const settings = parts.filter((p) => !p.endsWith("_avoided"));
  if (settings.length === 0) return "";
  const unit = find(rows, arms[0].group.scenario, "baseline", settings[0], "all")?.unit ?? "";
  const pounds = unit === "gbp";
  const title = "Cost by setting, whole horizon";
  const { svg, largest } = wholeHorizonBars(
    "cost-by-setting",
    title,
    `cost, whole horizon (${pounds ? "£" : unit})`,
    settings,
    rows,
    arms,
    pounds,
  );
  return `<h2 id="cost">Cost by setting</h2><p class="note">Whole-horizon cost of each setting${
    total ? ` (total: <code>${escapeHtml(total)}</code>)` : ""
  }; means with 95% CIs.</p>` + figure(
    title,
    legendOf(arms, [], true),
    svg,
    largest ? costReading(rows, arms[0].group.scenario, largest, total, pounds) : "",
  );
}

/** "in the baseline most is spent on acute hospital care: £61.2m of £117m over the horizon." */
function costReading(
  rows: readonly SummaryRow[],
  scenario: string,
  largest: string,
  total: string | undefined,
  pounds: boolean,
): string {
  const part = find(rows, scenario, "baseline", largest, "all");
  const whole = total ? find(rows, scenario, "baseline", total, "all") : undefined;
  const shown = (v: number) => pounds ? money(v) : amount(v);
  const figures = part
    ? `: ${shown(part.mean)}${whole ? ` of ${shown(whole.mean)}` : ""} over the whole horizon`
    : "";
  return `in the baseline most is spent on ${costSettingWords(largest)}${figures}.`;
}

function assumptionsTable(meta: RunMeta): string {
  const rows = parameterSources(meta.scenario);
  const show = (v: unknown) => escapeHtml(typeof v === "string" ? v : JSON.stringify(v));
  const flagged = rows.filter((r) => r.assumption).length;
  const set = rows.filter((r) => r.source === "scenario").length;
  let body = "";
  for (const r of rows) {
    body += `<tr><td class="text"><code>${escapeHtml(r.path)}</code></td><td class="text">${
      show(r.value)
    }</td><td class="text">${escapeHtml(r.source)}${
      r.assumption ? ' <span class="flag">(assumption)</span>' : ""
    }</td></tr>`;
  }
  return `<p class="note">${rows.length} parameters: ${set} set by this scenario, ${flagged} resting on an assumption where the evidence is uncertain or silent (flagged). Sources refer to rows of the evidence document.</p>
<details class="assumptions"><summary>All ${rows.length} parameters, their values and sources</summary><div class="scroll"><table class="assumptions"><colgroup><col class="path"><col class="value"><col></colgroup><thead><tr><th class="text">Parameter</th><th class="text">Value</th><th class="text">Source</th></tr></thead><tbody>${body}</tbody></table></div></details>`;
}

/** Opens every collapsible section before printing (print CSS does the same where supported). */
const PRINT_SCRIPT =
  `<script>addEventListener("beforeprint",()=>{for(const d of document.querySelectorAll("details"))d.open=true})</script>`;

/**
 * Builds report.html: warnings, the answer, every headline figure, the charts and the
 * assumptions.
 *
 * @param meta The run's metadata (summary.json).
 * @param summary The run's summary (rows, fan charts, staff groups, answer figures).
 * @param extra The answer and warnings (as in summary.json); without an answer the answer
 *   section is left out.
 * @returns The HTML document.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const scenario = parseScenario({ version: 1, population: { size: 1000 }, years: 1 });
 * const meta = { caresimVersion: "0", scenarioName: "x", scenarioHash: "h", seed: 1, replications: 0, indices: [], options: [], groups: [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }], scenario };
 * const html = reportHtml(meta, { rows: [], fans: [[]], staffGroups: [] });
 * assert.match(html, /^<!doctype html>/);
 * ```
 */
export function reportHtml(
  meta: RunMeta,
  summary: RunSummary,
  extra: { answer?: RunAnswer; warnings?: readonly RunWarning[] } = {},
): string {
  const { rows } = summary;
  const s = meta.scenario;
  const ys = years(rows);
  const arms = armsOf(meta);
  const options = meta.groups.slice(1);
  const n = meta.indices.length;
  const answer = extra.answer
    ? answerHtml(extra.answer, {
      replications: n,
      samples: summary.answer?.admissionsAvoidedSample ?? [],
    })
    : "";
  const charts = ys.length > 0
    ? [
      occupancyCharts(meta, summary, arms),
      flowCharts(meta, rows, arms, ys),
      workforceCharts(meta, summary, arms, ys),
      costCharts(rows, arms),
    ].join("\n")
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>caresim report — ${
    escapeHtml(s.name)
  }</title><style>${REPORT_CSS}</style>${PRINT_SCRIPT}</head>
<body><main>
<h1>${escapeHtml(s.name)}</h1>
<p>${escapeHtml(s.description)}</p>
<p class="meta">Start ${escapeHtml(s.startDate)}, ${s.years} years, population ${
    amount(s.population.size)
  } · ${n} of ${meta.replications} replications, seed ${meta.seed} · caresim ${
    escapeHtml(meta.caresimVersion)
  } · scenario <code>${escapeHtml(meta.scenarioHash.slice(0, 19))}</code></p>
${
    options.length > 0
      ? `<p class="meta">Options: ${
        options.map((o) => escapeHtml(o.label)).join(", ")
      }, each compared with the baseline on the same random numbers.</p>`
      : `<p class="meta">This scenario has no care models: baseline only.</p>`
  }
${warningsHtml(extra.warnings ?? [])}
${answer}
${yearByYearHtml(yearByYear(meta, rows))}
<h2 id="headline">Every headline figure</h2>
<p class="note">Whole horizon (sums of counts over the years; means of levels): mean across replications, its 95% confidence interval, the range of the middle 90% of replications, and each option against the baseline. Every metric, by year, is in summary.csv (see METRICS.md).</p>
${headlineTable(meta, rows)}
${charts}
${careModelSection(meta, rows)}
<h2 id="assumptions">Assumptions and sources</h2>
${assumptionsTable(meta)}
</main></body></html>
`;
}
