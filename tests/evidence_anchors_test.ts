/**
 * Every reference to docs/evidence.md — from the parameter-source table, the demography's
 * defaults and the docs' own links — lands on a heading that exists.
 */
import assert from "node:assert/strict";
import { parameterSources } from "../scenarios/parameter_sources.ts";
import { parseScenario } from "../scenarios/load.ts";
import { DEMOGRAPHY_EVIDENCE } from "../models/demography/default_demography.ts";
import { LENGTH_OF_STAY_EVIDENCE } from "../models/demography/default_length_of_stay.ts";

const read = (name: string) => Deno.readTextFileSync(new URL(`../docs/${name}`, import.meta.url));

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  return new Set(
    [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
      m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-")
    ),
  );
}

const EVIDENCE = anchors(read("evidence.md"));

Deno.test("parameter sources point at docs/evidence.md sections that exist", () => {
  const rows = parameterSources(parseScenario({ version: 1, population: { size: 1000 } }));
  const missing = rows.filter((r) => !EVIDENCE.has(r.reference.split("#")[1]))
    .map((r) => `${r.path} → ${r.reference}`);
  assert.deepEqual(missing, []);
  const readmit = rows.find((r) => r.path === "acute.readmission30DayProbability")!;
  assert.equal(readmit.reference, "docs/evidence.md#h7-readmissions");
  const admissions = rows.find((r) =>
    r.path === "population.ageBands[3].emergencyAdmissionRatePerPersonYear"
  )!;
  assert.equal(admissions.reference, "docs/evidence.md#h1-emergency-admissions-by-age");
});

Deno.test("the demography's default figures point at sections that exist", () => {
  const figures = [
    ...Object.values(DEMOGRAPHY_EVIDENCE),
    ...Object.values(LENGTH_OF_STAY_EVIDENCE),
  ];
  for (const f of figures) {
    const [file, anchor] = f.source.split("#");
    assert.equal(file, "docs/evidence.md");
    assert.ok(EVIDENCE.has(anchor), f.source);
  }
});

Deno.test("links inside docs/evidence.md, docs/demography.md and docs/model.md resolve", () => {
  for (const name of ["evidence.md", "demography.md", "model.md"]) {
    const text = read(name);
    const own = anchors(text);
    for (const [, file, anchor] of text.matchAll(/\]\(((?:evidence\.md)?)#([^)]+)\)/g)) {
      const target = file === "evidence.md" || name === "evidence.md" ? EVIDENCE : own;
      assert.ok(target.has(anchor), `${name}: ${file}#${anchor}`);
    }
  }
});
