/**
 * `deno task compare` in a subprocess: exit codes (0 match, 1 mismatch, 2 bad input), messages,
 * the report table and the accept command, and --update.
 */
import assert from "node:assert/strict";
import { fixtureSourceFromRun, readFixture } from "../ci_fixtures/mod.ts";
import { runScenario } from "../models/run_scenario.ts";
import { parseScenario } from "../scenarios/load.ts";
import { runCli, SMALL_SCENARIO } from "./_cli.ts";

const root = await Deno.makeTempDir({ prefix: "caresim_compare_" });
const small = `${root}/small.json`;
await Deno.writeTextFile(small, JSON.stringify(SMALL_SCENARIO));
const runA = `${root}/run_a`;
const runB = `${root}/run_b`;
const fixture = `${root}/fixtures/small.json`;

async function sim(out: string, ...args: string[]) {
  const r = await runCli("sim", [small, "--out", out, "--quiet", "--workers", "2", ...args]);
  assert.equal(r.code, 0, r.stderr);
}

function assertBadInput(r: { code: number; stdout: string; stderr: string }, message: RegExp) {
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, message);
  assert.doesNotMatch(r.stderr, /^\s+at /m, "no stack trace");
  assert.equal(r.stdout, "");
}

Deno.test({
  name: "deno task compare: exit codes, report and --update",
  sanitizeResources: false,
  async fn(t) {
    await Promise.all([sim(runA), sim(runB, "--seed", "4")]);

    await t.step("--help documents the options and exit codes", async () => {
      const r = await runCli("compare", ["--help"]);
      assert.equal(r.code, 0);
      for (
        const word of [
          "--mode exact|statistical",
          "--update",
          "--alpha",
          "--correction",
          "--relative-tolerance",
          "--absolute-tolerance",
          "Exit codes: 0 match",
        ]
      ) {
        assert.ok(r.stdout.includes(word), word);
      }
    });

    await t.step("bad input exits 2 with one clear message", async () => {
      assertBadInput(
        await runCli("compare", []),
        /^Cannot compare: expected OUT_DIR and FIXTURE, received 0 argument\(s\)\nRun `deno task compare --help` for usage\.\n$/,
      );
      assertBadInput(
        await runCli("compare", [`${root}/none`, fixture]),
        new RegExp(`^Cannot read run outputs in ${root}/none: directory not found\\n$`),
      );
      assertBadInput(
        await runCli("compare", [root, fixture]),
        /summary\.csv not found \(write it with `deno task sim SCENARIO --out /,
      );
      assertBadInput(
        await runCli("compare", [runA, fixture]),
        new RegExp(`^Cannot read fixture ${fixture}: file not found\\n$`),
      );
      await Deno.writeTextFile(`${root}/bad.json`, "{");
      assertBadInput(
        await runCli("compare", [runA, `${root}/bad.json`]),
        /^Cannot read fixture .*bad\.json: invalid JSON/,
      );
      await Deno.writeTextFile(
        `${root}/wrong.json`,
        JSON.stringify({ format: "caresim-fixture", formatVersion: 2 }),
      );
      assertBadInput(
        await runCli("compare", [runA, `${root}/wrong.json`]),
        /not a caresim fixture: \d+ problems\n {2}- formatVersion: /,
      );
      assertBadInput(
        await runCli("compare", [runA, fixture, "--mode", "fuzzy"]),
        /^Cannot compare: --mode must be exact or statistical, received "fuzzy"/,
      );
      assertBadInput(
        await runCli("compare", [runA, fixture, "--alpha", "x"]),
        /^Cannot compare: --alpha must be a number, received "x"/,
      );
      assertBadInput(
        await runCli("compare", [runA, fixture, "--alpha", "1.5"]),
        /^Cannot compare: alpha must be in \(0, 1\), received 1\.5/,
      );
      assertBadInput(
        await runCli("compare", [runA, fixture, "--correction", "sidak"]),
        /--correction must be one of holm, bonferroni, none/,
      );
      assertBadInput(
        await runCli("compare", [runA, fixture, "--updte"]),
        /^Cannot compare: Unknown option '--updte'/,
      );
    });

    await t.step(
      "--update records the fixture atomically; the same run then matches (exit 0)",
      async () => {
        const u = await runCli("compare", [runA, fixture, "--update"]);
        assert.equal(u.code, 0, u.stderr);
        assert.match(
          u.stdout,
          new RegExp(`^Wrote fixture ${fixture} from ${runA}: \\d+ rows, statistical mode`),
        );
        const names = [];
        for await (const e of Deno.readDir(`${root}/fixtures`)) names.push(e.name);
        assert.deepEqual(names, ["small.json"], "no temporary file left behind");
        const f = await readFixture(fixture);
        assert.equal(f.run.seed, 3);
        assert.equal(f.run.replications, 4);
        assert.match(f.run.scenarioHash ?? "", /^sha256:/);
        for (const mode of ["exact", "statistical"]) {
          const r = await runCli("compare", [runA, fixture, "--mode", mode]);
          assert.equal(r.code, 0, r.stdout + r.stderr);
          assert.match(r.stdout, new RegExp(`^caresim compare: MATCH \\(${mode} mode`));
        }
      },
    );

    await t.step("the CLI's summary.csv is byte-identical to the in-process one", async () => {
      const run = await runScenario(parseScenario(SMALL_SCENARIO), { workers: 1 });
      const source = await fixtureSourceFromRun(run);
      assert.equal(source.summaryCsv, await Deno.readTextFile(`${runA}/summary.csv`));
    });

    await t.step(
      "exact mode: another seed is a mismatch (exit 1) with the table and accept command",
      async () => {
        const r = await runCli("compare", [runB, fixture, "--mode", "exact"]);
        assert.equal(r.code, 1, r.stderr);
        assert.equal(r.stderr, "");
        assert.match(
          r.stdout,
          /^caresim compare: MISMATCH \(exact mode: summary\.csv must be byte-identical\)/,
        );
        assert.match(r.stdout, /note: seed differs: fixture 3, current 4/);
        assert.match(
          r.stdout,
          /\nmetric\s+year\s+fixture value\s+current value\s+difference\s+allowed difference\s+verdict\n/,
        );
        assert.match(
          r.stdout,
          /\nemergency_admissions\s+1\s+[\d.]+\s+[\d.]+\s+[+-]?[\d.]+ \([+-]?[\d.]+%\)\s+0\s+FAIL \(mean/,
        );
        assert.ok(
          r.stdout.trimEnd().endsWith(`deno task compare ${runB} ${fixture} --mode exact --update`),
        );
      },
    );

    await t.step(
      "statistical mode: a 50% rise in emergency admissions fails on that metric (4 replications: weak power)",
      async () => {
        const text = await Deno.readTextFile(`${runB}/summary.csv`);
        const moved = text.split("\n").map((line) => {
          const cells = line.split(",");
          if (cells[2] !== "emergency_admissions" || cells[1] !== "baseline") return line;
          cells[5] = String(Number(cells[5]) * 1.5);
          return cells.join(",");
        }).join("\n");
        await Deno.writeTextFile(`${runB}/summary.csv`, moved);
        const r = await runCli("compare", [runB, fixture]);
        assert.equal(r.code, 1, r.stdout + r.stderr);
        const failing = r.stdout.split("\n").filter((l) => / FAIL$/.test(l));
        assert.ok(failing.length > 0);
        assert.ok(failing.every((l) => l.startsWith("emergency_admissions ")), failing.join("\n"));
        assert.match(r.stdout, /\+[\d.]+ \(\+[\d.]+%\)\s+±[\d.]+\s+FAIL/);
        assert.ok(
          r.stdout.trimEnd().endsWith(
            `deno task compare ${runB} ${fixture} --mode statistical --update`,
          ),
        );
      },
    );

    await t.step("running the accept command makes the comparison pass", async () => {
      const u = await runCli("compare", [runB, fixture, "--mode", "statistical", "--update"]);
      assert.equal(u.code, 0, u.stderr);
      assert.match(u.stdout, /^Updated fixture /);
      assert.equal((await runCli("compare", [runB, fixture])).code, 0);
      assert.equal((await runCli("compare", [runB, fixture, "--mode", "exact"])).code, 0);
    });

    await Deno.remove(root, { recursive: true });
  },
});
