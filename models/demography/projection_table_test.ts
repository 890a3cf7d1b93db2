import assert from "node:assert/strict";
import { defaultDemographyInputs } from "./default_demography.ts";
import { projectPopulation } from "./population.ts";
import { projectionInputs, readProjectionCsv } from "./projection_table.ts";

Deno.test("readProjectionCsv() reads an ONS-style subnational projection", () => {
  const csv = [
    "AREA_CODE,AREA_NAME,COMPONENT,SEX,AGE_GROUP,2025,2026,2027",
    "E1,Town,Population,males,0,10,11,12",
    "E1,Town,Population,females,0,9,10,11",
    "E1,Town,Population,males,1,20,21,22",
    "E1,Town,Population,females,1,19,20,21",
    "E1,Town,Population,males,2 and over,300,301,302",
    "E1,Town,Population,females,2 and over,310,311,312",
    "E1,Town,Population,males,All ages,330,333,336",
    "E1,Town,Births,persons,0,30,30,30",
  ].join("\n");
  const t = readProjectionCsv(csv);
  assert.deepEqual(t.years, [2025, 2026, 2027]);
  assert.deepEqual([...t.populationByYear[0]], [19, 39, 610]);
  assert.deepEqual([...t.populationByYear[2]], [23, 43, 614]);
});

Deno.test("projectionInputs() recovers the births and migration that made a projection", () => {
  const inputs = defaultDemographyInputs();
  const years = projectPopulation(inputs, { years: 3 });
  const csv = [
    `age,${[2025, 2026, 2027, 2028].join(",")}`,
    ...[...years[0]].map((_, a) =>
      `${a === years[0].length - 1 ? `${a}+` : a},${years.map((p) => p[a]).join(",")}`
    ),
  ].join("\n");
  const table = readProjectionCsv(csv);
  const flows = projectionInputs(table, { deathRateByAge: inputs.deathRateByAge });
  assert.equal(flows.length, 3);
  for (const f of flows) {
    assert.ok(Math.abs(f.birthsPerYear / inputs.birthsPerYear - 1) < 1e-9, `${f.year}`);
    f.netMigrationByAge.forEach((m, a) => {
      if (a > 0) assert.ok(Math.abs(m - inputs.netMigrationByAge[a]) < 1e-6, `${f.year} age ${a}`);
    });
  }
  // And projecting with the recovered flows reproduces the next year.
  const next = projectPopulation({
    ...inputs,
    populationByAge: table.populationByYear[1],
    birthsPerYear: flows[1].birthsPerYear,
    netMigrationByAge: flows[1].netMigrationByAge,
  }, { years: 1 })[1];
  next.forEach((p, a) => assert.ok(Math.abs(p / table.populationByYear[2][a] - 1) < 1e-9));
});

Deno.test("readProjectionCsv() says what is wrong with a table", () => {
  const cases: [string, RegExp][] = [
    ["sex,2025\nm,1\n", /no age column; expected one named "age" or "AGE_GROUP"/],
    ["age,population\n0,1\n", /no year columns/],
    ["age,2025,2027\n0,1,1\n", /year columns must be consecutive, found \[2025,2027\]/],
    ["age,2025\n0,1\n2,1\n", /ages must run 0, 1, 2, … without gaps/],
    ["age,2025\n0,1\n1,x\n", /age 1, year 2025 has "x"; expected a number ≥ 0/],
    ["age,2025\nold,1\n", /row 1 has age "old"/],
    ["AREA_CODE,age,2025\nA,0,1\nB,0,1\n", /holds 2 areas .* pass areaCode/],
    ['age,2025\n"0,1\n', /Cannot read the projection CSV: Quote Not Closed/],
  ];
  for (const [csv, message] of cases) assert.throws(() => readProjectionCsv(csv), message);
  assert.throws(
    () =>
      projectionInputs(readProjectionCsv("age,2025,2026\n0,1,1\n1+,1,1\n"), {
        deathRateByAge: new Float64Array(3),
      }),
    /deathRateByAge has 3 ages but the table has 2/,
  );
});
