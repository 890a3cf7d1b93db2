/**
 * results.xlsx: the run's CSV tables as one Excel workbook, one sheet per table, written with
 * ExcelJS's streaming writer (so memory stays small whatever the table sizes). Cells copy the CSV
 * files exactly: numbers as numbers (at the CSV's precision, with the same units in the columns),
 * empty cells empty, text as text. A table longer than a worksheet holds (Excel's 1,048,576 rows)
 * is left out, and the `notes` sheet says so. The same tables always give the same bytes (the
 * workbook's and the archive's dates are fixed).
 *
 * ExcelJS is loaded only when a workbook is written, and only its streaming writer, whose
 * dependencies read three environment variables as they load ({@linkcode XLSX_ENV}): the
 * `deno task sim` and `merge` tasks allow exactly those.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { Writable } from "node:stream";
import type { StreamWorksheet } from "./_exceljs_writer.d.ts";
import type WorkbookWriter from "./_exceljs_writer.d.ts";
import type { RunMeta } from "./run_meta.ts";
import { type DerivedOutput, OutputError } from "./write_outputs.ts";
import { fixZipDates } from "./_zip_dates.ts";
import { csvRowBatches } from "./xlsx_csv_rows.ts";
import { RenderPool } from "./xlsx_render_pool.ts";

/**
 * Rows in an Excel worksheet, the header included (Excel 2007 and later).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(EXCEL_MAX_ROWS, 2 ** 20);
 * ```
 */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * The environment variables ExcelJS's streaming writer reads as it loads (graceful-fs,
 * readable-stream): run with `--allow-env=` these.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(XLSX_ENV.includes("READABLE_STREAM"));
 * ```
 */
export const XLSX_ENV: readonly string[] = [
  "GRACEFUL_FS_PLATFORM",
  "TEST_GRACEFUL_FS_GLOBAL_PATCH",
  "READABLE_STREAM",
];

function envMessage(detail: string): string {
  return `Cannot write results.xlsx: the Excel writer reads the environment variables ${
    XLSX_ENV.join(", ")
  } as it loads; run with --allow-env=${XLSX_ENV.join(",")} (${detail})`;
}

/**
 * Checks, before any work is done, that results.xlsx could be written: the process may read the
 * environment variables the Excel writer reads as it loads ({@linkcode XLSX_ENV}).
 *
 * @throws {OutputError} Naming the flag to add, if it may not.
 *
 * @example Basic use (tests run with every permission)
 * ```ts
 * checkXlsxPermissions();
 * ```
 */
export function checkXlsxPermissions(): void {
  const denied = XLSX_ENV.filter((variable) =>
    Deno.permissions.querySync({ name: "env", variable }).state !== "granted"
  );
  if (denied.length > 0) {
    throw new OutputError(envMessage(`not allowed: ${denied.join(", ")}`));
  }
}

async function workbookWriter(): Promise<typeof WorkbookWriter> {
  try {
    // @ts-types="./_exceljs_writer.d.ts"
    const module = await import("npm:exceljs@4.4.0/lib/stream/xlsx/workbook-writer.js");
    return module.default;
  } catch (error) {
    if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
      throw new Deno.errors.NotCapable(envMessage((error as Error).message));
    }
    throw error;
  }
}

/** The workbook's creation date, fixed so that the same tables give the same bytes. */
const WORKBOOK_DATE = new Date(Date.UTC(2000, 0, 1));

/** One CSV table to copy into the workbook. */
export interface WorkbookTable {
  /** Sheet name (at most 31 characters, no `[]:*?/\`). */
  sheet: string;
  /** The CSV file it copies, named in the notes. */
  file: string;
  /** Opens the CSV's bytes (called twice: once to count the rows, once to copy them). */
  open: () => Promise<ReadableStream<Uint8Array>> | ReadableStream<Uint8Array>;
}

/** What a first pass over a CSV finds: its line ends, and whether it is plain. */
interface TableScan {
  /** Line ends: the rows, header included (an upper bound when a quoted cell holds one). */
  lines: number;
  /** No quote, no carriage return and no empty line: every line is one row split at commas. */
  plain: boolean;
}

async function scanTable(bytes: ReadableStream<Uint8Array>): Promise<TableScan> {
  let lines = 0;
  let plain = true;
  let last = 10; // an empty line at the start is one too
  for await (const chunk of bytes) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
      lines++;
      if ((i > 0 ? chunk[i - 1] : last) === 10) plain = false;
    }
    if (plain && (chunk.indexOf(34) >= 0 || chunk.indexOf(13) >= 0)) plain = false;
    if (chunk.length > 0) last = chunk[chunk.length - 1];
  }
  return { lines, plain };
}

/** Helper threads at most (the run's replications have finished: every core is free). */
const MAX_THREADS = 4;
/** Tables with at least this many lines are rendered on helper threads. */
const THREADED_FROM_LINES = 4096;
/** Bytes of a table sent to a helper thread at a time (whole lines, about 1,500 rows). */
const PIECE_BYTES = 128 * 1024;

/** report/xlsx_row_xml.ts, which loads ExcelJS's row renderer. */
type RowRenderer = typeof import("./xlsx_row_xml.ts");

/** The same bytes as a Node Buffer, which ExcelJS's sheet stream takes as they are. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

/** Copies a CSV table's rows into a sheet on this thread; returns the rows after the header. */
async function copyHere(
  sheet: StreamWorksheet,
  bytes: ReadableStream<Uint8Array>,
  { cellValue, rowXml }: RowRenderer,
) {
  let row = 0;
  for await (const batch of csvRowBatches(bytes)) {
    for (const cells of batch) {
      row++;
      if (row === 1) sheet.addRow(cells).commit();
      else sheet.stream.write(rowXml(cells.map(cellValue), row));
    }
  }
  return Math.max(0, row - 1);
}

/**
 * Copies a plain CSV table's rows into a sheet, rendered on helper threads in pieces of whole
 * lines (a few pieces in flight per thread) and written in order; returns the rows after the
 * header.
 */
async function copyThreaded(
  sheet: StreamWorksheet,
  bytes: ReadableStream<Uint8Array>,
  pool: RenderPool,
) {
  const inFlight: Promise<Uint8Array>[] = [];
  const window = 2 * pool.threads;
  let width = -1;
  let next = 2; // the worksheet row of the next line sent
  let chunks: Uint8Array[] = [];
  let held = 0;
  const send = (piece: Uint8Array) => {
    let rows = piece[piece.length - 1] === 10 ? 0 : 1;
    for (let i = piece.indexOf(10); i >= 0; i = piece.indexOf(10, i + 1)) rows++;
    const xml = pool.render(piece, next, width);
    xml.catch(() => {}); // awaited in order below, or dropped with the pool on an earlier error
    inFlight.push(xml);
    next += rows;
  };
  const joined = () => {
    const all = chunks.length === 1 ? chunks[0] : new Uint8Array(held);
    if (chunks.length > 1) {
      let at = 0;
      for (const c of chunks) {
        all.set(c, at);
        at += c.length;
      }
    }
    chunks = [];
    held = 0;
    return all;
  };
  const hold = (piece: Uint8Array) => {
    if (piece.length === 0) return;
    chunks.push(piece);
    held += piece.length;
  };
  for await (const chunk of bytes) {
    hold(chunk);
    if (width < 0) {
      const all = joined();
      const end = all.indexOf(10);
      if (end < 0) {
        hold(all);
        continue;
      }
      const header = new TextDecoder("utf-8", { ignoreBOM: true }).decode(all.subarray(0, end))
        .split(",");
      width = header.length;
      sheet.addRow(header).commit();
      hold(all.slice(end + 1));
    }
    if (held < PIECE_BYTES) continue;
    const all = joined();
    const cut = all.lastIndexOf(10) + 1;
    if (cut > 0) send(all.slice(0, cut));
    hold(all.slice(cut));
    while (inFlight.length > window) sheet.stream.write(asBuffer(await inFlight.shift()!));
  }
  const rest = joined();
  if (width < 0 && rest.length > 0) {
    sheet.addRow(new TextDecoder("utf-8", { ignoreBOM: true }).decode(rest).split(",")).commit();
    return 0;
  }
  if (rest.length > 0) send(rest.slice());
  while (inFlight.length > 0) sheet.stream.write(asBuffer(await inFlight.shift()!));
  return next - 2;
}

/**
 * Writes CSV tables into an .xlsx workbook, one sheet per table (header row frozen), followed by
 * a `notes` sheet listing each table's file and rows, the lines of `notes` given, and the tables
 * left out because they have more rows than a worksheet holds.
 *
 * @param tables The tables, in sheet order.
 * @param options `notes`: lines for the notes sheet (label, value); `maxRows`: rows a sheet may
 *   hold, header included (default {@linkcode EXCEL_MAX_ROWS}); `threads`: helper threads that
 *   render the rows of large tables (default: the CPU count, at most 4; 0 renders every row on
 *   this thread). The bytes are the same whatever the threads.
 * @returns The workbook's bytes.
 * @throws {TypeError} If a table's CSV is malformed.
 *
 * @example Two tables, the second longer than the sheets allowed here
 * ```ts
 * import assert from "node:assert/strict";
 * const csv = (text: string) => () => new Blob([text]).stream();
 * const bytes = await resultsXlsx([
 *   { sheet: "summary", file: "summary.csv", open: csv("metric,mean\nbed_days,1.5\n") },
 *   { sheet: "daily", file: "daily.csv", open: csv("day,beds\n0,1\n1,2\n2,3\n") },
 * ], { maxRows: 3 });
 * assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), "PK"); // a ZIP archive
 * ```
 */
export async function resultsXlsx(
  tables: readonly WorkbookTable[],
  options: { notes?: readonly [string, string | number][]; maxRows?: number; threads?: number } =
    {},
): Promise<Uint8Array> {
  const maxRows = options.maxRows ?? EXCEL_MAX_ROWS;
  const threads = options.threads ?? Math.min(MAX_THREADS, navigator.hardwareConcurrency ?? 1);
  let pool: RenderPool | undefined;
  try {
    return await writeWorkbook(
      tables,
      maxRows,
      options.notes ?? [],
      () => threads > 0 ? (pool ??= new RenderPool(threads)) : undefined,
    );
  } finally {
    pool?.close();
  }
}

/** Writes the workbook; `pool` starts the helper threads when a table first needs them. */
async function writeWorkbook(
  tables: readonly WorkbookTable[],
  maxRows: number,
  notesLines: readonly [string, string | number][],
  pool: () => RenderPool | undefined,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const Writer = await workbookWriter();
  // Loaded with the writer (it loads ExcelJS too), not with this module.
  const renderer: RowRenderer = await import("./xlsx_row_xml.ts");
  const book = new Writer({
    stream,
    useSharedStrings: false,
    useStyles: false,
  });
  book.created = WORKBOOK_DATE;
  book.modified = WORKBOOK_DATE;
  book.creator = "caresim";
  book.lastModifiedBy = "caresim";
  const listed: (string | number)[][] = [];
  for (const table of tables) {
    const { lines, plain } = await scanTable(await table.open());
    if (lines > maxRows) {
      listed.push([
        table.sheet,
        table.file,
        lines - 1,
        `left out: more rows than a worksheet holds (${
          maxRows.toLocaleString("en-GB")
        }); open ${table.file}`,
      ]);
      continue;
    }
    const sheet = book.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    let rows: number;
    try {
      const threaded = plain && lines >= THREADED_FROM_LINES ? pool() : undefined;
      rows = threaded
        ? await copyThreaded(sheet, await table.open(), threaded)
        : await copyHere(sheet, await table.open(), renderer);
    } catch (error) {
      throw new TypeError(
        `Cannot copy ${table.file} into results.xlsx: ${(error as Error).message}`,
      );
    }
    sheet.commit();
    listed.push([table.sheet, table.file, rows, ""]);
  }
  const notes = book.addWorksheet("notes");
  for (const [label, value] of notesLines) notes.addRow([label, value]).commit();
  notes.addRow([]).commit();
  notes.addRow(["sheet", "file", "rows", "note"]).commit();
  for (const line of listed) notes.addRow(line).commit();
  notes.commit();
  await book.commit();
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  fixZipDates(bytes);
  return bytes;
}

/**
 * The notes sheet's lines for a run: what it is and how to read the numbers.
 *
 * @param meta The run's metadata.
 * @returns Label and value per line.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = { scenarioName: "x", caresimVersion: "0.1.0", seed: 1, replications: 2, indices: [0, 1] };
 * assert.deepEqual(runNotes(meta as never)[0], ["scenario", "x"]);
 * ```
 */
