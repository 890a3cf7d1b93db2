import assert from "node:assert/strict";
import { testRun } from "./_test_run.ts";
import { buildOutputs } from "./outputs.ts";
import { runMeta } from "./run_meta.ts";
import { summarizeAll } from "./summarize_run.ts";
import { runTables } from "./tables.ts";
import { terminalSummary } from "./terminal_answer.ts";

/** The visible text of an HTML page: no style, script, SVG or code; one line per block. */
function visibleText(html: string): string {
  return html
    .replace(/<(style|script|svg|code)[\s\S]*?<\/\1>/g, " ")
    .replace(/<(p|h\d|li|tr|td|th|span|summary|figcaption|br)\b[^>]*>/g, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** What any sentence of the report or the terminal must never say. */
function sentenceProblems(text: string): string[] {
  const problems: string[] = [];
  for (const m of text.matchAll(/as many\b[^.;\n]*?\bthan\b/g)) problems.push(`"${m[0]}"`);
  for (const m of text.matchAll(/(?:^|[\s(;:])-[£\d][^\s]*/gm)) {
    problems.push(`hyphen-minus before a number: "${m[0].trim()}"`);
  }
  for (const m of text.matchAll(/[−-]£/g)) problems.push(`a sign before £: "${m[0]}"`);
  // "A W to B W" with the same direction word: A ≤ B (low → high along the stated direction).
  const span = /(£?[\d,.]+m?) (fewer|more|saved) to (£?[\d,.]+m?) \2\b/g;
  const value = (s: string) => Number(s.replace(/[£,m]/g, "")) * (s.endsWith("m") ? 1e6 : 1);
  for (const m of text.matchAll(span)) {
    if (value(m[1]) > value(m[3])) problems.push(`interval ends out of order: "${m[0]}"`);
  }
  for (const m of text.matchAll(/(\d) (more|fewer|saved) to (£?[\d,.]+m?) (more|fewer|saved)/g)) {
    if (m[2] === m[4]) continue;
    if (!/^(more|saved)$/.test(m[2]) && m[4] !== "more") {
      problems.push(`mixed interval must go from the other direction to the stated one: "${m[0]}"`);
    }
  }
  for (
    const m of text.matchAll(
      /\bin 0 of\b|: The \w+ (?:for|grew)\b|\bis [a-z]+ [a-z]+ bed days \w+\.|\bis cost \w+|\bis (?:acute|ed|gp|community)\./g,
    )
  ) {
    problems.push(`"${m[0]}"`);
  }
  for (const m of text.matchAll(/\bno change to\b|\bto no change\b|\bCI no change\b(?!;)/g)) {
    problems.push(`"${m[0]}"`);
  }
  return problems;
}

Deno.test("every sentence of the report and the terminal reads right", async (t) => {
  const run = testRun({ indices: [0, 1, 2], optionCount: 2, years: 2, costs: true });
  const meta = await runMeta(run);
  const tables = runTables(run);
  const { files } = buildOutputs(meta, tables);
  const { startDate, years } = meta.scenario;
  const terminal = terminalSummary(meta, summarizeAll(tables, { calendar: { startDate, years } }));
  const page = visibleText(files["report.html"]);

  await t.step("the checks catch what they are for", () => {
    assert.equal(sentenceProblems("as many occupied beds than the baseline's").length, 1);
    assert.equal(sentenceProblems("0.51 more to 0.47 more").length, 1);
    assert.ok(sentenceProblems("95% CI -£10.69m to -£7.65m").length >= 2);
    assert.equal(sentenceProblems("0.04 fewer no change to 0.08 fewer").length, 1);
    assert.equal(
      sentenceProblems("Reading: A avoids the most; in 0 of its 3 replications").length,
      1,
    );
    assert.equal(sentenceProblems("B: The wait for a care home grew").length, 1);
    assert.equal(
      sentenceProblems(
        "the largest cause in the baseline is delayed transfer bed days arrangement.",
      ).length,
      1,
    );
    assert.equal(
      sentenceProblems("the largest cost in the baseline is cost care homes.").length,
      1,
    );
    assert.equal(sentenceProblems("the largest cost in the baseline is acute.").length, 1);
    assert.deepEqual(sentenceProblems("0.47 to 0.51 more; £1.2m saved to £0.4m more"), []);
  });

  await t.step("report.html", () => {
    assert.deepEqual(sentenceProblems(page), []);
  });

  await t.step(
    "every chart has a one-line reading that is a sentence, the cost chart's too",
    () => {
      const charts = files["report.html"].match(/<svg data-chart=/g)!.length;
      const readings = [...page.matchAll(/^Reading: (.*)$/gm)].map((m) => m[1].trim());
      // each figure has its own reading; the workforce panels share one
      assert.ok(readings.length >= charts - 1, `${readings.length} readings for ${charts} charts`);
      for (const r of readings) assert.match(r, /^[a-zA-Z].*[a-zA-Z0-9)%]\.$/, r);
      assert.ok(
        readings.some((r) => /^in the baseline most is spent on [a-z' ]+: £[\d.,]+m? of £/.test(r)),
        readings.join("\n"),
      );
    },
  );

  await t.step("the terminal answer", () => {
    assert.deepEqual(sentenceProblems(terminal), []);
  });
});
