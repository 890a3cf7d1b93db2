/**
 * Demography for the whole-system model: the population by single year of age with births,
 * all-cause deaths and net migration as inputs (or a local authority's projection read from
 * CSV); all-cause mortality by age, segment and residence, with deaths in hospital as a share of
 * those deaths; the frailty transition solver that holds every age's segment mix steady in the
 * open population; care-home admissions that hold residents' numbers and mix steady; lumping
 * into the model's age bands; the expected-value dynamics used to check all of this; and length
 * of stay as a zero-day share plus a fitted overnight distribution. Everything here runs once at
 * set-up; docs/demography.md says how the model wires it in.
 *
 * @module
 */

export * from "./age_profile.ts";
export * from "./band_rates.ts";
export * from "./cells.ts";
export * from "./default_demography.ts";
export * from "./default_length_of_stay.ts";
export * from "./demography_summary.ts";
export * from "./dynamics.ts";
export * from "./frailty_solver.ts";
export * from "./length_of_stay.ts";
export * from "./mortality.ts";
export * from "./population.ts";
export * from "./projection_table.ts";
