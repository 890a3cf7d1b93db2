import assert from "node:assert/strict";
// @ts-types="../report/_exceljs_reader.d.ts"
import ExcelJS from "npm:exceljs@4.4.0";
import { parseCsv } from "../report/csv.ts";
import { readDir, runCli, SMALL_SCENARIO } from "./_cli.ts";

const root = await Deno.makeTempDir({ prefix: "caresim-cli-" });
const small = `${root}/small.json`;
await Deno.writeTextFile(small, JSON.stringify(SMALL_SCENARIO));

async function exists(path: string) {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

Deno.test("deno task sim --help documents every option with an example", async () => {
  const r = await runCli("sim", ["--help"]);
  assert.equal(r.code, 0);
  for (
    const opt of [
      "--replications",
      "--seed",
      "--out",
      "--workers",
      "--shard",
      "--quiet",
      "--event-log",
      "--sweep",
      "--help",
    ]
  ) {
    const example = new RegExp(`^ {20,}deno task sim.*${opt}`, "m");
    assert.match(
      r.stdout,
      new RegExp(`^  ${opt}`, "m"),
      `${opt} is documented`,
    );
    assert.match(r.stdout, example, `${opt} has an example`);
  }
});

Deno.test("deno task sim: user errors print one message, exit non-zero, write nothing", async (t) => {
  const cases: [string, string[], number, RegExp][] = [
    [
      "missing file",
      [`${root}/nope.json`],
      1,
      /Cannot load scenario .*nope\.json: file not found/,
    ],
    ["bad JSON", [`${root}/bad_json.json`], 1, /invalid JSON/],
    [
      "invalid scenario",
      [`${root}/invalid.json`],
      1,
      /2 problems\n {2}- years: expected .*\n {2}- acutee: unknown key, did you mean "acute"\?/,
    ],
    [
      "bad option value",
      [small, "--replications", "0"],
      2,
      /--replications: expected a whole number from 1 to 10000, received "0"/,
    ],
    [
      "unknown option",
      [small, "--seeds", "3"],
      2,
      /unknown option, received --seeds \(did you mean --seed\?\)/,
    ],
    [
      "bad shard",
      [small, "--shard", "3/2"],
      2,
      /Cannot parse --shard: expected k\/n/,
    ],
    [
      "event log out of range",
      [small, "--event-log", "9"],
      2,
      /--event-log: the replication must be from 0 to 3/,
    ],
    [
      "bad sweep",
      [small, "--sweep", "acute.x"],
      2,
      /--sweep: expected PATH=V1,V2/,
    ],
    [
      "unwritable out dir",
      [small, "--out", "/proc/caresim/out"],
      1,
      /Cannot write outputs to \/proc\/caresim\/out: .* is not writable/,
    ],
  ];
  await Deno.writeTextFile(`${root}/bad_json.json`, '{"version": 1,');
  await Deno.writeTextFile(
    `${root}/invalid.json`,
    JSON.stringify({
      version: 1,
      years: 0,
      population: { size: 10 },
      acutee: {},
    }),
  );
  for (const [name, args, code, message] of cases) {
    await t.step(name, async () => {
      const out = `${root}/err-${name.replaceAll(" ", "-")}`;
      const r = await runCli("sim", [
        ...args,
        ...(args.includes("--out") ? [] : ["--out", out]),
      ]);
      assert.equal(r.code, code, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at .*:\d+:\d+/, "no stack trace");
      assert.equal(
        (r.stderr.match(/^error:/gm) ?? []).length,
        1,
        "one message",
      );
      assert.equal(await exists(out), false, "nothing written");
    });
  }
});

/** Whether two files hold the same bytes. */
function sameBytes(x: Uint8Array | undefined, y: Uint8Array | undefined): boolean {
  return x !== undefined && y !== undefined && x.length === y.length &&
    x.every((v, i) => v === y[i]);
}

Deno.test("deno task sim writes the outputs, deterministically", async (t) => {
  const a = `${root}/a`;
  const b = `${root}/b`;
  const r1 = await runCli("sim", [
    small,
    "--out",
    a,
    "--workers",
    "2",
    "--event-log",
    "1",
  ]);
  assert.equal(r1.code, 0, r1.stderr);

  await t.step(
    "progress lines per stage when not a terminal, then the summary table",
    () => {
      assert.match(
        r1.stderr,
        /^Loading .*small\.json\nRunning 4 replications of small on 2 workers, seed 3\n/,
      );
      assert.match(r1.stderr, /Wrote 9 files to .* in \d+\.\d s\n$/);
      assert.doesNotMatch(r1.stderr, /\r/);
      assert.match(r1.stdout, /The answer: each option against the baseline/);
      assert.match(r1.stdout, /\n– +Baseline +– +– +[\d,.]+ \/ [\d,.]+\n/);
      assert.match(r1.stdout, /90%: [\d,.]+–[\d,.]+ \/ /);
    },
  );

  await t.step(
    "the files, with summary.csv in the contract's columns",
    async () => {
      const files = await readDir(a);
      assert.deepEqual(Object.keys(files).sort(), [
        "annual.csv",
        "annual_by_segment.csv",
        "daily.csv",
        "event_log.csv",
        "report.html",
        "results.xlsx",
        "summary.csv",
        "summary.json",
        "workforce.csv",
      ]);
      const summary = parseCsv(new TextDecoder().decode(files["summary.csv"]));
      assert.deepEqual(Object.keys(summary[0]), [
        "scenario",
        "variant",
        "metric",
        "year",
        "unit",
        "mean",
        "sd",
        "ci_low",
        "ci_high",
        "p05",
        "p50",
        "p95",
        "n",
      ]);
      assert.ok(summary.every((r) => r.n === "4"));
      const json = JSON.parse(new TextDecoder().decode(files["summary.json"]));
      assert.equal(json.seed, 3);
      assert.equal(json.replications, 4);
      assert.match(json.caresim, /^\d+\.\d+\.\d+/);
      assert.match(json.scenarioHash, /^sha256:[0-9a-f]{64}$/);
      assert.equal(
        json.scenario.acute.readmission30DayProbability,
        0.07,
        "defaults filled in",
      );
    },
  );

  await t.step("results.xlsx holds every CSV, one sheet each, cell for cell", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await Deno.readFile(`${a}/results.xlsx`));
    const tables = [
      "summary",
      "annual",
      "annual_by_segment",
      "daily",
      "workforce",
      "event_log",
    ];
    assert.deepEqual(book.worksheets.map((w) => w.name), [...tables, "notes"]);
    for (const table of tables) {
      const lines = (await Deno.readTextFile(`${a}/${table}.csv`)).trimEnd().split("\n");
      const sheet = book.getWorksheet(table)!;
      assert.equal(sheet.rowCount, lines.length, table);
      // Every cell, as text, equals the CSV's (numbers are written as the CSV writes them).
      for (const r of [1, 2, Math.floor(lines.length / 2), lines.length]) {
        const cells = sheet.getRow(r).values.slice(1).map((v) => v === undefined ? "" : String(v));
        const csv = parseCsv(`${lines[0]}\n${lines[r - 1]}\n`);
        const expected = r === 1 ? lines[0].split(",") : Object.values(csv[0]);
        while (cells.length < expected.length) cells.push("");
        assert.deepEqual(cells, expected, `${table} row ${r}`);
      }
    }
  });

  await t.step("event_log.csv has process-mining columns", async () => {
    const text = await Deno.readTextFile(`${a}/event_log.csv`);
    assert.equal(
      text.split("\n")[0],
      "case_id,activity,timestamp,time_days,from,to,resource",
    );
    const rows = parseCsv(text);
    assert.ok(rows.length > 100, `${rows.length} events`);
    assert.ok(rows.some((r) => r.activity === "admit"));
    for (const row of rows.slice(0, 50)) {
      assert.match(row.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    }
  });

  await t.step(
    "same seed → byte-identical CSV and JSON (and the worker count does not matter)",
    async () => {
      const r2 = await runCli("sim", [
        small,
        "--out",
        b,
        "--workers",
        "1",
        "--quiet",
      ]);
      assert.equal(r2.code, 0, r2.stderr);
      assert.equal(r2.stdout + r2.stderr, "", "--quiet prints nothing");
      const fa = await readDir(a);
      const fb = await readDir(b);
      for (
        const f of [
          "summary.csv",
          "annual.csv",
          "annual_by_segment.csv",
          "daily.csv",
          "workforce.csv",
          "summary.json",
          "report.html",
        ]
      ) {
        // Compared as bytes without a diff: a diff of two large byte arrays is quadratic.
        assert.ok(sameBytes(fb[f], fa[f]), `${f} differs between 2 workers and 1`);
      }
      // Run a wrote an event log, which results.xlsx holds as a sheet: compare b with a third run.
      const c = `${root}/c`;
      const r3 = await runCli("sim", [small, "--out", c, "--workers", "2", "--quiet"]);
      assert.equal(r3.code, 0, r3.stderr);
      const fc = await readDir(c);
      assert.ok(sameBytes(fc["results.xlsx"], fb["results.xlsx"]), "results.xlsx differs");
    },
  );

  await t.step("a different seed changes the results", async () => {
    const r3 = await runCli("sim", [
      small,
      "--out",
      b,
      "--seed",
      "4",
      "--quiet",
    ]);
    assert.equal(r3.code, 0, r3.stderr);
    assert.notDeepEqual(
      await Deno.readFile(`${b}/summary.csv`),
      await Deno.readFile(`${a}/summary.csv`),
    );
  });
});

