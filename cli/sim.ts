// deno-lint-ignore-file no-console
/**
 * `deno task sim [SCENARIO] [options]`: run a scenario's replications and write tidy CSVs,
 * summary.json and report.html, printing a summary table. Run with `--help` for the options.
 *
 * @module
 */

import { fileURLToPath } from "node:url";
import { parseShard, shardIndices } from "../sim/mod.ts";
import { loadScenario, parseScenario } from "../scenarios/load.ts";
import { ScenarioError } from "../scenarios/scenario_error.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { type Limit, LIMITS } from "../scenarios/limits.ts";
import { recordEventLog } from "../models/record_event_log.ts";
import { eventLogCsv } from "../report/event_log.ts";
import { sweepCsv, sweepHtml, sweepSummaryJson, sweepTable } from "../report/sweep.ts";
import { runSweep, type SweepParameter } from "../studies/sweep.ts";
import { terminalSummary } from "../report/terminal_answer.ts";
import { escapeTerminal } from "../report/terminal_text.ts";
import { checkOutputDir, OutputError, writeOutputs } from "../report/write_outputs.ts";
import { type OptionSpec, parseArgs, parseInteger, UsageError } from "./_args.ts";
import { defaultOutDir } from "./_out_path.ts";
import { permissionMessage, printError } from "./_print_error.ts";
import { Progress } from "./_progress.ts";
import { checkpointedFiles, runCheckpointed } from "./_run_loop.ts";
import { shardFromEnvironment } from "./_shard_auto.ts";
import { Interrupted, withSignals } from "./_signals.ts";
import { checkpointDir } from "../report/checkpoint.ts";
import { checkXlsxPermissions, resultsXlsxOutput } from "../report/results_xlsx.ts";
import { compressedDailyWarning } from "./_daily_warning.ts";

/**
 * The help text of `deno task sim`.
 *
 * @example Every option is documented
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(SIM_HELP, /--shard K\/N/);
 * ```
 */
export const SIM_HELP = `Usage: deno task sim [SCENARIO] [options]

Runs a scenario file (default: caresim's scenarios/default.json): the baseline and every option
of care models, paired on the same random numbers, over many replications. Prints a summary
table and writes summary.csv, annual.csv, annual_by_segment.csv, daily.csv (daily.csv.gz when
longer than a spreadsheet opens), workforce.csv, results.xlsx, summary.json and report.html.
SCENARIO and --out are relative to the current directory (deno task runs in the caresim
folder; from anywhere else use deno run, see README).

Options:
  --replications N     Replications to run (default: the scenario's "replications").
                         deno task sim scenarios/default.json --replications 100
  --seed S             Master random seed, a whole number >= 0 (default: the scenario's "seed").
                       The same seed gives byte-identical outputs.
                         deno task sim --seed 7
  --out DIR            Output directory (default: out/<scenario name>/). Files are written to a
                       temporary directory first and moved into place at the end; an existing
                       DIR is replaced only if its .caresim-output.json marker lists every
                       file in it. deno task sim writes only under out/ (see README).
                         deno task sim scenarios/pilot-35k.json --out out/pilot
  --workers W          Web Workers running replications in parallel (default: CPU count).
                         deno task sim --workers 2
  --shard K/N          Run only shard K of N of the replications (for job arrays); combine
                       the shards' output directories with deno task merge.
                         deno task sim --replications 100 --shard 1/4 --out out/shard1
  --shard auto         Take K and N from the job array running this task: Slurm
                       (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT), a Kubernetes Indexed Job
                       (JOB_COMPLETION_INDEX, with --shard-count N) or a CI matrix
                       (CI_NODE_INDEX 1..N, CI_NODE_TOTAL). See examples/distributed/.
                         deno task sim --replications 100 --shard auto --out out/shard-$SLURM_ARRAY_TASK_ID
  --shard-count N      The number of shards, for --shard auto under Kubernetes.
                         deno task sim --shard auto --shard-count 8 --out out/shard-$JOB_COMPLETION_INDEX
  --resume             Continue an interrupted run (Ctrl-C, kill, a lost node): replications it
                       finished are kept (checkpointed beside DIR as .DIR.checkpoint/) and only
                       the rest run; the outputs are byte-identical to an uninterrupted run. Give
                       the same scenario and options. Without --resume a run starts afresh.
                         deno task sim --replications 1000 --resume
  --event-log [R]      Also write event_log.csv: a person-level log of replication R
                       (default 0) for process mining (case_id, activity, timestamp, ...).
                         deno task sim --event-log 3
  --sweep PATH=V1,V2   Sensitivity sweep instead of a single run: re-run with the parameter at
                       PATH (dotted, as in the scenario file) set to each value in turn. Repeat
                       for several parameters (varied one at a time, tornado chart). Writes
                       sweep.csv and sweep.html.
                         deno task sim --sweep acute.readmission30DayProbability=0.05,0.09
  --quiet              Print nothing but errors (no progress, no table).
                         deno task sim --quiet --out out/ci
  --help, -h           Show this help.
                         deno task sim --help

Related: deno task merge DIR... --out DIR (combine shards), deno task schema (print the
scenario JSON Schema), deno task compare (check a run against a stored fixture).
`;

