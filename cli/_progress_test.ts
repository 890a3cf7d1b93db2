// deno-lint-ignore-file no-control-regex
import assert from "node:assert/strict";
import { Progress } from "./_progress.ts";

function capture(tty: boolean, quiet = false) {
  let text = "";
  let t = 0;
  const p = new Progress({
    tty,
    quiet,
    write: (s) => (text += s),
    now: () => t,
  });
  return { p, text: () => text, advance: (ms: number) => (t += ms) };
}

Deno.test("Progress shows a bar on a terminal and stage lines otherwise", async (t) => {
  await t.step(
    "terminal: the bar redraws in place with done/total, elapsed and ETA",
    () => {
      const c = capture(true);
      c.p.stage("Running");
      c.advance(10_000);
      c.p.update(5, 20);
      assert.match(
        c.text(),
        /\r\x1b\[2K█{8}░{22} 5\/20 replications · 0:10 elapsed · ETA –$/,
        "no rate measured yet",
      );
      c.advance(50);
      c.p.update(6, 20);
      assert.doesNotMatch(c.text(), /6\/20/, "redraws at most every 100 ms");
      c.advance(9_950);
      c.p.update(10, 20);
      // 5 done in the 10 s since the first update: 10 left take 20 s.
      assert.match(c.text(), /10\/20 replications · 0:20 elapsed · ETA 0:20$/);
      c.advance(20_000);
      c.p.done("Wrote");
      assert.match(c.text(), /\r\x1b\[2KWrote in 40\.0 s\n$/);
    },
  );
  await t.step("the ETA counts only items done since the stage's first update", () => {
    // A resumed run: 500 of 1,000 were done before; 10 more take 60 s, so 490 take 49 min —
    // not the 0:59 that "elapsed ÷ all done × left" would claim.
    const c = capture(true);
    c.p.stage("Running");
    c.p.update(500, 1000);
    c.advance(60_000);
    c.p.update(510, 1000);
    assert.match(c.text(), /510\/1000 replications · 1:00 elapsed · ETA 49:00$/);
    c.p.stage("Writing");
    c.p.update(3, 30, "files");
    c.advance(1_000);
    c.p.update(6, 30, "files");
    assert.match(c.text(), /6\/30 files · 0:01 elapsed · ETA 0:08$/);
  });
  await t.step("not a terminal: one line per stage, no bar", () => {
    const c = capture(false);
    c.p.stage("Running");
    c.p.update(5, 20);
    c.p.done("Wrote");
    assert.equal(c.text(), "Running\nWrote in 0.0 s\n");
  });
  await t.step("quiet: nothing", () => {
    const c = capture(true, true);
    c.p.stage("Running");
    c.p.update(1, 2);
    c.p.done("Wrote");
    assert.equal(c.text(), "");
  });
});
