/**
 * Cross-field checks and resolution of a zod-parsed scenario: custom age bands inherit omitted
 * rates from the default band containing their minimum age; hospital beds, escalation and
 * care-home places are derived from per-population defaults when omitted.
 *
 * @module
 */

import type { z } from "npm:zod@4.1.12";
import { type AgeBand, DEFAULT_AGE_BANDS } from "./default_age_bands.ts";
import type { HospitalConfig, Scenario, scenarioSchema } from "./schema.ts";

type Parsed = z.output<typeof scenarioSchema>;

/**
 * The default band whose range contains `minAgeYears` (the one with the largest minimum age not
 * above it).
 *
 * @param minAgeYears A custom band's lowest age.
 * @returns The default band that supplies omitted rates.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(inheritedBand(80).id, "75-84");
 * ```
 */
export function inheritedBand(minAgeYears: number): AgeBand {
  let best = DEFAULT_AGE_BANDS[0];
  for (const b of DEFAULT_AGE_BANDS) if (b.minAgeYears <= minAgeYears) best = b;
  return best;
}

/**
 * Checks cross-field rules and fills derived values.
 *
 * @param parsed The zod output.
 * @returns `{ scenario }` when valid, else `{ problems }` (one line each).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scenarioSchema } from "./schema.ts";
 * const r = resolveScenario(scenarioSchema.parse({ version: 1, population: { size: 1000 } }));
 * assert.equal(r.scenario?.hospitals[0].acuteBeds, 2);
 * ```
 */
export function resolveScenario(parsed: Parsed): { scenario?: Scenario; problems: string[] } {
  const problems: string[] = [];
  const bands: AgeBand[] = parsed.population.ageBands.map((b) => {
    const base = inheritedBand(b.minAgeYears);
    const out = { ...structuredClone(base), id: b.id, minAgeYears: b.minAgeYears } as AgeBand;
    for (const [k, v] of Object.entries(b)) {
      if (v !== undefined) (out as unknown as Record<string, unknown>)[k] = v;
    }
    return out;
  });
  const ids = new Set<string>();
  bands.forEach((b, i) => {
    if (ids.has(b.id)) {
      problems.push(`population.ageBands[${i}].id: expected a unique id, found "${b.id}" again`);
    }
    ids.add(b.id);
    if (i > 0 && b.minAgeYears <= bands[i - 1].minAgeYears) {
      problems.push(
        `population.ageBands[${i}].minAgeYears: expected > ${
          bands[i - 1].minAgeYears
        } (ascending), found ${b.minAgeYears}`,
      );
    }
    const viaEd = b.emergencyAdmissionRatePerPersonYear * parsed.acute.edRouteShare;
    if (b.edAttendanceRatePerPersonYear < viaEd) {
      problems.push(
        `population.ageBands[${i}].edAttendanceRatePerPersonYear: expected ≥ admissions via ED (${
          viaEd.toFixed(4)
        }), found ${b.edAttendanceRatePerPersonYear}`,
      );
    }
  });
  if (bands[0] && bands[0].minAgeYears !== 0) {
    problems.push(
      `population.ageBands[0].minAgeYears: expected 0 (bands cover all ages), found ${
        bands[0].minAgeYears
      }`,
    );
  }
  const shareSum = bands.reduce((s, b) => s + b.populationShare, 0);
  if (Math.abs(shareSum - 1) > 1e-6) {
    problems.push(
      `population.ageBands: expected populationShare values summing to 1, found ${+shareSum.toFixed(
        6,
      )}`,
    );
  }
  const size = parsed.population.size;
  const hospitalIds = new Set<string>();
  const hospitals: HospitalConfig[] = parsed.hospitals.map((h, i) => {
    if (hospitalIds.has(h.id)) {
      problems.push(`hospitals[${i}].id: expected a unique id, found "${h.id}" again`);
    }
    hospitalIds.add(h.id);
    // A derived bed count is at least 1 where patients arrive (a small population still has a
    // hospital); a bed count given as 0 there is rejected by checkBeds.
    const derived = Math.round(parsed.acute.bedsPer1000People * size / 1000 * h.populationShare);
    const beds = h.acuteBeds ?? (h.populationShare > 0 ? Math.max(1, derived) : derived);
    return {
      id: h.id,
      acuteBeds: beds,
      populationShare: h.populationShare,
      escalationExtraBedsByMonth: h.escalationExtraBedsByMonth ??
        parsed.acute.escalationShareByMonth.map((s) => Math.round(s * beds)),
    };
  });
  const hShare = hospitals.reduce((s, h) => s + h.populationShare, 0);
  if (Math.abs(hShare - 1) > 1e-6) {
    problems.push(
      `hospitals: expected populationShare values summing to 1, found ${+hShare.toFixed(6)}`,
    );
  }
  const aged75 =
    bands.filter((b) => b.minAgeYears >= 75).reduce((s, b) => s + b.populationShare, 0) * size;
  const places = parsed.careHomes.places ??
    Math.round(parsed.careHomes.placesPer1000Aged75Plus * aged75 / 1000);
  checkCareModels(parsed, bands.map((b) => b.id), problems);
  checkBeds(parsed, hospitals, problems);
  checkCensus(parsed, hospitals, problems);
  checkPathwayIds(parsed, problems);
  if (problems.length > 0) return { problems };
  return {
    problems,
    scenario: {
      ...parsed,
      population: { ...parsed.population, ageBands: bands },
      hospitals,
      careHomes: {
        ...parsed.careHomes,
        places,
        placesFollowAged75Plus: parsed.careHomes.places === undefined,
      },
    },
  };
}

