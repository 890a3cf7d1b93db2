/**
 * Formatting a sensitivity sweep (run by studies/sweep.ts): the result's contract, sweep.csv,
 * the terminal table and the HTML page with a tornado chart of each parameter's swing.
 *
 * @module
 */

import { type CsvCell, toCsv } from "./csv.ts";
import { tornadoChart } from "./html/charts.ts";
import { REPORT_CSS } from "./html/report_html.ts";
import { escapeHtml, formatNumber } from "./html/svg.ts";
import type { SummaryRow } from "./summarize_run.ts";

/** One output of one run of a sweep. */
export interface SweepRow {
  /** Parameter path, or "" for the base run. */
  path: string;
  /** Parameter value as JSON, or "" for the base run. */
  value: string;
  /** The summary row (whole horizon). */
  summary: SummaryRow;
}

/** The result of a sweep. */
export interface SweepResult {
  /** Scenario name. */
  scenario: string;
  /** The metric the tornado shows. */
  tornadoMetric: string;
  /** Variant of the tornado metric. */
  tornadoVariant: SummaryRow["variant"];
  /** Rows: base run first, then each parameter and value in order. */
  rows: SweepRow[];
}

/**
 * sweep.csv: one row per run and output (path and value empty for the base run).
 *
 * @param result A sweep result.
 * @returns CSV text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(sweepCsv({ scenario: "x", tornadoMetric: "m", tornadoVariant: "baseline", rows: [] }), /^path,value,scenario/);
 * ```
 */
export function sweepCsv(result: SweepResult): string {
  const header = [
    "path",
    "value",
    "scenario",
    "variant",
    "metric",
    "unit",
    "mean",
    "ci_low",
    "ci_high",
    "n",
  ];
  const cells: CsvCell[][] = result.rows.map((r) => [
    r.path,
    r.value,
    r.summary.scenario,
    r.summary.variant,
    r.summary.metric,
    r.summary.unit,
    r.summary.mean,
    r.summary.ciLow,
    r.summary.ciHigh,
    r.summary.n,
  ]);
  return toCsv(header, cells);
}

function tornadoRows(result: SweepResult, metric: string) {
  const pick = (path: string, value?: string) =>
    result.rows.find((r) =>
      r.path === path && (value === undefined || r.value === value) &&
      r.summary.metric === metric
    )?.summary;
  const base = pick("");
  const paths = [...new Set(result.rows.map((r) => r.path).filter((p) => p !== ""))];
  const bars = paths.flatMap((path) => {
    const values = [...new Set(result.rows.filter((r) => r.path === path).map((r) => r.value))];
    const lo = pick(path, values[0]);
    const hi = pick(path, values.at(-1));
    return lo && hi
      ? [{
        label: path,
        low: lo.mean,
        high: hi.mean,
        lowLabel: values[0],
        highLabel: values.at(-1)!,
      }]
      : [];
  });
  return { base, bars };
}

/**
 * Formats a sweep as a text table for the terminal (the tornado metric per run).
 *
 * @param result A sweep result.
 * @returns Lines of text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(sweepTable({ scenario: "x", tornadoMetric: "m", tornadoVariant: "baseline", rows: [] }), /Parameter/);
 * ```
 */
export function sweepTable(result: SweepResult): string {
  const table = [["Parameter", "Value", `${result.tornadoMetric} mean (95% CI)`]];
  for (const r of result.rows) {
    if (r.summary.metric !== result.tornadoMetric) continue;
    if (
      result.rows.filter((x) =>
        x.summary.metric === r.summary.metric && x.path === r.path && x.value === r.value
      ).indexOf(r) > 0
    ) continue;
    const s = r.summary;
    table.push([
      r.path || "(base)",
      r.value || "",
      `${formatNumber(s.mean)} (${formatNumber(s.ciLow)} to ${formatNumber(s.ciHigh)})`,
    ]);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  return table.map((r) =>
    r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
  )
    .join("\n") + "\n";
}

/**
 * sweep.html: a tornado chart per headline metric and the full table.
 *
 * @param result A sweep result.
 * @returns The HTML document.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(sweepHtml({ scenario: "x", tornadoMetric: "m", tornadoVariant: "baseline", rows: [] }), /<!doctype html>/);
 * ```
 */
export function sweepHtml(result: SweepResult): string {
  const metrics = [result.tornadoMetric, ...new Set(result.rows.map((r) => r.summary.metric))]
    .filter((m, i, a) => a.indexOf(m) === i);
  let charts = "";
  metrics.forEach((metric, i) => {
    const { base, bars } = tornadoRows(result, metric);
    if (!base || bars.length === 0) return;
    charts += `<h3><code>${escapeHtml(metric)}</code> (${escapeHtml(base.unit)})</h3>` +
      tornadoChart(`tornado-${i}`, {
        title: `Sensitivity of ${metric}`,
        xLabel: `${metric}, whole horizon (base ${formatNumber(base.mean)})`,
        base: base.mean,
        bars,
      });
  });
  let body = "";
  for (const r of result.rows) {
    const s = r.summary;
    body += `<tr><td class="text"><code>${
      escapeHtml(r.path || "(base)")
    }</code></td><td class="text">${escapeHtml(r.value)}</td><td class="text">${
      escapeHtml(s.scenario)
    }</td><td class="text">${s.variant}</td><td class="text"><code>${s.metric}</code></td><td>${
      formatNumber(s.mean)
    }</td><td>${formatNumber(s.ciLow)} to ${formatNumber(s.ciHigh)}</td></tr>`;
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>caresim sweep — ${
    escapeHtml(result.scenario)
  }</title><style>${REPORT_CSS}</style></head><body><main>
<h1>Sensitivity sweep — ${escapeHtml(result.scenario)}</h1>
<p class="note">Each parameter varied one at a time, all others at the scenario's values, same seed and replications (common random numbers). Bars run from the base value to the output at the lowest (blue) and highest (orange) value tried; widest swing on top.</p>
<h2>Tornado charts</h2>${charts}
<h2>All runs</h2><table><thead><tr><th class="text">Parameter</th><th class="text">Value</th><th class="text">Scenario</th><th class="text">Variant</th><th class="text">Metric</th><th>Mean</th><th>95% CI</th></tr></thead><tbody>${body}</tbody></table>
</main></body></html>
`;
}
