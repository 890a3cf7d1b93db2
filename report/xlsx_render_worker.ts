/**
 * The entry of results.xlsx's helper threads ({@linkcode RenderPool}): each message is a piece of
 * a plain CSV table, answered with its rows as worksheet XML in UTF-8, handed over without a copy
 * (or the error's message). Private to
 * report/.
 *
 * @module
 */

import { plainRowsXml } from "./xlsx_row_xml.ts";
import type { RenderJob, RenderReply } from "./xlsx_render_pool.ts";

/** The worker's global scope (a Web Worker's, which the main thread's types do not describe). */
const scope = self as unknown as {
  onmessage: (event: MessageEvent<RenderJob>) => void;
  postMessage(reply: RenderReply, transfer?: Transferable[]): void;
};
const decoder = new TextDecoder();
const encoder = new TextEncoder();

scope.onmessage = (event) => {
  const { id, bytes, firstRow, width } = event.data;
  try {
    const xml = encoder.encode(plainRowsXml(decoder.decode(bytes), firstRow, width));
    scope.postMessage({ id, xml }, [xml.buffer]);
  } catch (error) {
    scope.postMessage({ id, error: (error as Error).message });
  }
};
