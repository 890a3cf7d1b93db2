// deno-lint-ignore-file no-console
/**
 * Prints, for each shipped CI fixture, the minimum detectable change of every headline metric
 * (baseline, 80% power, the fixture's replications, spread and statistical settings): over the
 * whole horizon, and the range over single years. A Markdown table for tests/fixtures/README.md.
 *
 * Usage: `deno run -A bench/fixture_mdc.ts`
 *
 * @module
 */

import {
  minimumDetectableChange,
  readFixture,
  resolveStatisticalSettings,
} from "../ci_fixtures/mod.ts";
import { HEADLINE_METRICS } from "../report/metrics.ts";

const names = ["default", "south-worcestershire", "pilot-35k"];
const fixtures = await Promise.all(
  names.map((n) => readFixture(new URL(`../tests/fixtures/${n}.json`, import.meta.url).pathname)),
);
const head = [
  "metric (baseline)",
  ...names.map((n, i) => {
    const f = fixtures[i]!;
    return `${n} (${f.rows.find((r) => r.variant === "baseline")!.n} rep., ${f.rows.length} rows)`;
  }),
];
const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "–");
const lines = [head, head.map(() => "---")];
for (const metric of HEADLINE_METRICS) {
  const cells = [`\`${metric}\``];
  for (const f of fixtures) {
    const settings = resolveStatisticalSettings(f.statistical);
    const rows = f.rows.filter((r) => r.metric === metric && r.variant === "baseline");
    const mdc = (r: typeof rows[number]) =>
      minimumDetectableChange({ mean: r.mean!, sd: r.sd!, n: r.n }, {
        settings,
        rows: f.rows.length,
      });
    const all = rows.find((r) => r.year === "all");
    const years = rows.filter((r) => r.year !== "all").map(mdc);
    cells.push(
      all ? `${pct(mdc(all))} (years ${pct(Math.min(...years))}–${pct(Math.max(...years))})` : "–",
    );
  }
  lines.push(cells);
}
console.log(lines.map((l) => `| ${l.join(" | ")} |`).join("\n"));
