/**
 * The metrics table of report/METRICS.md, generated from the model's metric registry. Run this
 * file to rewrite the table in place (`deno task metrics:write`); a test fails when the file is
 * out of date.
 *
 * @module
 */

import { metricDefinitions } from "./metrics.ts";

/** Marks the start of the generated table in METRICS.md. */
export const TABLE_START = "<!-- metrics table: generated from models/metric_registry.ts -->";
/** Marks the end of the generated table. */
export const TABLE_END = "<!-- end of metrics table -->";

const FTE_ROW = [
  "`fte_<staff_group>`",
  "fte",
  "level",
  "mean",
  "Whole-time-equivalent staff needed, one metric per staff group in workforce.csv (e.g. `fte_gp`, `fte_district_nurse`, `fte_care_coordinator`, `fte_ward_nurse`, `fte_home_care_worker`, `fte_care_home_staff`).",
];

/**
 * The metrics table as Markdown, columns padded as `deno fmt` pads them.
 *
 * @returns The table, one row per registered metric plus the staff-group FTE metrics.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(metricsTable(), /^\| metric +\| unit +\| kind +\| all years \| meaning/);
 * ```
 */
export function metricsTable(): string {
  const rows = [
    ["metric", "unit", "kind", "all years", "meaning"],
    ...metricDefinitions([]).map((d) => [
      `\`${d.metric}\``,
      d.unit,
      d.kind,
      d.allYears,
      d.description,
    ]),
    FTE_ROW,
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join(" | ")} |`;
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

/**
 * METRICS.md with its table replaced by the generated one.
 *
 * @param doc The current METRICS.md.
 * @returns The updated text.
 * @throws {Error} If the markers are missing.
 */
export function withGeneratedTable(doc: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(
      `Cannot update METRICS.md: the markers "${TABLE_START}" and "${TABLE_END}" are missing`,
    );
  }
  return `${doc.slice(0, start + TABLE_START.length)}\n\n${metricsTable()}\n\n${doc.slice(end)}`;
}

if (import.meta.main) {
  const path = new URL("./METRICS.md", import.meta.url);
  await Deno.writeTextFile(path, withGeneratedTable(await Deno.readTextFile(path)));
}