Deno.test("deno task sim --shard + deno task merge = one whole run, byte for byte", async () => {
  const whole = `${root}/whole`;
  const [w, s1, s2] = await Promise.all([
    runCli("sim", [small, "--out", whole, "--quiet", "--workers", "1"]),
    runCli("sim", [
      small,
      "--shard",
      "1/2",
      "--out",
      `${root}/s1`,
      "--quiet",
      "--workers",
      "1",
    ]),
    runCli("sim", [
      small,
      "--shard",
      "2/2",
      "--out",
      `${root}/s2`,
      "--quiet",
      "--workers",
      "1",
    ]),
  ]);
  for (const r of [w, s1, s2]) assert.equal(r.code, 0, r.stderr);
  const m = await runCli("merge", [
    `${root}/s2`,
    `${root}/s1`,
    "--out",
    `${root}/merged`,
  ]);
  assert.equal(m.code, 0, m.stderr);
  assert.match(m.stderr, /Merged 2 shards \(4 of 4 replications\)/);
  const a = await readDir(whole);
  const b = await readDir(`${root}/merged`);
  assert.deepEqual(Object.keys(b).sort(), Object.keys(a).sort());
  for (const f of Object.keys(a)) assert.deepEqual(b[f], a[f], f);
  // A shard whose daily series was written compressed (daily.csv.gz) merges the same.
  const daily = await Deno.open(`${root}/s1/daily.csv`);
  await daily.readable.pipeThrough(new CompressionStream("gzip")).pipeTo(
    (await Deno.create(`${root}/s1/daily.csv.gz`)).writable,
  );
  await Deno.remove(`${root}/s1/daily.csv`);
  const mz = await runCli("merge", [`${root}/s1`, `${root}/s2`, "--out", `${root}/merged-gz`]);
  assert.equal(mz.code, 0, mz.stderr);
  const c = await readDir(`${root}/merged-gz`);
  for (const f of Object.keys(a)) assert.deepEqual(c[f], a[f], `${f} (from a compressed shard)`);
  const shard = JSON.parse(await Deno.readTextFile(`${root}/s2/summary.json`));
  assert.deepEqual(shard.indices, [2, 3]);
  assert.deepEqual(shard.shard, { index: 2, count: 2 });
  const incomplete = await runCli("merge", [`${root}/s2`, "--out", `${root}/half`]);
  assert.equal(incomplete.code, 2);
  assert.match(
    incomplete.stderr,
    /^error: Cannot merge: shard 1\/2 is missing \(replications 0–1\); run it with deno task sim/,
  );
  assert.equal(await exists(`${root}/half`), false);
});

