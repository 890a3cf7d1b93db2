/**
 * Helper threads that render results.xlsx's rows: the workbook copies every cell of every table
 * when a run ends, and ExcelJS's rendering of those cells is most of the CPU time of the run's
 * serial end. Pieces of a table go to the threads in turn and come back as XML, which the caller
 * writes in order, as UTF-8 bytes handed over without a copy. Private to report/.
 *
 * @module
 */

/** A piece of a plain CSV table to render. */
export interface RenderJob {
  /** Which request this is. */
  id: number;
  /** Whole lines of the table (UTF-8), after its header. */
  bytes: Uint8Array;
  /** The worksheet row of its first line. */
  firstRow: number;
  /** The header's number of fields. */
  width: number;
}

/** A helper thread's answer: the rows' XML in UTF-8, or why it failed. */
export type RenderReply = { id: number; xml: Uint8Array } | { id: number; error: string };

const WORKER = new URL("./xlsx_render_worker.ts", import.meta.url);

/**
 * A pool of helper threads rendering pieces of plain CSV tables as worksheet XML
 * (`plainRowsXml` in xlsx_row_xml.ts), each piece on the next thread in turn.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * import { plainRowsXml } from "./xlsx_row_xml.ts";
 * const pool = new RenderPool(2);
 * try {
 *   const xml = await pool.render(new TextEncoder().encode("a,1\nb,2\n"), 2, 2);
 *   assert.equal(new TextDecoder().decode(xml), plainRowsXml("a,1\nb,2\n", 2, 2));
 * } finally {
 *   pool.close();
 * }
 * ```
 */
export class RenderPool {
  readonly #workers: Worker[];
  readonly #pending = new Map<number, PromiseWithResolvers<Uint8Array>>();
  #id = 0;

  /**
   * Starts the threads.
   *
   * @param threads How many (at least 1).
   */
  constructor(threads: number) {
    this.#workers = Array.from({ length: Math.max(1, threads) }, () => {
      const worker = new Worker(WORKER, { type: "module" });
      worker.onmessage = (event: MessageEvent<RenderReply>) => {
        const reply = event.data;
        const job = this.#pending.get(reply.id);
        this.#pending.delete(reply.id);
        if ("xml" in reply) job?.resolve(reply.xml);
        else job?.reject(new TypeError(reply.error));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        for (const job of this.#pending.values()) job.reject(new Error(event.message));
        this.#pending.clear();
      };
      return worker;
    });
  }

  /** How many threads. */
  get threads(): number {
    return this.#workers.length;
  }

  /**
   * Renders a piece of a plain CSV table (no quotes, carriage returns or empty lines).
   *
   * @param bytes Whole lines of the table, after its header; its buffer is handed to the thread.
   * @param firstRow The worksheet row of the first line.
   * @param width The header's number of fields.
   * @returns The rows' XML in UTF-8.
   * @throws {TypeError} If a row's number of fields differs from the header's.
   */
  render(bytes: Uint8Array, firstRow: number, width: number): Promise<Uint8Array> {
    const id = ++this.#id;
    const job = Promise.withResolvers<Uint8Array>();
    this.#pending.set(id, job);
    const message: RenderJob = { id, bytes, firstRow, width };
    this.#workers[id % this.#workers.length].postMessage(message, [bytes.buffer as ArrayBuffer]);
    return job.promise;
  }

  /** Stops the threads; renders still pending never settle. */
  close(): void {
    for (const worker of this.#workers) worker.terminate();
    this.#pending.clear();
  }
}