/** Cross-field rules of `careModels` and `options`. */
function checkCareModels(parsed: Parsed, bandIds: string[], problems: string[]): void {
  const optionIds = new Set<string>(parsed.careModels.length > 0 ? ["scenario"] : []);
  parsed.options.forEach((o, i) => {
    if (o.id === "baseline" || optionIds.has(o.id)) {
      problems.push(
        `options[${i}].id: expected a unique id other than "baseline"${
          parsed.careModels.length > 0 ? ' and "scenario"' : ""
        }, found "${o.id}"`,
      );
    }
    optionIds.add(o.id);
  });
  const lists = [
    { path: "careModels", entries: parsed.careModels },
    ...parsed.options.map((o, i) => ({ path: `options[${i}].careModels`, entries: o.careModels })),
  ];
  for (const { path, entries } of lists) {
    const tags = new Set<string>();
    entries.forEach((e, j) => {
      const at = `${path}[${j}]`;
      const tag = e.id ?? (e.preset === "stated-ambition" ? `${e.model}-ambition` : e.model);
      if (tags.has(tag)) {
        problems.push(`${at}.id: expected a unique id within the option, found "${tag}" again`);
      }
      tags.add(tag);
      if (e.model === "acc" && parsed.hospitals.length < 2) {
        problems.push(
          `${at}.model: acc (acute care collaboration) needs two or more hospitals, found ${parsed.hospitals.length}`,
        );
      }
      const cohorts: [string, typeof e.cohort][] = [
        [at, e.cohort],
        ...Object.entries(e.parts ?? {}).map(([k, p]): [string, typeof e.cohort] => [
          `${at}.parts.${k}`,
          p.cohort,
        ]),
      ];
      for (const [where, cohort] of cohorts) {
        for (const id of cohort?.ageBands ?? []) {
          if (!bandIds.includes(id)) {
            problems.push(
              `${where}.cohort.ageBands: expected one of ${
                bandIds.map((b) => `"${b}"`).join(", ")
              }, found "${id}"`,
            );
          }
        }
      }
      const transfers = Object.entries(e.parts ?? {}).find(([, p]) =>
        p.interSiteTransferDelayHours != null
      );
      if (e.model === "custom" && transfers && parsed.hospitals.length < 2) {
        problems.push(
          `${at}.parts.${
            transfers[0]
          }.interSiteTransferDelayHours: inter-site transfers need two or more hospitals, found ${parsed.hospitals.length}`,
        );
      }
    });
  }
}

/** Discharge-to-assess pathway ids are unique (they name the pathways' streams and rows). */
function checkPathwayIds(parsed: Parsed, problems: string[]): void {
  const seen = new Set<string>();
  parsed.pathways.forEach((p, i) => {
    if (seen.has(p.id)) {
      problems.push(`pathways[${i}].id: expected a unique pathway id, found "${p.id}" again`);
    }
    seen.add(p.id);
  });
}

