import assert from "node:assert/strict";
import { parseArgs, parseInteger, UsageError } from "./_args.ts";

const SPECS = [
  { name: "out", value: "required" as const },
  { name: "event-log", value: "optional" as const },
  { name: "sweep", value: "required" as const, repeat: true },
  { name: "help", value: "none" as const },
];

Deno.test("parseArgs() reads options and reports mistakes", async (t) => {
  await t.step("values, optional values, repeats and --", () => {
    const p = parseArgs([
      "s.json",
      "--event-log",
      "--out",
      "d",
      "--sweep=a=1",
      "--sweep",
      "b=2",
      "--",
      "--x",
    ], SPECS);
    assert.deepEqual(p.positional, ["s.json", "--x"]);
    assert.deepEqual(p.options.get("event-log"), [""]);
    assert.deepEqual(p.options.get("sweep"), ["a=1", "b=2"]);
    assert.deepEqual(parseArgs(["--event-log", "3"], SPECS).options.get("event-log"), ["3"]);
    assert.ok(parseArgs(["-h"], SPECS).options.has("help"));
  });
  await t.step("errors are UsageErrors naming the option", () => {
    assert.throws(() => parseArgs(["--out"], SPECS), /--out: a value is required/);
    assert.throws(() => parseArgs(["--out", "a", "--out", "b"], SPECS), /given more than once/);
    assert.throws(() => parseArgs(["--help=yes"], SPECS), /takes no value/);
    assert.throws(() => parseArgs(["--outt", "x"], SPECS), UsageError);
    assert.throws(
      () => parseInteger("seed", "1.5"),
      /--seed: expected a whole number >= 0, received "1.5"/,
    );
    assert.throws(() => parseInteger("k", "7", { min: 1, max: 5 }), /from 1 to 5/);
  });
});
