/**
 * A local authority's population projection as the demography's inputs. The table is read from
 * CSV in the layout of ONS subnational projections (one row per age, and per sex if given, one
 * column per year; an open last age such as "90 and over"), and turned into births and net
 * migration by age for each year such that the model's own ageing and death rates reproduce the
 * table year by year. Net migration is the residual (the demographers' residual method), so
 * it also absorbs any difference between the table's mortality and the model's.
 *
 * @module
 */

import { parse } from "npm:csv-parse@6.1.0/sync";
import { ageingRateByAge } from "./population.ts";

/** A projection: people by single year of age (last age open) for consecutive years. */
export interface ProjectionTable {
  /** Calendar years, consecutive. */
  years: number[];
  /** People by age for each year (same order as `years`). */
  populationByYear: Float64Array[];
}

const AGE_COLUMNS = ["age", "age_group"];
const SKIP_AGES = /^(all ages|all|total)$/i;
const OPEN_AGE = /^(\d+)\s*(\+|and over|plus|and older)$/i;

/**
 * Reads a projection table from CSV text.
 *
 * @param text CSV with a header row: an `age` (or ONS `AGE_GROUP`) column, 4-digit year
 *   columns, and optionally `sex`, `area_code`, `component` columns (any case).
 * @param options `areaCode` to pick one area when the file holds several; `component` to pick
 *   a component (default "Population" when the column exists).
 * @returns The table, with rows of several sexes summed by age.
 * @throws {TypeError} If the CSV is malformed or a column is missing (the message names it).
 * @throws {RangeError} If ages are missing or repeated, a count is not a number ≥ 0, or the
 *   years are not consecutive.
 *
 * @example Two sexes summed, an open last age
 * ```ts
 * import assert from "node:assert/strict";
 * const csv = "AGE_GROUP,SEX,2025,2026\n0,male,5,6\n0,female,5,6\n1 and over,male,40,41\n1 and over,female,40,41\nAll ages,male,45,47\n";
 * const t = readProjectionCsv(csv);
 * assert.deepEqual(t.years, [2025, 2026]);
 * assert.deepEqual([...t.populationByYear[1]], [12, 82]);
 * ```
 */
export function readProjectionCsv(
  text: string,
  options: { areaCode?: string; component?: string } = {},
): ProjectionTable {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new TypeError(`Cannot read the projection CSV: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (records.length === 0) {
    throw new TypeError("Cannot read the projection CSV: it has no data rows");
  }
  const header = Object.keys(records[0]);
  const find = (names: string[]) => header.find((h) => names.includes(h.toLowerCase()));
  const ageColumn = find(AGE_COLUMNS);
  if (!ageColumn) {
    throw new TypeError(
      `Cannot read the projection CSV: no age column; expected one named "age" or "AGE_GROUP", found ${
        JSON.stringify(header)
      }`,
    );
  }
  const yearColumns = header.filter((h) => /^\d{4}$/.test(h));
  const years = yearColumns.map(Number);
  if (years.length === 0) {
    throw new TypeError(
      `Cannot read the projection CSV: no year columns (4-digit names such as "2025"), found ${
        JSON.stringify(header)
      }`,
    );
  }
  if (years.some((y, i) => i > 0 && y !== years[i - 1] + 1)) {
    throw new RangeError(
      `Cannot read the projection CSV: year columns must be consecutive, found ${
        JSON.stringify(years)
      }`,
    );
  }
  const areaColumn = find(["area_code", "area code", "areacode"]);
  const componentColumn = find(["component"]);
  const areas = areaColumn ? [...new Set(records.map((r) => r[areaColumn]))] : [];
  if (areaColumn && !options.areaCode && areas.length > 1) {
    throw new TypeError(
      `Cannot read the projection CSV: it holds ${areas.length} areas (${
        areas.slice(0, 3).join(", ")
      }…); pass areaCode to pick one`,
    );
  }
  const component = options.component ?? "Population";
  const rows = records.filter((r) =>
    (!areaColumn || !options.areaCode || r[areaColumn] === options.areaCode) &&
    (!componentColumn || r[componentColumn].toLowerCase() === component.toLowerCase()) &&
    !SKIP_AGES.test(r[ageColumn])
  );
  const byAge = new Map<number, number[]>();
  let openAge: number | undefined;
  rows.forEach((r, i) => {
    const label = r[ageColumn];
    const open = OPEN_AGE.exec(label);
    const age = open ? Number(open[1]) : /^\d+$/.test(label) ? Number(label) : NaN;
    if (Number.isNaN(age)) {
      throw new RangeError(
        `Cannot read the projection CSV: row ${
          i + 1
        } has age "${label}"; expected a whole number or an open age such as "90 and over"`,
      );
    }
    if (open) openAge = age;
    const counts = yearColumns.map((y) => {
      const v = Number(r[y]);
      if (!(v >= 0) || r[y] === "") {
        throw new RangeError(
          `Cannot read the projection CSV: age ${label}, year ${y} has "${
            r[y]
          }"; expected a number ≥ 0`,
        );
      }
      return v;
    });
    const sum = byAge.get(age) ?? yearColumns.map(() => 0);
    byAge.set(age, sum.map((s, k) => s + counts[k]));
  });
  const ages = [...byAge.keys()].sort((a, b) => a - b);
  const last = ages[ages.length - 1];
  if (ages[0] !== 0 || ages.length !== last + 1 || (openAge !== undefined && openAge !== last)) {
    throw new RangeError(
      `Cannot read the projection CSV: ages must run 0, 1, 2, … without gaps up to the open last age, found ${
        ages.slice(0, 5).join(", ")
      } … ${ages.slice(-3).join(", ")}`,
    );
  }
  return {
    years,
    populationByYear: years.map((_, k) => Float64Array.from(ages, (a) => byAge.get(a)![k])),
  };
}

