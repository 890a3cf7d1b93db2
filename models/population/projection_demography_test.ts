/**
 * Specification test of a population that follows a given projection: with a local
 * authority-style table as the scenario's projection, every age band's modelled size follows
 * the table's band totals year by year — for two tables that part by far more than the
 * tolerance (one growing at older ages, one shrinking there) — and the people are counted
 * once (start + entries − deaths = end, with moves out of a shrinking band as negative entries).
 */
import assert from "node:assert/strict";
import { loadScenario, parseScenario } from "../../scenarios/load.ts";
import { SystemModel } from "../system_model.ts";
import { bandOf } from "./cells.ts";

const YEARS = 5;
const SIZE = 300_000;

function bandTotals(row: readonly number[], minAges: readonly number[], scale: number): number[] {
  return minAges.map((min, b) =>
    row.reduce(
      (s, x, age) => s + (age >= min && (b + 1 >= minAges.length || age < minAges[b + 1]!) ? x : 0),
      0,
    ) * scale
  );
}

/** Mean people by band in each model year, from the model's person-days in the cells. */
function modelled(model: SystemModel, bands: number): number[][] {
  return model.record.personDaysByCell.map((row) => {
    const out = new Array(bands).fill(0);
    row.forEach((d, c) => (out[bandOf(c)] += (d ?? 0) / 365));
    return out;
  });
}

function follows(table: { years: number[]; populationByYear: number[][] }) {
  const scenario = parseScenario({
    version: 1,
    years: YEARS,
    population: { size: SIZE, demography: { projection: { table } } },
  });
  const minAges = scenario.population.ageBands.map((b) => b.minAgeYears);
  const scale = SIZE / table.populationByYear[0]!.reduce((s, x) => s + x, 0);
  const model = new SystemModel(scenario, { seed: 3, replication: 0, unconstrained: true });
  const atStart = new Array(minAges.length).fill(0);
  model.parts.population.counts.forEach((x, c) => (atStart[bandOf(c)] += x));
  model.run();
  const account = model.parts.population.account;
  assert.equal(account.start + account.entries - account.deaths, account.end);
  const got = modelled(model, minAges.length);
  // People in hospital beds are outside the cells: measure against the share in the cells at
  // the start (the census puts ≈0.1% of people under 65 and ≈1% of people 85+ in a bed).
  const inCells = bandTotals(table.populationByYear[0]!, minAges, scale).map((x, b) =>
    atStart[b] / x
  );
  const out: number[][] = [];
  for (let y = 0; y < YEARS; y++) {
    const from = bandTotals(table.populationByYear[y]!, minAges, scale);
    const to = bandTotals(table.populationByYear[y + 1]!, minAges, scale);
    const expected = from.map((x, b) => (x + to[b]!) / 2 * inCells[b]!);
    out.push(expected);
    expected.forEach((e, b) => {
      // 2% for the bands' ageing lumped once a year (a band's age mix moves within the year),
      // plus 3 sd of the noise a band accumulates: at most ≈35% of its people enter or leave
      // in a year (85+: deaths ≈14%, ageing in ≈18%), each a Poisson event.
      const tolerance = 0.02 + 3 * Math.sqrt((y + 1) * 0.35 * e) / e;
      const error = got[y]![b]! / e - 1;
      assert.ok(
        Math.abs(error) < tolerance,
        `year ${y + 1}, band ${scenario.population.ageBands[b]!.id}: modelled ${
          got[y]![b]!.toFixed(0)
        }, projection ${e.toFixed(0)} (${(error * 100).toFixed(1)}%, allowed ${
          (tolerance * 100).toFixed(1)
        }%)`,
      );
    });
  }
  return out;
}

Deno.test("the population follows a given projection, band by band and year by year", async () => {
  const example = await loadScenario(
    new URL("../../examples/projection/scenario.json", import.meta.url),
  );
  const table = example.population.demography.projection!.table!;
  const growing = follows(table);
  // The same start, then people 65+ falling 3% a year and younger people rising 0.5% a year.
  const shrinking = {
    years: table.years.slice(0, YEARS + 1),
    populationByYear: table.years.slice(0, YEARS + 1).map((_, y) =>
      table.populationByYear[0]!.map((x, age) => x * (age >= 65 ? 0.97 : 1.005) ** y)
    ),
  };
  const falling = follows(shrinking);
  // The two projections part at 85+ by far more than the tolerance.
  const last = YEARS - 1;
  assert.ok(growing[last]![3]! / falling[last]![3]! > 1.2);
});

Deno.test("a projection file is read relative to the scenario file; problems name the field", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const csv = "age,2025,2026\n0,10,10\n1 and over,90,91\n";
    await Deno.mkdir(`${dir}/data`);
    await Deno.writeTextFile(`${dir}/data/p.csv`, csv);
    const scenario = (file: string) =>
      JSON.stringify({
        version: 1,
        years: 1,
        population: { size: 1000, demography: { projection: { file } } },
      });
    await Deno.writeTextFile(`${dir}/s.json`, scenario("data/p.csv"));
    const s = await loadScenario(`${dir}/s.json`);
    assert.deepEqual(s.population.demography.projection?.table?.years, [2025, 2026]);
    await Deno.writeTextFile(`${dir}/missing.json`, scenario("data/nope.csv"));
    await assert.rejects(
      () => loadScenario(`${dir}/missing.json`),
      /population\.demography\.projection\.file: cannot read .*nope\.csv \(file not found\)/,
    );
    await Deno.writeTextFile(`${dir}/data/bad.csv`, "age,2025,2027\n0,1,1\n");
    await Deno.writeTextFile(`${dir}/bad.json`, scenario("data/bad.csv"));
    await assert.rejects(
      () => loadScenario(`${dir}/bad.json`),
      /population\.demography\.projection\.file: .*year columns must be consecutive/,
    );
    assert.throws(
      () =>
        parseScenario({
          version: 1,
          population: { size: 10, demography: { projection: { file: "p.csv" } } },
        }),
      /population\.demography\.projection\.table: expected `table` \(loadScenario reads it from `file`/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
