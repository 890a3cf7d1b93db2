/**
 * Writing a run's files atomically: everything goes to a temporary directory beside the output
 * directory, which is renamed into place only when every file is written, so an interrupted or
 * failed run never leaves half-written files in `--out`.
 *
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";

/**
 * A problem with the output directory that the user can fix (not writable, not ours).
 *
 * @example A file in the way
 * ```ts
 * import assert from "node:assert/strict";
 * const file = await Deno.makeTempFile();
 * await assert.rejects(() => checkOutputDir(file), OutputError);
 * await Deno.remove(file);
 * ```
 */
export class OutputError extends Error {
  /**
   * Creates the error.
   *
   * @param message What failed ("Cannot write outputs to …: …").
   * @param options Standard error options (`cause`).
   */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "OutputError";
  }
}

async function statOrNull(path: string): Promise<Deno.FileInfo | null> {
  try {
    return await Deno.stat(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

/**
 * Checks that outputs could be written to a directory, before any work is done: its parent
 * exists (or can be created) and is writable, and an existing directory is one caresim wrote
 * (it holds summary.json) or is empty.
 *
 * @param outDir The output directory.
 * @returns The absolute path.
 * @throws {OutputError} If the directory cannot be written or is not caresim's.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * assert.equal(await checkOutputDir(`${dir}/out`), `${dir}/out`);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function checkOutputDir(outDir: string): Promise<string> {
  const target = resolve(outDir);
  const action = `Cannot write outputs to ${outDir}`;
  const info = await statOrNull(target);
  if (info && !info.isDirectory) {
    throw new OutputError(`${action}: it exists and is not a directory`);
  }
  if (info) {
    let foreign = false;
    let ours = false;
    for await (const entry of Deno.readDir(target)) {
      if (entry.name === "summary.json") ours = true;
      else foreign = true;
    }
    if (foreign && !ours) {
      throw new OutputError(
        `${action}: the directory holds files caresim did not write; choose another --out or empty it`,
      );
    }
  }
  const parent = dirname(target);
  try {
    await Deno.mkdir(parent, { recursive: true });
    const probe = await Deno.makeTempDir({ dir: parent, prefix: `.${basename(target)}.check-` });
    await Deno.remove(probe);
  } catch (error) {
    throw new OutputError(`${action}: ${parent} is not writable (${(error as Error).message})`, {
      cause: error,
    });
  }
  return target;
}

/**
 * Writes files into a temporary directory beside `outDir`, then renames it to `outDir`
 * (replacing a previous caresim output there). On failure the temporary directory is removed
 * and `outDir` is untouched.
 *
 * @param outDir The output directory.
 * @param files File name → text, or a stream of its bytes (for files too large to hold).
 * @returns The absolute path written.
 * @throws {OutputError} If the directory cannot be written or is not caresim's.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await writeOutputs(`${dir}/out`, { "summary.json": "{}" });
 * assert.equal(await Deno.readTextFile(`${dir}/out/summary.json`), "{}");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeOutputs(
  outDir: string,
  files: Record<string, string | ReadableStream<Uint8Array>>,
): Promise<string> {
  const target = await checkOutputDir(outDir);
  const parent = dirname(target);
  const name = basename(target);
  const temp = await Deno.makeTempDir({ dir: parent, prefix: `.${name}.tmp-` });
  let old: string | undefined;
  try {
    // makeTempDir creates 0700; give the output directory the usual permissions.
    if (Deno.build.os !== "windows") await Deno.chmod(temp, 0o755);
    for (const [file, content] of Object.entries(files)) {
      if (typeof content === "string") await Deno.writeTextFile(join(temp, file), content);
      else await content.pipeTo((await Deno.create(join(temp, file))).writable);
    }
    if (await statOrNull(target)) {
      old = `${temp}.old`;
      await Deno.rename(target, old);
    }
    await Deno.rename(temp, target);
  } catch (error) {
    await Deno.remove(temp, { recursive: true }).catch(() => {});
    if (old) await Deno.rename(old, target).catch(() => {});
    throw new OutputError(`Cannot write outputs to ${outDir}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (old) await Deno.remove(old, { recursive: true });
  return target;
}
