/**
 * docs/validation.md from a validation run and a calibration fit: calibration targets and
 * held-out checks in separate tables (model value with 95% CI, evidence range with its
 * docs/evidence.md anchor, pass/fail), checks not measured, theory checks, the fit of the free
 * parameters, and the known gaps. No date or timing in it, so the same code gives the same file.
 *
 * @module
 */

import type { FitResult } from "../calibration/fit.ts";
import type { DefaultFreeParameter } from "../calibration/default_calibration.ts";
import type { CheckResult, ValidationRun } from "./evaluate.ts";
import { evidenceRange } from "./checks.ts";

/** What the page says about how it was made. */
export interface ValidationContext {
  /** Scenario file, repository-relative. */
  scenarioPath: string;
  /** Scenario name. */
  scenarioName: string;
  /** People at the start. */
  populationSize: number;
  /** Master seed. */
  seed: number;
  /** Replications of the pilot. */
  pilot: number;
  /** Most replications allowed. */
  max: number;
  /** The command that wrote the page. */
  command: string;
  /** Replications per evaluation in the calibration. */
  calibrationReplications: number;
}

const fmt = (x: number, digits: number) =>
  x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function modelCell(r: CheckResult): string {
  const s = r.summary!;
  const d = r.check.digits;
  const ci = Number.isNaN(s.ciLow) ? "" : ` (${fmt(s.ciLow, d)} – ${fmt(s.ciHigh, d)})`;
  return `${fmt(s.mean, d)}${ci}`;
}

function evidenceCell(r: CheckResult): string {
  const e = r.check.evidence;
  const d = r.check.digits;
  const { low, high } = evidenceRange(r.check, r.year);
  const range = low === high ? fmt(low, d) : `${fmt(low, d)} – ${fmt(high, d)}`;
  const today = `[${e.ref}](evidence.md#${e.anchor}): ${e.text}`;
  const t = e.trend;
  if (!t || r.year <= 1) return `${range} ${today}`;
  const years = r.year - 1;
  const pct = (x: number) => `${x >= 0 ? "+" : "−"}${fmt(Math.abs(x), 2)}%`;
  return `${range}: year 1's ${fmt(e.low, d)} – ${fmt(e.high, d)} ${today}; grown ${
    pct(t.lowPctPerYear)
  } to ${
    pct(t.highPctPerYear)
  } a year over ${years} years [${t.ref}](evidence.md#${t.anchor}): ${t.text}`;
}

function ciVersusRange(r: CheckResult): string {
  const s = r.summary!;
  const { low, high } = evidenceRange(r.check, r.year);
  const width = high - low;
  return s.ciHigh - s.ciLow < width ? "" : " (CI wider than the range)";
}

function table(rows: readonly CheckResult[], withFit: boolean): string[] {
  const head = withFit
    ? "| figure | year | model, mean (95% CI) | evidence | fitted by | result |"
    : "| figure | year | model, mean (95% CI) | evidence | result |";
  const rule = withFit
    ? "| --- | ---: | ---: | --- | --- | --- |"
    : "| --- | ---: | ---: | --- | --- |";
  const out = [head, rule];
  for (const r of rows) {
    const cells = [
      `${r.check.label} (${r.check.unit})`,
      String(r.year),
      modelCell(r),
      evidenceCell(r),
      ...(withFit ? [r.check.fittedBy ?? ""] : []),
      `${r.status === "pass" ? "pass" : "**fail**"}${ciVersusRange(r)}`,
    ];
    out.push(`| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`);
  }
  return out;
}

/**
 * Renders docs/validation.md.
 *
 * @param run The validation run.
 * @param fit The calibration fit of the free parameters.
 * @param parameters The free parameters fitted.
 * @param context How the page was made.
 * @returns The Markdown.
 */
