/**
 * The run contract of the care-model runner (models/run_scenario.ts), as report/ and cli/ use
 * it. Private to report/ and cli/.
 *
 * @module
 */

export {
  type OptionResult,
  type PairedInput,
  type PairedReplication,
  type RunOption,
  runPairedReplication,
  runScenario,
  scenarioOptions,
  type ScenarioRun,
  type WorkforceRow,
} from "../models/run_scenario.ts";
