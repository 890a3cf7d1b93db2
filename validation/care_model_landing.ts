/**
 * Where each shipped care model's evidence preset lands, year by year, at area level on a
 * population: the change in emergency admissions and in acute bed days of the whole population
 * (option − baseline, same seed and replication: common random numbers), beside the published
 * interval of the evaluation that preset reproduces (docs/evidence.md, E1: Morciano et al. 2020,
 * difference-in-differences by programme year).
 *
 * The intervals are the published ones converted to a % of the area's emergency admission rate
 * (≈ 7.7 per 1,000 a month, Morciano 2021); the derivation is in docs/evidence.md
 * (#e5-landing-intervals-of-the-evidence-presets).
 *
 * @module
 */

import type { Scenario } from "../scenarios/schema.ts";
import { parseScenario } from "../scenarios/load.ts";
import { annualValue } from "../models/result.ts";
import { runScenario } from "../models/run_scenario.ts";
import { pairedDifference, summarize, type Summary } from "../sim/replicate/summary.ts";
import { cohortRates } from "../models/interventions/cohort_watch.ts";

/** A closed interval of % change (option − baseline) ÷ baseline × 100. */
export interface PctInterval {
  /** Lowest % change inside the interval. */
  low: number;
  /** Highest % change inside the interval. */
  high: number;
}

/** The published intervals one care model's evidence preset must land in. */
export interface LandingTarget {
  /** Care-model id (`mcp`, `pacs`, `ehch`, `uec`; `acc` needs two or more hospitals and has no controlled evaluation). */
  model: string;
  /** The evaluation the intervals come from. */
  source: string;
  /** Emergency admissions of the whole population, % change, for model years 1–5. */
  admissions: readonly PctInterval[];
  /** Acute bed days of the whole population, % change, for model years 1–5. */
  bedDays: readonly PctInterval[];
}

/** Area emergency admission rate the DiD effects are divided by (per 1,000 a month). */
export const AREA_RATE_PER_1000_MONTH = 7.7;

const pct = (perMonth: number) => Math.round(10000 * perMonth / AREA_RATE_PER_1000_MONTH) / 100;

/** Population-based sites (MCP + PACS), years 1–3 pooled: −0.004 (−0.032 to 0.024). */
const POP_POOLED: PctInterval = { low: pct(-0.032), high: pct(0.024) };
/** Population-based sites, year 3: −0.031 (−0.062 to −0.001). */
const POP_YEAR3: PctInterval = { low: pct(-0.062), high: pct(-0.001) };
/** Care-home sites, years 1–3 pooled: −0.042 (−0.082 to −0.002). */
const HOME_POOLED: PctInterval = { low: pct(-0.082), high: pct(-0.002) };
/** Care-home sites, year 3: −0.065 (−0.124 to −0.006). */
const HOME_YEAR3: PctInterval = { low: pct(-0.124), high: pct(-0.006) };
/**
 * Care-home sites, years 1 and 2: −0.018 and −0.035, not significant (no interval published):
 * the pooled interval's lower end up to no change.
 */
const HOME_EARLY: PctInterval = { low: HOME_POOLED.low, high: 0 };
/**
 * Bed days: "no significant reduction" in any year, published without an interval. Read as a
 * change within ±1% a year: the half-width of the paired 95% CI of a year's bed days at 20
 * replications on the default population (docs/evidence.md E5), so a preset whose mean lies
 * beyond it is a change the simulation itself resolves.
 */
const BED_DAYS_NULL: PctInterval = { low: -1, high: 1 };
/**
 * No evidence of fewer admissions (Northumberland): no reduction larger than the smallest a
 * vanguard DiD resolves (the population-based pooled interval's lower end); no upper bound.
 */
const NO_REDUCTION: PctInterval = { low: POP_POOLED.low, high: Infinity };

const five = (
  y1: PctInterval,
  y2: PctInterval,
  y3: PctInterval,
): PctInterval[] => [y1, y2, y3, y3, y3];

/**
 * The landing intervals of the shipped care models' evidence presets. Years 4–5 keep the year-3
 * interval: the programme was evaluated over its three funded years, and admissions kept rising
 * more slowly in vanguard areas after it (Wattal et al. 2024).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const pacs = LANDING_TARGETS.find((t) => t.model === "pacs")!;
 * assert.deepEqual(pacs.admissions[2], { low: -0.81, high: -0.01 });
 * ```
 */
