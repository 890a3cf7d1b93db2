// deno-lint-ignore-file no-console
/**
 * `deno task compare OUT_DIR FIXTURE [options]`: compare a run's outputs (written by
 * `deno task sim --out OUT_DIR`) with a stored fixture, exactly or statistically, or refresh the
 * fixture with `--update`. Exit codes: 0 match (or fixture written), 1 mismatch, 2 bad input.
 *
 * @module
 */

import { parseArgs } from "node:util";
import {
  compareToFixture,
  COMPARISON_MODES,
  type ComparisonMode,
  type Correction,
  CORRECTIONS,
  DEFAULT_STATISTICAL_SETTINGS,
  type Fixture,
  FixtureError,
  formatReport,
  readFixture,
  readFixtureSource,
  recordFixture,
  resolveStatisticalSettings,
  type StatisticalSettings,
  writeFixture,
} from "../ci_fixtures/mod.ts";

/**
 * The `--help` text.
 *
 * @example It documents the exit codes
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(COMPARE_USAGE, /Exit codes: 0 match/);
 * ```
 */
export const COMPARE_USAGE = `Usage: deno task compare OUT_DIR FIXTURE [options]

Compare the outputs a run wrote to OUT_DIR (summary.csv, summary.json) with the fixture FIXTURE.

Options:
  --mode exact|statistical   exact: summary.csv must be byte-identical (same scenario, seed,
                             replications and caresim version). statistical: each metric x year
                             x variant is tested with Welch's t, corrected for multiple
                             comparisons, with a tolerance floor. Default: the fixture's mode
                             (statistical for a new fixture).
  --update                   Write FIXTURE from OUT_DIR (atomically) instead of comparing.
  --alpha A                  Family-wise false-alarm level (default ${DEFAULT_STATISTICAL_SETTINGS.alpha}).
  --correction C             holm, bonferroni or none (default ${DEFAULT_STATISTICAL_SETTINGS.correction}).
  --relative-tolerance R     Differences within R x |fixture mean| always pass (default ${DEFAULT_STATISTICAL_SETTINGS.relativeTolerance}).
  --absolute-tolerance X     Differences within X always pass (default ${DEFAULT_STATISTICAL_SETTINGS.absoluteTolerance}).
  --all                      List every row, not only those that did not pass.
  --help                     Show this help.

Exit codes: 0 match (or fixture written), 1 mismatch, 2 bad input.

Example:
  deno task sim scenarios/pilot-35k.json --replications 10 --seed 2 --out out/pilot
  deno task compare out/pilot tests/fixtures/pilot-35k.json --mode statistical`;

class UsageError extends Error {}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

function numberOption(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v)) {
    throw new UsageError(
      `Cannot compare: --${name} must be a number, received ${JSON.stringify(text)}`,
    );
  }
  return v;
}

interface Parsed {
  outDir: string;
  fixturePath: string;
  mode?: ComparisonMode;
  update: boolean;
  all: boolean;
  statistical: Partial<StatisticalSettings>;
  flags: string[];
}

