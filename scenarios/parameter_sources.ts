/**
 * Lists every parameter of a resolved scenario with its value and where the value comes from:
 * the evidence.md row of its default (with the assumption flag), or the scenario itself when
 * the planner set it, and the docs/evidence.md section that sets out the evidence. The report
 * shows this table.
 *
 * @module
 */

import type { z } from "npm:zod@4.1.12";
import { AGE_BAND_SOURCES, type AgeBandRateField, DEFAULT_AGE_BANDS } from "./default_age_bands.ts";
import { dottedPath } from "./format_issues.ts";
import { inheritedBand, resolveScenario } from "./resolve.ts";
import { type Scenario, scenarioSchema } from "./schema.ts";

/** One row of the parameter-source table. */
export interface ParameterSourceRow {
  /** Dotted path, e.g. `acute.readmission30DayProbability`. */
  path: string;
  /** The value used. */
  value: unknown;
  /** evidence.md row (with grade), "assumption: …", or "scenario" when set by the planner. */
  source: string;
  /** True when the value rests on an assumption (evidence uncertain or silent). */
  assumption: boolean;
  /** Where the evidence behind the default is set out, e.g. `docs/evidence.md#h7-readmissions`. */
  reference: string;
}

/**
 * The docs/evidence.md section of each parameter, by dotted-path prefix (array indices
 * dropped); the longest matching prefix wins, and a parameter with no evidence section points
 * to the list of figures not found.
 */
const EVIDENCE_SECTIONS: Record<string, string> = {
  "acute": "h5-beds-and-occupancy",
  "acute.dischargeArrangementMeanDays": "h6-delayed-transfers-by-cause",
  "acute.edRouteShare": "h2-ed-attendances",
  "acute.over21DaysShare65Plus": "h4-length-of-stay",
  "acute.readmission30DayProbability": "h7-readmissions",
  "acute.weekendDischargeRatio": "h6-delayed-transfers-by-cause",
  "careHomes": "c1-care-home-residents",
  "careHomes.placeSearchMeanDays": "h6-delayed-transfers-by-cause",
  "careHomes.edAttendanceRatePerResidentYear": "c3-care-home-residents-hospital-use",
  "careHomes.emergencyAdmissionRatePerResidentYear": "c3-care-home-residents-hospital-use",
  "community.crisisResponse": "s3-district-nursing-and-crisis-response",
  "costs": "k1-unit-costs",
  "community.crisisResponse.avoidableShare": "h1-emergency-admissions-by-age",
  "community.districtNursingVisitsPerPersonYear": "s3-district-nursing-and-crisis-response",
  "community.intermediateCare": "s1-intermediate-care",
  "gp": "h3-gp-consultations",
  "gp.appointmentsPerFtePerWeek": "w1-workforce-productivity",
  "gp.ftePer1000People": "w1-workforce-productivity",
  "hospitals.acuteBeds": "h5-beds-and-occupancy",
  "population.ageBands.dischargeMix": "s4-discharge-pathways",
  "population.ageBands.edAttendanceRatePerPersonYear": "h2-ed-attendances",
  "population.ageBands.emergencyAdmissionRatePerPersonYear": "h1-emergency-admissions-by-age",
  "population.ageBands.gpConsultationRatePerPersonYear": "h3-gp-consultations",
  "population.ageBands.lengthOfStayMeanDays": "h4-length-of-stay",
  "population.ageBands.zeroDayShare": "h4-length-of-stay",
  "population.ageBands.populationShare": "d1-population-by-age",
  "population.careHomeResidentSegmentShares": "c1-care-home-residents",
  "population.demography": "d1-population-by-age",
  "population.segmentRateRatios.careHomeReferral": "c2-care-home-flows-and-turnover",
  "population.segmentRateRatios.edAttendance": "h2-ed-attendances",
  "population.segmentRateRatios.gpDemand": "h3-gp-consultations",
  "population.segmentRateRatios.hospitalisation": "h1-emergency-admissions-by-age",
  "population.segmentRateRatios.lengthOfStay": "h4-length-of-stay",
  "population.segmentRateRatios.mortality": "m2-mortality-by-frailty-segment",
  "seasonality": "h5-beds-and-occupancy",
  "socialCare": "s2-reablement-and-home-care",
  "socialCare.homeCare.providerSearchMeanDays": "h6-delayed-transfers-by-cause",
  "start.census.occupancy.acute": "h5-beds-and-occupancy",
  "start.census.occupancy.homeCare": "s2-reablement-and-home-care",
  "start.census.occupancy.intermediate": "s1-intermediate-care",
  "start.census.occupancy.reablement": "s2-reablement-and-home-care",
  "workforce": "w1-workforce-productivity",
  "workforce.productivity.districtNurseVisitsPerFtePerDay":
    "s3-district-nursing-and-crisis-response",
};

/**
 * The docs/evidence.md anchor of a parameter.
 *
 * @param path Dotted path, e.g. `population.ageBands[3].emergencyAdmissionRatePerPersonYear`.
 * @returns The reference, e.g. `docs/evidence.md#m1-mortality-by-age`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(evidenceReference("careHomes.places"), "docs/evidence.md#c1-care-home-residents");
 * assert.equal(evidenceReference("start.warmUpDays"), "docs/evidence.md#x1-figures-not-found");
 * ```
 */
