/**
 * The shipped CI fixtures are sensitive enough: with the fixture's replications, spread and
 * statistical settings, a 5% change in emergency admissions or in bed days over the whole
 * horizon fails the statistical comparison with 80% power. (Single years are noisier; their
 * figures are in tests/fixtures/README.md.)
 */
import assert from "node:assert/strict";
import {
  minimumDetectableChange,
  readFixture,
  resolveStatisticalSettings,
} from "../ci_fixtures/mod.ts";

const here = (path: string) => new URL(path, import.meta.url).pathname;

for (const name of ["default", "south-worcestershire", "pilot-35k"]) {
  Deno.test(`tests/fixtures/${name}.json detects a 5% change in admissions and bed days`, async () => {
    const fixture = await readFixture(here(`./fixtures/${name}.json`));
    const settings = resolveStatisticalSettings(fixture.statistical);
    const rows = fixture.rows.length;
    for (const metric of ["emergency_admissions", "bed_days"]) {
      const targets = fixture.rows.filter((r) =>
        r.metric === metric && r.variant === "baseline" && r.year === "all"
      );
      assert.equal(targets.length, 1, metric);
      for (const r of targets) {
        const mdc = minimumDetectableChange({ mean: r.mean!, sd: r.sd!, n: r.n }, {
          settings,
          rows,
        });
        assert.ok(mdc <= 0.05, `${metric} year ${r.year}: detects ${(mdc * 100).toFixed(1)}%`);
      }
    }
  });
}
