/**
 * What the terminal prints after a run: the warnings, then one ranking table of the options (the
 * planner's answer in plain words: admissions and bed days avoided, beds for 85% and 92% mean
 * occupancy against today's beds, net cost when the run has costs, each with its 95% CI and 90%
 * range of outcomes), the staff needed against staff in post, and whether the replications are
 * enough. The same figures as summary.json `answer` and the report's first section.
 *
 * @module
 */

import {
  type AnswerArm,
  type AnswerStat,
  buildAnswer,
  rankedOptions,
  type RunAnswer,
} from "./answer.ts";
import { WHOLE_HORIZON } from "./answer_summarizer.ts";
import {
  absoluteWords,
  againstWords,
  amount,
  MONEY,
  signedWords,
  spanWords,
  unitWords,
} from "./answer_words.ts";
import type { RunMeta } from "./run_meta.ts";
import type { RunSummary } from "./run_summarizer.ts";
import { type RunWarning, runWarnings } from "./run_warnings.ts";
import { escapeTerminal } from "./terminal_text.ts";
import { YEAR_METRICS, yearByYear, type YearRow } from "./year_by_year.ts";

/** Options the staff table shows beside the baseline (the highest ranked). */
const STAFF_COLUMNS = 5;

type Cell = string[];

function avoidedCell(s: AnswerStat | undefined): Cell {
  if (!s) return ["–"];
  return [
    signedWords(s.mean),
    `CI ${spanWords(s.ciLow, s.ciHigh)}`,
    `90%: ${spanWords(s.p05, s.p95)}`,
  ];
}

function bedsCell(arm: AnswerArm, period: string, today: number): Cell {
  const c = arm.byPeriod[period];
  const a = c?.bedsNeeded?.at85;
  const b = c?.bedsNeeded?.at92;
  if (!a || !b) return ["–"];
  const vs = (v: number) => signedWords(v - today, { positive: "more", negative: "fewer" });
  const same = [a.mean, b.mean].some((v) => vs(v) === "no change");
  return [
    `${amount(a.mean)} / ${amount(b.mean)}`,
    same
      ? `${againstWords(a.mean - today, "today")} / ${againstWords(b.mean - today, "today")}`
      : `${vs(a.mean)} / ${vs(b.mean)} than today`,
    `90%: ${amount(a.p05)}–${amount(a.p95)} / ${amount(b.p05)}–${amount(b.p95)}`,
  ];
}

function costCell(s: AnswerStat | undefined): Cell {
  if (!s) return ["–"];
  return [
    signedWords(s.mean, MONEY),
    `CI ${spanWords(s.ciLow, s.ciHigh, MONEY)}`,
    `90%: ${spanWords(s.p05, s.p95, MONEY)}`,
  ];
}

/** Lays out rows of multi-line cells, columns padded (first `left` columns left-aligned). */
function layout(header: string[], rows: Cell[][], left: number): string[] {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.flatMap((r) => r[i].map((l) => l.length)))
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")
      .trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const r of rows) {
    const height = Math.max(...r.map((c) => c.length));
    for (let k = 0; k < height; k++) out.push(line(r.map((c) => c[k] ?? "")));
  }
  return out;
}

function staffLines(answer: RunAnswer, order: AnswerArm[]): string[] {
  const plan = answer.planningPeriod;
  const arms = [answer.baseline, ...order.slice(0, STAFF_COLUMNS)];
  const groups = answer.baseline.byPeriod[plan]?.staff ?? [];
  if (groups.length === 0) return [];
  const rows: Cell[][] = groups.map((g) => [
    [g.label],
    ...arms.map((arm) => {
      const st = arm.byPeriod[plan]?.staff.find((s) => s.staffGroup === g.staffGroup);
      if (!st) return ["–"];
      const cell = [`${amount(st.needed.mean)}`];
      if (st.gap) {
        cell.push(againstWords(st.gap.mean, `the ${amount(st.inPost!)} in post`));
      }
      return cell;
    }),
  ]);
  const label = (a: AnswerArm) => escapeTerminal(a.label).replaceAll("\n", " ");
  const more = order.length - (arms.length - 1);
  return [
    `Staff needed in ${plan} (FTE, mean${
      groups.some((g) => g.inPost !== null) ? "; against staff in post" : ""
    })`,
    ...layout(["Staff group", ...arms.map(label)], rows, 1),
    ...(more > 0 ? [`(${more} more options in report.html and summary.json)`] : []),
  ];
}

/**
 * The terminal's summary of a run (see the module doc).
 *
 * @param answer The run's answer (summary.json `answer`).
 * @param warnings The run's warnings.
 * @param replications Replications summarised.
 * @returns Lines of text.
 *
 * @example A baseline-only answer
 * ```ts
 * import assert from "node:assert/strict";
 * const st = { mean: 170, ciLow: 168, ciHigh: 172, p05: 165, p50: 170, p95: 175, n: 3 };
 * const baseline = { scenario: "x", label: "Baseline", byPeriod: { all: { staff: [], bedsNeeded: { at85: st, at92: st } } } };
 * const answer = { occupancyTargets: [0.85, 0.92], todayBeds: 160, planningPeriod: "all", periods: [], baseline, options: [], precisionTarget: 0.05, absolutePrecision: {}, precision: [] };
 * assert.match(terminalAnswer(answer, [], 3), /Baseline +– +– +170 \/ 170/);
 * ```
 */