export const LANDING_TARGETS: readonly LandingTarget[] = [
  {
    model: "mcp",
    source: "E1 Morciano 2020, population-based sites (MCP + PACS)",
    admissions: five(POP_POOLED, POP_POOLED, POP_YEAR3),
    bedDays: five(BED_DAYS_NULL, BED_DAYS_NULL, BED_DAYS_NULL),
  },
  {
    model: "pacs",
    source: "E1 Morciano 2020, population-based sites (MCP + PACS)",
    admissions: five(POP_POOLED, POP_POOLED, POP_YEAR3),
    bedDays: five(BED_DAYS_NULL, BED_DAYS_NULL, BED_DAYS_NULL),
  },
  {
    model: "ehch",
    source: "E1 Morciano 2020, care-home sites",
    admissions: five(HOME_EARLY, HOME_EARLY, HOME_YEAR3),
    bedDays: five(BED_DAYS_NULL, BED_DAYS_NULL, BED_DAYS_NULL),
  },
  {
    model: "uec",
    source:
      "E2 Northumberland UEC redesign: no evidence of fewer emergency admissions (no area-level DiD)",
    admissions: five(NO_REDUCTION, NO_REDUCTION, NO_REDUCTION),
    bedDays: five(BED_DAYS_NULL, BED_DAYS_NULL, BED_DAYS_NULL),
  },
];

/** A measured % change: mean over replications with its paired 95% CI. */
export type PairedChange = Pick<Summary, "n" | "mean" | "sd" | "ciLow" | "ciHigh">;

/** One model year of one preset: measured % changes with paired 95% CIs. */
export interface LandingYear {
  /** Model year, 1-based. */
  year: number;
  /** Emergency admissions, % change (option − baseline) ÷ baseline. */
  admissions: PairedChange;
  /** Acute bed days, % change. */
  bedDays: PairedChange;
  /**
   * Cohort level: the people the care model reaches (its main cohort × ramp-up) against the
   * same definition in the paired baseline, rate ratios (option ÷ baseline) of ED attendances
   * and emergency admissions per person-year, mean over replications with its 95% CI.
   */
  cohort: { ed: PairedChange; admissions: PairedChange };
}

/**
 * A scenario with the same population and settings whose options are one care model each
 * (option ids `preset-<model>`), the input's own care models and options dropped.
 *
 * @param input Scenario JSON.
 * @param models Care-model ids.
 * @returns The parsed scenario.
 * @throws {ScenarioError} If the input or a model is invalid (e.g. `acc` with one hospital).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const s = landingScenario({ version: 1, population: { size: 1000 } }, ["mcp"]);
 * assert.equal(s.options[0]!.id, "preset-mcp");
 * ```
 */
export function landingScenario(
  input: Record<string, unknown>,
  models: readonly string[],
): Scenario {
  const { careModels: _drop, options: _also, ...rest } = input;
  return parseScenario({
    ...rest,
    options: models.map((model) => ({
      id: `preset-${model}`,
      label: model,
      careModels: [{ model }],
    })),
  });
}

/**
 * Runs every model's evidence preset as its own option against one paired baseline and gives
 * each model's year-by-year % changes.
 *
 * @param input The scenario JSON (its care models and options are replaced).
 * @param models Care-model ids.
 * @param options Replications, seed and workers.
 * @returns For each model, its years.
 */
export async function measureLanding(
  input: Record<string, unknown>,
  models: readonly string[],
  options: { replications: number; seed: number; workers?: number },
): Promise<Map<string, LandingYear[]>> {
  const scenario = landingScenario(input, models);
  const run = await runScenario(scenario, {
    replications: options.replications,
    seed: options.seed,
    workers: options.workers ?? 2,
  });
  const out = new Map<string, LandingYear[]>();
  models.forEach((model, k) => {
    const years: LandingYear[] = [];
    for (let year = 1; year <= scenario.years; year++) {
      const change = (metric: "emergency_admissions" | "bed_days") => {
        const base = run.results.map((r) => annualValue(r.baseline, metric, { year }));
        const opt = run.results.map((r) =>
          annualValue(r.options[k]!.result, metric, { year }) * 100
        );
        // % change per replication, paired: (option − baseline) ÷ baseline.
        return pairedDifference(
          opt.map((o, i) => o / base[i]!),
          base.map(() => 100),
        );
      };
      const ratios = run.results.map((r) =>
        cohortRates(
          r.options[k]!.result.cohortEvents ?? [],
          r.baseline.cohortEvents ?? [],
          `preset-${model}`,
          year,
        )
      );
      const ratio = (pick: (x: NonNullable<(typeof ratios)[number]>) => number) =>
        summarize(ratios.map((x) => (x ? pick(x) : NaN)).filter((x) => Number.isFinite(x)));
      years.push({
        year,
        admissions: change("emergency_admissions"),
        bedDays: change("bed_days"),
        cohort: { ed: ratio((x) => x.ed.ratio), admissions: ratio((x) => x.admissions.ratio) },
      });
    }
    out.set(model, years);
  });
  return out;
}

