/**
 * The interface of a pluggable setting: a place people go after an acute stay (a hospice, a
 * virtual ward, a rehabilitation unit) that owns its capacity, its random stream and its
 * metrics. A setting is one module exporting a {@linkcode Setting}; registering it is one line
 * (in `BUILT_IN_SETTINGS`, or the `settings` option of `simulateReplication`). The model offers
 * each patient who becomes medically fit to the settings in order; one that takes the patient
 * moves them out of the acute bed with {@linkcode SettingHooks} and accounts for them until they
 * go home or die.
 *
 * @module
 */

import type { Patient } from "../acute/patient.ts";
import type { ModelContext } from "../context.ts";
import type { MetricKind, YearAggregate } from "../metric_registry.ts";

/** What the model lets a setting do with a patient it takes. */
export interface SettingHooks {
  /** Frees the patient's acute bed (the move is logged to the setting's id). */
  leaveAcuteBed(p: Patient): void;
  /** The patient goes home (back to their cohort cell). */
  returnHome(p: Patient): void;
  /** The patient dies in the setting (counted among all-cause deaths, replaced by entries). */
  die(p: Patient): void;
}

/** A metric a setting adds to the results (plain data; see the metric registry). */
export interface SettingMetric {
  /** Stable snake_case name, prefixed by the setting's id. */
  readonly name: string;
  /** Unit, snake_case. */
  readonly unit: string;
  /** What it measures. */
  readonly kind: MetricKind;
  /** How years combine into the whole horizon. */
  readonly aggregation: YearAggregate;
  /** One sentence for readers. */
  readonly description: string;
}

/** A setting's state in one replication. */
export interface SettingPart {
  /**
   * Offered a patient who has just become medically fit, still in their acute bed.
   *
   * @param p The patient.
   * @param now Simulation time.
   * @returns True if the setting takes the patient.
   */
  takeDischarge(p: Patient, now: number): boolean;
  /**
   * People in the setting now (they are away from the cohort cells).
   *
   * @returns The count.
   */
  occupied(): number;
  /**
   * The annual value of one of the setting's metrics.
   *
   * @param metric Metric name.
   * @param year Model year, 0-based.
   * @returns The value.
   */
  annual(metric: string, year: number): number;
}

/** A pluggable setting (see the module doc). */
export interface Setting {
  /** Setting id, e.g. "hospice". */
  readonly id: string;
  /** The metrics it adds. */
  readonly metrics: readonly SettingMetric[];
  /**
   * Builds the setting's state for one replication.
   *
   * @param ctx The model context (engine, scenario, recorder, event log).
   * @param hooks What it may do with a patient it takes.
   * @returns The part.
   */
  create(ctx: ModelContext, hooks: SettingHooks): SettingPart;
}
