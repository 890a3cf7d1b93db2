/**
 * Progress reporting for long commands: on a terminal, a bar redrawn in place (done of total,
 * elapsed, ETA); otherwise one line per stage. Writes to stderr so stdout stays the result.
 * Private to cli/.
 *
 * @module
 */

/** Where and how progress is shown. */
export interface ProgressOptions {
  /** Show nothing. */
  quiet?: boolean;
  /** Redraw a bar in place (stderr is a terminal). */
  tty?: boolean;
  /** Writes text (default: stderr). */
  write?: (text: string) => void;
  /** Clock in milliseconds (default: performance.now). */
  now?: () => number;
}

/**
 * Formats a duration as m:ss (or h:mm:ss).
 *
 * @param seconds Seconds.
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(formatDuration(75.4), "1:15");
 * assert.equal(formatDuration(3725), "1:02:05");
 * ```
 */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/**
 * A progress reporter: stages and a done-of-total bar.
 *
 * @example Stage lines when not on a terminal
 * ```ts
 * import assert from "node:assert/strict";
 * let text = "";
 * const p = new Progress({ tty: false, write: (t) => (text += t), now: () => 0 });
 * p.stage("Running");
 * p.update(1, 2);
 * p.done("Wrote 6 files");
 * assert.equal(text, "Running\nWrote 6 files in 0.0 s\n");
 * ```
 */
export class Progress {
  #quiet: boolean;
  #tty: boolean;
  #write: (text: string) => void;
  #now: () => number;
  #start: number;
  #stageStart: number;
  #drawn = false;
  #lastDraw = -Infinity;
  // The first update of the stage: the rate is measured from there, so start-up, warm-up and
  // items done before (a resumed run's) do not make the ETA optimistic or pessimistic.
  #first: { time: number; done: number } | undefined;

  /**
   * @param options Quiet, terminal, writer and clock.
   */
  constructor(options: ProgressOptions = {}) {
    const encoder = new TextEncoder();
    this.#quiet = options.quiet ?? false;
    this.#tty = options.tty ?? false;
    this.#write = options.write ?? ((t) => Deno.stderr.writeSync(encoder.encode(t)));
    this.#now = options.now ?? (() => performance.now());
    this.#start = this.#now();
    this.#stageStart = this.#start;
  }

  /**
   * Announces a stage ("Running 20 replications on 2 workers").
   *
   * @param text The stage.
   */
  stage(text: string): void {
    if (this.#quiet) return;
    this.#clear();
    this.#stageStart = this.#now();
    this.#first = undefined;
    this.#write(`${text}\n`);
  }

  /**
   * Reports progress of the current stage. The ETA is the time left at the rate measured since
   * the stage's first update.
   *
   * @param done Items done.
   * @param total Items in all.
   * @param unit What the items are.
   */
  update(done: number, total: number, unit = "replications"): void {
    if (this.#quiet || !this.#tty) return;
    const now = this.#now();
    const first = this.#first ??= { time: now, done };
    if (done < total && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    const elapsed = (now - this.#stageStart) / 1000;
    const eta = done > first.done
      ? (now - first.time) / 1000 / (done - first.done) * (total - done)
      : NaN;
    const width = 30;
    const filled = total > 0 ? Math.round(width * done / total) : 0;
    const bar = "█".repeat(filled) + "░".repeat(width - filled);
    this.#write(
      `\r\x1b[2K${bar} ${done}/${total} ${unit} · ${formatDuration(elapsed)} elapsed · ETA ${
        Number.isFinite(eta) ? formatDuration(eta) : "–"
      }`,
    );
    this.#drawn = true;
  }

  /**
   * Ends the run with a closing line ("Done in 5.2 s").
   *
   * @param text The closing text; the total elapsed time is appended.
   */
  done(text: string): void {
    if (this.#quiet) return;
    this.#clear();
    this.#write(`${text} in ${((this.#now() - this.#start) / 1000).toFixed(1)} s\n`);
  }

  #clear() {
    if (this.#drawn) this.#write("\r\x1b[2K");
    this.#drawn = false;
  }
}
