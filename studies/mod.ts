/**
 * Studies built on the model and the reports: sensitivity sweeps (one parameter at a time over
 * values, same seed, headline metrics per run). `studies/` runs models; `report/` only formats
 * what they return.
 *
 * @module
 */

export * from "./sweep.ts";
