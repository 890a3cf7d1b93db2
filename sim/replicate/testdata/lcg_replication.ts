/**
 * Fixture replication functions for run_replications_test.ts: small deterministic arithmetic
 * from (seed, replication, input), no engine imports.
 *
 * @module
 */

/** Input of the fixtures. */
export interface LcgInput {
  /** LCG steps per replication. */
  readonly steps: number;
  /** Replication index at which {@linkcode failing} throws. */
  readonly failAt?: number;
  /** A counter that {@linkcode mutating} increments in place. */
  readonly counter?: { value: number };
}

/** Result of {@linkcode lcg}. */
export interface LcgResult {
  readonly replication: number;
  readonly seed: number;
  readonly sum: number;
  readonly last: number;
}

/** Runs a 32-bit LCG seeded from (seed, replication) and returns the sum of its draws. */
export function lcg(
  { seed, replication, input }: { seed: number; replication: number; input: LcgInput },
): LcgResult {
  let state = (Math.imul(seed >>> 0, 2654435761) ^ Math.imul(replication + 1, 40503)) >>> 0;
  let sum = 0;
  for (let i = 0; i < input.steps; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    sum += state / 4294967296;
  }
  return { replication, seed, sum, last: state };
}

/** Like {@linkcode lcg} but asynchronous. */
export async function lcgAsync(
  context: { seed: number; replication: number; input: LcgInput },
): Promise<LcgResult> {
  await Promise.resolve();
  return lcg(context);
}

/** Throws at replication `input.failAt`, otherwise behaves as {@linkcode lcg}. */
export function failing(
  context: { seed: number; replication: number; input: LcgInput },
): LcgResult {
  if (context.replication === context.input.failAt) {
    throw new RangeError(`fixture failure at ${context.replication}`);
  }
  return lcg(context);
}

/** Mutates its input; returns the counter after incrementing (1 if the input is fresh). */
export function mutating(
  { input }: { seed: number; replication: number; input: LcgInput },
): number {
  const counter = input.counter!;
  counter.value += 1;
  return counter.value;
}

/** Returns something that cannot be structured-cloned. */
export function uncloneable(): () => void {
  return () => {};
}

/** Not a function. */
export const notAFunction = 42;
