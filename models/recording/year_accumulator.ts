/**
 * Accumulators of annual figures over a measured window that starts after the warm-up: counts
 * by model year (and segment), and time integrals of a piecewise-constant level split exactly
 * at year boundaries.
 *
 * @module
 */

/** Counts by year × (total, segment 1–4). */
export class YearCounts {
  /** Values at [year * 5 + (segment or 0)]. */
  readonly values: Float64Array;
  readonly #start: number;
  readonly #years: number;

  /**
   * @param startTime Simulation time of day 0 (end of warm-up).
   * @param years Number of 365-day years measured.
   */
  constructor(startTime: number, years: number) {
    this.#start = startTime;
    this.#years = years;
    this.values = new Float64Array(years * 5);
  }

  /**
   * Adds `amount` at time `t` (ignored outside the window), to the total and to `segment`.
   *
   * @param t Simulation time.
   * @param amount Amount.
   * @param segment Segment 1–4, or 0 for total only.
   */
  add(t: number, amount: number, segment = 0): void {
    if (t < this.#start) return;
    const y = Math.floor((t - this.#start) / 365);
    if (y >= this.#years) return;
    this.values[y * 5] += amount;
    if (segment > 0) this.values[y * 5 + segment] += amount;
  }

  /**
   * Value of a year (0-based) and segment (0 = total).
   *
   * @param year 0-based year.
   * @param segment 0 total, 1–4 segment.
   * @returns The value.
   */
  get(year: number, segment = 0): number {
    return this.values[year * 5 + segment];
  }
}

/** Time integral of a piecewise-constant level, by year. */
export class YearIntegral {
  /** Current level. */
  level = 0;
  /** Area by year (level × days). */
  readonly area: Float64Array;
  #last: number;
  readonly #start: number;
  readonly #end: number;

  /**
   * @param startTime Simulation time of day 0.
   * @param years Number of 365-day years measured.
   * @param t0 Simulation time the level starts being tracked (usually 0).
   */
  constructor(startTime: number, years: number, t0 = 0) {
    this.#start = startTime;
    this.#end = startTime + years * 365;
    this.area = new Float64Array(years);
    this.#last = t0;
  }

  /**
   * Accumulates area up to `t`.
   *
   * @param t Simulation time (non-decreasing).
   */
  advance(t: number): void {
    let last = this.#last;
    if (t <= last) return;
    if (last < this.#start) last = Math.min(t, this.#start);
    while (last < t && last < this.#end) {
      const y = Math.floor((last - this.#start) / 365 + 1e-12);
      const yearEnd = this.#start + (y + 1) * 365;
      const stop = Math.min(t, yearEnd, this.#end);
      this.area[y] += this.level * (stop - last);
      last = stop;
    }
    this.#last = t;
  }

  /**
   * Changes the level by `delta` at time `t`.
   *
   * @param t Simulation time.
   * @param delta Change of level.
   */
  add(t: number, delta: number): void {
    this.advance(t);
    this.level += delta;
  }

  /**
   * Total area over all years.
   *
   * @returns The sum of areas.
   */
  total(): number {
    return this.area.reduce((a, b) => a + b, 0);
  }
}
