import assert from "node:assert/strict";
import { parseScenario } from "./load.ts";
import { ScenarioError } from "./scenario_error.ts";

const base = { version: 1, years: 1, population: { size: 3000 } };

/** Asserts the input is rejected with a ScenarioError whose message contains `fragment`. */
function rejects(input: unknown, fragment: string | RegExp): void {
  assert.throws(
    () => parseScenario(input),
    (e) => {
      assert.ok(e instanceof ScenarioError, `a ScenarioError, not ${(e as Error).name}`);
      if (typeof fragment === "string") assert.ok(e.message.includes(fragment), e.message);
      else assert.match(e.message, fragment);
      return true;
    },
  );
}

Deno.test("the schema rejects impossible dates", async (t) => {
  await t.step("a day past the month's end", () => {
    rejects(
      { ...base, startDate: "2025-02-31" },
      'startDate: expected a real calendar date YYYY-MM-DD, found "2025-02-31"',
    );
  });
  await t.step(
    "month 13",
    () => rejects({ ...base, startDate: "2025-13-01" }, "startDate: expected a real calendar date"),
  );
  await t.step("a care model's go-live date", () => {
    rejects(
      { ...base, careModels: [{ model: "ehch", startDate: "2025-13-45" }] },
      'careModels[0].startDate: expected a real calendar date YYYY-MM-DD, found "2025-13-45"',
    );
  });
  await t.step("a year outside 1900–2199", () => {
    rejects(
      { ...base, startDate: "0000-01-01" },
      'startDate: expected a date between 1900 and 2199, found "0000-01-01"',
    );
  });
  await t.step("29 February only in a leap year", () => {
    assert.equal(parseScenario({ ...base, startDate: "2024-02-29" }).startDate, "2024-02-29");
    rejects({ ...base, startDate: "2025-02-29" }, "startDate: expected a real calendar date");
  });
});

Deno.test("the schema checks that shares sum to 1", () => {
  rejects(
    { ...base, population: { size: 3000, careHomeResidentSegmentShares: [0.2, 0.2, 0.2, 0.2] } },
    "population.careHomeResidentSegmentShares: expected 4 shares summing to 1",
  );
});

Deno.test("the schema checks the census against capacity", async (t) => {
  await t.step("an acute census above the beds", () => {
    rejects(
      { ...base, hospitals: [{ id: "h", acuteBeds: 5 }], start: { census: { acuteOccupied: 6 } } },
      'start.census.acuteOccupied: expected a census that fits the beds; 6 of the 6 patients go to hospitals[0] ("h", by populationShare), which has 5 beds at the start',
    );
  });
  await t.step("an intermediate-care census above its beds", () => {
    rejects(
      { ...base, start: { census: { intermediateOccupied: 50 } } },
      "start.census.intermediateOccupied: expected at most the 1 intermediate-care beds",
    );
  });
  await t.step("home-care packages above the hours", () => {
    rejects(
      { ...base, start: { census: { homeCarePackages: 100 } } },
      "start.census.homeCarePackages: expected packages that fit the 231 home-care hours a week",
    );
  });
  await t.step("a waiting list larger than the population", () => {
    rejects(
      { ...base, start: { census: { waitingCareHomeFromHome: 1e9 } } },
      "start.census.waitingCareHomeFromHome: expected a number ≤ 50000000, found 1000000000 (a count of people",
    );
    rejects(
      { ...base, start: { census: { waitingCareHomeFromHome: 5000 } } },
      "start.census.waitingCareHomeFromHome: expected at most the population (3000), found 5000",
    );
  });
});

Deno.test("the schema wants a bed where patients arrive and positive durations", async (t) => {
  await t.step("a site with acuteBeds 0", () => {
    rejects(
      { ...base, hospitals: [{ id: "a", acuteBeds: 0, populationShare: 1 }] },
      "hospitals[0].acuteBeds: expected at least 1 bed at a site that receives patients (populationShare 1), found 0",
    );
  });
  await t.step("a small population still gets one bed by default", () => {
    assert.equal(parseScenario({ version: 1, population: { size: 10 } }).hospitals[0].acuteBeds, 1);
  });
  await t.step("zero package duration and zero hours per package", () => {
    rejects(
      { ...base, socialCare: { homeCare: { packageDurationMeanDays: 0 } } },
      "socialCare.homeCare.packageDurationMeanDays: expected a number > 0, found 0",
    );
    rejects(
      { ...base, socialCare: { homeCare: { hoursPerPackagePerWeek: 0 } } },
      "socialCare.homeCare.hoursPerPackagePerWeek: expected a number ≥ 0.25, found 0",
    );
  });
});

Deno.test("the schema rejects effect distributions that can leave their range", async (t) => {
  await t.step("a probability of 5", () => {
    rejects(
      { ...base, careModels: [{ model: "pacs", effects: { dischargeToAssess: 5 } }] },
      "careModels[0].effects.dischargeToAssess: expected a probability: every draw in [0, 1], but fixed(value=5) can draw 5",
    );
  });
  await t.step("a normal rate ratio that goes negative", () => {
    rejects(
      {
        ...base,
        careModels: [{
          model: "mcp",
          effects: { emergencyAdmission: { normal: { mean: 0.9, sd: 10 } } },
        }],
      },
      "careModels[0].effects.emergencyAdmission: expected a rate ratio: every draw in [0, 20], but normal(mean=0.9, sd=10) can draw -Infinity (use fixed, uniform, triangular or truncatedNormal within the range)",
    );
  });
  await t.step("the same, truncated, is accepted", () => {
    const s = parseScenario({
      ...base,
      careModels: [{
        model: "mcp",
        effects: { emergencyAdmission: { truncatedNormal: { mean: 0.9, sd: 10, min: 0, max: 2 } } },
      }],
    });
    assert.equal(s.careModels.length, 1);
  });
});

Deno.test("the schema bounds capacities, rates and counts, and says why", async (t) => {
  await t.step("acute beds", () => {
    rejects(
      { ...base, hospitals: [{ id: "a", acuteBeds: 1e9 }] },
      "hospitals[0].acuteBeds: expected a number ≤ 100000, found 1000000000 (the largest hospitals have about 2,000 beds",
    );
  });
  await t.step("a rate that would overflow", () => {
    rejects(
      {
        ...base,
        population: {
          size: 3000,
          ageBands: [{
            id: "all",
            minAgeYears: 0,
            populationShare: 1,
            edAttendanceRatePerPersonYear: 1e300,
          }],
        },
      },
      "population.ageBands[0].edAttendanceRatePerPersonYear: expected a number ≤ 100, found 1e+300 (no group of people averages more than 100",
    );
  });
  await t.step("capacity per 100,000 people", () => {
    rejects(
      { ...base, socialCare: { reablement: { slotsPer100k: 35_000_000 } } },
      "socialCare.reablement.slotsPer100k: expected a number ≤ 100000, found 35000000 (capacity per 100,000 people above 100,000",
    );
  });
  await t.step("replications", () => {
    rejects(
      { ...base, replications: 1e9 },
      "replications: expected a number ≤ 10000, found 1000000000 (more replications barely narrow",
    );
  });
  await t.step("JSON nested deeper than any scenario", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    rejects(
      { ...base, description: deep },
      "(root): expected objects and arrays nested at most 64 levels deep",
    );
  });
});
