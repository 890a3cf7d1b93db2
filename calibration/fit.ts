/**
 * A deterministic fitter for a few free parameters, each paired with the one output it moves
 * most (a square system): Gauss–Seidel rounds over the pairs, each a bracketed root search
 * (regula falsi with the Illinois step, falling back to bisection) of "output − target" in the
 * parameter's bounds. The outputs come from a caller's `evaluate`, which must be deterministic
 * for the same values (a model run with a fixed seed and common random numbers is); then the
 * whole fit is deterministic. Each output is assumed monotone in its own parameter over the
 * bounds; a target outside what the bounds reach fails with a message naming both.
 *
 * @module
 */

/** One free parameter and the target it is fitted to. */
export interface FreeParameter {
  /** Parameter name (a dotted scenario path, or a name the caller's `evaluate` knows). */
  name: string;
  /** Lowest and highest value tried. */
  bounds: [number, number];
  /** Starting value (the current default). */
  start: number;
  /** Name of the output fitted to `target` (a key of what `evaluate` returns). */
  output: string;
  /** Target value of the output. */
  target: number;
  /** Absolute tolerance on the output: the pair is fitted once |output − target| ≤ this. */
  tolerance: number;
}

/** One evaluation made during a fit. */
export interface FitEvaluation {
  /** Parameter values evaluated. */
  values: Record<string, number>;
  /** Every output at those values. */
  outputs: Record<string, number>;
}

/** The result of {@linkcode fitParameters}. */
export interface FitResult {
  /** Fitted value of each parameter. */
  values: Record<string, number>;
  /** Outputs at the fitted values. */
  outputs: Record<string, number>;
  /** Whether every output is within its tolerance. */
  converged: boolean;
  /** Every evaluation, in order. */
  history: FitEvaluation[];
}

/** Options of {@linkcode fitParameters}. */
export interface FitOptions {
  /**
   * Gauss–Seidel rounds over all parameters at most.
   * @default {4}
   */
  maxRounds?: number;
  /**
   * Evaluations per one-parameter search at most.
   * @default {12}
   */
  maxEvaluationsPerSearch?: number;
}

/**
 * Fits each free parameter so that its output meets its target, the others held at their
 * current values, round after round until every output is within its tolerance.
 *
 * @param parameters The free parameters with their targets (names unique).
 * @param evaluate Outputs at given values (deterministic; called with every parameter).
 * @param options Rounds and evaluations per search.
 * @returns Fitted values, outputs there, convergence and the evaluation history.
 * @throws {RangeError} If bounds are not increasing, a start is outside its bounds, a name
 *   repeats, `evaluate` does not return an output, or a target lies outside what a
 *   parameter's bounds reach (the message names the parameter, the target and the reach).
 *
 * @example Recovering the slope of a line
 * ```ts
 * import assert from "node:assert/strict";
 * const fit = fitParameters(
 *   [{ name: "slope", bounds: [0, 10], start: 1, output: "y", target: 6, tolerance: 1e-9 }],
 *   (v) => ({ y: 2 * v.slope! }),
 * );
 * assert.ok(Math.abs(fit.values.slope! - 3) < 1e-6);
 * assert.ok(fit.converged);
 * ```
 */
export function fitParameters(
  parameters: readonly FreeParameter[],
  evaluate: (values: Record<string, number>) => Record<string, number>,
  options: FitOptions = {},
): FitResult {
  const names = new Set<string>();
  for (const p of parameters) {
    if (names.has(p.name)) {
      throw new RangeError(`Cannot fit parameters: "${p.name}" is listed twice`);
    }
    names.add(p.name);
    const [lo, hi] = p.bounds;
    if (!(lo < hi) || !(p.start >= lo && p.start <= hi)) {
      throw new RangeError(
        `Cannot fit parameters: ${p.name} needs bounds lo < hi and a start within them, found bounds [${lo}, ${hi}] and start ${p.start}`,
      );
    }
  }
  const history: FitEvaluation[] = [];
  const values: Record<string, number> = Object.fromEntries(
    parameters.map((p) => [p.name, p.start]),
  );
  const run = (v: Record<string, number>) => {
    const outputs = evaluate({ ...v });
    for (const p of parameters) {
      if (!Number.isFinite(outputs[p.output])) {
        throw new RangeError(
          `Cannot fit parameters: evaluate returned no finite "${p.output}" (the output of ${p.name})`,
        );
      }
    }
    history.push({ values: { ...v }, outputs });
    return outputs;
  };
  let outputs = run(values);
  const within = (o: Record<string, number>, p: FreeParameter) =>
    Math.abs(o[p.output]! - p.target) <= p.tolerance;
  const maxRounds = options.maxRounds ?? 4;
  const maxEvals = options.maxEvaluationsPerSearch ?? 12;
  for (let round = 0; round < maxRounds; round++) {
    if (parameters.every((p) => within(outputs, p))) break;
    for (const p of parameters) {
      if (within(outputs, p)) continue;
      const found = search(p, values, outputs, run, maxEvals);
      values[p.name] = found.value;
      outputs = found.outputs;
    }
  }
  return {
    values,
    outputs,
    converged: parameters.every((p) => within(outputs, p)),
    history,
  };
}

/** One-parameter bracketed search (Illinois regula falsi, bisection when it stalls). */
function search(
  p: FreeParameter,
  values: Record<string, number>,
  current: Record<string, number>,
  run: (v: Record<string, number>) => Record<string, number>,
  maxEvals: number,
): { value: number; outputs: Record<string, number> } {
  const at = (x: number) => run({ ...values, [p.name]: x });
  const f = (o: Record<string, number>) => o[p.output]! - p.target;
  const [lo, hi] = p.bounds;
  let a = lo;
  const oa = values[p.name] === lo ? current : at(lo);
  let b = hi;
  const ob = values[p.name] === hi ? current : at(hi);
  let fa = f(oa);
  let fb = f(ob);
  if (Math.abs(fa) <= p.tolerance) return { value: a, outputs: oa };
  if (Math.abs(fb) <= p.tolerance) return { value: b, outputs: ob };
  if (fa * fb > 0) {
    throw new RangeError(
      `Cannot fit ${p.name}: ${p.output} = ${p.target} is outside what its bounds reach (${
        oa[p.output]
      } at ${lo}, ${ob[p.output]} at ${hi}); widen the bounds or check the target`,
    );
  }
  // Bracket [a, b] (a < b) with f(a), f(b) of opposite signs; `kept` is the end retained at the
  // last step (the Illinois rule halves its value when the same end is kept twice running).
  let kept = 0;
  let best = Math.abs(fa) < Math.abs(fb) ? { value: a, outputs: oa } : { value: b, outputs: ob };
  for (let k = 0; k < maxEvals; k++) {
    let x = (a * fb - b * fa) / (fb - fa);
    // Bisect when the secant step lands too near an end (slow, one-sided convergence).
    if (!(x > a + 0.05 * (b - a) && x < b - 0.05 * (b - a))) x = (a + b) / 2;
    const ox = at(x);
    const fx = f(ox);
    if (Math.abs(fx) < Math.abs(f(best.outputs))) best = { value: x, outputs: ox };
    if (Math.abs(fx) <= p.tolerance) return { value: x, outputs: ox };
    if (fx * fa > 0) {
      a = x;
      fa = fx;
      if (kept === 1) fb /= 2;
      kept = 1;
    } else {
      b = x;
      fb = fx;
      if (kept === -1) fa /= 2;
      kept = -1;
    }
  }
  return best;
}
