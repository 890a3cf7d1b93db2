import assert from "node:assert/strict";
import { parseCsv, toCsv } from "./csv.ts";

Deno.test("toCsv()/parseCsv() round-trip text and numbers exactly", async (t) => {
  await t.step("numbers survive String → Number unchanged", () => {
    const values = [0.1 + 0.2, 1e-7, 123456789.123456, -0, 5e300, 1 / 3];
    const back = parseCsv(toCsv(["v"], values.map((v) => [v]))).map((r) => Number(r.v));
    assert.deepEqual(back, values.map((v) => (Object.is(v, -0) ? 0 : v)));
  });
  await t.step("commas, quotes and newlines are quoted", () => {
    const text = toCsv(["a"], [['say "hi", then\nleave']]);
    assert.equal(text, 'a\n"say ""hi"", then\nleave"\n');
    assert.deepEqual(parseCsv(text), [{ a: 'say "hi", then\nleave' }]);
  });
  await t.step("a row of the wrong length is an error", () => {
    assert.throws(() => toCsv(["a", "b"], [[1]]), RangeError);
    assert.throws(() => parseCsv('a,b\n"unterminated'), /Cannot parse CSV/);
  });
});

Deno.test("toCsv() writes cells a spreadsheet would run as formulas as text", async (t) => {
  await t.step("every formula prefix gets a leading quote", () => {
    const cells = ["=1+1", "+1", "-cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx"];
    const csv = toCsv(["name"], cells.map((c) => [c]));
    const back = parseCsv(csv).map((r) => r.name);
    assert.deepEqual(back, cells.map((c) => `'${c}`));
  });
  await t.step("numbers written as text stay numbers, and neutralising is idempotent", () => {
    assert.equal(toCsv(["a", "b", "c"], [["-3", "-0.5", "'=x"]]), "a,b,c\n-3,-0.5,'=x\n");
  });
  await t.step("NaN is an empty cell", () => {
    assert.equal(toCsv(["sd"], [[NaN]]), "sd\n\n");
  });
});
