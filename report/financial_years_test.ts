import assert from "node:assert/strict";
import { financialYear, financialYears, periodValue } from "./financial_years.ts";

Deno.test("financialYears() assigns every model day to its April–March year", async (t) => {
  await t.step("from 1 April: the leap day moves the last year's end by one day", () => {
    const fys = financialYears("2025-04-01", 5);
    assert.equal(fys.reduce((a, f) => a + f.modelDays, 0), 5 * 365);
    // 2027/28 holds 29 February 2028: 366 days, one of them from model year 4.
    assert.deepEqual(fys[2].overlaps, [{ year: 3, days: 365 }, { year: 4, days: 1 }]);
    assert.deepEqual(fys[3].overlaps, [{ year: 4, days: 364 }, { year: 5, days: 1 }]);
    assert.equal(fys[4].modelDays, 364);
    assert.equal(fys[4].daysInYear, 365);
  });

  await t.step("from 1 October: half years at both ends", () => {
    const fys = financialYears("2025-10-01", 1);
    assert.deepEqual(fys.map((f) => f.label), ["2025/26", "2026/27"]);
    // 1 Oct 2025 – 31 Mar 2026 is 182 days; the rest of the 365 fall in 2026/27.
    assert.equal(fys[0].modelDays, 182);
    assert.equal(fys[1].modelDays, 365 - 182);
    assert.equal(fys[0].from, "2025-04-01");
    assert.equal(fys[1].to, "2027-03-31");
  });

  await t.step("counts are shared by days; levels are day-weighted means", () => {
    const [fy] = financialYears("2025-10-01", 2).slice(1);
    // 2026/27: 183 days of model year 1, 182 of model year 2.
    assert.deepEqual(fy.overlaps, [{ year: 1, days: 183 }, { year: 2, days: 182 }]);
    assert.equal(periodValue(fy, [365, 730], "sum"), 183 + 2 * 182);
    assert.equal(periodValue(fy, [100, 200], "mean"), (183 * 100 + 182 * 200) / 365);
  });
});

Deno.test("financialYear() labels each model year with the financial year holding its middle day", async (t) => {
  for (const start of ["2025-04-01", "2025-10-01", "2027-03-01", "2028-02-29"]) {
    await t.step(
      `from ${start}: the label is the financial year that holds day 365(y − 1) + 182`,
      () => {
        const fys = financialYears(start, 8);
        for (let year = 1; year <= 8; year++) {
          const middle = 365 * (year - 1) + 182;
          let before = 0;
          const holder = fys.find((f) => (before += f.modelDays) > middle)!;
          assert.equal(financialYear(start, year), holder.label, `year ${year}`);
        }
      },
    );
  }

  await t.step("errors name the field and the rule", () => {
    assert.throws(() => financialYear("2025-04-01", 0), /year must be a whole number from 1/);
    assert.throws(() => financialYear("April", 1), /startDate must be YYYY-MM-DD, received April/);
    assert.throws(() => financialYears("April", 1), /startDate must be YYYY-MM-DD/);
  });
});
