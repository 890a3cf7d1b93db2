/**
 * The run contract of the care-model runner (models/run_scenario.ts), as report/ and cli/ use
 * it: types only, since report/ formats runs and never starts one. Private to report/ and cli/.
 *
 * @module
 */

export {
  type OptionResult,
  type PairedReplication,
  type RunOption,
  type ScenarioRun,
  type WorkforceRow,
} from "../models/run_scenario.ts";
