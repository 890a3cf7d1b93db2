/**
 * Sensitivity sweeps: vary one scenario parameter (a dotted path) over values, or several one
 * at a time, re-run the scenario for each value with the same seed, and tabulate how the
 * headline outputs move; a tornado chart shows each parameter's swing.
 *
 * @module
 */

import { parseScenario } from "../scenarios/load.ts";
import type { ScenarioInput } from "../scenarios/schema.ts";
import { runScenario } from "./_scenario_run.ts";
import { type CsvCell, toCsv } from "./csv.ts";
import { tornadoChart } from "./html/charts.ts";
import { REPORT_CSS } from "./html/report_html.ts";
import { escapeHtml, formatNumber } from "./html/svg.ts";
import { HEADLINE_METRICS } from "./metrics.ts";
import { summarizeRun, type SummaryRow } from "./summarize_run.ts";

/** One parameter to vary. */
export interface SweepParameter {
  /** Dotted path into the scenario, e.g. `acute.readmission30DayProbability` or `hospitals[0].acuteBeds`. */
  path: string;
  /** Values to try (at least one). */
  values: unknown[];
}

/** Options of {@linkcode runSweep}. */
export interface SweepOptions {
  /** Replications per run (default: the scenario's). */
  replications?: number;
  /** Master seed (default: the scenario's); the same for every run. */
  seed?: number;
  /** Web Workers. */
  workers?: number;
  /** Called after each run with (runs done, runs in all). */
  onProgress?: (done: number, total: number) => void;
}

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

function pathKeys(path: string): (string | number)[] {
  if (!/^[A-Za-z_$][\w$]*(\.[\w$]+|\[\d+\])*$/.test(path)) {
    throw new RangeError(
      `Cannot sweep: a parameter path is dotted names with optional [index], e.g. acute.readmission30DayProbability, received ${
        JSON.stringify(path)
      }`,
    );
  }
  return path.replace(/\[(\d+)\]/g, ".$1").split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/**
 * Returns a copy of a scenario input with one parameter set (intermediate objects created).
 *
 * @param input The scenario as written.
 * @param path Dotted path (`a.b`, `a[0].b` or `a.0.b`).
 * @param value The value.
 * @returns A modified deep copy.
 * @throws {RangeError} If the path is malformed, indexes into something that is not an array, or
 *   names `__proto__`, `constructor` or `prototype` (which would reach object prototypes).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const s = setParameter({ version: 1, population: { size: 10 } }, "acute.readmission30DayProbability", 0.1);
 * assert.deepEqual(s, { version: 1, population: { size: 10 }, acute: { readmission30DayProbability: 0.1 } });
 * ```
 */
export function setParameter<T>(input: T, path: string, value: unknown): T {
  const keys = pathKeys(path);
  const bad = keys.find((k) => k === "__proto__" || k === "constructor" || k === "prototype");
  if (bad !== undefined) {
    throw new RangeError(`Cannot sweep ${path}: "${bad}" is not a scenario parameter`);
  }
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (typeof keys[i + 1] === "number" && !Array.isArray(node[k])) {
      throw new RangeError(
        `Cannot sweep ${path}: ${
          keys.slice(0, i + 1).join(".")
        } must be an array written in the scenario to index into it, received ${
          JSON.stringify(node[k])
        }`,
      );
    }
    if (!Object.hasOwn(node, k) || node[k] === null || typeof node[k] !== "object") node[k] = {};
    node = node[k] as Record<string | number, unknown>;
  }
  node[keys.at(-1)!] = value;
  return copy as T;
}

function headline(rows: SummaryRow[]): SummaryRow[] {
  return rows.filter((r) =>
    r.year === "all" &&
    (HEADLINE_METRICS.includes(r.metric) || r.metric === "admissions_avoided" ||
      r.metric === "bed_days_avoided")
  );
}

/**
 * Runs a sweep: the base scenario, then for each parameter each value (others at base).
 *
 * @param input The scenario as written (JSON data or a TS object).
 * @param parameters Parameters to vary, one at a time.
 * @param options Replications, seed, workers, progress.
 * @returns Whole-horizon headline outputs of every run.
 * @throws {ScenarioError} If the base scenario or a varied one is invalid.
 * @throws {RangeError} If a path is malformed or a parameter has no values.
 *
 * @example One parameter, two values
 * ```ts
 * import assert from "node:assert/strict";
 * const input = { version: 1 as const, years: 1, population: { size: 2000 } };
 * const r = await runSweep(input, [{ path: "acute.readmission30DayProbability", values: [0.05, 0.1] }], { replications: 2, workers: 1 });
 * assert.equal(new Set(r.rows.map((x) => x.value)).size, 3);
 * ```
 */
export async function runSweep(
  input: ScenarioInput,
  parameters: readonly SweepParameter[],
  options: SweepOptions = {},
): Promise<SweepResult> {
  for (const p of parameters) {
    pathKeys(p.path);
    if (!Array.isArray(p.values) || p.values.length === 0) {
      throw new RangeError(`Cannot sweep ${p.path}: at least one value is required, received none`);
    }
  }
  const base = parseScenario(input);
  const variants = parameters.flatMap((p) =>
    p.values.map((value) => ({
      path: p.path,
      value,
      scenario: parseScenario(setParameter(input, p.path, value), {
        label: `scenario with ${p.path} = ${JSON.stringify(value)}`,
      }),
    }))
  );
  const total = 1 + variants.length;
  const runOptions = {
    replications: options.replications ?? base.replications,
    seed: options.seed ?? base.seed,
    workers: options.workers,
  };
  const rows: SweepRow[] = [];
  const baseRun = await runScenario(base, runOptions);
  for (const summary of headline(summarizeRun(baseRun))) {
    rows.push({ path: "", value: "", summary });
  }
  options.onProgress?.(1, total);
  for (let i = 0; i < variants.length; i++) {
    const v = variants[i];
    const run = await runScenario(v.scenario, runOptions);
    for (const summary of headline(summarizeRun(run))) {
      rows.push({ path: v.path, value: JSON.stringify(v.value), summary });
    }
    options.onProgress?.(i + 2, total);
  }
  const avoided = rows.some((r) => r.summary.metric === "admissions_avoided");
  return {
    scenario: base.name,
    tornadoMetric: avoided ? "admissions_avoided" : "emergency_admissions",
    tornadoVariant: avoided ? "avoided" : "baseline",
    rows,
  };
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
