// deno-lint-ignore-file no-console
/**
 * `deno task merge DIR... --out DIR`: combine the output directories of shards
 * (`deno task sim --shard K/N`) into one, byte-identical to running all replications at once.
 *
 * @module
 */

import { summaryFiles } from "../report/outputs.ts";
import { TABLE_FILES } from "../report/tables.ts";
import { terminalSummary } from "../report/terminal_answer.ts";
import { type OutputContent, OutputError, writeOutputs } from "../report/write_outputs.ts";
import { dailyFileName, dailyRowCount, gzip } from "../report/daily_file.ts";
import { checkXlsxPermissions, resultsXlsxOutput } from "../report/results_xlsx.ts";
import { compressedDailyWarning } from "./_daily_warning.ts";
import { type OptionSpec, parseArgs, UsageError } from "./_args.ts";
import {
  concatenated,
  IncompleteShards,
  orderShards,
  readShard,
  summarizeShards,
} from "./_merge_shards.ts";

/**
 * The help text of `deno task merge`.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(MERGE_HELP, /--out DIR/);
 * ```
 */
export const MERGE_HELP = `Usage: deno task merge DIR... --out DIR [--quiet]

Combines shard output directories (from deno task sim --shard K/N) into one: the per-replication
CSVs are concatenated in replication order and summary.csv, summary.json and report.html are
rebuilt — byte-identical to a single run of all replications. The shards must come from the same
scenario, seed and replication count, and together hold every replication: if a shard is missing
the merge fails (exit 2) naming it. Files are streamed, so any number of replications merges in
bounded memory.

Options:
  --out DIR    Output directory (required).
                 deno task merge out/shard1 out/shard2 --out out/merged
  --quiet      Print nothing but errors.
  --help, -h   Show this help.
`;

const SPECS: OptionSpec[] = [
  { name: "out", value: "required" },
  { name: "quiet", value: "none" },
  { name: "help", value: "none" },
];

/**
 * Runs the `merge` command.
 *
 * @param argv Command-line arguments.
 * @returns The exit code: 0, 1 for unreadable or inconsistent shards, 2 for a usage error or
 *   missing shards.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(await main(["--help"]), 0);
 * ```
 */
export async function main(argv: string[]): Promise<number> {
  try {
    const { positional, options } = parseArgs(argv, SPECS);
    if (options.has("help")) {
      console.log(MERGE_HELP);
      return 0;
    }
    const out = options.get("out")?.[0];
    if (!out) throw new UsageError("Cannot merge: --out DIR is required, received none");
    if (positional.length === 0) {
      throw new UsageError("Cannot merge: give at least one shard directory, received none");
    }
    checkXlsxPermissions();
    const given = [];
    for (const dir of positional) given.push(await readShard(dir));
    const { shards, meta } = orderShards(given);
    const summary = await summarizeShards(shards, meta);
    const files: Record<string, OutputContent> = summaryFiles(meta, summary);
    for (const file of TABLE_FILES) {
      const name = file === "daily.csv" ? dailyFileName(dailyRowCount(meta)) : file;
      files[name] = name.endsWith(".gz")
        ? gzip(concatenated(shards, file))
        : concatenated(shards, file);
    }
    files["results.xlsx"] = resultsXlsxOutput(meta, Object.keys(files));
    await writeOutputs(out, files);
    if (!options.has("quiet")) {
      console.error(
        `Merged ${shards.length} shards (${meta.indices.length} of ${meta.replications} replications) into ${out}`,
      );
      if ("daily.csv.gz" in files) console.error(await compressedDailyWarning(out, meta));
      console.log(`\n${terminalSummary(meta, summary)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\nRun "deno task merge --help" for the options.`);
      return 2;
    }
    if (error instanceof IncompleteShards) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    if (error instanceof OutputError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