/** Every site that receives patients has a bed; no site has more beds than people. */
function checkBeds(parsed: Parsed, hospitals: HospitalConfig[], problems: string[]): void {
  const size = parsed.population.size;
  hospitals.forEach((h, i) => {
    const given = parsed.hospitals[i].acuteBeds !== undefined;
    const from = given ? "" : " (acute.bedsPer1000People × population.size × populationShare)";
    if (h.populationShare > 0 && h.acuteBeds < 1) {
      problems.push(
        `hospitals[${i}].acuteBeds: expected at least 1 bed at a site that receives patients (populationShare ${h.populationShare}), found ${h.acuteBeds}${from}; give acuteBeds or a larger population`,
      );
    }
    if (h.acuteBeds > size) {
      problems.push(
        `hospitals[${i}].acuteBeds: expected at most one bed per person (${size}), found ${h.acuteBeds}${from}`,
      );
    }
  });
}

/** The calendar month (0–11) of day 0 of the run, warm-up included. */
function firstMonth(parsed: Parsed): number {
  const start = new Date(`${parsed.startDate}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - parsed.start.warmUpDays);
  return start.getUTCMonth();
}

/** A census start fits the capacity it starts in, and counts of people fit the population. */
function checkCensus(parsed: Parsed, hospitals: HospitalConfig[], problems: string[]): void {
  const census = parsed.start.census;
  const size = parsed.population.size;
  const at = "start.census";
  for (
    const key of [
      "acuteOccupied",
      "intermediateOccupied",
      "homeCarePackages",
      "reablementActive",
      "waitingCareHomeFromHome",
      "waitingHomeCareFromHome",
    ] as const
  ) {
    const n = census[key];
    if (n !== undefined && n > size) {
      problems.push(`${at}.${key}: expected at most the population (${size}), found ${n}`);
    }
  }
  if (parsed.start.mode !== "census") return;
  const month = firstMonth(parsed);
  const beds = hospitals.map((h) => h.acuteBeds + h.escalationExtraBedsByMonth[month]);
  const total = census.acuteOccupied ?? Math.round(census.occupancy.acute * sum(beds));
  let remaining = total;
  hospitals.forEach((h, i) => {
    const n = i === hospitals.length - 1 ? remaining : Math.round(total * h.populationShare);
    remaining -= n;
    if (n > beds[i]) {
      problems.push(
        `${at}.acuteOccupied: expected a census that fits the beds; ${n} of the ${total} patients go to hospitals[${i}] ("${h.id}", by populationShare), which has ${
          beds[i]
        } beds at the start; give fewer patients, more beds, or populationShare in proportion to beds`,
      );
    }
  });
  const ic = Math.round(parsed.community.intermediateCare.bedsPer100k * size / 1e5);
  if (census.intermediateOccupied !== undefined && census.intermediateOccupied > ic) {
    problems.push(
      `${at}.intermediateOccupied: expected at most the ${ic} intermediate-care beds (community.intermediateCare.bedsPer100k × population.size), found ${census.intermediateOccupied}`,
    );
  }
  const slots = Math.round(parsed.socialCare.reablement.slotsPer100k * size / 1e5);
  if (census.reablementActive !== undefined && census.reablementActive > slots) {
    problems.push(
      `${at}.reablementActive: expected at most the ${slots} reablement slots (socialCare.reablement.slotsPer100k × population.size), found ${census.reablementActive}`,
    );
  }
  const hc = parsed.socialCare.homeCare;
  const hours = hc.capacityHoursPerWeekPer100k * size / 1e5;
  if (
    census.homeCarePackages !== undefined &&
    census.homeCarePackages * hc.hoursPerPackagePerWeek > hours + 1e-9
  ) {
    problems.push(
      `${at}.homeCarePackages: expected packages that fit the ${+hours.toFixed(
        2,
      )} home-care hours a week (socialCare.homeCare), found ${census.homeCarePackages} × ${hc.hoursPerPackagePerWeek} h`,
    );
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
