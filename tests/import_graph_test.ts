/**
 * The project's import graph: no cycles anywhere, and the parts of the health model import
 * each other only downwards (population and recording at the bottom, the system model at the
 * top).
 */
import assert from "node:assert/strict";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const FOLDERS = [
  "sim",
  "models",
  "scenarios",
  "report",
  "studies",
  "calibration",
  "validation",
  "cli",
  "ci_fixtures",
  "examples",
  "bench",
  "tests",
  "mod.ts",
];

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    let info: Deno.FileInfo;
    try {
      info = Deno.statSync(path);
    } catch {
      return;
    }
    if (info.isFile) {
      if (path.endsWith(".ts")) files.push(path);
      return;
    }
    for (const entry of Deno.readDirSync(path)) {
      if (entry.name === "node_modules" || entry.name === "peers") continue;
      walk(join(path, entry.name));
    }
  };
  for (const f of FOLDERS) walk(join(ROOT, f));
  return files.sort();
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

/** Static relative imports (type-only included) of a file, as repository-relative paths. */
function imports(file: string): string[] {
  const text = stripComments(Deno.readTextFileSync(file));
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*["'](\.[^"']+)["']/g)]
    .map((m) => relative(ROOT, resolve(dirname(file), m[1]!)));
}

/**
 * Type-only imports that may close a cycle: the engine's core classes name each other's types
 * (an event holds its `Simulation`, a distribution table draws from a `RandomStream`). They are
 * erased at run time; every other import, type-only or not, counts.
 */
const TYPE_ONLY_BACK_EDGES = new Set([
  "sim/event.ts -> sim/simulation.ts",
  "sim/condition.ts -> sim/simulation.ts",
  "sim/process.ts -> sim/simulation.ts",
  "sim/random/empirical_table.ts -> sim/random/stream.ts",
]);

/** The import graph: file → files it imports. */
function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    const from = relative(ROOT, file);
    g.set(from, imports(file).filter((to) => !TYPE_ONLY_BACK_EDGES.has(`${from} -> ${to}`)));
  }
  return g;
}

Deno.test("the allowed back edges are type-only imports", () => {
  for (const edge of TYPE_ONLY_BACK_EDGES) {
    const [from, to] = edge.split(" -> ") as [string, string];
    const text = Deno.readTextFileSync(join(ROOT, from));
    const spec = `./${relative(dirname(from), to)}`;
    const line = text.split("\n").find((l) => l.includes(`"${spec}"`));
    assert.ok(line?.startsWith("import type "), `${edge}: ${line}`);
  }
});

/** Strongly connected components with more than one file, or a file importing itself. */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

Deno.test("the import graph of the whole project has no cycles", () => {
  assert.deepEqual(cycles(graph()), []);
});

Deno.test("the cycle check finds a planted cycle", () => {
  const g = new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts"]], ["d.ts", [
    "a.ts",
  ]]]);
  assert.deepEqual(cycles(g), [["a.ts", "b.ts", "c.ts"]]);
});

/** Layers of models/, lowest first; a part may import its own layer's files and lower layers. */
const MODEL_LAYERS: string[][] = [
  [
    "models/inverse.ts",
    "models/modifiers.ts",
    "models/calendar.ts",
    "models/context.ts",
    "models/metric_registry.ts",
    "models/population/",
    "models/recording/",
  ],
  [
    "models/interventions/tag_accounts.ts",
    "models/interventions/day_multipliers.ts",
  ],
  ["models/downstream/", "models/acute/patient.ts", "models/acute/surge_beds.ts"],
  ["models/primary_community/", "models/acute/acute_beds.ts"],
  ["models/interventions/averted_admissions.ts", "models/settings/"],
  ["models/acute/emergency_admissions.ts"],
  ["models/discharge/"],
  ["models/census_start.ts", "models/system_model.ts"],
];

function layerOf(file: string): number {
  return MODEL_LAYERS.findIndex((layer) =>
    layer.some((p) => p.endsWith("/") ? file.startsWith(p) : file === p)
  );
}

Deno.test("the health model's parts import only their own layer or lower ones", () => {
  const g = graph();
  const offenders: string[] = [];
  for (const [file, targets] of g) {
    const from = layerOf(file);
    if (from < 0 || file.endsWith("_test.ts")) continue;
    for (const t of targets) {
      const to = layerOf(t);
      if (to > from) offenders.push(`${file} (layer ${from}) imports ${t} (layer ${to})`);
    }
  }
  assert.deepEqual(offenders, []);
});

Deno.test("report/ formats results: no runtime import of a model runner or of studies/", () => {
  const runners = /^(models\/(run_scenario|simulate|system_model|record_event_log)\.ts|studies\/)/;
  const offenders: string[] = [];
  for (const file of sourceFiles()) {
    const from = relative(ROOT, file);
    if (!from.startsWith("report/") || /_test\.ts$|\/_test_/.test(from)) continue;
    const text = stripComments(Deno.readTextFileSync(file));
    for (
      const m of text.matchAll(/(import|export)\s+(type\s+)?[^'"]*?from\s*["'](\.[^"']+)["']/g)
    ) {
      const to = relative(ROOT, resolve(dirname(file), m[3]!));
      if (runners.test(to) && !m[2] && !/^(import|export)\s+\{\s*type\s[^}]*\}$/.test(m[0])) {
        const names = m[0].match(/\{([^}]*)\}/)?.[1] ?? "";
        const values = names.split(",").map((n) => n.trim()).filter((n) =>
          n && !n.startsWith("type ")
        );
        if (values.length > 0) offenders.push(`${from} imports ${values.join(", ")} from ${to}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});