const SPECS: OptionSpec[] = [
  { name: "replications", value: "required" },
  { name: "seed", value: "required" },
  { name: "out", value: "required" },
  { name: "workers", value: "required" },
  { name: "shard", value: "required" },
  { name: "shard-count", value: "required" },
  { name: "resume", value: "none" },
  { name: "event-log", value: "optional" },
  { name: "sweep", value: "required", repeat: true },
  { name: "quiet", value: "none" },
  { name: "help", value: "none" },
];

/**
 * The scenario run when none is given: caresim's own default scenario, wherever caresim is run
 * from.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(DEFAULT_SCENARIO.endsWith("scenarios/default.json"));
 * assert.ok((await Deno.stat(DEFAULT_SCENARIO)).isFile);
 * ```
 */
export const DEFAULT_SCENARIO: string = fileURLToPath(
  new URL("../scenarios/default.json", import.meta.url),
);

/** More workers than this only cost memory (each holds the model); replications cap them too. */
const WORKERS_LIMIT: Limit = {
  max: 256,
  reason: "each worker holds its own copy of the model; more than the CPU count only costs memory",
};

function parseSweep(text: string): SweepParameter {
  const eq = text.indexOf("=");
  if (eq <= 0 || eq === text.length - 1) {
    throw new UsageError(
      `Cannot parse --sweep: expected PATH=V1,V2,... (e.g. acute.readmission30DayProbability=0.05,0.09), received ${
        JSON.stringify(text)
      }`,
    );
  }
  const values = text.slice(eq + 1).split(",").map((v) => {
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  });
  return { path: text.slice(0, eq), values };
}

/** Settings of one `sim` invocation after parsing. */
interface SimSettings {
  scenarioPath: string;
  replications?: number;
  seed?: number;
  out?: string;
  workers?: number;
  shard?: { index: number; count: number };
  resume: boolean;
  eventLog?: number;
  sweeps: SweepParameter[];
  quiet: boolean;
}

