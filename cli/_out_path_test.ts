import assert from "node:assert/strict";
import { defaultOutDir, safeDirectoryName } from "./_out_path.ts";

Deno.test("safeDirectoryName() keeps every default output one directory under out/", async (t) => {
  const cases: [string, string][] = [
    ["default", "default"],
    ["../../x", "x"],
    ["..", "scenario"],
    ["", "scenario"],
    [".hidden", "hidden"],
    ["/etc/passwd", "etc-passwd"],
    ["a\\b", "a-b"],
    ["pilot 35k (v2)", "pilot-35k-v2"],
    ["\u001b[31mred", "31mred"],
    ["Bristol—North", "Bristol-North"],
  ];
  for (const [name, safe] of cases) {
    await t.step(JSON.stringify(name), () => assert.equal(safeDirectoryName(name), safe));
  }
  await t.step("at most 80 characters", () => {
    assert.equal(safeDirectoryName("x".repeat(500)).length, 80);
  });
  await t.step("defaultOutDir() adds the suffix after the safe name", () => {
    assert.equal(defaultOutDir("../a", "-shard-1-of-2"), "out/a-shard-1-of-2");
  });
});
