import assert from "node:assert/strict";
import { loadScenario, parseScenario } from "./load.ts";
import { parameterSources } from "./parameter_sources.ts";
import { ScenarioError } from "./scenario_error.ts";

function problems(input: unknown): string[] {
  try {
    parseScenario(input);
  } catch (e) {
    assert.ok(e instanceof ScenarioError, `expected ScenarioError, got ${e}`);
    return [...e.problems];
  }
  assert.fail("expected a ScenarioError");
}

Deno.test("parseScenario() fills every default from a minimal scenario", async (t) => {
  const s = parseScenario({ version: 1, population: { size: 100000 } });
  await t.step("top-level and nested defaults", () => {
    assert.equal(s.years, 5);
    assert.equal(s.start.mode, "census");
    assert.equal(s.acute.readmission30DayProbability, 0.07);
    assert.equal(s.careHomes.emergencyAdmissionRatePerResidentYear, 0.7);
    assert.equal(s.population.ageBands.length, 4);
    assert.deepEqual(s.population.segmentRateRatios.hospitalisation, [1, 1.93, 3.04, 4.73]);
  });
  await t.step("derived capacities", () => {
    assert.equal(s.hospitals.length, 1);
    assert.equal(s.hospitals[0].acuteBeds, Math.round(1.53 * 100));
    assert.equal(s.hospitals[0].escalationExtraBedsByMonth.length, 12);
    assert.equal(s.careHomes.places, Math.round(66 * 8500 / 1000));
  });
  await t.step("custom bands inherit omitted rates by age", () => {
    const c = parseScenario({
      version: 1,
      population: {
        size: 1000,
        ageBands: [
          { id: "under-80", minAgeYears: 0, populationShare: 0.95 },
          { id: "80+", minAgeYears: 80, populationShare: 0.05, lengthOfStayMeanDays: 20 },
        ],
      },
    });
    assert.equal(c.population.ageBands[1].emergencyAdmissionRatePerPersonYear, 0.27);
    assert.equal(c.population.ageBands[1].lengthOfStayMeanDays, 20);
  });
});

Deno.test("parseScenario() reports every problem at once, one line each", async (t) => {
  const lines = problems({
    version: 2,
    yeras: 3,
    population: { size: -3 },
    hospitals: [{ id: "x", acuteBeds: -3, acutebeds: 2 }],
    gp: { ftePer1000People: "a" },
    startDate: "2025/1/1",
    start: { mode: "x" },
  });
  await t.step("all problems listed", () => assert.equal(lines.length, 8));
  await t.step("dotted paths with expected and found", () => {
    assert.ok(lines.includes("version: expected 1, found 2"));
    assert.ok(lines.includes("population.size: expected a number ≥ 1, found -3"));
    assert.ok(lines.includes("hospitals[0].acuteBeds: expected a number ≥ 0, found -3"));
    assert.ok(lines.includes('gp.ftePer1000People: expected a number, found "a"'));
    assert.ok(lines.includes('start.mode: expected "census" or "empty", found "x"'));
    assert.ok(
      lines.includes(
        'startDate: expected a real calendar date YYYY-MM-DD, found "2025/1/1"',
      ),
    );
  });
  await t.step("unknown keys get a did-you-mean", () => {
    assert.ok(lines.includes('yeras: unknown key, did you mean "years"?'));
    assert.ok(lines.includes('hospitals[0].acutebeds: unknown key, did you mean "acuteBeds"?'));
  });
  await t.step("message has a heading and every line", () => {
    assert.throws(
      () => parseScenario({ version: 1, population: {} }),
      /^ScenarioError: Cannot parse scenario: 1 problem\n {2}- population\.size: expected a number, found nothing \(missing\)$/,
    );
  });
  await t.step("a far-off unknown key lists the valid keys", () => {
    const l = problems({ version: 1, population: { size: 5, zzzzzzzzzz: 1 } });
    assert.match(l[0], /^population\.zzzzzzzzzz: unknown key, expected one of "size", "ageBands"/);
  });
});

Deno.test("parseScenario() checks cross-field rules", () => {
  const lines = problems({
    version: 1,
    population: {
      size: 10,
      ageBands: [
        { id: "a", minAgeYears: 0, populationShare: 0.5 },
        {
          id: "a",
          minAgeYears: 0,
          populationShare: 0.4,
          dischargeMix: {
            home: 0.5,
            reablement: 0.5,
            homeCarePackage: 0.5,
            intermediateCare: 0,
            careHome: 0,
            death: 0,
          },
        },
      ],
    },
  });
  assert.ok(
    lines.some((l) =>
      l.startsWith("population.ageBands[1].dischargeMix: expected shares summing to 1")
    ),
    lines.join("\n"),
  );
  const l2 = problems({
    version: 1,
    population: {
      size: 10,
      ageBands: [{ id: "a", minAgeYears: 0, populationShare: 0.5 }, {
        id: "a",
        minAgeYears: 0,
        populationShare: 0.4,
      }],
    },
    hospitals: [{ id: "h", populationShare: 0.5 }],
  });
  assert.deepEqual(l2, [
    'population.ageBands[1].id: expected a unique id, found "a" again',
    "population.ageBands[1].minAgeYears: expected > 0 (ascending), found 0",
    "population.ageBands: expected populationShare values summing to 1, found 0.9",
    "hospitals: expected populationShare values summing to 1, found 0.5",
  ]);
});

Deno.test("loadScenario() turns file problems into ScenarioError", async (t) => {
  const dir = await Deno.makeTempDir();
  await t.step("missing file", async () => {
    await assert.rejects(() => loadScenario(`${dir}/nope.json`), ScenarioError, "file not found");
  });
  await t.step("bad JSON", async () => {
    await Deno.writeTextFile(`${dir}/bad.json`, "{ version: 1 ");
    await assert.rejects(() => loadScenario(`${dir}/bad.json`), ScenarioError, "invalid JSON");
  });
  await t.step("invalid values name the file", async () => {
    await Deno.writeTextFile(
      `${dir}/x.json`,
      JSON.stringify({ version: 1, population: { size: 0 } }),
    );
    await assert.rejects(
      () => loadScenario(`${dir}/x.json`),
      ScenarioError,
      `Cannot parse scenario ${dir}/x.json`,
    );
  });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("shipped scenarios load", async () => {
  for (const name of ["default", "south-worcestershire", "pilot-35k"]) {
    const s = await loadScenario(new URL(`./${name}.json`, import.meta.url));
    assert.equal(s.name, name);
  }
});

Deno.test("parameterSources() lists value, source and assumption flag", () => {
  const rows = parameterSources(
    parseScenario({ version: 1, population: { size: 1000 }, gp: { ftePer1000People: 0.5 } }),
  );
  const by = (p: string) => rows.find((r) => r.path === p)!;
  assert.equal(by("gp.ftePer1000People").source, "scenario");
  assert.match(by("careHomes.emergencyAdmissionRatePerResidentYear").source, /^B3 0\.70/);
  assert.equal(by("acute.weekendDischargeRatio").assumption, true);
  assert.match(
    by("population.ageBands[3].emergencyAdmissionRatePerPersonYear").source,
    /Devon 85\+ 420/,
  );
  assert.equal(by("population.ageBands[2].gpConsultationRatePerPersonYear").assumption, true);
  assert.match(by("hospitals[0].acuteBeds").source, /^derived: acute\.bedsPer1000People/);
  assert.ok(rows.every((r) => r.source.length > 0));
});
