/**
 * Mutated scenarios for the property test: a small valid scenario (one year, at most 3,000
 * people) with one to three fields replaced by edge values — zero, negatives, huge numbers,
 * impossible dates, wrong types, deleted keys, unknown keys, out-of-range distributions, deep
 * nesting. Generated with fast-check from a seed, so a run is reproducible.
 *
 * @module
 */

import fc from "npm:fast-check@4.10.2";

/** One change to a scenario: the dotted path and what is put there. */
export interface Mutation {
  /** Path of keys from the root. */
  path: (string | number)[];
  /** `"delete"`, or `"set"` with `value`. */
  op: "delete" | "set";
  /** The value set (absent for a deletion). */
  value?: unknown;
}

/** A generated case: the input handed to `parseScenario` and how it was made. */
export interface FuzzCase {
  /** Index of the base scenario. */
  base: number;
  /** Mutations applied in order. */
  mutations: Mutation[];
  /** The mutated scenario. */
  input: unknown;
}

const SMALL = { version: 1, name: "fuzz", years: 1, replications: 2, seed: 7 };

/** Valid starting points: they exercise every part of the format. */
export const BASE_SCENARIOS: readonly unknown[] = [
  { ...SMALL, population: { size: 2000 } },
  {
    ...SMALL,
    population: { size: 3000 },
    careModels: [
      { model: "mcp", rampUpMonths: 0 },
      {
        model: "ehch",
        effects: { emergencyAdmission: { triangular: { min: 0.7, mode: 0.8, max: 1 } } },
      },
      { model: "pacs", rampUpMonths: 2, effects: { dischargeToAssess: 0.5 } },
      { model: "uec", cohort: { minAgeYears: 65 } },
    ],
  },
  {
    ...SMALL,
    population: { size: 2800 },
    hospitals: [{ id: "a", populationShare: 0.6 }, { id: "b", populationShare: 0.4, acuteBeds: 3 }],
    options: [
      { id: "acc", careModels: [{ model: "acc", interSiteTransferDelayHours: 2 }] },
      {
        id: "mix",
        careModels: [{
          model: "mcp",
          preset: "stated-ambition",
          startDate: "2025-06-01",
          cohort: { segments: [3, 4], topRiskPercent: 3 },
          capacity: { intermediateBedsPer100k: { uniform: { min: 5, max: 15 } } },
          displacement: { crisisResponse: 0.5, gp: 0.3 },
          staff: { care_coordinator: { ftePer1000Cohort: 2 } },
        }],
      },
    ],
    workforce: { staffInPost: { gp: 1.2, ward_nurse: 6 } },
  },
  {
    ...SMALL,
    population: {
      size: 1500,
      ageBands: [
        { id: "0-74", minAgeYears: 0, populationShare: 0.85 },
        { id: "75+", minAgeYears: 75, populationShare: 0.15 },
      ],
    },
    start: {
      census: {
        acuteOccupied: 2,
        careHomeResidents: 10,
        homeCarePackages: 5,
        waitingCareHomeFromHome: 3,
        occupancy: { intermediate: 0.5 },
      },
    },
    careHomes: { places: 20 },
  },
  { ...SMALL, population: { size: 1000 }, start: { mode: "empty", warmUpDays: 90 } },
];

const DATES = [
  "2025-13-01",
  "2025-02-31",
  "2025-02-29",
  "2024-02-29",
  "2025-00-10",
  "2025-04-31",
  "0000-01-01",
  "9999-12-31",
  "2025-1-1",
  "",
];

const DISTRIBUTIONS: unknown[] = [
  { normal: { mean: 0.9, sd: 10 } },
  { normal: { mean: 0.9, sd: 0.05 } },
  { uniform: { min: -1, max: 2 } },
  { uniform: { min: 0.5, max: 5 } },
  { lognormal: { mean: 1, sd: 5 } },
  { triangular: { min: 0, mode: 1, max: 3 } },
  { truncatedNormal: { mean: 0.9, sd: 1, min: 0, max: 2 } },
  { fixed: -1 },
  { fixed: 1e12 },
  { beta: { mean: 0.5, sd: 0.2 } },
  { gamma: { mean: 2, sd: 3 } },
  { exponential: { mean: 4 } },
  { nope: { mean: 1 } },
];

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Edge values put into a field. */
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      0,
      -1,
      1,
      0.5,
      2,
      3,
      10,
      100,
      365,
      3650,
      1e6,
      1e9,
      1e12,
      1e300,
      -1e300,
      Number.MAX_SAFE_INTEGER,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0,
      1e-12,
      0.999999999,
      1.000000001,
    ),
    weight: 12,
  },
  { arbitrary: fc.double({ min: -5, max: 5, noNaN: true }), weight: 8 },
  { arbitrary: fc.integer({ min: -10, max: 100_000 }), weight: 6 },
  { arbitrary: fc.constantFrom(...DATES), weight: 2 },
  { arbitrary: fc.constantFrom(...DISTRIBUTIONS), weight: 2 },
  {
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      "x",
      "\u001b[31m=cmd|' /C calc'!A0",
      [],
      {},
      [1, 2, 3, 4],
      [0, 0, 0, 0],
      [0.25, 0.25, 0.25, 0.25],
      [1, 0, 0],
      { home: 1 },
    ),
    weight: 1,
  },
  { arbitrary: fc.constantFrom(nested(20), nested(5000)), weight: 1 },
);