function settingsFrom(argv: string[]): SimSettings | "help" {
  const { positional, options } = parseArgs(argv, SPECS);
  if (options.has("help")) return "help";
  if (positional.length > 1) {
    throw new UsageError(
      `Cannot parse the command line: expected at most one scenario file, received ${
        positional.join(" ")
      }`,
    );
  }
  if (options.has("sweep")) {
    const notForSweep: [string, string][] = [
      ["resume", "it continues a single run"],
      ["shard", "a sweep runs every replication of each of its runs in one process"],
      ["shard-count", "a sweep runs every replication of each of its runs in one process"],
      ["event-log", "a sweep writes no per-person log (run the scenario alone with --event-log)"],
    ];
    const given = notForSweep.find(([name]) => options.has(name));
    if (given) {
      throw new UsageError(
        `Cannot parse --${given[0]}: ${given[1]} and does not apply to --sweep; leave one out`,
      );
    }
  }
  const one = (name: string) => options.get(name)?.[0];
  const int = (name: string, min: number, limit?: Limit) => {
    const v = one(name);
    return v === undefined
      ? undefined
      : parseInteger(name, v, { min, max: limit?.max, reason: limit?.reason });
  };
  let shard;
  const shardCount = int("shard-count", 1);
  if (one("shard") === "auto") {
    shard = shardFromEnvironment(Deno.env.toObject(), { count: shardCount });
  } else if (shardCount !== undefined) {
    throw new UsageError(
      `Cannot parse --shard-count: it goes with --shard auto, received --shard ${
        one("shard") ?? "(none)"
      }`,
    );
  } else if (one("shard") !== undefined) {
    try {
      shard = parseShard(one("shard")!);
    } catch (error) {
      throw new UsageError(
        `Cannot parse --shard: ${(error as Error).message.replace(/^Cannot parse a shard: /, "")}`,
      );
    }
  }
  if (shard && shard.count > LIMITS.replications.max) {
    throw new UsageError(
      `Cannot parse --shard: expected at most ${LIMITS.replications.max} shards, received ${
        one("shard")
      } (a shard runs at least one of at most ${LIMITS.replications.max} replications)`,
    );
  }
  const eventLog = options.has("event-log")
    ? (one("event-log") === "" ? 0 : parseInteger("event-log", one("event-log")!, { min: 0 }))
    : undefined;
  return {
    scenarioPath: positional[0] ?? DEFAULT_SCENARIO,
    replications: int("replications", 1, LIMITS.replications),
    seed: int("seed", 0),
    out: one("out"),
    workers: int("workers", 1, WORKERS_LIMIT),
    shard,
    resume: options.has("resume"),
    eventLog,
    sweeps: (options.get("sweep") ?? []).map(parseSweep),
    quiet: options.has("quiet"),
  };
}

async function readScenarioInput(path: string): Promise<unknown> {
  // The sweep needs the scenario as written (to set a parameter and re-validate).
  try {
    return JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    throw new ScenarioError(`Cannot load scenario ${path}: ${(error as Error).message}`);
  }
}

async function runSimulation(settings: SimSettings, scenario: Scenario, progress: Progress) {
  const replications = settings.replications ?? scenario.replications;
  const seed = settings.seed ?? scenario.seed;
  if (settings.eventLog !== undefined && settings.eventLog >= replications) {
    throw new UsageError(
      `Cannot parse --event-log: the replication must be from 0 to ${
        replications - 1
      }, received ${settings.eventLog}`,
    );
  }
  const shardName = settings.shard
    ? `-shard-${settings.shard.index}-of-${settings.shard.count}`
    : "";
  const out = settings.out ?? defaultOutDir(scenario.name, shardName);
  await checkOutputDir(out);
  checkXlsxPermissions();
  const indices = settings.shard ? shardIndices(replications, settings.shard) : undefined;
  const count = indices?.length ?? replications;
  const workers = settings.workers ?? navigator.hardwareConcurrency ?? 1;
  progress.stage(escapeTerminal(
    `Running ${count} replication${count === 1 ? "" : "s"} of ${scenario.name}${
      settings.shard
        ? ` (shard ${settings.shard.index}/${settings.shard.count} of ${replications})`
        : ""
    } on ${Math.min(workers, Math.max(1, count))} worker${workers === 1 ? "" : "s"}, seed ${seed}`,
  ));
  let saved = 0;
  const run = await withSignals((signal) =>
    runCheckpointed(scenario, {
      replications,
      seed,
      workers,
      ...(settings.shard ? { shard: settings.shard } : {}),
      out,
      resume: settings.resume,
      signal,
      onOpen: (resumed, discarded) => {
        if (resumed > 0) {
          progress.stage(`Resuming: ${resumed} of ${count} replications already done`);
        } else if (settings.resume) {
          progress.stage("Nothing to resume: starting from the beginning");
        }
        if (discarded > 0) {
          progress.stage(
            `Discarded the checkpoint of an earlier, interrupted run (${discarded} replications); use --resume to continue one`,
          );
        }
      },
      onProgress: (done, total) => {
        saved = done;
        progress.update(done, total);
      },
    })
  ).catch((error) => {
    if (error instanceof Interrupted) {
      error.message += `: ${saved} of ${count} replications are saved in ${
        checkpointDir(out)
      }; rerun the same command with --resume to continue`;
    }
    throw error;
  });
  progress.stage("Summarising and writing outputs");
  let copied = 0;
  const files = checkpointedFiles(run, () => progress.update(++copied, 3 * count, "files"));
  if (settings.eventLog !== undefined) {
    const rows = recordEventLog(scenario, { seed, replication: settings.eventLog });
    files["event_log.csv"] = eventLogCsv(rows, scenario.startDate);
  }
  files["results.xlsx"] = resultsXlsxOutput(run.meta, Object.keys(files));
  const written = await writeOutputs(out, files);
  await run.checkpoint.remove();
  progress.done(escapeTerminal(`Wrote ${Object.keys(files).length} files to ${out}`));
  if ("daily.csv.gz" in files) progress.stage(await compressedDailyWarning(out, run.meta));
  return { written, table: terminalSummary(run.meta, run.summary) };
}