function parse(args: string[]): Parsed | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        mode: { type: "string" },
        update: { type: "boolean" },
        alpha: { type: "string" },
        correction: { type: "string" },
        "relative-tolerance": { type: "string" },
        "absolute-tolerance": { type: "string" },
        all: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError(`Cannot compare: ${(e as Error).message.split("\n")[0]}`);
  }
  const v = parsed.values;
  if (v.help) return "help";
  if (parsed.positionals.length !== 2) {
    throw new UsageError(
      `Cannot compare: expected OUT_DIR and FIXTURE, received ${parsed.positionals.length} argument(s)${
        parsed.positionals.length
          ? ` (${parsed.positionals.map((p) => JSON.stringify(p)).join(" ")})`
          : ""
      }`,
    );
  }
  if (v.mode !== undefined && !COMPARISON_MODES.includes(v.mode as ComparisonMode)) {
    throw new UsageError(
      `Cannot compare: --mode must be exact or statistical, received ${JSON.stringify(v.mode)}`,
    );
  }
  if (v.correction !== undefined && !CORRECTIONS.includes(v.correction as Correction)) {
    throw new UsageError(
      `Cannot compare: --correction must be one of ${CORRECTIONS.join(", ")}, received ${
        JSON.stringify(v.correction)
      }`,
    );
  }
  const statistical: Partial<StatisticalSettings> = {
    alpha: numberOption("alpha", v.alpha),
    correction: v.correction as Correction | undefined,
    relativeTolerance: numberOption("relative-tolerance", v["relative-tolerance"]),
    absoluteTolerance: numberOption("absolute-tolerance", v["absolute-tolerance"]),
  };
  try {
    resolveStatisticalSettings(statistical);
  } catch (e) {
    throw new UsageError(
      (e as Error).message.replace("Cannot use statistical settings", "Cannot compare"),
    );
  }
  const flags: string[] = [];
  for (const name of ["alpha", "correction", "relative-tolerance", "absolute-tolerance"] as const) {
    if (v[name] !== undefined) flags.push(`--${name}`, v[name]);
  }
  return {
    outDir: parsed.positionals[0],
    fixturePath: parsed.positionals[1],
    mode: v.mode as ComparisonMode | undefined,
    update: v.update ?? false,
    all: v.all ?? false,
    statistical,
    flags,
  };
}

async function update(p: Parsed): Promise<number> {
  const outputs = await readFixtureSource(p.outDir);
  let existing: Fixture | null = null;
  try {
    existing = await readFixture(p.fixturePath);
  } catch (e) {
    if (!(e instanceof FixtureError)) throw e;
    if (!/file not found/.test(e.message)) {
      console.error(
        `caresim compare: replacing an unreadable fixture (${e.message.split("\n")[0]})`,
      );
    }
  }
  const fixture = await recordFixture(outputs, {
    mode: p.mode ?? existing?.mode ?? "statistical",
    statistical: {
      ...existing?.statistical,
      ...Object.fromEntries(Object.entries(p.statistical).filter(([, x]) => x !== undefined)),
    },
  });
  await writeFixture(p.fixturePath, fixture);
  console.log(
    `${
      existing ? "Updated" : "Wrote"
    } fixture ${p.fixturePath} from ${p.outDir}: ${fixture.rows.length} rows, ${fixture.mode} mode, summary.csv ${
      fixture.summaryCsv.sha256.slice(0, 12)
    }`,
  );
  return 0;
}

/**
 * Runs the compare command.
 *
 * @param args Command-line arguments (without the program).
 * @returns The exit code: 0 match or fixture written, 1 mismatch, 2 bad input.
 * @throws {Error} Only on an internal error (a bug), never on bad input.
 *
 * @example Bad input gives exit code 2
 * ```ts
 * import assert from "node:assert/strict";
 * const error = console.error;
 * console.error = () => {};
 * try {
 *   assert.equal(await compareMain(["only-one-argument"]), 2);
 * } finally {
 *   console.error = error;
 * }
 * ```
 */
export async function compareMain(args: string[]): Promise<number> {
  let p: Parsed | "help";
  try {
    p = parse(args);
    if (p === "help") {
      console.log(COMPARE_USAGE);
      return 0;
    }
    if (p.update) return await update(p);
    const outputs = await readFixtureSource(p.outDir);
    const fixture = await readFixture(p.fixturePath);
    const report = await compareToFixture(outputs, fixture, {
      mode: p.mode,
      statistical: p.statistical,
    });
    const acceptCommand = [
      "deno",
      "task",
      "compare",
      p.outDir,
      p.fixturePath,
      "--mode",
      report.mode,
      ...p.flags,
      "--update",
    ].map(shellQuote).join(" ");
    console.log(formatReport(report, { acceptCommand, all: p.all }));
    return report.matches ? 0 : 1;
  } catch (e) {
    if (e instanceof UsageError || e instanceof FixtureError || e instanceof RangeError) {
      console.error(e.message);
      if (e instanceof UsageError) console.error("Run `deno task compare --help` for usage.");
      return 2;
    }
    throw e;
  }
}

if (import.meta.main) Deno.exit(await compareMain(Deno.args));
