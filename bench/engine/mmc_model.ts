/**
 * The benchmark model shared by every variant: an M/M/c queue (first come, first served) fed
 * until a fixed number of customers have arrived, then run until the last one leaves. Service
 * times are drawn at arrival, in arrival order, so every variant that implements the model
 * correctly serves the same customers with the same waits.
 *
 * @module
 */

/** Parameters of the M/M/c benchmark model. */
export interface MmcParams {
  /** Number of servers. */
  servers: number;
  /** Offered load per server, λ / (c μ). */
  rho: number;
  /** Mean service time, in days. */
  meanServiceDays: number;
  /** Customers to generate. */
  customers: number;
  /** Master seed of the random streams. */
  seed: number;
  /** Called every `tickEvery` customers (e.g. to sample memory). */
  onTick?: () => void;
}

/** What a run of the model reports. */
export interface MmcResult {
  /** Customers served. */
  served: number;
  /** Mean wait in queue, in days. */
  meanWaitDays: number;
  /** Time the last customer left, in days. */
  endDays: number;
}

/**
 * The benchmark's model: M/M/10 at ρ = 0.9, mean service 1 day, seed 1.
 *
 * @param customers Customers to generate.
 * @returns The parameters.
 */
export function benchmarkParams(customers: number): MmcParams {
  return { servers: 10, rho: 0.9, meanServiceDays: 1, customers, seed: 1 };
}

/** How often variants call `onTick`, in customers. */
export const TICK_EVERY = 16_384;

/**
 * Mean time between arrivals for the given load.
 *
 * @param params The model parameters.
 * @returns 1 / λ, in days.
 */
export function meanInterarrivalDays(params: MmcParams): number {
  return params.meanServiceDays / (params.rho * params.servers);
}