async function runSweepCommand(settings: SimSettings, scenario: Scenario, progress: Progress) {
  const out = settings.out ?? defaultOutDir(scenario.name, "-sweep");
  await checkOutputDir(out);
  const input = await readScenarioInput(settings.scenarioPath);
  const runs = 1 + settings.sweeps.reduce((a, s) => a + s.values.length, 0);
  progress.stage(`Sweeping ${settings.sweeps.map((s) => s.path).join(", ")}: ${runs} runs`);
  let result;
  try {
    result = await runSweep(input as never, settings.sweeps, {
      replications: settings.replications,
      seed: settings.seed,
      workers: settings.workers,
      onProgress: (done, total) => progress.update(done, total),
    });
  } catch (error) {
    if (error instanceof RangeError && error.message.startsWith("Cannot sweep")) {
      throw new UsageError(error.message);
    }
    throw error;
  }
  const files = {
    "sweep.csv": sweepCsv(result),
    "sweep.html": sweepHtml(result),
    "summary.json": sweepSummaryJson(result),
  };
  await writeOutputs(out, files);
  progress.done(escapeTerminal(`Wrote ${Object.keys(files).length} files to ${out}`));
  return { table: sweepTable(result) };
}

/**
 * Runs the `sim` command.
 *
 * @param argv Command-line arguments.
 * @returns The exit code: 0 on success, 1 for a scenario or output problem, 2 for a usage error.
 *
 * @example Help
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(SIM_HELP, /--replications N/);
 * ```
 */
export async function main(argv: string[]): Promise<number> {
  try {
    const settings = settingsFrom(argv);
    if (settings === "help") {
      console.log(SIM_HELP);
      return 0;
    }
    const progress = new Progress({ quiet: settings.quiet, tty: Deno.stderr.isTerminal() });
    progress.stage(escapeTerminal(`Loading ${settings.scenarioPath}`));
    const scenario = settings.sweeps.length > 0
      ? parseScenario(await readScenarioInput(settings.scenarioPath), {
        label: `scenario ${settings.scenarioPath}`,
      })
      : await loadScenario(settings.scenarioPath);
    const { table } = settings.sweeps.length > 0
      ? await runSweepCommand(settings, scenario, progress)
      : await runSimulation(settings, scenario, progress);
    if (!settings.quiet) console.log(`\n${escapeTerminal(table)}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      printError(error.message, 'Run "deno task sim --help" for the options.');
      return 2;
    }
    if (error instanceof Interrupted) {
      console.error(`\n${escapeTerminal(error.message)}`);
      return error.exitCode;
    }
    if (error instanceof ScenarioError || error instanceof OutputError) {
      printError(error.message);
      return 1;
    }
    const denied = permissionMessage(error);
    if (denied) {
      printError(denied);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
