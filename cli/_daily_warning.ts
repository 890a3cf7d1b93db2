/**
 * The terminal warning for a daily series too long for a spreadsheet. Private to cli/.
 *
 * @module
 */

import { join } from "node:path";
import { DAILY_ROWS_LIMIT, dailyRowCount } from "../report/daily_file.ts";
import type { RunMeta } from "../report/run_meta.ts";

/**
 * Says that the daily series was written compressed, how long and large it is, and how to read
 * it.
 *
 * @param out The output directory holding daily.csv.gz.
 * @param meta The run's metadata.
 * @returns The warning line.
 */
export async function compressedDailyWarning(out: string, meta: RunMeta): Promise<string> {
  const rows = dailyRowCount(meta);
  const bytes = (await Deno.stat(join(out, "daily.csv.gz"))).size;
  const perReplication = Math.max(1, Math.floor(rows / Math.max(1, meta.indices.length)));
  return `warning: the daily series has ${
    rows.toLocaleString("en-GB")
  } rows, more than a spreadsheet opens (${
    DAILY_ROWS_LIMIT.toLocaleString("en-GB")
  }): written compressed as daily.csv.gz (${
    (bytes / 1e6).toFixed(1)
  } MB) and left out of results.xlsx; read it with R (read.csv) or pandas (read_csv), or run at most ${
    Math.floor(DAILY_ROWS_LIMIT / perReplication)
  } replications for a daily.csv that Excel opens`;
}
