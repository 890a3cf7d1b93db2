// deno-lint-ignore-file no-console
/**
 * A planner's script: load the default scenario, change one assumption (a slower discharge
 * to care homes: fewer care-home places), and compare two options — a multispecialty
 * community provider (MCP) and enhanced health in care homes (EHCH) — each against the same
 * baseline on the same random numbers.
 *
 * Run: deno run -A examples/planner_compare.ts
 *
 * @module
 */

import { parseScenario, runScenario, setParameter, summarizeRun } from "../mod.ts";

// Load the scenario as written, so any change is validated again with every default filled.
const path = new URL("../scenarios/default.json", import.meta.url);
let input = JSON.parse(await Deno.readTextFile(path));

// Keep the example quick: a smaller population over two years.
input = setParameter(input, "population.size", 20000);
input = setParameter(input, "years", 2);

// The assumption: 10% fewer care-home places per 1,000 people aged 75+ than the default.
const scenarioAsIs = parseScenario(input);
const places = scenarioAsIs.careHomes.placesPer1000Aged75Plus;
input = setParameter(
  input,
  "careHomes.placesPer1000Aged75Plus",
  Math.round(places * 0.9 * 10) / 10,
);

// The options to compare, instead of the scenario's own care models.
delete input.careModels;
input.options = [
  { id: "mcp", label: "MCP", careModels: [{ model: "mcp" }] },
  { id: "ehch", label: "EHCH", careModels: [{ model: "ehch" }] },
];
const scenario = parseScenario(input);

const run = await runScenario(scenario, { replications: 6, seed: 2025, workers: 2 });
const rows = summarizeRun(run);

console.log(
  `Scenario: ${scenario.name}, ${scenario.population.size} people, ${scenario.years} years`,
);
console.log(
  `Changed: care-home places per 1,000 aged 75+ ${places} -> ${scenario.careHomes.placesPer1000Aged75Plus}`,
);
console.log(`Replications: ${run.indices.length}, seed ${run.seed}\n`);
const show = (metric: string) => {
  for (const row of rows) {
    if (row.metric !== metric || row.year !== "all") continue;
    console.log(
      `  ${row.scenario.padEnd(14)} ${row.variant.padEnd(8)} ${metric.padEnd(26)} ${
        row.mean.toFixed(1).padStart(9)
      }  (95% CI ${row.ciLow.toFixed(1)} to ${row.ciHigh.toFixed(1)})`,
    );
  }
};
show("emergency_admissions");
show("admissions_avoided");
show("bed_days_avoided");
show("delayed_transfer_bed_days");
