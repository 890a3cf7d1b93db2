/**
 * The run contract of the care-model runner (models/run_scenario.ts), as report/ and cli/ use
 * it. Private to report/ and cli/.
 *
 * @module
 */

export {
  type OptionResult,
  type PairedReplication,
  type RunOption,
  runScenario,
  type ScenarioRun,
  type WorkforceRow,
} from "../models/run_scenario.ts";
