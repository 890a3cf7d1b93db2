/**
 * Fixing the dates inside a ZIP archive (an .xlsx file is one), so the same contents always give
 * the same bytes: archivers stamp each entry with the time it was written. Works on the ZIP
 * format itself (PKWARE APPNOTE: end of central directory → central directory → local headers),
 * not on any library's internals. Private to report/.
 *
 * @module
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** MS-DOS date of 1 January 1980 (the format's epoch), at 00:00:00. */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

/**
 * Sets every entry's modification date in a ZIP archive, in place, to 1 January 1980 00:00:00
 * (the earliest date the format holds), in both its central-directory and local headers.
 *
 * @param zip The archive's bytes (not ZIP64).
 * @throws {TypeError} If the bytes are not a ZIP archive caresim can read.
 *
 * @example An archive of one empty entry
 * ```ts
 * import assert from "node:assert/strict";
 * const zip = new Uint8Array(30 + 1 + 46 + 1 + 22);
 * const v = new DataView(zip.buffer);
 * v.setUint32(0, 0x04034b50, true); v.setUint16(10, 0x1234, true); v.setUint16(26, 1, true);
 * v.setUint32(31, 0x02014b50, true); v.setUint16(31 + 12, 0x1234, true); v.setUint16(31 + 28, 1, true);
 * v.setUint32(78, 0x06054b50, true); v.setUint16(78 + 10, 1, true); v.setUint32(78 + 12, 47, true); v.setUint32(78 + 16, 31, true);
 * fixZipDates(zip);
 * assert.equal(v.getUint16(10, true), 0);
 * assert.equal(v.getUint16(12, true), 0x21);
 * assert.equal(v.getUint16(31 + 14, true), 0x21);
 * ```
 */
export function fixZipDates(zip: Uint8Array): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const fail = (what: string) => {
    throw new TypeError(`Cannot fix the dates of a ZIP archive: ${what}`);
  };
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) fail("no end of central directory record");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== CENTRAL) {
      fail(`entry ${k + 1} of ${count} has no central directory header`);
    }
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, DOS_DATE_1980, true);
    const local = view.getUint32(at + 42, true);
    if (local + 30 > zip.length || view.getUint32(local, true) !== LOCAL) {
      fail(`entry ${k + 1} of ${count} has no local header`);
    }
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, DOS_DATE_1980, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) +
      view.getUint16(at + 32, true);
  }
}
