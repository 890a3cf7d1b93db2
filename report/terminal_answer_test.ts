import assert from "node:assert/strict";
import { testRun } from "./_test_run.ts";
import { runMeta } from "./run_meta.ts";
import { summarizeAll } from "./summarize_run.ts";
import { runTables } from "./tables.ts";
import { terminalSummary } from "./terminal_answer.ts";

Deno.test("terminalSummary() prints one ranking of the options in plain words", async () => {
  // MCP scales emergency admissions by 0.8, PACS by 0.9: MCP avoids more and ranks first.
  const run = testRun({ indices: [0, 1, 2], optionCount: 2, years: 2 });
  const meta = await runMeta(run);
  const { startDate, years } = meta.scenario;
  const text = terminalSummary(
    meta,
    summarizeAll(runTables(run), { calendar: { startDate, years } }),
  );
  const lines = text.split("\n");
  const rank = (label: string) => lines.find((l) => new RegExp(`^\\d +${label} `).test(l));
  assert.match(rank("MCP")!, /^1 +MCP +[\d,.]+ fewer/);
  assert.match(rank("PACS")!, /^2 +PACS +[\d,.]+ fewer/);
  assert.equal(lines.filter((l) => l.startsWith("#  Option")).length, 1, "one ranking table");
  assert.match(text, /CI [\d,.]+ to [\d,.]+ fewer/);
  assert.match(text, /Care coordinators +[\d,.]+ +[\d,.]+ +[\d,.]+/);
  assert.match(text, /as many as the 2 in post|more than the 2 in post|fewer than the 2 in post/);
  assert.doesNotMatch(text, /NaN|undefined/);
});
