/**
 * England's mid-2019 population by single year of age, 0 to 89 and 90+: the ONS mid-year
 * estimates (MYE2, persons), summed over the 314 English local authorities. Read from the copy
 * in repo `humaniverse/demographr`, `data/population19_ltla20.rda` (commit d0417101), built
 * from the ONS file named in docs/evidence.md#d1-population-by-age. The band totals are the
 * published ones: 0–64 45,933,245; 65–74 5,576,066; 75–84 3,380,599; 85+ 1,397,051.
 *
 * @module
 */

/**
 * People by single year of age, England mid-2019; index = age, the last entry is 90+.
 *
 * @example The total is England's published mid-2019 population
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(ENGLAND_2019_BY_AGE.reduce((a, b) => a + b, 0), 56_286_961);
 * ```
 */
export const ENGLAND_2019_BY_AGE: readonly number[] = [
  618_858,
  644_056,
  665_596,
  686_135,
  684_992,
  691_122,
  706_742,
  727_938,
  712_204,
  700_200,
  689_733,
  695_753,
  673_789,
  660_928,
  634_043,
  624_590,
  607_496,
  599_393,
  618_873,
  639_880,
  668_129,
  679_576,
  706_968,
  715_442,
  717_748,
  740_656,
  742_735,
  765_411,
  782_363,
  770_244,
  762_666,
  771_667,
  752_937,
  760_681,
  760_003,
  741_443,
  746_952,
  745_065,
  749_311,
  750_871,
  721_254,
  672_514,
  661_799,
  673_246,
  685_484,
  696_569,
  725_600,
  755_206,
  778_729,
  759_708,
  776_578,
  775_173,
  785_471,
  784_074,
  786_165,
  777_616,
  758_665,
  740_085,
  712_624,
  681_661,
  664_457,
  649_021,
  622_905,
  599_252,
  576_200,
  575_744,
  566_050,
  547_827,
  549_233,
  557_886,
  569_617,
  598_038,
  645_078,
  493_261,
  473_332,
  466_239,
  427_207,
  375_723,
  332_047,
  339_470,
  329_713,
  312_737,
  289_092,
  265_631,
  242_740,
  214_727,
  194_007,
  177_399,
  157_770,
  135_875,
  517_273,
];

/** The open last age of {@linkcode ENGLAND_2019_BY_AGE} (90+). */
export const ENGLAND_2019_OPEN_AGE = 90;
