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
