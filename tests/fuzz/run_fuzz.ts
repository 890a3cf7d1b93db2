// deno-lint-ignore-file no-console
/**
 * `deno task fuzz [--runs N] [--seed S] [--processes P]`: checks N mutated scenarios (default
 * 10,000) against the property in `check_scenario.ts`, each within a time bound (30 s) and a
 * heap bound (1 GB), in child processes; prints the counts by outcome and every failure with the
 * mutations that made it, and exits 1 if any case failed.
 *
 * @module
 */

import { type Outcome } from "./check_scenario.ts";
import { fuzzDefaults } from "./fuzz_defaults.ts";
import { type FuzzCase, sampleFuzzCases } from "./scenario_mutations.ts";

/** Options of {@linkcode runFuzz}. */
export interface FuzzOptions {
  /** Number of cases. */
  runs: number;
  /** fast-check seed. */
  seed: number;
  /** Child processes checking cases in parallel. @default {2} */
  processes?: number;
  /** Time bound of one case, ms. @default {30000} */
  timeoutMs?: number;
  /** Heap bound of a child process, MB. @default {1024} */
  heapMb?: number;
  /** Called after each case. */
  onProgress?: (done: number, total: number) => void;
}

/** An outcome, including the bounds the runner enforces. */
export type FuzzOutcome =
  | Outcome
  | { kind: "timeout"; detail: string }
  | { kind: "memory"; detail: string };

/** A failed case. */
export interface FuzzFailure {
  /** Index of the case. */
  index: number;
  /** The case. */
  fuzzCase: FuzzCase;
  /** What went wrong. */
  outcome: FuzzOutcome;
}

/** The result of a fuzz run. */
export interface FuzzReport {
  /** Cases by outcome kind. */
  counts: Record<string, number>;
  /** Every case that was neither rejected with a ScenarioError nor ran cleanly. */
  failures: FuzzFailure[];
}

const CHILD = new URL("./_fuzz_child.ts", import.meta.url).pathname;

/** One child process and the case it is checking. */
class Child {
  #process: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #stderr = "";
  #pending?: {
    index: number;
    resolve: (o: FuzzOutcome) => void;
    timer: ReturnType<typeof setTimeout>;
  };
  #closed: Promise<Deno.CommandStatus>;

  constructor(runs: number, seed: number, heapMb: number) {
    this.#process = new Deno.Command(Deno.execPath(), {
      args: ["run", `--v8-flags=--max-old-space-size=${heapMb}`, CHILD, `${runs}`, `${seed}`],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.#writer = this.#process.stdin.getWriter();
    this.#readLines();
    this.#process.stderr.pipeTo(
      new WritableStream({
        write: (chunk) => {
          this.#stderr = (this.#stderr + new TextDecoder().decode(chunk)).slice(-2000);
        },
      }),
    ).catch(() => {});
    this.#closed = this.#process.status;
    this.#closed.then((status) => {
      const p = this.#pending;
      if (!p) return;
      this.#pending = undefined;
      clearTimeout(p.timer);
      const oom = /out of memory|heap limit/i.test(this.#stderr);
      p.resolve({
        kind: oom ? "memory" : "run-crash",
        detail: `child exited (code ${status.code}${status.signal ? `, ${status.signal}` : ""}): ${
          this.#stderr.trim().split("\n").slice(-3).join(" | ")
        }`,
      });
    });
  }

  async #readLines(): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of this.#process.stdout) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = JSON.parse(buffer.slice(0, newline)) as { index: number; outcome: Outcome };
        buffer = buffer.slice(newline + 1);
        const p = this.#pending;
        if (p && p.index === line.index) {
          this.#pending = undefined;
          clearTimeout(p.timer);
          p.resolve(line.outcome);
        }
      }
    }
  }

  /** Checks one case; resolves with a timeout outcome (and kills the child) past the bound. */
  check(index: number, timeoutMs: number): Promise<FuzzOutcome> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending = undefined;
        resolve({ kind: "timeout", detail: `no result within ${timeoutMs / 1000} s` });
        this.kill();
      }, timeoutMs);
      this.#pending = { index, resolve, timer };
      this.#writer.write(new TextEncoder().encode(`${index}\n`)).catch(() => {});
    });
  }

  /** Whether the child is still usable. */
  get alive(): boolean {
    return this.#alive;
  }
  #alive = true;

  kill(): void {
    this.#alive = false;
    try {
      this.#process.kill("SIGKILL");
    } catch { /* already gone */ }
  }

  async close(): Promise<void> {
    this.#alive = false;
    await this.#writer.close().catch(() => {});
    await this.#closed;
  }
}

/**
 * Generates and checks the cases.
 *
 * @param options Count, seed, parallelism, bounds, progress.
 * @returns Counts by outcome and the failures.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const { runs, seed } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const heapMb = options.heapMb ?? 1024;
  const cases = sampleFuzzCases(runs, seed, fuzzDefaults());
  const counts: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  let next = 0;
  let done = 0;
  async function lane(): Promise<void> {
    let child = new Child(runs, seed, heapMb);
    while (next < runs) {
      const index = next++;
      if (!child.alive) child = new Child(runs, seed, heapMb);
      const outcome = await child.check(index, timeoutMs);
      if (outcome.kind === "memory" || outcome.kind === "run-crash") child.kill();
      counts[outcome.kind] = (counts[outcome.kind] ?? 0) + 1;
      if (outcome.kind !== "rejected" && outcome.kind !== "ran") {
        failures.push({ index, fuzzCase: cases[index], outcome });
      }
      options.onProgress?.(++done, runs);
    }
    await child.close();
  }
  await Promise.all(Array.from({ length: options.processes ?? 2 }, lane));
  failures.sort((a, b) => a.index - b.index);
  return { counts, failures };
}

function describeMutations(c: FuzzCase): string {
  const value = (v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    const text = JSON.stringify(v);
    return text === undefined ? String(v) : text.length > 60 ? text.slice(0, 60) + "…" : text;
  };
  return c.mutations.map((m) =>
    `${m.path.join(".")} ${m.op === "delete" ? "deleted" : `= ${value(m.value)}`}`
  ).join("; ");
}

/**
 * Formats a report: the counts, then one line per failure.
 *
 * @param report The report.
 * @returns Text.
 */
export function formatFuzzReport(report: FuzzReport): string {
  const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
  const lines = [`${total} mutated scenarios:`];
  for (const [kind, n] of Object.entries(report.counts).sort()) lines.push(`  ${kind}: ${n}`);
  for (const f of report.failures) {
    lines.push(
      `case ${f.index} (base ${f.fuzzCase.base}; ${
        describeMutations(f.fuzzCase)
      }): ${f.outcome.kind} ${"detail" in f.outcome ? f.outcome.detail : ""}`,
    );
  }
  return lines.join("\n");
}

if (import.meta.main) {
  const arg = (name: string, fallback: number) => {
    const i = Deno.args.indexOf(`--${name}`);
    return i >= 0 ? Number(Deno.args[i + 1]) : fallback;
  };
  const runs = arg("runs", 10_000);
  const report = await runFuzz({
    runs,
    seed: arg("seed", 1),
    processes: arg("processes", 2),
    onProgress: (done, total) => {
      if (done % 500 === 0 || done === total) console.error(`${done}/${total}`);
    },
  });
  console.log(formatFuzzReport(report));
  Deno.exit(report.failures.length > 0 ? 1 : 0);
}