Deno.test("deno task sim --sweep writes a table and a tornado chart", async () => {
  const out = `${root}/sweep`;
  const r = await runCli("sim", [
    small,
    "--replications",
    "2",
    "--sweep",
    "acute.readmission30DayProbability=0.02,0.12",
    "--sweep",
    "population.size=2000,4000",
    "--out",
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Parameter\s+Value\s+emergency_admissions mean/);
  const csv = parseCsv(await Deno.readTextFile(`${out}/sweep.csv`));
  const admissions = (path: string, value: string) =>
    Number(
      csv.find((x) =>
        x.path === path && x.value === value &&
        x.metric === "emergency_admissions"
      )!
        .mean,
    );
  assert.ok(
    admissions("population.size", "4000") >
      1.5 * admissions("population.size", "2000"),
  );
  assert.ok(
    admissions("acute.readmission30DayProbability", "0.12") >
      admissions("acute.readmission30DayProbability", "0.02"),
  );
  const html = await Deno.readTextFile(`${out}/sweep.html`);
  assert.ok((html.match(/class="data tornado-bar"/g) ?? []).length >= 4);
  // Every bar end carries its run's 95% CI.
  assert.equal(
    (html.match(/class="data tornado-ci"/g) ?? []).length,
    (html.match(/class="data tornado-bar"/g) ?? []).length,
  );
  // Every metric is swept, FTE included.
  assert.ok(csv.some((x) => x.metric === "fte_district_nurse" && x.path === "population.size"));
  // summary.json carries the same run metadata as a normal run.
  const json = JSON.parse(await Deno.readTextFile(`${out}/summary.json`));
  assert.equal(json.seed, 3);
  assert.equal(json.replications, 2);
  assert.match(json.caresim, /^\d+\.\d+\.\d+/);
  assert.match(json.scenarioHash, /^sha256:[0-9a-f]{64}$/);
  assert.equal(json.ciLevel, 0.95);
  assert.deepEqual(json.sweep.map((p: { path: string }) => p.path), [
    "acute.readmission30DayProbability",
    "population.size",
  ]);
});

Deno.test("deno task sim --sweep rejects the options that do not apply to a sweep", async () => {
  for (
    const [option, fragment] of [
      [["--shard", "1/2"], /Cannot parse --shard: .*does not apply to --sweep/],
      [["--event-log"], /Cannot parse --event-log: .*does not apply to --sweep/],
      [["--resume"], /Cannot parse --resume: .*does not apply to --sweep/],
      [["--shard", "auto", "--shard-count", "2"], /Cannot parse --shard: .*does not apply/],
    ] as const
  ) {
    const out = `${root}/sweep-rejected`;
    const r = await runCli("sim", [
      small,
      "--sweep",
      "population.size=2000",
      ...option,
      "--out",
      out,
    ]);
    assert.equal(r.code, 2, option.join(" "));
    assert.match(r.stderr, fragment);
    assert.equal(await exists(out), false, "nothing written");
  }
});

Deno.test("deno task merge and schema: errors and output", async (t) => {
  await t.step("merge needs --out and consistent shards", async () => {
    const r = await runCli("merge", [`${root}/a`]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--out DIR is required/);
    const r2 = await runCli("merge", [
      `${root}/a`,
      `${root}/b`,
      "--out",
      `${root}/m2`,
    ]);
    assert.equal(r2.code, 1);
    assert.match(
      r2.stderr,
      /Cannot merge: the shards differ in (seed|scenarioHash)/,
    );
    const r3 = await runCli("merge", [`${root}/nope`, "--out", `${root}/m3`]);
    assert.equal(r3.code, 1);
    assert.match(r3.stderr, /Cannot merge: cannot read .*nope\/summary\.json/);
    assert.equal(
      await exists(`${root}/m2`) || await exists(`${root}/m3`),
      false,
    );
  });
  await t.step("schema prints the scenario JSON Schema", async () => {
    const r = await runCli("schema", []);
    assert.equal(r.code, 0);
    const schema = JSON.parse(r.stdout);
    assert.ok(schema.properties.population);
  });
});

addEventListener("unload", () => Deno.removeSync(root, { recursive: true }));
