/**
 * Emergency length of stay as a mixture: a share of zero-day stays (admitted and discharged the
 * same day), and overnight stays of 1 + a lognormal number of days. The lognormal's scale is
 * fitted per age band to the band's mean length of stay, and one shape shared by every band is
 * fitted so that the share of older patients staying more than 21 days is the published one.
 * The mixture's mean and tail shares are closed-form, so the fit is exact.
 *
 * @module
 */

import { errorFunction, PortableMath } from "../../sim/mod.ts";

/** A length-of-stay mixture: zero-day stays, or 1 + lognormal(mu, sigma) days. */
export interface LengthOfStayMixture {
  /** Share of stays discharged the same day (0 days). */
  zeroDayShare: number;
  /** Log-scale mean of the overnight part's days beyond the first. */
  overnightMu: number;
  /** Log-scale sd of the overnight part's days beyond the first. */
  overnightSigma: number;
}

/**
 * Mean length of stay of a mixture, days (zero-day stays count 0).
 *
 * @param mixture The mixture.
 * @returns Mean days.
 *
 * @example Half zero-day, half exactly 1 + e⁰ = 2 days on average
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(meanLengthOfStayDays({ zeroDayShare: 0.5, overnightMu: -0.125, overnightSigma: 0.5 }), 1);
 * ```
 */
export function meanLengthOfStayDays(mixture: LengthOfStayMixture): number {
  const { zeroDayShare: z, overnightMu: mu, overnightSigma: sigma } = mixture;
  return (1 - z) * (1 + PortableMath.exp(mu + sigma * sigma / 2));
}

/**
 * Share of stays longer than a number of days.
 *
 * @param mixture The mixture.
 * @param days Threshold, days (e.g. 7, 14, 21).
 * @returns P(length of stay > days).
 *
 * @example The median overnight stay is 1 + e^mu days
 * ```ts
 * import assert from "node:assert/strict";
 * const m = { zeroDayShare: 0.3, overnightMu: Math.log(6), overnightSigma: 1 };
 * assert.ok(Math.abs(shareLongerThan(m, 7) - 0.35) < 1e-7);
 * ```
 */
export function shareLongerThan(mixture: LengthOfStayMixture, days: number): number {
  const overnight = 1 - mixture.zeroDayShare;
  if (days < 1) return days < 0 ? 1 : overnight;
  if (days === 1) return overnight;
  const x = (PortableMath.log(days - 1) - mixture.overnightMu) / mixture.overnightSigma;
  return overnight * 0.5 * (1 - errorFunction(x / Math.SQRT2));
}

/** What one age band's length of stay must reproduce. */
export interface LengthOfStayTarget {
  /** Band id, e.g. "85+". */
  id: string;
  /** Emergency admissions a year (the band's weight in pooled shares). */
  admissionsPerYear: number;
  /** Mean emergency length of stay, days (zero-day stays count 0). */
  meanDays: number;
  /** Share of emergency admissions that are zero-day stays. */
  zeroDayShare: number;
}

/** A fitted mixture per band, with the shared shape. */
export interface LengthOfStayFit {
  /** The lognormal shape shared by every band. */
  overnightSigma: number;
  /** Mixture per band id. */
  bands: Record<string, LengthOfStayMixture>;
}

/**
 * Fits a mixture per band: each band's mean exactly, and one shared shape so that the
 * admissions-weighted share of stays over `longStay.overDays` in `longStay.bandIds` is
 * `longStay.share` (the smallest shape that does, so the tail is no heavier than needed).
 *
 * @param targets One target per band.
 * @param options `longStay`: the pooled long-stay target.
 * @returns The fitted mixtures.
 * @throws {RangeError} If a target is out of range or no shape reaches the long-stay share.
 *
 * @example Two bands; the pooled 21-day share is met
 * ```ts
 * import assert from "node:assert/strict";
 * const targets = [
 *   { id: "young", admissionsPerYear: 2, meanDays: 4, zeroDayShare: 0.4 },
 *   { id: "old", admissionsPerYear: 1, meanDays: 10, zeroDayShare: 0.28 },
 * ];
 * const fit = fitLengthOfStay(targets, { longStay: { overDays: 21, share: 0.05, bandIds: ["old"] } });
 * assert.ok(Math.abs(shareLongerThan(fit.bands.old, 21) - 0.05) < 1e-9);
 * assert.ok(Math.abs(meanLengthOfStayDays(fit.bands.young) - 4) < 1e-9);
 * ```
 */
export function fitLengthOfStay(
  targets: readonly LengthOfStayTarget[],
  options: { longStay: { overDays: number; share: number; bandIds: readonly string[] } },
): LengthOfStayFit {
  for (const t of targets) {
    if (!(t.zeroDayShare >= 0 && t.zeroDayShare < 1)) {
      throw new RangeError(
        `Cannot fit length of stay: band ${t.id} zeroDayShare must be in [0, 1), received ${t.zeroDayShare}`,
      );
    }
    if (!(t.meanDays > 1 - t.zeroDayShare)) {
      throw new RangeError(
        `Cannot fit length of stay: band ${t.id} meanDays ${t.meanDays} must exceed ${
          1 - t.zeroDayShare
        } (overnight stays last at least a day)`,
      );
    }
    if (!(t.admissionsPerYear >= 0)) {
      throw new RangeError(
        `Cannot fit length of stay: band ${t.id} admissionsPerYear must be ≥ 0, received ${t.admissionsPerYear}`,
      );
    }
  }
  const { overDays, share, bandIds } = options.longStay;
  const pooled = targets.filter((t) => bandIds.includes(t.id));
  if (pooled.length !== bandIds.length) {
    throw new RangeError(
      `Cannot fit length of stay: longStay.bandIds ${
        JSON.stringify(bandIds)
      } must all be band ids, found ${JSON.stringify(targets.map((t) => t.id))}`,
    );
  }
  const mixtures = (sigma: number) =>
    Object.fromEntries(targets.map((t) => [t.id, mixtureFor(t, sigma)]));
  const pooledShare = (sigma: number) => {
    const m = mixtures(sigma);
    let weight = 0;
    let sum = 0;
    for (const t of pooled) {
      weight += t.admissionsPerYear;
      sum += t.admissionsPerYear * shareLongerThan(m[t.id], overDays);
    }
    return sum / weight;
  };
  let low = 0.01;
  let high = NaN;
  for (let sigma = 0.01; sigma <= 4; sigma += 0.01) {
    if (pooledShare(sigma) >= share) {
      high = sigma;
      break;
    }
    low = sigma;
  }
  if (Number.isNaN(high)) {
    throw new RangeError(
      `Cannot fit length of stay: no lognormal shape gives ${share} of stays over ${overDays} days in ${
        JSON.stringify(bandIds)
      } with these means; lower longStay.share or raise meanDays`,
    );
  }
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (pooledShare(mid) < share) low = mid;
    else high = mid;
  }
  const sigma = (low + high) / 2;
  return { overnightSigma: sigma, bands: mixtures(sigma) };
}

function mixtureFor(t: LengthOfStayTarget, sigma: number): LengthOfStayMixture {
  const extraDays = t.meanDays / (1 - t.zeroDayShare) - 1;
  return {
    zeroDayShare: t.zeroDayShare,
    overnightMu: PortableMath.log(extraDays) - sigma * sigma / 2,
    overnightSigma: sigma,
  };
}
