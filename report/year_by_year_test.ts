import assert from "node:assert/strict";
import { testRun } from "./_test_run.ts";
import { amount, signedWords } from "./answer_words.ts";
import { buildOutputs } from "./outputs.ts";
import { runMeta } from "./run_meta.ts";
import { summarizeAll } from "./summarize_run.ts";
import { runTables } from "./tables.ts";
import { terminalSummary } from "./terminal_answer.ts";
import { YEAR_METRICS } from "./year_by_year.ts";

/** Rows of a CSV file without quoted commas, as records keyed by the header. */
function records(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split("\n");
  const keys = header.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [keys[i], v])));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

Deno.test("the report and the terminal show the headline figures year by year, as annual.csv has them", async (t) => {
  const years = 3;
  const run = testRun({ indices: [0, 1, 2], optionCount: 2, years });
  const meta = await runMeta(run);
  const tables = runTables(run);
  const { files } = buildOutputs(meta, tables);
  const { startDate } = meta.scenario;
  const terminal = terminalSummary(meta, summarizeAll(tables, { calendar: { startDate, years } }));
  const html = files["report.html"];

  // value[scenario|metric|year][replication], from annual.csv and workforce.csv.
  const values = new Map<string, Map<string, number>>();
  const put = (scenario: string, metric: string, year: string, rep: string, v: number) => {
    const k = `${scenario}|${metric}|${year}`;
    if (!values.has(k)) values.set(k, new Map());
    values.get(k)!.set(rep, v);
  };
  for (const r of records(files["annual.csv"])) {
    put(r.scenario, r.metric, r.year, r.replication, Number(r.value));
  }
  for (const r of records(files["workforce.csv"])) {
    put(r.scenario, `fte_${r.staff_group}`, r.year, r.replication, Number(r.fte));
  }
  const [base, ...options] = meta.groups;
  const level = (scenario: string, metric: string, year: number) =>
    mean([...values.get(`${scenario}|${metric}|${year}`)!.values()]);
  const change = (scenario: string, metric: string, year: number) => {
    const b = values.get(`${base.scenario}|${metric}|${year}`)!;
    const o = values.get(`${scenario}|${metric}|${year}`)!;
    return mean([...b.keys()].map((rep) => b.get(rep)! - o.get(rep)!));
  };
  const staff = [...new Set(records(files["workforce.csv"]).map((r) => `fte_${r.staff_group}`))];
  const metrics = [...YEAR_METRICS, ...staff];

  /** The text the report shows for one cell. */
  const cell = (scenario: string, variant: string, metric: string, year: number) => {
    const re = new RegExp(
      `data-scenario="${scenario}" data-variant="${variant}" data-metric="${metric}" data-year="${year}">([^<]*)<`,
    );
    return html.match(re)?.[1];
  };

  await t.step(
    "report.html: every year of the baseline equals the mean of annual.csv's values",
    () => {
      for (const metric of metrics) {
        for (let y = 1; y <= years; y++) {
          assert.equal(
            cell(base.scenario, "baseline", metric, y),
            amount(level(base.scenario, metric, y)),
            `${metric} year ${y}`,
          );
        }
      }
    },
  );

  await t.step("report.html: every option's change each year is baseline − option, paired", () => {
    for (const o of options) {
      for (const metric of metrics) {
        const avoided = metric === "emergency_admissions"
          ? "admissions_avoided"
          : `${metric}_avoided`;
        for (let y = 1; y <= years; y++) {
          assert.equal(
            cell(o.scenario, "avoided", avoided, y),
            signedWords(change(o.scenario, metric, y)),
            `${o.label} ${metric} year ${y}`,
          );
        }
      }
    }
  });

  await t.step("the terminal: year 1 and the last year side by side, the same values", () => {
    const lines = terminal.split("\n");
    const header = lines.find((l) => l.startsWith("Baseline ") && l.includes("Year 1 ("))!;
    assert.match(header, new RegExp(`Year 1 \\(2025/26\\) +Year ${years} \\(2027/28\\)$`));
    const row = (label: string) => lines.find((l) => l.startsWith(`${label} (`))!;
    const [, y1, yN] = row("Emergency admissions").match(/\) +([\d,.]+) +([\d,.]+)$/)!;
    assert.equal(y1, amount(level(base.scenario, "emergency_admissions", 1)));
    assert.equal(yN, amount(level(base.scenario, "emergency_admissions", years)));
    const deaths = row("Deaths").match(/\) +([\d,.]+) +([\d,.]+)$/)!;
    assert.equal(deaths[2], amount(level(base.scenario, "deaths", years)));
    const mcp = lines.indexOf(lines.find((l) => l.startsWith("MCP"))!, lines.indexOf(header));
    const admissions = lines.slice(mcp).find((l) => l.startsWith("  Emergency admissions"))!;
    assert.ok(
      admissions.endsWith(signedWords(change(options[0].scenario, "emergency_admissions", years))),
      admissions,
    );
  });
});
