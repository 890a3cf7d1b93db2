/**
 * The entry of results.xlsx's helper threads ({@linkcode RenderPool}): each message is a piece of
 * a plain CSV table, answered with its rows as worksheet XML (or the error's message). Private to
 * report/.
 *
 * @module
 */

import { plainRowsXml } from "./xlsx_row_xml.ts";
import type { RenderJob, RenderReply } from "./xlsx_render_pool.ts";

/** The worker's global scope (a Web Worker's, which the main thread's types do not describe). */
const scope = self as unknown as {
  onmessage: (event: MessageEvent<RenderJob>) => void;
  postMessage(reply: RenderReply): void;
};
const decoder = new TextDecoder();

scope.onmessage = (event) => {
  const { id, bytes, firstRow, width } = event.data;
  let reply: RenderReply;
  try {
    reply = { id, xml: plainRowsXml(decoder.decode(bytes), firstRow, width) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  scope.postMessage(reply);
};