/** Every path of a JSON value (objects and arrays too), root excluded. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [];
  const out: (string | number)[][] = [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value as Record<string, unknown>);
  for (const [k, v] of entries) {
    const p = [...prefix, k];
    out.push(p, ...paths(v, p));
  }
  return out;
}

/** Fields the generator does not touch: they keep every run short (1 year, ≤ 3,000 people). */
const FIXED = new Set(["years", "population.size", "replications", "version"]);

/** Paths a mutation may target in a base: the fields written plus those the format defaults. */
function targets(base: unknown, defaults: unknown): (string | number)[][] {
  const all = [...paths(base), ...paths(defaults)];
  const seen = new Set<string>();
  return all.filter((p) => {
    const key = p.join(".");
    if (FIXED.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Applies a mutation, copying only the containers along its path (values may be nested deep). */
function applyMutation(input: unknown, m: Mutation): unknown {
  type Node = Record<string | number, unknown>;
  const copy = (v: unknown, nextKey: string | number): Node =>
    v !== null && typeof v === "object"
      ? (Array.isArray(v) ? [...v] : { ...v }) as Node
      : (typeof nextKey === "number" ? [] : {}) as Node;
  const root = copy(input, m.path[0]);
  let node = root;
  for (let i = 0; i < m.path.length - 1; i++) {
    const key = m.path[i];
    node[key] = copy(node[key], m.path[i + 1]);
    node = node[key] as Node;
  }
  const last = m.path[m.path.length - 1];
  if (m.op === "delete") delete node[last];
  else node[last] = m.value;
  return root;
}

/**
 * The fast-check arbitrary of mutated scenarios.
 *
 * @param defaults For each base, the same scenario with every default filled in (so defaulted
 *   fields can be targeted too), e.g. `scenarioSchema.parse(base)`.
 * @returns Cases of a base and one to three mutations.
 */
export function fuzzCaseArbitrary(defaults: readonly unknown[]): fc.Arbitrary<FuzzCase> {
  const targetLists = BASE_SCENARIOS.map((b, i) => targets(b, defaults[i]));
  return fc.integer({ min: 0, max: BASE_SCENARIOS.length - 1 }).chain((base) =>
    fc.array(
      fc.record({
        target: fc.nat(),
        kind: fc.constantFrom(
          "set",
          "set",
          "set",
          "scale",
          "scale",
          "nudge",
          "nudge",
          "nudge",
          "delete",
          "unknownKey",
        ),
        value: valueArb,
        factor: fc.constantFrom(0, -1, 10, 1000, 1e6, 0.001),
        nudge: fc.double({ min: 0.25, max: 4, noNaN: true }),
      }),
      { minLength: 1, maxLength: 3 },
    ).map((raw) => {
      const list = targetLists[base];
      let input: unknown = defaults[base];
      const mutations: Mutation[] = raw.map((r) => {
        const path = list[r.target % list.length];
        if (r.kind === "delete") return { path, op: "delete" };
        if (r.kind === "unknownKey") {
          return { path: [...path.slice(0, -1), "unexpectedKey"], op: "set", value: r.value };
        }
        if (r.kind === "scale" || r.kind === "nudge") {
          const current = path.reduce<unknown>(
            (v, k) => (v as Record<string | number, unknown> | undefined)?.[k],
            input,
          );
          if (typeof current === "number") {
            return { path, op: "set", value: current * (r.kind === "scale" ? r.factor : r.nudge) };
          }
        }
        return { path, op: "set", value: r.value };
      });
      for (const m of mutations) input = applyMutation(input, m);
      return { base, mutations, input };
    })
  );
}

/**
 * Generates `count` cases from a seed (the same seed gives the same cases).
 *
 * @param count How many.
 * @param seed fast-check seed.
 * @param defaults As for {@linkcode fuzzCaseArbitrary}.
 * @returns The cases.
 */
export function sampleFuzzCases(
  count: number,
  seed: number,
  defaults: readonly unknown[],
): FuzzCase[] {
  return fc.sample(fuzzCaseArbitrary(defaults), { numRuns: count, seed });
}
