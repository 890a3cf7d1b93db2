/**
 * Reading a scenario's population projection from its CSV file, named relative to the scenario
 * file (`population.demography.projection.file`), into the scenario's `table`. The CSV layout
 * and its checks are `readProjectionCsv`'s (models/demography); a problem becomes a
 * {@linkcode ScenarioError} line naming the field.
 *
 * @module
 */

import { readProjectionCsv } from "../models/demography/projection_table.ts";
import { isNotFound, readTextFile } from "./_read_text_file.ts";
import { ScenarioError } from "./scenario_error.ts";

const FIELD = "population.demography.projection.file";

/** Where a file named relative to the scenario file is. */
function besideScenario(file: string, scenarioPath: string | URL): string | URL {
  if (scenarioPath instanceof URL) return new URL(file, scenarioPath);
  if (file.startsWith("/")) return file;
  const slash = scenarioPath.lastIndexOf("/");
  return slash < 0 ? file : `${scenarioPath.slice(0, slash + 1)}${file}`;
}

/**
 * Fills `population.demography.projection.table` from its `file`, if the scenario names one
 * (a copy of the input; the input is not changed).
 *
 * @param input The scenario as parsed JSON.
 * @param scenarioPath The scenario file's path or URL (the projection's path is relative to it).
 * @returns The input with the table filled, or the input itself when it names no file.
 * @throws {ScenarioError} If the file is missing or unreadable, or its CSV is not a projection
 *   (the message names the field, the file and the problem).
 *
 * @example A scenario without a projection is returned as it is
 * ```ts
 * import assert from "node:assert/strict";
 * const input = { version: 1, population: { size: 10 } };
 * assert.equal(await withProjectionTable(input, "x.json"), input);
 * ```
 */
export async function withProjectionTable(
  input: unknown,
  scenarioPath: string | URL,
): Promise<unknown> {
  const projection = (input as {
    population?: { demography?: { projection?: { file?: unknown; areaCode?: unknown } } };
  })?.population?.demography?.projection;
  if (typeof projection?.file !== "string" || projection.file === "") return input;
  const where = besideScenario(projection.file, scenarioPath);
  let text: string;
  try {
    text = await readTextFile(where);
  } catch (e) {
    const why = isNotFound(e) ? "file not found" : (e as Error).message;
    throw new ScenarioError(`Cannot load scenario ${String(scenarioPath)}`, [
      `${FIELD}: cannot read ${String(where)} (${why}); the path is relative to the scenario file`,
    ]);
  }
  let table;
  try {
    const areaCode = typeof projection.areaCode === "string" ? projection.areaCode : undefined;
    table = readProjectionCsv(text, areaCode ? { areaCode } : {});
  } catch (e) {
    if (!(e instanceof TypeError || e instanceof RangeError)) throw e;
    throw new ScenarioError(`Cannot load scenario ${String(scenarioPath)}`, [
      `${FIELD}: ${String(where)}: ${e.message}`,
    ]);
  }
  const json = input as { population: { demography: Record<string, unknown> } };
  return {
    ...json,
    population: {
      ...json.population,
      demography: {
        ...json.population.demography,
        projection: {
          ...projection,
          table: {
            years: table.years,
            populationByYear: table.populationByYear.map((r) => [...r]),
          },
        },
      },
    },
  };
}