/** One model year of one preset beside its interval. */
export interface LandingVerdict {
  /** Care-model id. */
  model: string;
  /** Model year, 1-based. */
  year: number;
  /** "emergency admissions" or "bed days". */
  figure: "emergency admissions" | "bed days";
  /** Measured % change with its paired 95% CI. */
  measured: PairedChange;
  /** The published interval. */
  interval: PctInterval;
  /** Whether the mean lies inside the interval. */
  lands: boolean;
}

/**
 * Sets each measured year beside its interval: a preset lands when the mean % change over the
 * replications lies inside the published interval (ends included).
 *
 * @param measured Output of {@linkcode measureLanding}.
 * @param targets The intervals (default {@linkcode LANDING_TARGETS}).
 * @returns One verdict per model, year and figure.
 * @throws {RangeError} If a measured model has no target.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const s = (mean: number) => ({ n: 20, mean, sd: 0, ciLow: mean, ciHigh: mean });
 * const cohort = { ed: s(1), admissions: s(1) };
 * const years = [1, 2, 3, 4, 5].map((year) => ({ year, admissions: s(-0.5), bedDays: s(0), cohort }));
 * const v = landingVerdicts(new Map([["pacs", years]]));
 * assert.equal(v.find((x) => x.year === 1 && x.figure === "emergency admissions")!.lands, false);
 * assert.equal(v.find((x) => x.year === 3 && x.figure === "emergency admissions")!.lands, true);
 * ```
 */
export function landingVerdicts(
  measured: ReadonlyMap<string, readonly LandingYear[]>,
  targets: readonly LandingTarget[] = LANDING_TARGETS,
): LandingVerdict[] {
  const out: LandingVerdict[] = [];
  for (const [model, years] of measured) {
    const target = targets.find((t) => t.model === model);
    if (!target) {
      throw new RangeError(
        `Cannot check care model "${model}": no landing interval (expected one of ${
          targets.map((t) => t.model).join(", ")
        })`,
      );
    }
    for (const y of years) {
      for (
        const [figure, measuredYear, interval] of [
          ["emergency admissions", y.admissions, target.admissions[y.year - 1]],
          ["bed days", y.bedDays, target.bedDays[y.year - 1]],
        ] as const
      ) {
        if (!interval) continue;
        out.push({
          model,
          year: y.year,
          figure,
          measured: measuredYear,
          interval,
          lands: measuredYear.mean >= interval.low && measuredYear.mean <= interval.high,
        });
      }
    }
  }
  return out;
}

const signed = (
  x: number,
) => (x === Infinity ? "∞" : `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(x).toFixed(2)}`);

/**
 * The verdicts as a markdown section for docs/validation.md.
 *
 * @param verdicts From {@linkcode landingVerdicts}.
 * @param context Replications, seed and the command that measured them.
 * @returns Markdown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const s = { n: 20, mean: -0.4, sd: 0.1, ciLow: -0.5, ciHigh: -0.3 };
 * const md = renderLanding([{ model: "pacs", year: 3, figure: "emergency admissions", measured: s, interval: { low: -0.81, high: -0.01 }, lands: true }], { replications: 20, seed: 1, command: "x" });
 * assert.match(md, /\| pacs \| 3 \| emergency admissions \| −0\.40 \(−0\.50 to −0\.30\) \| −0\.81 to −0\.01 \| lands \|/);
 * ```
 */
