/**
 * What the report's tests expect of report.html: its charts for the test run (see `_test_run.ts`),
 * and that a figure it shows is the value summary.json holds at its `data-json` path (see
 * report/html/answer_html.ts). Private: used by the report's tests and the browser test.
 *
 * @module
 */

import { amount } from "./answer_words.ts";

/** One figure as the page shows it. */
export interface ShownFigure {
  /** Dotted path in summary.json. */
  path: string;
  /** Factor the page applies before showing it (100 for percentages). */
  scale: number;
  /** The text shown. */
  text: string;
}

/**
 * Why a shown figure is not summary.json's value, or undefined when it is.
 *
 * @param doc summary.json, parsed.
 * @param figure The figure as shown.
 * @returns A message, or undefined.
 */
export function shownFigureProblem(doc: unknown, figure: ShownFigure): string | undefined {
  const value = figure.path.split(".").reduce(
    (o: unknown, k) => (o as Record<string, unknown>)?.[k],
    doc,
  );
  if (typeof value !== "number") return `${figure.path} is not a number in summary.json`;
  const shown = amount(Math.abs(value) * figure.scale);
  const zero = /no change|as many/.test(figure.text) && Number(shown) === 0;
  return figure.text.includes(shown) || zero
    ? undefined
    : `${figure.path} shows "${figure.text}", summary.json has ${value}`;
}

/**
 * The charts of the test run's report, in page order.
 *
 * @param options The run's options (each has its occupancy chart).
 * @param costs Whether the run has cost metrics (`testRun({ costs: true })`): the cost chart.
 * @returns The `data-chart` ids.
 */
export function testReportCharts(options: number, costs = false): string[] {
  return [
    "admissions-avoided-spread",
    ...Array.from({ length: options }, (_, i) => `occupancy-${i + 1}`),
    "admissions-avoided",
    "ed-boarding",
    "delayed-transfers",
    "delays-by-cause",
    "care-homes",
    "home-care",
    "fte-0",
    "fte-1",
    ...(costs ? ["cost-by-setting"] : []),
  ];
}