export function renderValidation(
  run: ValidationRun,
  fit: FitResult,
  parameters: readonly DefaultFreeParameter[],
  context: ValidationContext,
): string {
  const measured = run.rows.filter((r) => r.summary);
  const targets = measured.filter((r) => r.role === "target");
  const heldOut = measured.filter((r) => r.role === "held-out");
  const notMeasured = run.rows.filter((r) => !r.summary && r.year === 1);
  const passed = (rows: CheckResult[]) => rows.filter((r) => r.status === "pass").length;
  const hardest = run.hardest ? ` (the most: ${run.hardest.id}, year ${run.hardest.year})` : "";
  const lines = [
    "# Validation of the default scenario",
    "",
    `Written by \`${context.command}\`; do not edit by hand. Scenario \`${context.scenarioPath}\` ` +
    `(${context.scenarioName}, ${fmt(context.populationSize, 0)} people, seed ${context.seed}), ` +
    "baseline (no care model) unless a row says otherwise; year 1 and year 5.",
    "",
    "**How to read it.** Each figure is the mean over replications with its t-based 95% confidence " +
    "interval, beside the evidence value or range from [docs/evidence.md](evidence.md). A figure " +
    "**passes** when its CI overlaps the evidence range. **Targets** are figures a parameter was " +
    "fitted to (by `calibration/` in year 1, or an input set from the same evidence); every " +
    "other row is **held out**: nothing was tuned to it. Year 5 of a year-1 target is held out. " +
    "Where the evidence publishes a trend, year 5 is held against the year-1 range grown by it " +
    "(the row gives the rates and their source); otherwise against today's range.",
    "",
    "## Replications",
    "",
    `A pilot of ${context.pilot} replications gave each figure's standard deviation; a CI narrower ` +
    `than every evidence range needs ${
      run.required > context.max ? `more than ${context.max}` : run.required
    } replications${hardest}. This page ran **${run.replications}**` +
    (run.required > context.max
      ? ` (the cap, for run time); rows whose CI is still wider than their range say so.`
      : "."),
    "",
    `## Calibration targets: ${passed(targets)} of ${targets.length} pass`,
    "",
    ...table(targets, true),
    "",
    `## Held-out checks: ${passed(heldOut)} of ${heldOut.length} pass`,
    "",
    ...table(heldOut, false),
    "",
  ];
  if (notMeasured.length > 0) {
    lines.push(
      "## Not measured",
      "",
      "These checks read metrics this build does not register; they run as soon as the metrics exist.",
      "",
      ...notMeasured.map((r) =>
        `- ${r.check.label} ([${r.check.evidence.ref}](evidence.md#${r.check.evidence.anchor})): needs ${
          r.missing.map((m) => `\`${m}\``).join(", ")
        }`
      ),
      "",
    );
  }
  lines.push(
    "## Theory checks on the model's own output",
    "",
    "Whole measured period, every replication; the worst replication shown.",
    "",
    "| check | left | right | allowed difference | result |",
    "| --- | ---: | ---: | --- | --- |",
    ...run.theory.map((t) =>
      `| ${t.check.label} | ${fmt(t.worst.left, 2)} | ${fmt(t.worst.right, 2)} | ${
        fmt(t.worst.tolerance, 2)
      }: ${t.check.toleranceText} | ${t.pass ? "pass" : "**fail**"} |`
    ),
    "",
    "## Calibration of the free parameters",
    "",
    `\`calibration/default_calibration.ts\` fits the free parameters to their year-1 targets on the ` +
      `baseline (one year, ${context.calibrationReplications} replications per evaluation, seed 1, ` +
      `${fit.history.length} evaluations, ${fit.converged ? "converged" : "**not converged**"}). ` +
      "`deno task calibrate` prints the same fit.",
    "",
    "| parameter | default | fitted | output | target | at the fitted values | evidence |",
    "| --- | ---: | ---: | --- | ---: | ---: | --- |",
    ...parameters.map((p) =>
      `| \`${p.name}\` | ${fmt(p.start, 3)} | ${fmt(fit.values[p.name]!, 3)} | ${p.output} | ${
        fmt(p.target, 2)
      } | ${fmt(fit.outputs[p.output]!, 2)} | [${
        p.evidenceAnchor.slice(0, 2).toUpperCase()
      }](evidence.md#${p.evidenceAnchor}): ${p.evidence} |`
    ),
    "",
  );
  const gaps = [...new Map(measured.filter((r) => r.check.knownGap).map((r) => [r.check.id, r]))
    .values()];
  if (gaps.length > 0) {
    lines.push(
      "## Known gaps",
      "",
      "Checks the CI short form (`validation/validation_test.ts`) leaves out until they are mended:",
      "",
      ...gaps.map((r) =>
        `- **${r.check.label}**${
          r.check.knownGapYears ? ` (year ${r.check.knownGapYears.join(", ")})` : ""
        }: ${r.check.knownGap}`
      ),
      "",
    );
  }
  return lines.join("\n");
}
