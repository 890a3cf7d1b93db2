/**
 * Formatting a sensitivity sweep (run by studies/sweep.ts): the result's contract, sweep.csv,
 * summary.json, the terminal table and the HTML page with a tornado chart per metric of each
 * parameter's swing, with 95% CIs.
 *
 * @module
 */

import { type CsvCell, roundForCsv, toCsv } from "./csv.ts";
import { outputJson, runIdentity } from "./outputs.ts";
import type { RunMeta } from "./run_meta.ts";
import { TORNADO_LEGEND, type TornadoBar, tornadoChart } from "./html/charts.ts";
import { htmlLegend } from "./html/planning_charts.ts";
import { amount } from "./answer_words.ts";
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
  /** The base run's metadata (seed, replications, caresim version, scenario…). */
  meta?: RunMeta;
  /** The parameters varied and their values. */
  parameters?: { path: string; values: unknown[] }[];
}

/**
 * Confidence level of every interval in a sweep (as in a normal run's summary).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(SWEEP_CI_LEVEL, 0.95);
 * ```
 */
export const SWEEP_CI_LEVEL = 0.95;

/**
 * The sweep's summary.json: the same run metadata as a normal run's (caresim version, scenario
 * name and hash, seed, replications, options, groups, the resolved base scenario), the CI level,
 * the parameters varied, and every run's whole-horizon summary rows (NaN written as null).
 *
 * @param result A sweep result with its `meta`.
 * @returns The JSON text, ending with a newline.
 * @throws {TypeError} If the result has no `meta`.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = { caresimVersion: "0.1.0", scenarioName: "x", scenarioHash: "sha256:0", seed: 3, replications: 2, indices: [0, 1], options: [], groups: [], scenario: {} } as never;
 * const doc = JSON.parse(sweepSummaryJson({ scenario: "x", tornadoMetric: "m", tornadoVariant: "baseline", rows: [], meta }));
 * assert.deepEqual([doc.caresim, doc.seed, doc.replications, doc.ciLevel], ["0.1.0", 3, 2, 0.95]);
 * ```
 */
export function sweepSummaryJson(result: SweepResult): string {
  const meta = result.meta;
  if (!meta) throw new TypeError("Cannot write the sweep's summary.json: the result has no meta");
  return outputJson({
    ...runIdentity(meta),
    ciLevel: SWEEP_CI_LEVEL,
    sweep: result.parameters ?? [],
    tornado: { metric: result.tornadoMetric, variant: result.tornadoVariant },
    scenario: meta.scenario,
    runs: result.rows.map((r) => ({ path: r.path, value: r.value, ...r.summary })),
  });
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
    "p05",
    "p95",
    "n",
  ];
  const cells: CsvCell[][] = result.rows.map((r) => [
    r.path,
    r.value,
    r.summary.scenario,
    r.summary.variant,
    r.summary.metric,
    r.summary.unit,
    roundForCsv(r.summary.mean),
    roundForCsv(r.summary.ciLow),
    roundForCsv(r.summary.ciHigh),
    roundForCsv(r.summary.p05),
    roundForCsv(r.summary.p95),
    r.summary.n,
  ]);
  return toCsv(header, cells);
}

/** One tornado chart's rows: a metric of one group (scenario column) and variant. */
interface ChartKey {
  scenario: string;
  variant: SummaryRow["variant"];
  metric: string;
}

function tornadoRows(result: SweepResult, key: ChartKey) {
  const pick = (path: string, value?: string) =>
    result.rows.find((r) =>
      r.path === path && (value === undefined || r.value === value) &&
      r.summary.metric === key.metric && r.summary.variant === key.variant &&
      r.summary.scenario === key.scenario
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
        lowCi: [lo.ciLow, lo.ciHigh] as const,
        highCi: [hi.ciLow, hi.ciHigh] as const,
      }]
      : [];
  });
  return { base, bars };
}

/**
 * The charts of a sweep: one per metric of the variant the tornado shows (`avoided` when the
 * scenario has options, else `baseline`), for each group, the tornado metric first.
 */
