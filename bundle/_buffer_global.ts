/**
 * Gives browsers the global `Buffer` that csv-parse and csv-stringify (used by report/csv.ts)
 * read at load time: the standard `buffer` polyfill, installed only where there is none.
 * Imported first by the browser bundle's entry, so it runs before them.
 *
 * @module
 */
import { Buffer } from "npm:buffer@6.0.3";

const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