export function renderLanding(
  verdicts: readonly LandingVerdict[],
  context: { replications: number; seed: number; command: string },
): string {
  const missed = verdicts.filter((v) => !v.lands).length;
  const lines = [
    "## Care-model evidence presets, year by year",
    "",
    `Each shipped care model's evidence preset alone against the paired baseline (${context.replications} ` +
    `replications, seed ${context.seed}, \`${context.command}\`): % change of the whole population's ` +
    "emergency admissions and acute bed days, mean with its paired 95% CI, beside the published " +
    "interval ([docs/evidence.md E5](evidence.md#e5-landing-intervals-of-the-evidence-presets)). A " +
    "year **lands** when its mean lies inside the interval. ACC needs two or more hospitals and " +
    "has no controlled evaluation, so it is not run on this one-hospital population.",
    "",
    `${verdicts.length - missed} of ${verdicts.length} land.`,
    "",
    "| care model | year | figure | % change (95% CI) | published interval | verdict |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const v of verdicts) {
    const m = v.measured;
    lines.push(
      `| ${v.model} | ${v.year} | ${v.figure} | ${signed(m.mean)} (${signed(m.ciLow)} to ${
        signed(m.ciHigh)
      }) | ${
        v.interval.high === Infinity
          ? `≥ ${signed(v.interval.low)}`
          : `${signed(v.interval.low)} to ${signed(v.interval.high)}`
      } | ${v.lands ? "lands" : "**misses**"} |`,
    );
  }
  return lines.join("\n") + "\n";
}

/** A published cohort-level interval: a rate ratio of the people a care model reaches. */
export interface CohortTarget {
  /** Care-model id. */
  model: string;
  /** Which rate. */
  figure: "ED attendances" | "emergency admissions";
  /** The interval of the rate ratio (option ÷ matched controls), ends included. */
  interval: PctInterval;
  /** The evaluation it comes from. */
  source: string;
}

/**
 * The cohort-level intervals (docs/evidence.md E5): site-level matched-control evaluations
 * (E2) compare the people a service reached with similar people without it, so they are checked
 * against the people the preset reaches (its main cohort × ramp-up) and the same definition in
 * the paired baseline.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(COHORT_TARGETS[0]!.interval, { low: 1.16, high: 1.54 });
 * ```
 */
export const COHORT_TARGETS: readonly CohortTarget[] = [
  {
    model: "pacs",
    figure: "ED attendances",
    interval: { low: 1.16, high: 1.54 },
    source:
      "E2 NEHF PACS integrated care teams: A&E +33% (95% CI +16% to +54%) vs matched controls (774 patients the teams saw)",
  },
  {
    model: "pacs",
    figure: "emergency admissions",
    interval: { low: 1, high: Infinity },
    source:
      "E2 NEHF: the teams' patients were admitted as an emergency more often than matched controls (no magnitude read) → above 1",
  },
  {
    model: "ehch",
    figure: "emergency admissions",
    interval: { low: 0.77, high: 1 },
    source:
      "E2 IAU care-home evaluations, residents vs matched controls: Rushcliffe −23% (the largest overall effect), Nottingham City −18%, Wakefield overall and Sutton no significant change → 0.77 to 1.00",
  },
];

/** One model year of one cohort-level check: a rate ratio (`measured`) beside its interval. */
export interface CohortVerdict extends Omit<LandingVerdict, "figure"> {
  /** Which rate. */
  figure: CohortTarget["figure"];
  /** The evaluation. */
  source: string;
}

/**
 * Sets each measured year's cohort rate ratios beside the cohort-level intervals: a year lands
 * when the mean ratio over the replications lies inside (ends included). Models without a
 * cohort-level evaluation give no verdict.
 *
 * @param measured Output of {@linkcode measureLanding}.
 * @param targets The intervals (default {@linkcode COHORT_TARGETS}).
 * @returns One verdict per target and year.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const s = (mean: number) => ({ n: 20, mean, sd: 0, ciLow: mean, ciHigh: mean });
 * const y = { year: 1, admissions: s(0), bedDays: s(0), cohort: { ed: s(1.3), admissions: s(1.05) } };
 * const v = cohortVerdicts(new Map([["pacs", [y]]]));
 * assert.deepEqual(v.map((x) => x.lands), [true, true]);
 * ```
 */
export function cohortVerdicts(
  measured: ReadonlyMap<string, readonly LandingYear[]>,
  targets: readonly CohortTarget[] = COHORT_TARGETS,
): CohortVerdict[] {
  const out: CohortVerdict[] = [];
  for (const t of targets) {
    for (const y of measured.get(t.model) ?? []) {
      const m = t.figure === "ED attendances" ? y.cohort.ed : y.cohort.admissions;
      out.push({
        model: t.model,
        year: y.year,
        figure: t.figure,
        measured: m,
        interval: t.interval,
        source: t.source,
        lands: m.mean >= t.interval.low && m.mean <= t.interval.high,
      });
    }
  }
  return out;
}

const ratioText = (x: number) => (x === Infinity ? "∞" : x.toFixed(3));

