/**
 * Access to the two 32-bit words of a double, as fdlibm's `GET_HIGH_WORD`, `SET_LOW_WORD` and
 * friends give it: one shared 8-byte buffer seen as a `Float64Array` and a `Uint32Array`, with
 * the high word's index found from the platform's byte order.
 *
 * Callers write `F64[0] = x`, read or write the words, and read `F64[0]` back before any other
 * call that may use the buffer.
 *
 * @module
 */

/** The shared double. */
export const F64: Float64Array = new Float64Array(1);
/** The same eight bytes as two unsigned 32-bit words. */
export const U32: Uint32Array = new Uint32Array(F64.buffer);
/** Index in {@linkcode U32} of the high word (sign, exponent, top 20 bits of the fraction). */
export const HI: number = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** Index in {@linkcode U32} of the low word (the bottom 32 bits of the fraction). */
export const LO: number = 1 - HI;

/** The double whose high and low words are given (fdlibm's `INSERT_WORDS`). */
export function fromWords(high: number, low: number): number {
  U32[HI] = high;
  U32[LO] = low;
  return F64[0]!;
}

/** `x` with its low word set to zero (fdlibm's `SET_LOW_WORD(x, 0)`). */
export function clearLow(x: number): number {
  F64[0] = x;
  U32[LO] = 0;
  return F64[0]!;
}