export function evidenceReference(path: string): string {
  const parts = path.replace(/\[\d+\]/g, "").split(".");
  for (let n = parts.length; n > 0; n--) {
    const section = EVIDENCE_SECTIONS[parts.slice(0, n).join(".")];
    if (section) return `docs/evidence.md#${section}`;
  }
  return "docs/evidence.md#x1-figures-not-found";
}

// deno-lint-ignore no-explicit-any
type Node = any;

function unwrap(node: Node): Node {
  for (let i = 0; i < 20; i++) {
    const t = node._zod.def.type;
    if (t === "default" || t === "prefault" || t === "optional" || t === "nullable") {
      node = node._zod.def.innerType;
    } else return node;
  }
  return node;
}

function metaOf(node: Node): Record<string, unknown> | undefined {
  // Meta sits on the outermost wrapper (or on the inner schema); look through wrappers.
  for (let n = node, i = 0; n && i < 20; i++) {
    const m = n.meta?.();
    if (m && typeof m.source === "string") return m;
    const t = n._zod.def.type;
    if (t === "default" || t === "prefault" || t === "optional" || t === "nullable") {
      n = n._zod.def.innerType;
    } else break;
  }
  return undefined;
}

function get(root: unknown, path: PropertyKey[]): unknown {
  let v: unknown = root;
  for (const k of path) v = (v as Record<PropertyKey, unknown> | undefined)?.[k];
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Lists the value and source of every parameter that has a documented default.
 *
 * @param scenario A resolved scenario.
 * @returns One row per parameter (age-band rates per band; derived capacities included).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "./load.ts";
 * const rows = parameterSources(parseScenario({ version: 1, population: { size: 1000 }, years: 3 }));
 * const readmit = rows.find((r) => r.path === "acute.readmission30DayProbability")!;
 * assert.match(readmit.source, /B2/);
 * assert.equal(readmit.assumption, false);
 * ```
 */
export function parameterSources(scenario: Scenario): ParameterSourceRow[] {
  const base = resolveScenario(
    scenarioSchema.parse({ version: 1, population: { size: scenario.population.size } }),
  ).scenario!;
  const rows: ParameterSourceRow[] = [];
  const walk = (node: z.ZodType, path: PropertyKey[]) => {
    const inner = unwrap(node);
    const def = inner._zod.def;
    if (def.type === "object") {
      if (path.length === 2 && path[0] === "population" && path[1] === "ageBands") return;
      for (const [k, child] of Object.entries(def.shape)) walk(child as z.ZodType, [...path, k]);
      if (path.length === 0) return;
    }
    if (def.type === "object") return;
    if (path[0] === "hospitals" || dottedPath(path) === "population.ageBands") return;
    const meta = metaOf(node);
    if (!meta) return;
    const value = get(scenario, path);
    if (value === undefined) return;
    const isDefault = same(value, get(base, path));
    rows.push({
      path: dottedPath(path),
      value,
      source: isDefault ? String(meta.source) : "scenario",
      assumption: isDefault ? Boolean(meta.assumption) : false,
      reference: evidenceReference(dottedPath(path)),
    });
  };
  walk(scenarioSchema, []);
  // Age bands, per band and field.
  scenario.population.ageBands.forEach((band, i) => {
    const std = DEFAULT_AGE_BANDS.find((b) => b.id === band.id);
    const from = std ?? inheritedBand(band.minAgeYears);
    for (const field of Object.keys(AGE_BAND_SOURCES) as AgeBandRateField[]) {
      const value = band[field];
      const src = AGE_BAND_SOURCES[field][from.id];
      const isDefault = same(value, from[field]);
      rows.push({
        path: `population.ageBands[${i}].${field}`,
        value,
        source: isDefault
          ? (std ? src.source : `${src.source} (inherited from band ${from.id})`)
          : "scenario",
        assumption: isDefault ? src.assumption : false,
        reference: evidenceReference(`population.ageBands[${i}].${field}`),
      });
    }
  });
  // Derived capacities.
  const bedsMeta = metaOf(
    (scenarioSchema as Node)._zod.def.shape.acute._zod.def.innerType.shape.bedsPer1000People,
  )!;
  scenario.hospitals.forEach((h, i) => {
    const derived = Math.round(
      scenario.acute.bedsPer1000People * scenario.population.size / 1000 * h.populationShare,
    );
    rows.push({
      path: `hospitals[${i}].acuteBeds`,
      value: h.acuteBeds,
      source: h.acuteBeds === derived
        ? `derived: acute.bedsPer1000People — ${bedsMeta.source}`
        : "scenario",
      assumption: h.acuteBeds === derived ? Boolean(bedsMeta.assumption) : false,
      reference: evidenceReference(`hospitals[${i}].acuteBeds`),
    });
  });
  const chMeta = metaOf(
    (scenarioSchema as Node)._zod.def.shape.careHomes._zod.def.innerType.shape
      .placesPer1000Aged75Plus,
  )!;
  rows.push({
    path: "careHomes.places",
    value: scenario.careHomes.places,
    source: scenario.careHomes.places === base.careHomes.places
      ? `derived: careHomes.placesPer1000Aged75Plus — ${chMeta.source}`
      : "scenario",
    assumption: false,
    reference: evidenceReference("careHomes.places"),
  });
  return rows;
}