/**
 * The cohort-level verdicts, and every measured model's cohort rate ratios, as markdown.
 *
 * @param verdicts From {@linkcode cohortVerdicts}.
 * @param measured Output of {@linkcode measureLanding}.
 * @param context Replications, seed and the command that measured them.
 * @returns Markdown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const s = { n: 20, mean: 1.3, sd: 0.1, ciLow: 1.25, ciHigh: 1.35 };
 * const md = renderCohortLanding([{ model: "pacs", year: 3, figure: "ED attendances", measured: s, interval: { low: 1.16, high: 1.54 }, source: "NEHF", lands: true }], new Map(), { replications: 20, seed: 1, command: "x" });
 * assert.match(md, /\| pacs \| 3 \| ED attendances \| 1\.300 \(1\.250 to 1\.350\) \| 1\.160 to 1\.540 \| NEHF \| lands \|/);
 * ```
 */
export function renderCohortLanding(
  verdicts: readonly CohortVerdict[],
  measured: ReadonlyMap<string, readonly LandingYear[]>,
  context: { replications: number; seed: number; command: string },
): string {
  const missed = verdicts.filter((v) => !v.lands).length;
  const ci = (m: PairedChange) =>
    `${ratioText(m.mean)} (${ratioText(m.ciLow)} to ${ratioText(m.ciHigh)})`;
  const lines = [
    "## Care-model evidence presets at cohort level",
    "",
    `The people each preset reaches (its main cohort × ramp-up, re-ranked daily) against the same ` +
    `definition applied to the paired baseline (${context.replications} replications, seed ` +
    `${context.seed}, \`${context.command}\`): rate ratio of ED attendances or emergency ` +
    "admissions per person-year, mean with its 95% CI, beside the matched-control evaluation " +
    "([docs/evidence.md E5](evidence.md#e5-landing-intervals-of-the-evidence-presets)). A year " +
    "**lands** when its mean lies inside the interval.",
    "",
    `${verdicts.length - missed} of ${verdicts.length} land.`,
    "",
    "| care model | year | figure | rate ratio (95% CI) | published interval | evaluation | verdict |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const v of verdicts) {
    lines.push(
      `| ${v.model} | ${v.year} | ${v.figure} | ${ci(v.measured)} | ${
        v.interval.high === Infinity
          ? `≥ ${ratioText(v.interval.low)}`
          : `${ratioText(v.interval.low)} to ${ratioText(v.interval.high)}`
      } | ${v.source} | ${v.lands ? "lands" : "**misses**"} |`,
    );
  }
  if (measured.size > 0) {
    lines.push(
      "",
      "Every preset's cohort rate ratios (no verdict where no cohort-level evaluation exists):",
      "",
      "| care model | year | ED attendances ratio (95% CI) | emergency admissions ratio (95% CI) |",
      "| --- | --- | --- | --- |",
    );
    for (const [model, years] of measured) {
      for (const y of years) {
        lines.push(`| ${model} | ${y.year} | ${ci(y.cohort.ed)} | ${ci(y.cohort.admissions)} |`);
      }
    }
  }
  return lines.join("\n") + "\n";
}

/** Care models the shipped presets are checked on (the default, one-hospital population). */
export const LANDING_MODELS = ["mcp", "pacs", "ehch", "uec"] as const;
/** Replications per model in the shipped check. */
export const LANDING_REPLICATIONS = 20;

/** The shipped check of the presets: verdicts at area and cohort level, and their Markdown. */
export interface PresetLanding {
  /** Area-level verdicts. */
  area: LandingVerdict[];
  /** Cohort-level verdicts. */
  cohort: CohortVerdict[];
  /** Both tables, as docs/validation.md and `deno task validate:presets` show them. */
  text: string;
}

/**
 * Runs {@linkcode LANDING_MODELS}' evidence presets on a scenario (its paired baseline,
 * {@linkcode LANDING_REPLICATIONS} replications) and sets every year beside its area-level and
 * cohort-level interval.
 *
 * @param input The scenario as written (scenarios/default.json).
 * @param seed Master seed.
 * @returns The verdicts and their tables.
 */
export async function checkPresetLanding(
  input: Record<string, unknown>,
  seed: number,
): Promise<PresetLanding> {
  const measured = await measureLanding(input, LANDING_MODELS, {
    replications: LANDING_REPLICATIONS,
    seed,
  });
  const area = landingVerdicts(measured);
  const cohort = cohortVerdicts(measured);
  const context = {
    replications: LANDING_REPLICATIONS,
    seed,
    command: "deno task validate:presets",
  };
  const text = `${renderLanding(area, context)}\n${renderCohortLanding(cohort, measured, context)}`;
  return { area, cohort, text };
}
