import assert from "node:assert/strict";
import {
  againstWords,
  amount,
  intervalWords,
  MINUS,
  MONEY,
  money,
  signedWords,
  spanWords,
} from "./answer_words.ts";

/** The numbers of a span in reading order, signed along the direction its last word states. */
function along(text: string): number[] {
  const parts = [...text.matchAll(/£?([\d,.]+)(m?)(?: (\w+))?/g)];
  const stated = parts.at(-1)![3];
  return parts.map(([, n, m, w]) => {
    const v = Number(n.replaceAll(",", "")) * (m ? 1e6 : 1);
    return (w ?? stated) === stated ? v : -v;
  });
}

Deno.test("spanWords() writes an interval low → high along its direction, the word once", async (t) => {
  const cases: [number, number][] = [
    [61.1, 332.7],
    [-0.51, -0.47],
    [-963, -434],
    [-5462, 3258],
    [-0.001, 0.08],
    [-0.08, 0.001],
    [12, 12],
  ];
  await t.step("numbers: each end's signed value rises from the first to the second", () => {
    for (const [lo, hi] of cases) {
      const text = spanWords(lo, hi);
      const [a, b] = along(text);
      assert.ok(a <= b, `${lo}..${hi} → "${text}"`);
      assert.equal(
        text.match(/fewer|more/g)!.length,
        lo * hi < 0 && amount(Math.abs(lo)) !== "0" &&
          amount(Math.abs(hi)) !== "0"
          ? 2
          : 1,
        text,
      );
    }
    assert.equal(spanWords(-0.51, -0.47), "0.47 to 0.51 more");
    assert.equal(spanWords(-963, -434), "434 to 963 more");
    assert.equal(spanWords(-5462, 3258), "5,462 more to 3,258 fewer");
  });

  await t.step("money: words instead of signs, never a minus before £", () => {
    for (const [lo, hi] of [[-1.2e6, 4e5], [-10.69e6, -7.65e6], [3.9e6, 13.06e6]]) {
      const text = spanWords(lo, hi, MONEY);
      assert.doesNotMatch(text, /[-−]/, text);
      const [a, b] = along(text);
      assert.ok(a <= b, text);
    }
    assert.equal(spanWords(-1.2e6, 4e5, MONEY), "£1.20m saved to £0.40m more");
    assert.equal(spanWords(-3.88e6, -504116, MONEY), "£0.50m to £3.88m saved", "one scale");
    assert.equal(spanWords(-10.69e6, -7.65e6, MONEY), "£7.65m to £10.69m saved");
    assert.equal(signedWords(-9.17e6, MONEY), "£9.17m saved");
    assert.match(
      intervalWords(
        { mean: -1, ciLow: -3e6, ciHigh: 1e6, p05: -2e6, p50: 0, p95: -5e5, n: 5 },
        MONEY,
      ),
      /^95% CI £3.00m saved to £1.00m more; 90% of replications £0.50m to £2.00m saved$/,
    );
  });

  await t.step("a negative number carries the typographic minus (no break after it)", () => {
    assert.equal(amount(-62), `${MINUS}62`);
    assert.equal(money(-45600), `${MINUS}£45,600`);
    assert.doesNotMatch(
      intervalWords({ mean: 1, ciLow: -3, ciHigh: 5, p05: -62, p50: 0, p95: 845, n: 5 }),
      /-/,
    );
  });
});

Deno.test("againstWords() says 'as many … as', 'N more … than', 'N fewer … than'", () => {
  assert.equal(againstWords(0, "today"), "as many as today");
  assert.equal(
    againstWords(0.0004, "the baseline's", "occupied beds"),
    "as many occupied beds as the baseline's",
  );
  assert.equal(againstWords(13.3, "today"), "13.3 more than today");
  assert.equal(againstWords(-3.26, "the 40 in post"), "3.26 fewer than the 40 in post");
});
