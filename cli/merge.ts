// deno-lint-ignore-file no-console
/**
 * `deno task merge DIR... --out DIR`: combine the output directories of shards
 * (`deno task sim --shard K/N`) into one, byte-identical to running all replications at once.
 *
 * @module
 */

import { join } from "node:path";
import { buildOutputs, parseSummaryJson } from "../report/outputs.ts";
import type { RunMeta } from "../report/run_meta.ts";
import { type RunTables, tablesFromCsv } from "../report/tables.ts";
import { terminalTable } from "../report/terminal_table.ts";
import { OutputError, writeOutputs } from "../report/write_outputs.ts";
import { type OptionSpec, parseArgs, UsageError } from "./_args.ts";

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
scenario, seed and replication count.

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

const FILES = ["annual.csv", "daily.csv", "workforce.csv"];

async function readShard(dir: string): Promise<{ meta: RunMeta; tables: RunTables }> {
  const read = async (name: string) => {
    try {
      return await Deno.readTextFile(join(dir, name));
    } catch (error) {
      throw new OutputError(
        `Cannot merge: cannot read ${join(dir, name)} (${(error as Error).message})`,
      );
    }
  };
  try {
    const meta = parseSummaryJson(await read("summary.json"));
    const files: Record<string, string> = {};
    for (const f of FILES) files[f] = await read(f);
    return { meta, tables: tablesFromCsv(files, meta.groups) };
  } catch (error) {
    if (error instanceof TypeError) throw new OutputError(`Cannot merge ${dir}: ${error.message}`);
    throw error;
  }
}

/**
 * Merges shards' tables and metadata (shards in any order; checked for consistency).
 *
 * @param shards Each shard's metadata and tables.
 * @returns The merged metadata and tables, rows in replication order.
 * @throws {OutputError} If the shards differ in scenario, seed or replications, or overlap.
 *
 * @example Two empty shards
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = (indices: number[]) => ({ caresimVersion: "0", scenarioName: "x", scenarioHash: "h", seed: 1, replications: 2, indices, options: [], groups: [], scenario: {} as never });
 * const empty = { groups: [], annual: [], daily: [], workforce: [] };
 * const m = mergeShards([{ meta: meta([1]), tables: empty }, { meta: meta([0]), tables: empty }]);
 * assert.deepEqual(m.meta.indices, [0, 1]);
 * ```
 */
export function mergeShards(
  shards: { meta: RunMeta; tables: RunTables }[],
): { meta: RunMeta; tables: RunTables } {
  const first = shards[0].meta;
  for (const { meta } of shards) {
    for (const key of ["scenarioHash", "seed", "replications", "caresimVersion"] as const) {
      if (meta[key] !== first[key]) {
        throw new OutputError(
          `Cannot merge: the shards differ in ${key}, received ${JSON.stringify(first[key])} and ${
            JSON.stringify(meta[key])
          }`,
        );
      }
    }
  }
  const sorted = [...shards].sort((a, b) => (a.meta.indices[0] ?? 0) - (b.meta.indices[0] ?? 0));
  const indices = sorted.flatMap((s) => s.meta.indices);
  for (let i = 1; i < indices.length; i++) {
    if (indices[i] <= indices[i - 1]) {
      throw new OutputError(
        `Cannot merge: replication ${
          indices[i]
        } appears in more than one shard (or out of order), received shards holding ${
          sorted.map((s) => `${s.meta.indices[0]}–${s.meta.indices.at(-1)}`).join(", ")
        }`,
      );
    }
  }
  const tables: RunTables = {
    groups: first.groups,
    annual: sorted.flatMap((s) => s.tables.annual),
    daily: sorted.flatMap((s) => s.tables.daily),
    workforce: sorted.flatMap((s) => s.tables.workforce),
  };
  return { meta: { ...first, indices }, tables };
}

/**
 * Runs the `merge` command.
 *
 * @param argv Command-line arguments.
 * @returns The exit code: 0, 1 for unreadable or inconsistent shards, 2 for a usage error.
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
    const shards = [];
    for (const dir of positional) shards.push(await readShard(dir));
    const { meta, tables } = mergeShards(shards);
    const { files, summary } = buildOutputs(meta, tables);
    await writeOutputs(out, files);
    if (!options.has("quiet")) {
      const missing = meta.replications - meta.indices.length;
      console.error(
        `Merged ${shards.length} shards (${meta.indices.length} of ${meta.replications} replications${
          missing > 0 ? `, ${missing} missing` : ""
        }) into ${out}`,
      );
      console.log(`\n${terminalTable(meta.groups, summary)}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\nRun "deno task merge --help" for the options.`);
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
