/**
 * The summary table printed in the terminal after a run: each headline metric over the whole
 * horizon with mean and 95% CI, baseline against each option and what it avoids.
 *
 * @module
 */

import { formatNumber } from "./html/svg.ts";
import { avoidedName, HEADLINE_METRICS } from "./metrics.ts";
import type { SummaryRow } from "./summarize_run.ts";
import type { RunGroup } from "./tables.ts";
import { escapeTerminal } from "./terminal_text.ts";

function cell(r: SummaryRow | undefined): string {
  if (!r) return "–";
  if (!Number.isFinite(r.ciLow)) return formatNumber(r.mean);
  return `${formatNumber(r.mean)} (${formatNumber(r.ciLow)} to ${formatNumber(r.ciHigh)})`;
}

/**
 * Formats the headline summary as a plain-text table (one block per option).
 *
 * @param groups The run's groups (baseline first).
 * @param rows Summary rows.
 * @returns Lines of text, columns padded with spaces.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const g = [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }];
 * const rows = [{ scenario: "x", variant: "baseline" as const, metric: "bed_days", year: "all" as const, unit: "bed_days", mean: 1500, sd: 1, ciLow: 1400, ciHigh: 1600, p05: 0, p50: 0, p95: 0, n: 3 }];
 * assert.match(terminalTable(g, rows), /bed_days +bed_days +1,500 \(1,400 to 1,600\)/);
 * ```
 */
export function terminalTable(groups: RunGroup[], rows: SummaryRow[]): string {
  const base = groups[0];
  const options = groups.filter((g) => g.variant === "scenario");
  const find = (g: RunGroup, variant: string, metric: string) =>
    rows.find((r) =>
      r.scenario === g.scenario && r.variant === variant && r.metric === metric && r.year === "all"
    );
  const metrics = [
    ...HEADLINE_METRICS,
    ...[
      ...new Set(
        rows.filter((r) => r.metric.startsWith("fte_") && r.variant !== "avoided")
          .map((r) => r.metric),
      ),
    ],
  ];
  const blocks = options.length > 0 ? options : [undefined];
  const out: string[] = [];
  for (const option of blocks) {
    // Labels come from the scenario: escape anything a terminal would act on.
    const label = (g: RunGroup) => escapeTerminal(g.label).replaceAll("\n", " ");
    const header = ["Metric (whole horizon)", "Unit", `${label(base)} mean (95% CI)`];
    if (option) header.push(`${label(option)} mean (95% CI)`, "Avoided (95% CI)");
    const table = [header];
    for (const metric of metrics) {
      const b = find(base, "baseline", metric);
      if (!b) continue;
      const line = [metric, b.unit, cell(b)];
      if (option) {
        line.push(cell(find(option, "scenario", metric)));
        line.push(cell(find(option, "avoided", avoidedName(metric))));
      }
      table.push(line);
    }
    const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
    const fmt = (r: string[]) =>
      r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
    out.push(fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...table.slice(1).map(fmt));
    out.push("");
  }
  return out.join("\n");
}
