/**
 * Entry of the browser bundle (`caresim_browser.js`): `portable.ts`, after a `Buffer` global for
 * the CSV libraries (see `_buffer_global.ts`).
 *
 * @module
 */
import "./_buffer_global.ts";
export * from "../portable.ts";
