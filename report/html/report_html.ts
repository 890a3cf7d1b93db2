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
import type { RunMeta } from "../run_meta.ts";
import type { SummaryRow } from "../summarize_run.ts";
import { addDays, type RunGroup, type RunTables } from "../tables.ts";
import { avoidedName, HEADLINE_METRICS, metricDefinitions } from "../metrics.ts";
import { barChart, fanChart, type FanPoint, smallLineChart } from "./charts.ts";
import { colour, escapeHtml, formatNumber } from "./svg.ts";

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
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:0;background:#f6f7f9}
main{max-width:1040px;margin:0 auto;padding:24px 28px 60px;background:#fff}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:34px 0 8px;border-bottom:2px solid #e3e6ea;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 4px}.meta{color:#555;font-size:13px}.note{color:#555;font-size:13px;margin:4px 0 10px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}th,td{padding:4px 8px;border-bottom:1px solid #e3e6ea;text-align:right}
th:first-child,td:first-child,td.text,th.text{text-align:left}th{background:#f0f2f5;font-weight:600}
tr.avoided td{background:#f3faf6}.ci{color:#666;font-size:12px}
.panels{display:flex;flex-wrap:wrap;gap:4px 10px}.panels svg{margin:4px 0}
svg{display:block;max-width:100%;height:auto;margin:6px 0 14px;background:#fff}
svg .grid{stroke:#e6e8eb;stroke-width:1}svg .tick,svg .legend{font-size:11px;fill:#444}
svg .axis-label{font-size:12px;fill:#333}.flag{color:#a15c00;font-weight:600}
details summary{cursor:pointer;font-weight:600;margin:8px 0}
table.assumptions{table-layout:fixed}table.assumptions td{word-break:break-word;vertical-align:top}
table.assumptions col.path{width:34%}table.assumptions col.value{width:22%}code{font-size:12px}
`;

/**
 * Weekly fan-chart points of acute occupancy for one group: each replication's weekly mean,
 * then percentiles across replications; capacity is the mean weekly capacity.
 *
 * @param tables The run's tables.
 * @param group The group.
 * @returns One point per week (day = first day of the week).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const daily = [0, 1].flatMap((replication) => Array.from({ length: 14 }, (_, day) => ({
 *   scenario: "x", variant: "baseline" as const, replication, day, date: "",
 *   values: { acute_occupied: 10 + replication, acute_capacity: 20 } as never,
 * })));
 * const g = { scenario: "x", variant: "baseline" as const, label: "B" };
 * const pts = occupancyFan({ groups: [g], annual: [], daily, workforce: [] }, g);
 * assert.equal(pts.length, 2);
 * assert.equal(pts[0].p50, 10.5);
 * ```
 */
export function occupancyFan(tables: RunTables, group: RunGroup): FanPoint[] {
  const weekly = new Map<number, Map<number, { occ: number; cap: number; n: number }>>();
  for (const d of tables.daily) {
    if (d.scenario !== group.scenario || d.variant !== group.variant) continue;
    const week = Math.floor(d.day / 7);
    let reps = weekly.get(week);
    if (!reps) weekly.set(week, reps = new Map());
    const cell = reps.get(d.replication) ?? { occ: 0, cap: 0, n: 0 };
    cell.occ += d.values.acute_occupied;
    cell.cap += d.values.acute_capacity;
    cell.n++;
    reps.set(d.replication, cell);
  }
  return [...weekly.keys()].sort((a, b) => a - b).map((week) => {
    const cells = [...weekly.get(week)!.values()];
    const occ = cells.map((c) => c.occ / c.n).sort((a, b) => a - b);
    const cap = cells.reduce((a, c) => a + c.cap / c.n, 0) / cells.length;
    return {
      day: week * 7,
      p05: quantile(occ, 0.05),
      p25: quantile(occ, 0.25),
      p50: quantile(occ, 0.5),
      p75: quantile(occ, 0.75),
      p95: quantile(occ, 0.95),
      capacity: cap,
    };
  });
}

function find(
  rows: SummaryRow[],
  scenario: string,
  variant: string,
  metric: string,
  year: number | "all",
) {
  return rows.find((r) =>
    r.scenario === scenario && r.variant === variant && r.metric === metric && r.year === year
  );
}

function cell(r: SummaryRow | undefined): string {
  if (!r) return "<td>–</td>";
  const ci = Number.isFinite(r.ciLow)
    ? `<br><span class="ci">${formatNumber(r.ciLow)} to ${formatNumber(r.ciHigh)}</span>`
    : "";
  return `<td>${formatNumber(r.mean)}${ci}</td>`;
}

function headlineTable(meta: RunMeta, rows: SummaryRow[]): string {
  const base = meta.groups[0];
  const options = meta.groups.slice(1);
  const metrics = [
    ...HEADLINE_METRICS,
    ...[
      ...new Set(
        rows.filter((r) => r.metric.startsWith("fte_") && r.variant !== "avoided")
          .map((r) => r.metric),
      ),
    ],
  ];
  let head = `<tr><th class="text">Metric (whole horizon)</th><th class="text">Unit</th><th>${
    escapeHtml(base.label)
  }<br><span class="ci">mean, 95% CI</span></th>`;
  for (const o of options) {
    head += `<th>${escapeHtml(o.label)}</th><th>Avoided<br><span class="ci">${
      escapeHtml(o.label)
    } vs baseline</span></th>`;
  }
  const described = new Map(metricDefinitions([]).map((d) => [d.metric, d.description]));
  let body = "";
  for (const metric of metrics) {
    const b = find(rows, base.scenario, "baseline", metric, "all");
    if (!b) continue;
    const title = described.has(metric) ? ` title="${escapeHtml(described.get(metric)!)}"` : "";
    body += `<tr><td class="text"${title}><code>${metric}</code></td><td class="text">${
      escapeHtml(b.unit)
    }</td>${cell(b)}`;
    for (const o of options) {
      const s = find(rows, o.scenario, "scenario", metric, "all");
      const a = rows.find((r) =>
        r.scenario === o.scenario && r.variant === "avoided" && r.year === "all" &&
        r.metric === avoidedName(metric)
      );
      body += cell(s) + cell(a);
    }
    body += "</tr>";
  }
  return `<table class="headline"><thead>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function years(rows: SummaryRow[]): number[] {
  return [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== "all"))]
    .sort((a, b) => a - b);
}

function byYear(
  rows: SummaryRow[],
  g: { scenario: string },
  variant: string,
  metric: string,
  ys: number[],
) {
  const found = ys.map((y) => find(rows, g.scenario, variant, metric, y));
  return {
    values: found.map((r) => r?.mean ?? NaN),
    low: found.map((r) => r?.ciLow ?? NaN),
    high: found.map((r) => r?.ciHigh ?? NaN),
  };
}

function assumptionsTable(meta: RunMeta): string {
  const rows = parameterSources(meta.scenario);
  const show = (v: unknown) => {
    const t = typeof v === "string" ? v : JSON.stringify(v);
    return escapeHtml(t.length > 80 ? `${t.slice(0, 77)}…` : t);
  };
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
  return `<p class="note">${rows.length} parameters: ${set} set by this scenario, ${flagged} resting on an assumption where the evidence is uncertain or silent (flagged). Sources refer to rows of evidence.md.</p>
<details><summary>All parameters, their values and sources (click to expand)</summary><table class="assumptions"><colgroup><col class="path"><col class="value"><col></colgroup><thead><tr><th class="text">Parameter</th><th class="text">Value</th><th class="text">Source</th></tr></thead><tbody>${body}</tbody></table></details>`;
}

/**
 * Builds report.html.
 *
 * @param meta The run's metadata (summary.json).
 * @param tables The run's per-replication tables.
 * @param rows The summary rows.
 * @returns The HTML document.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const scenario = parseScenario({ version: 1, population: { size: 1000 }, years: 1 });
 * const meta = { caresimVersion: "0", scenarioName: "x", scenarioHash: "h", seed: 1, replications: 0, indices: [], options: [], groups: [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }], scenario };
 * const html = reportHtml(meta, { groups: meta.groups, annual: [], daily: [], workforce: [] }, []);
 * assert.match(html, /^<!doctype html>/);
 * ```
 */
export function reportHtml(meta: RunMeta, tables: RunTables, rows: SummaryRow[]): string {
  const s = meta.scenario;
  const ys = years(rows);
  const yearLabels = ys.map((y) => `Year ${y}`);
  const base = meta.groups[0];
  const options = meta.groups.slice(1);
  const charts: string[] = [];
  // Occupancy fan charts.
  let fans = "";
  meta.groups.forEach((g, i) => {
    const points = occupancyFan(tables, g);
    if (points.length < 2) return;
    fans += `<h3>${escapeHtml(g.label)}</h3>` + fanChart(`occupancy-${i}`, {
      title: `Acute occupied beds, weekly mean — ${g.label}`,
      yLabel: "occupied acute beds",
      points,
      dayLabel: (day) => addDays(s.startDate, day).slice(0, 7),
      colour: colour(i),
    });
  });
  if (fans) {
    charts.push(
      `<h2>Acute bed occupancy</h2><p class="note">Weekly mean occupied general and acute beds (including delayed transfers): median across replications, 50% and 90% bands, and open capacity (base plus winter escalation).</p>${fans}`,
    );
  }
  // Admissions avoided.
  if (options.length > 0 && ys.length > 0) {
    charts.push(
      `<h2>Emergency admissions avoided</h2><p class="note">Baseline minus scenario, paired by replication (common random numbers); bars are means, whiskers 95% confidence intervals.</p>` +
        barChart("admissions-avoided", {
          title: "Emergency admissions avoided per year",
          yLabel: "admissions avoided",
          categories: yearLabels,
          series: options.map((o) => ({
            label: o.label,
            ...byYear(rows, o, "avoided", "admissions_avoided", ys),
          })),
        }),
    );
  }
  // Workforce.
  const staffGroups = [...new Set(tables.workforce.map((w) => w.staffGroup))];
  if (staffGroups.length > 0 && ys.length > 0) {
    const shown = options.length > 0 ? options[0] : base;
    const variant = options.length > 0 ? "scenario" : "baseline";
    const panels = staffGroups.map((sg, i) =>
      smallLineChart(`fte-${i}`, {
        title: sg.replaceAll("_", " "),
        categories: ys.map(String),
        series: [
          { label: shown.label, values: byYear(rows, shown, variant, `fte_${sg}`, ys).values },
          ...(options.length > 0
            ? [{
              label: "baseline",
              values: byYear(rows, base, "baseline", `fte_${sg}`, ys).values,
              colourIndex: 7,
              dashed: true,
            }]
            : []),
        ],
      })
    );
    charts.push(
      `<h2>Workforce demand</h2><p class="note">Mean FTE needed per year (x axis: model year), one panel per staff group with its own scale — ${
        escapeHtml(shown.label)
      }${
        options.length > 0 ? " (blue) against the baseline (dashed black)" : ""
      }. In-post FTE, where given, is in workforce.csv.</p><div class="panels">${
        panels.join("")
      }</div>`,
    );
  }
  // Delayed transfers.
  if (ys.length > 0) {
    charts.push(
      `<h2>Delayed transfers of care</h2><p class="note">Bed days occupied by medically fit patients waiting for their destination (home care, reablement, intermediate care, care home); means with 95% CIs.</p>` +
        barChart("delayed-transfers", {
          title: "Delayed-transfer bed days per year",
          yLabel: "bed days",
          categories: yearLabels,
          series: meta.groups.map((g) => ({
            label: g.label,
            ...byYear(rows, g, g.variant, "delayed_transfer_bed_days", ys),
          })),
        }),
    );
  }
  const n = meta.indices.length;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>caresim report — ${escapeHtml(s.name)}</title><style>${REPORT_CSS}</style></head>
<body><main>
<h1>${escapeHtml(s.name)}</h1>
<p>${escapeHtml(s.description)}</p>
<p class="meta">Start ${escapeHtml(s.startDate)}, ${s.years} years, population ${
    formatNumber(s.population.size)
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
<h2>Headline figures</h2>
<p class="note">Whole horizon (sums of counts over the years; means of levels). Mean across replications with its 95% confidence interval. Every metric, by year, is in summary.csv (see METRICS.md).</p>
${headlineTable(meta, rows)}
${charts.join("\n")}
<h2>Assumptions and sources</h2>
${assumptionsTable(meta)}
</main></body></html>
`;
}
