/**
 * Library code computes results with `PortableMath` (sim/numerics), never with the engine's
 * `Math.exp`, `Math.log`, `Math.pow`, the trigonometric or hyperbolic functions, or `**` with
 * an exponent other than 2: those are not correctly rounded and differ in the last bit between
 * Deno, Node and browsers, so results would depend on the runtime. (+, −, ×, ÷, `Math.sqrt`,
 * `Math.floor`, `Math.round`, `Math.abs`, `Math.min`/`max` and `Math.fround` are exact in every
 * engine and stay allowed; `x ** 2` is x × x everywhere.) Functions imported from simple-statistics
 * are held to the same rule.
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";

const ROOT = new URL("../", import.meta.url).pathname;
const LIBRARY = ["sim", "models", "scenarios", "studies", "report"];

const BANNED_MATH =
  /\bMath\.(exp|expm1|log|log1p|log2|log10|pow|cbrt|hypot|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh)\b/;
/** `**` whose exponent is not the literal 2. */
const BANNED_POWER = /\*\*(?!\s*2(?![\w.]))/;

/** Library source files: .ts under the folders, tests and test helpers excluded. */
function libraryFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of Deno.readDirSync(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory && entry.name !== "node_modules") walk(path);
      else if (
        entry.isFile && entry.name.endsWith(".ts") && !entry.name.endsWith("_test.ts") &&
        !entry.name.startsWith("_test_")
      ) files.push(path);
    }
  };
  for (const folder of LIBRARY) walk(join(ROOT, folder));
  return files.sort();
}

/** Code without comments and string contents (so doc examples and text do not count). */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "))
    .replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g, (s) => s[0] + " ".repeat(s.length - 2) + s[0])
    .replace(/(^|[^:])\/\/.*$/gm, "$1");
}

/** `file:line: text` for each line using a banned function or power. */
function offenders(file: string, text: string): string[] {
  return code(text).split("\n").flatMap((line, i) =>
    BANNED_MATH.test(line) || BANNED_POWER.test(line)
      ? [`${file}:${i + 1}: ${text.split("\n")[i]!.trim()}`]
      : []
  );
}

Deno.test("library code uses PortableMath, not Math's inexact functions or ** beyond squares", () => {
  const found = libraryFiles().flatMap((file) =>
    offenders(relative(ROOT, file), Deno.readTextFileSync(file))
  );
  assert.deepEqual(found, [], "use PortableMath.exp/log/log1p/log10/pow/sinPi (sim/numerics)");
});

/** simple-statistics functions built on +, −, ×, ÷ and √ only (the others use Math.exp/log). */
const EXACT_SIMPLE_STATISTICS = new Set([
  "max",
  "mean",
  "median",
  "min",
  "quantile",
  "quantileSorted",
  "sampleCorrelation",
  "sampleCovariance",
  "sampleStandardDeviation",
  "sampleVariance",
  "standardDeviation",
  "sum",
  "variance",
]);

Deno.test("library code imports only exact functions from simple-statistics", () => {
  const found = libraryFiles().flatMap((file) => {
    const text = Deno.readTextFileSync(file);
    return [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"npm:simple-statistics@[^"]*"/g)]
      .flatMap((m) => m[1]!.split(",").map((n) => n.trim()).filter((n) => n !== ""))
      .filter((name) => !EXACT_SIMPLE_STATISTICS.has(name))
      .map((name) => `${relative(ROOT, file)}: ${name}`);
  });
  assert.deepEqual(found, [], "compute these with PortableMath (e.g. sim/numerics' errorFunction)");
});

Deno.test("the check finds planted uses and passes comments, strings, squares and PortableMath", () => {
  const planted = [
    "const a = Math.exp(x);",
    "const f = Math.log;",
    "const b = Math.pow(x, 0.5);",
    "const c = y * Math.sin(t);",
    "const d = x ** 0.5;",
    "const e = 10 ** k;",
    "const g = x ** 2.5;",
  ];
  const allowed = [
    "const a = PortableMath.exp(x) + Math.sqrt(y) + Math.floor(z);",
    "const s = (x - m) ** 2;",
    "// Math.exp(x) in a comment",
    "/** @example Math.log(2) ** 3 */",
    'const label = "Math.pow(x, y) or **bold**";',
  ];
  assert.equal(offenders("x.ts", planted.join("\n")).length, planted.length);
  assert.deepEqual(offenders("x.ts", allowed.join("\n")), []);
});
