/**
 * Writes a daily series longer than a spreadsheet opens through the run's output path
 * (checkpoint → `checkpointedFiles` → `writeOutputs`, gzip streaming), then reads daily.csv.gz
 * back line by line. Private to tests/: run by tests/daily_gz_output_test.ts in a subprocess with
 * a capped heap, so holding the file whole anywhere (about 60 MB of text) fails the test.
 *
 * @module
 */

import { checkpointedFiles } from "../cli/_run_loop.ts";
import { Checkpoint } from "../report/checkpoint.ts";
import { dailyRowCount, gunzip } from "../report/daily_file.ts";
import type { RunMeta } from "../report/run_meta.ts";
import { addDays, TABLE_HEADERS } from "../report/tables.ts";
import { writeOutputs } from "../report/write_outputs.ts";
import { parseScenario } from "../scenarios/load.ts";

// 96 replications of 30 years, baseline only: 96 × 30 × 365 = 1,051,200 daily rows, more than
// a spreadsheet opens (1,048,575 below the header), so the run writes daily.csv.gz.
export const YEARS = 30;
export const REPLICATIONS = 96;
export const DAYS = YEARS * 365;
export const COLUMNS = TABLE_HEADERS["daily.csv"].trimEnd().split(",");

/** A value of the synthetic series: a function of the replication, day and column. */
export function value(replication: number, day: number, column: number): number {
  return (replication * 7919 + day * 31 + column * 17) % 1000;
}

const DATES = Array.from({ length: DAYS }, (_, day) => addDays("2025-04-01", day));

function dailyRows(replication: number): string {
  const lines: string[] = [];
  for (let day = 0; day < DAYS; day++) {
    const values = COLUMNS.slice(5).map((_, c) => value(replication, day, c));
    lines.push(
      `big,baseline,${replication},${day},${DATES[day]},${values.join(",")}`,
    );
  }
  return lines.join("\n") + "\n";
}

/** Lines of a byte stream, one at a time (the file is never held whole). */
async function* lines(bytes: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of bytes.pipeThrough(new TextDecoderStream())) {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop()!;
    yield* parts;
  }
  if (rest !== "") yield rest;
}

/** What the round trip found. */
export interface RoundTrip {
  /** Rows the run's shape says daily.csv.gz holds. */
  expectedRows: number;
  /** Rows read back below the header. */
  rows: number;
  /** The header line read back. */
  header: string;
  /** Whether the outputs held daily.csv.gz as a stream (and no daily.csv). */
  streamed: boolean;
  /** Rows checked value by value: [row, replication, day, date, first value, last value]. */
  samples: string[][];
  /** Size of daily.csv.gz, bytes. */
  bytes: number;
}

/**
 * Writes the series into `root`/out and reads it back.
 *
 * @param root An empty directory.
 * @returns What was read.
 */
export async function roundTrip(root: string): Promise<RoundTrip> {
  const scenario = parseScenario({
    version: 1,
    name: "big",
    years: YEARS,
    population: { size: 1000 },
  });
  const indices = Array.from({ length: REPLICATIONS }, (_, i) => i);
  const meta: RunMeta = {
    caresimVersion: "0",
    scenarioName: "big",
    scenarioHash: "h",
    seed: 1,
    replications: REPLICATIONS,
    indices,
    options: [],
    groups: [{ scenario: "big", variant: "baseline", label: "Baseline" }],
    scenario,
  };
  const out = `${root}/out`;
  const manifest = {
    caresim: "0",
    scenarioHash: "h",
    seed: 1,
    replications: REPLICATIONS,
    indices,
  };
  const { checkpoint } = await Checkpoint.open(out, manifest, { resume: false });
  for (const replication of indices) {
    await checkpoint.save({
      replication,
      groups: [],
      csv: {
        "annual.csv": "",
        "annual_by_segment.csv": "",
        "daily.csv": dailyRows(replication),
        "workforce.csv": "",
      },
    });
  }
  const files = checkpointedFiles({
    meta,
    summary: { rows: [], fans: [[]], staffGroups: [] },
    checkpoint,
  });
  const streamed = files["daily.csv.gz"] instanceof ReadableStream && !("daily.csv" in files);
  await writeOutputs(out, files);
  await checkpoint.remove();

  const expectedRows = dailyRowCount(meta);
  let rows = -1;
  let header = "";
  const samples: string[][] = [];
  const file = await Deno.open(`${out}/daily.csv.gz`);
  for await (const line of lines(gunzip(file.readable))) {
    if (rows === -1) header = line;
    else if (rows % 104_729 === 0 || rows === expectedRows - 1) {
      const cells = line.split(",");
      samples.push([String(rows), cells[2], cells[3], cells[4], cells[5], cells.at(-1)!]);
    }
    rows++;
  }
  const bytes = (await Deno.stat(`${out}/daily.csv.gz`)).size;
  return { expectedRows, rows, header, streamed, samples, bytes };
}