/** Births and net migration by age for one projected year. */
export interface ProjectionYearInputs {
  /** The year the flows run through (from the start of `year` to the start of `year + 1`). */
  year: number;
  /** People entering age 0 a year (births, with age-0 migration). */
  birthsPerYear: number;
  /** Net migration by age, people a year (age 0 is in `birthsPerYear`). */
  netMigrationByAge: Float64Array;
}

/**
 * The births and net migration by age that make the model's dynamics (daily steps, ageing out
 * of each single year at `ageingRateByAge` of the given death rates) go from each year's
 * population to the next year's exactly.
 *
 * @param table The projection.
 * @param options `deathRateByAge` (same number of ages as the table), optional `stepsPerYear`
 *   (default 365, as the dynamics).
 * @returns One entry per projected year (one fewer than the table's years).
 * @throws {RangeError} If the death rates do not match the table's ages.
 *
 * @example A population with no deaths that simply ages needs no migration
 * ```ts
 * import assert from "node:assert/strict";
 * import { projectPopulation } from "./population.ts";
 * const deathRateByAge = new Float64Array([0, 0.1]);
 * const start = new Float64Array([10, 30]);
 * const next = projectPopulation({ populationByAge: start, deathRateByAge, birthsPerYear: 10, netMigrationByAge: new Float64Array(2) }, { years: 1 })[1];
 * const [flows] = projectionInputs({ years: [2025, 2026], populationByYear: [start, next] }, { deathRateByAge });
 * assert.ok(Math.abs(flows.birthsPerYear - 10) < 1e-9 && Math.abs(flows.netMigrationByAge[1]) < 1e-9);
 * ```
 */
export function projectionInputs(
  table: ProjectionTable,
  options: { deathRateByAge: Float64Array; stepsPerYear?: number },
): ProjectionYearInputs[] {
  const ages = table.populationByYear[0].length;
  const m = options.deathRateByAge;
  if (m.length !== ages) {
    throw new RangeError(
      `Cannot derive projection inputs: deathRateByAge has ${m.length} ages but the table has ${ages} (0…${
        ages - 1
      }+)`,
    );
  }
  const steps = options.stepsPerYear ?? 365;
  const h = 1 / steps;
  const out: ProjectionYearInputs[] = [];
  const ageing = ageingRateByAge(m);
  for (let y = 0; y + 1 < table.years.length; y++) {
    const start = table.populationByYear[y];
    const end = table.populationByYear[y + 1];
    const inflow = new Float64Array(ages);
    let below = new Float64Array(steps + 1); // trajectory of the age below (ageing in)
    for (let a = 0; a < ages; a++) {
      const leave = ageing[a] + m[a];
      const keep = 1 - h * leave;
      // Trajectory with no inflow, and the response to a unit inflow per year.
      const free = new Float64Array(steps + 1);
      const unit = new Float64Array(steps + 1);
      free[0] = start[a];
      for (let k = 0; k < steps; k++) {
        free[k + 1] = free[k] * keep + (a > 0 ? h * ageing[a - 1] * below[k] : 0);
        unit[k + 1] = unit[k] * keep + h;
      }
      inflow[a] = (end[a] - free[steps]) / unit[steps];
      below = free.map((x, k) => x + inflow[a] * unit[k]);
    }
    const netMigrationByAge = inflow.slice();
    netMigrationByAge[0] = 0;
    out.push({ year: table.years[y], birthsPerYear: inflow[0], netMigrationByAge });
  }
  return out;
}