export function terminalAnswer(
  answer: RunAnswer,
  warnings: readonly RunWarning[],
  replications: number,
): string {
  const out: string[] = [];
  if (warnings.length > 0) {
    out.push("Warnings");
    const ordered = [
      ...warnings.filter((w) => w.level === "warning"),
      ...warnings.filter((w) => w.level !== "warning"),
    ];
    for (const w of ordered) {
      out.push(
        `  ${w.level === "warning" ? "WARNING" : "Caution"}: ${
          escapeTerminal(w.message).replaceAll("\n", " ")
        }`,
      );
    }
    out.push("");
  }
  const plan = answer.planningPeriod;
  const hasCost = answer.options.some((o) => o.byPeriod[WHOLE_HORIZON]?.netCost);
  const order = rankedOptions(answer);
  const header = [
    "#",
    "Option",
    "Emergency admissions",
    "Acute bed days",
    `Beds for 85% / 92% occupancy, ${plan}`,
    ...(hasCost ? ["Net cost"] : []),
  ];
  const row = (arm: AnswerArm, rank: string): Cell[] => {
    const all = arm.byPeriod[WHOLE_HORIZON];
    return [
      [rank],
      [escapeTerminal(arm.label).replaceAll("\n", " ")],
      avoidedCell(all?.admissionsAvoided),
      avoidedCell(all?.bedDaysAvoided),
      bedsCell(arm, plan, answer.todayBeds),
      ...(hasCost ? [costCell(all?.netCost)] : []),
    ];
  };
  out.push(
    `The answer: each option against the baseline over the whole horizon, ranked by admissions avoided; beds against today's ${
      amount(answer.todayBeds)
    }.`,
    `Mean of ${replications} replications; CI = 95% confidence interval of the mean; 90% = range of the middle 90% of replications.`,
    ...layout(
      header,
      [row(answer.baseline, "–"), ...order.map((o, i) => row(o, String(i + 1)))],
      2,
    ),
    "",
  );
  const staff = staffLines(answer, order);
  if (staff.length > 0) out.push(...staff, "");
  const short = answer.precision.filter((p) => !p.enough);
  if (answer.precision.length > 0) {
    const most = Math.max(...answer.precision.map((p) => p.replicationsNeeded ?? 0));
    const wanted = `±${answer.precisionTarget * 100}% of the mean (for a figure near zero, ${
      absoluteWords(answer)
    })`;
    out.push(
      short.length === 0
        ? `Replications: enough — every headline mean is within ${wanted} (95% CI half-width).`
        : `Replications: ${short.length} of ${answer.precision.length} headline means are less precise than ${wanted}; about ${
          amount(most)
        } replications would bring them all there (report.html explains).`,
    );
  }
  return out.join("\n") + "\n";
}

/**
 * The terminal's summary of a run from its metadata and summary: {@linkcode terminalAnswer} of
 * the answer and warnings that summary.json holds.
 *
 * @param meta The run's metadata.
 * @param summary The run's summary (with its answer figures; without them only the warnings).
 * @returns Lines of text.
 *
 * @example A run without replications prints a note
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = { groups: [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }], indices: [], scenario: { hospitals: [] } } as never;
 * assert.match(terminalSummary(meta, { rows: [], fans: [[]], staffGroups: [] }), /No answer/);
 * ```
 */
export function terminalSummary(meta: RunMeta, summary: RunSummary): string {
  const warnings = runWarnings(meta, summary.rows);
  if (!summary.answer || meta.indices.length === 0) {
    return `No answer: the run has no replications to summarise.\n`;
  }
  return terminalAnswer(buildAnswer(meta, summary.answer), warnings, meta.indices.length) +
    yearLines(meta, summary);
}

/**
 * The first and last model years side by side: the baseline's headline figures and FTE by staff
 * group, then each option's change against the baseline (its FTE as the sum over staff groups).
 */
function yearLines(meta: RunMeta, summary: RunSummary): string {
  const horizon = meta.scenario.years;
  const shown = horizon > 1 ? [1, horizon] : [1];
  const yb = yearByYear(meta, summary.rows, { years: shown });
  const [baseline, ...options] = yb.arms;
  if (!baseline || baseline.rows.length === 0) return "";
  const head = (first: string) => [
    first,
    ...yb.years.map((y) => `Year ${y.year} (${y.financialYear})`),
  ];
  const label = (r: YearRow) => `${r.label} (${unitWords(r.unit)})`;
  const base = baseline.rows.map((
    r,
  ) => [[label(r)], ...r.values.map((v) => [v ? amount(v.mean) : "–"])]);
  const out = [
    "",
    `Year by year: year ${shown[0]} and year ${
      shown.at(-1)
    } (mean of ${meta.indices.length} replications; every year in report.html and summary.csv)`,
    ...layout(head(escapeTerminal(baseline.label).replaceAll("\n", " ")), base, 1),
  ];
  if (options.length > 0) {
    const rows: Cell[][] = [];
    for (const o of options) {
      rows.push([[escapeTerminal(o.label).replaceAll("\n", " ")], ...shown.map(() => [""])]);
      const headline = o.rows.filter((r) => (YEAR_METRICS as readonly string[]).includes(r.metric));
      for (const r of headline) {
        rows.push([[`  ${r.label}`], ...r.values.map((v) => [v ? signedWords(v.mean) : "–"])]);
      }
      const staff = o.rows.filter((r) => r.metric.startsWith("fte_"));
      if (staff.length > 0) {
        rows.push([
          ["  All staff groups, FTE needed"],
          ...shown.map((
            _,
            i,
          ) => [signedWords(staff.reduce((a, r) => a + (r.values[i]?.mean ?? 0), 0))]),
        ]);
      }
    }
    out.push("", ...layout(head("Change against the baseline (fewer / more)"), rows, 1));
  }
  return out.join("\n") + "\n";
}
