/**
 * The rows of a CSV file, read fast for copying into results.xlsx. The workbook copies every cell
 * of every table at the end of a run, on the main thread while nothing else runs; a general parser
 * there (csv-parse through web streams) took about a third of that copy's CPU time. Here a line
 * without a quote (every line caresim writes, unless a name holds a comma, a quote or a line end)
 * is split at its commas, and only the other lines are read character by character (RFC 4180:
 * quoted fields, doubled quotes, line ends inside quotes). Rows come in batches, one per chunk
 * read. Private to report/.
 *
 * @module
 */

/** Where parsing stands: the line the unparsed text starts on, and the header's width. */
interface ParseState {
  line: number;
  width: number;
}

/** Line ends in `text` from `from` up to (not including) `to`. */
function lineEnds(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * A CSV file's rows as arrays of cells (all strings), the header row first, in batches; empty
 * lines are skipped, and `\n` and `\r\n` both end a row.
 *
 * @param bytes The file's bytes (UTF-8; a byte-order mark is kept as text, as csv-parse does).
 * @returns The rows, a batch per chunk of bytes.
 * @throws {TypeError} Naming the line, if a quote is misplaced or left open, or a row's number of
 *   fields differs from the header's.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const bytes = new Blob(['a,b\n1,"x,""y"""\n\n2,\n']).stream();
 * const rows = (await Array.fromAsync(csvRowBatches(bytes))).flat();
 * assert.deepEqual(rows, [["a", "b"], ["1", 'x,"y"'], ["2", ""]]);
 * ```
 */
export async function* csvRowBatches(
  bytes: ReadableStream<Uint8Array>,
): AsyncGenerator<string[][]> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const state: ParseState = { line: 1, width: -1 };
  let rest = "";
  for await (const chunk of bytes) {
    const text = rest + decoder.decode(chunk, { stream: true });
    const { rows, next } = parseRows(text, false, state);
    rest = text.slice(next);
    if (rows.length > 0) yield rows;
  }
  const { rows } = parseRows(rest + decoder.decode(), true, state);
  if (rows.length > 0) yield rows;
}

/**
 * Parses the complete rows at the start of `text` (all of it when `final`), checking each row's
 * width against the header's.
 *
 * @param text CSV text, starting at the start of a row.
 * @param final Whether the text ends the file (else a row without its line end waits for more).
 * @param state The line `text` starts on and the header's width, updated.
 * @returns The rows and where the unparsed rest of `text` begins.
 */
function parseRows(
  text: string,
  final: boolean,
  state: ParseState,
): { rows: string[][]; next: number } {
  const rows: string[][] = [];
  const add = (cells: string[]) => {
    if (state.width < 0) state.width = cells.length;
    if (cells.length !== state.width) {
      throw new TypeError(
        `line ${state.line} has ${cells.length} fields where the header has ${state.width}`,
      );
    }
    rows.push(cells);
  };
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf("\n", at);
    if (end < 0) {
      if (!final) break;
      end = text.length;
    }
    const stop = end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const plain = text.slice(at, stop);
    if (plain.indexOf('"') < 0) {
      if (plain !== "") add(plain.split(","));
      state.line++;
      at = end + 1;
      continue;
    }
    const quoted = parseQuotedRow(text, at, final, state.line);
    if (quoted === undefined) break;
    add(quoted.cells);
    state.line += 1 + lineEnds(text, at, quoted.next - 1);
    at = quoted.next;
  }
  return { rows, next: Math.min(at, text.length) };
}

/**
 * Parses one row holding a quote, field by field, from `at`; `undefined` if the text ends before
 * the row does and more may follow.
 */
function parseQuotedRow(
  text: string,
  at: number,
  final: boolean,
  line: number,
): { cells: string[]; next: number } | undefined {
  const fail = (what: string): never => {
    throw new TypeError(`line ${line}: ${what}`);
  };
  const cells: string[] = [];
  let i = at;
  for (;;) {
    if (text[i] === '"') {
      let value = "";
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0 || (q + 1 === text.length && !final)) {
          return final ? fail("a quoted field is not closed") : undefined;
        }
        if (text[q + 1] === '"') {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      cells.push(value);
    } else {
      let j = i;
      while (j < text.length && text[j] !== "," && text[j] !== "\n") {
        if (text[j] === '"') fail("a quote inside a field that does not start with one");
        j++;
      }
      if (j === text.length && !final) return undefined;
      const stop = j > i && text[j] === "\n" && text[j - 1] === "\r" ? j - 1 : j;
      cells.push(text.slice(i, stop));
      i = stop;
    }
    if (i === text.length) return final ? { cells, next: i } : undefined;
    const c = text[i];
    if (c === ",") i++;
    else if (c === "\n") return { cells, next: i + 1 };
    else if (c === "\r" && text[i + 1] === "\n") return { cells, next: i + 2 };
    else if (c === "\r" && i + 1 === text.length) {
      return final ? { cells, next: i + 1 } : undefined;
    } else fail(`a quoted field is followed by ${JSON.stringify(c)}, not a comma or a line end`);
  }
}