export function runNotes(meta: RunMeta): [string, string | number][] {
  return [
    ["scenario", meta.scenarioName],
    ["caresim", meta.caresimVersion],
    ["seed", meta.seed],
    ["replications", meta.replications],
    ...(meta.indices.length !== meta.replications
      ? [["replications in this output", meta.indices.length] as [string, number]]
      : []),
    [
      "numbers",
      "as in the CSV files: rounded to 4 decimal places; summary.json holds the summary statistics unrounded",
    ],
    [
      "units",
      "the unit column (summary, annual, annual_by_segment); the column name (daily: beds, patients, places, hours_per_week, people; workforce: fte)",
    ],
    [
      "years",
      "model years of 365 days from the scenario's startDate; financial_year is the April–March year holding the model year's middle",
    ],
    [
      "totals",
      "annual holds whole-system totals; annual_by_segment their parts by need segment 1–4 (do not add the two together)",
    ],
  ];
}

/**
 * results.xlsx as an output built from the CSV files written before it (one sheet each, in
 * order) and the run's {@linkcode runNotes}.
 *
 * @param meta The run's metadata.
 * @param files The output file names, in order; those ending `.csv` become sheets, and a
 *   compressed `daily.csv.gz` is named in the notes.
 * @returns The derived output, for `writeOutputs`.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = { scenarioName: "x", caresimVersion: "0.1.0", seed: 1, replications: 1, indices: [0] };
 * const build = resultsXlsxOutput(meta as never, ["summary.csv", "summary.json"]);
 * const bytes = await build(() => Promise.resolve(new Blob(["a,b\n1,2\n"]).stream()));
 * assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), "PK");
 * ```
 */
export function resultsXlsxOutput(meta: RunMeta, files: readonly string[]): DerivedOutput {
  const notes = runNotes(meta);
  if (files.includes("daily.csv.gz")) {
    notes.push([
      "daily",
      "in daily.csv.gz only: more rows than a worksheet holds (1,048,576)",
    ]);
  }
  return (open) =>
    resultsXlsx(
      files.filter((f) => f.endsWith(".csv")).map((file) => ({
        sheet: file.slice(0, -".csv".length),
        file,
        open: () => open(file),
      })),
      { notes },
    );
}
