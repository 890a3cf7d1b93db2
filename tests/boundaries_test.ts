/**
 * Architecture rules, checked on the source tree: imports only cross folders the allowed way,
 * the engine speaks no health language, and nothing reads global randomness or the wall clock.
 */
import assert from "node:assert/strict";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of Deno.readDirSync(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory && entry.name !== "node_modules") walk(path);
      else if (entry.isFile && entry.name.endsWith(".ts")) files.push(path);
    }
  };
  walk(join(ROOT, folder));
  return files.sort();
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

/** Relative import specifiers of a file, resolved to paths from the repository root. */
function localImports(file: string): string[] {
  const text = stripComments(Deno.readTextFileSync(file));
  const specifiers = [
    ...text.matchAll(/(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']/g),
    ...text.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g),
    ...text.matchAll(/new URL\(\s*["'](\.[^"']+\.ts)["']/g),
  ].map((m) => m[1]);
  return specifiers
    .filter((s) => s.startsWith("."))
    .map((s) => relative(ROOT, resolve(dirname(file), s)));
}

const isTest = (file: string) => file.endsWith("_test.ts");

Deno.test("sim/ imports nothing of caresim outside sim/", () => {
  const offenders = sourceFiles("sim").flatMap((file) =>
    localImports(file).filter((target) => !target.startsWith("sim/")).map((target) =>
      `${relative(ROOT, file)} imports ${target}`
    )
  );
  assert.deepEqual(offenders, []);
});

Deno.test("sim/ uses no health words", () => {
  const words =
    /\b(patients?|beds?|GPs?|wards?|hospitals?|nurses?|care homes?|admissions?|clinical)\b/i;
  const offenders = sourceFiles("sim")
    .filter((file) => !isTest(file))
    .flatMap((file) => {
      const lines = Deno.readTextFileSync(file).split("\n");
      return lines.flatMap((line, i) =>
        words.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : []
      );
    });
  assert.deepEqual(offenders, []);
});

Deno.test("models/ and scenarios/ reach the engine only through sim/mod.ts", () => {
  const offenders = [...sourceFiles("models"), ...sourceFiles("scenarios")].flatMap((file) =>
    localImports(file)
      .filter((target) => target.startsWith("sim/") && target !== "sim/mod.ts")
      .map((target) => `${relative(ROOT, file)} imports ${target}`)
  );
  assert.deepEqual(offenders, []);
});

Deno.test("models/ and scenarios/ do not import reporting, CLI or fixtures", () => {
  const upward = /^(report|cli|ci_fixtures|examples|bench)\//;
  const offenders = [...sourceFiles("models"), ...sourceFiles("scenarios")].flatMap((file) =>
    localImports(file).filter((t) => upward.test(t)).map((t) =>
      `${relative(ROOT, file)} imports ${t}`
    )
  );
  assert.deepEqual(offenders, []);
});

Deno.test("examples/ import caresim only through mod.ts", () => {
  const offenders = sourceFiles("examples").flatMap((file) =>
    localImports(file)
      .filter((target) => target !== "mod.ts" && !target.startsWith("examples/"))
      .map((target) => `${relative(ROOT, file)} imports ${target}`)
  );
  assert.deepEqual(offenders, []);
});

Deno.test("no Math.random, Date.now or performance.now in sim/, models/ or scenarios/", () => {
  const banned = /\bMath\.random\s*\(|\bDate\.now\s*\(|\bperformance\.now\s*\(|new Date\(\s*\)/;
  const offenders = [...sourceFiles("sim"), ...sourceFiles("models"), ...sourceFiles("scenarios")]
    .filter((file) => !isTest(file))
    .flatMap((file) => {
      const lines = stripComments(Deno.readTextFileSync(file)).split("\n");
      return lines.flatMap((line, i) =>
        banned.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : []
      );
    });
  assert.deepEqual(offenders, []);
});

Deno.test("no default exports and no index.ts anywhere", () => {
  const folders = ["sim", "models", "scenarios", "report", "cli", "ci_fixtures", "examples"];
  const files = folders.flatMap((folder) => {
    try {
      return sourceFiles(folder);
    } catch {
      return [];
    }
  });
  const offenders = files.filter((file) =>
    file.endsWith("/index.ts") || /^\s*export\s+default\b/m.test(Deno.readTextFileSync(file))
  ).map((file) => relative(ROOT, file));
  assert.deepEqual(offenders, []);
});
