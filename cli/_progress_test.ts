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
        /\r\x1b\[2K█{8}░{22} 5\/20 replications · 0:10 elapsed · ETA 0:30$/,
      );
      c.advance(50);
      c.p.update(6, 20);
      assert.doesNotMatch(c.text(), /6\/20/, "redraws at most every 100 ms");
      c.advance(29_950);
      c.p.done("Wrote");
      assert.match(c.text(), /\r\x1b\[2KWrote in 40\.0 s\n$/);
    },
  );
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