function chartKeys(result: SweepResult): ChartKey[] {
  const keys: ChartKey[] = [];
  const seen = new Set<string>();
  const base = result.rows.filter((r) =>
    r.path === "" && r.summary.variant === result.tornadoVariant
  );
  const ordered = [
    ...base.filter((r) => r.summary.metric === result.tornadoMetric),
    ...base.filter((r) => r.summary.metric !== result.tornadoMetric),
  ];
  for (const { summary: s } of ordered) {
    const id = `${s.scenario}\u0000${s.metric}`;
    if (seen.has(id)) continue;
    seen.add(id);
    keys.push({ scenario: s.scenario, variant: s.variant, metric: s.metric });
  }
  return keys;
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
  const group = chartKeys(result)[0]?.scenario;
  for (const r of result.rows) {
    if (r.summary.metric !== result.tornadoMetric) continue;
    if (r.summary.variant !== result.tornadoVariant || r.summary.scenario !== group) continue;
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

type TornadoStat = { mean: number; ciLow: number; ciHigh: number };

/**
 * A tornado chart's one-line reading: the parameter that moves the figure most, from what to
 * what, and whether that swing is clear of the noise (neither end's 95% CI overlaps the base's).
 */
function tornadoReading(base: TornadoStat, bars: readonly TornadoBar[]): string {
  const top = [...bars].sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low))[0];
  const clear = (ci: readonly [number, number] | undefined) =>
    ci !== undefined && (ci[1] < base.ciLow || ci[0] > base.ciHigh);
  const noise = clear(top.lowCi) || clear(top.highCi)
    ? "at least one end lies outside the base run's 95% CI, so the swing is more than noise"
    : "both ends' 95% CIs overlap the base run's, so the swing may be noise (more replications would tell)";
  return `${top.label} moves it most: ${amount(top.low)} at ${top.lowLabel} and ${
    amount(top.high)
  } at ${top.highLabel}, against ${amount(base.mean)} in the base run; ${noise}.`;
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
  const keys = chartKeys(result);
  const groups = new Set(keys.map((k) => k.scenario)).size;
  let charts = "";
  keys.forEach((key, i) => {
    const { base, bars } = tornadoRows(result, key);
    if (!base || bars.length === 0) return;
    const of = groups > 1 ? ` — ${key.scenario}` : "";
    const unit = base.unit.replaceAll("_", " ");
    charts += `<h3><code>${escapeHtml(key.metric)}</code> (${escapeHtml(unit)}, ${
      escapeHtml(key.variant)
    }${escapeHtml(of)})</h3><figure class="chart">${htmlLegend(TORNADO_LEGEND)}${
      tornadoChart(`tornado-${i}`, {
        title: `Sensitivity of ${key.metric} (${key.variant}${of})`,
        xLabel: `${key.metric}, whole horizon (${unit}; base ${amount(base.mean)})`,
        base: base.mean,
        baseCi: [base.ciLow, base.ciHigh],
        bars,
      })
    }<p class="reading">Reading: ${escapeHtml(tornadoReading(base, bars))}</p></figure>`;
  });
  let body = "";
  for (const r of result.rows) {
    const s = r.summary;
    body += `<tr><th scope="row" class="text"><code>${
      escapeHtml(r.path || "(base)")
    }</code></th><td class="text">${escapeHtml(r.value)}</td><td class="text">${
      escapeHtml(s.scenario)
    }</td><td class="text">${s.variant}</td><td class="text"><code>${s.metric}</code></td><td>${
      amount(s.mean)
    }</td><td>${amount(s.ciLow)} to ${amount(s.ciHigh)}</td></tr>`;
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>caresim sweep — ${
    escapeHtml(result.scenario)
  }</title><style>${REPORT_CSS}h3 code,table.sweep-runs code{overflow-wrap:anywhere}</style></head><body><main>
<h1>Sensitivity sweep — ${escapeHtml(result.scenario)}</h1>
<p class="note">Each parameter varied one at a time, all others at the scenario's values, same seed and replications (common random numbers). Bars run from the base value to the output at the lowest and highest value tried; widest swing on top. Whiskers are each run's 95% confidence interval of the mean and the grey band the base run's: a bar whose whisker overlaps the band may be noise, not sensitivity (more replications narrow both). Charts show the ${
    escapeHtml(result.tornadoVariant)
  } figures${
    result.tornadoVariant === "avoided"
      ? " (baseline − option: positive means the option needs less)"
      : ""
  }; the table lists every figure of every run.</p>
<h2>Tornado charts</h2>${charts}
<h2>All runs</h2><div class="scroll"><table class="sweep-runs"><thead><tr><th class="text">Parameter</th><th class="text">Value</th><th class="text">Scenario</th><th class="text">Variant</th><th class="text">Metric</th><th>Mean</th><th>95% CI</th></tr></thead><tbody>${body}</tbody></table></div>
</main></body></html>
`;
}
