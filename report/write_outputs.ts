/**
 * Writing a run's files atomically: everything goes to a temporary directory beside the output
 * directory, which is renamed into place only when every file is written, so an interrupted or
 * failed run never leaves half-written files in `--out`. An existing directory is replaced only
 * if its marker ({@link OUTPUT_MARKER}) says every file in it was written by caresim, and only
 * those files are ever deleted.
 *
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";
import {
  isPlainFileName,
  OUTPUT_MARKER,
  type OutputMarker,
  outputMarkerText,
  readOutputMarker,
} from "./output_marker.ts";

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

/**
 * An output built from files written before it (e.g. a workbook of the CSV files): given a way to
 * open those files as written, it returns its own bytes.
 */
export type DerivedOutput = (
  open: (file: string) => Promise<ReadableStream<Uint8Array>>,
) => Promise<Uint8Array>;

/**
 * The content of one output file: text, bytes, a stream of bytes (for files too large to hold),
 * or a {@linkcode DerivedOutput} built from files listed before it.
 */
export type OutputContent = string | Uint8Array | ReadableStream<Uint8Array> | DerivedOutput;

/** Longest name of the output directory itself: its temporary siblings add a suffix. */
const MAX_NAME_BYTES = 200;
/** Longest path component most file systems accept. */
const MAX_COMPONENT_BYTES = 255;
/** Foreign file names quoted in an error before "and N more". */
const NAMES_SHOWN = 5;

async function statOrNull(path: string, action: string): Promise<Deno.FileInfo | null> {
  try {
    return await Deno.stat(path);
  } catch (error) {
    // "Not a directory": an ancestor is a file, which nearestExisting() reports.
    if (error instanceof Deno.errors.NotFound || error instanceof Deno.errors.NotADirectory) {
      return null;
    }
    throw new OutputError(`${action}: cannot inspect ${path} (${(error as Error).message})`, {
      cause: error,
    });
  }
}

function checkNameLengths(target: string, action: string): void {
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const long = target.split(/[/\\]/).find((part) => bytes(part) > MAX_COMPONENT_BYTES);
  if (long !== undefined) {
    throw new OutputError(
      `${action}: a path component is ${
        bytes(long)
      } bytes long, more than the ${MAX_COMPONENT_BYTES} file systems accept; choose a shorter --out`,
    );
  }
  if (bytes(basename(target)) > MAX_NAME_BYTES) {
    throw new OutputError(
      `${action}: the directory name is ${
        bytes(basename(target))
      } bytes long; at most ${MAX_NAME_BYTES} leave room for its temporary siblings; choose a shorter --out`,
    );
  }
}

async function listNames(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  return names.sort();
}

/** Names in `dir` that its marker does not list (all of them if there is no marker). */
function foreignNames(names: string[], marker: OutputMarker | null): string[] {
  const ours = new Set(marker ? [...marker.files, OUTPUT_MARKER] : []);
  return names.filter((n) => !ours.has(n));
}

async function checkOwnDirectory(target: string, action: string): Promise<void> {
  let names: string[];
  try {
    names = await listNames(target);
  } catch (error) {
    throw new OutputError(`${action}: cannot list it (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (names.length === 0) return;
  const marker = await readOutputMarker(target);
  const foreign = foreignNames(names, marker);
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, NAMES_SHOWN).map((n) => JSON.stringify(n)).join(", ");
  const more = foreign.length > NAMES_SHOWN ? ` and ${foreign.length - NAMES_SHOWN} more` : "";
  throw new OutputError(
    marker
      ? `${action}: the directory holds files caresim did not write (${shown}${more}); move them away or choose another --out`
      : `${action}: the directory is not empty and has no caresim marker (${OUTPUT_MARKER}), so it holds files caresim did not write (${shown}${more}); choose another --out or an empty directory`,
  );
}

function writeGranted(path: string): boolean {
  return Deno.permissions.querySync({ name: "write", path }).state === "granted";
}

/** The nearest ancestor of `dir` (or `dir` itself) that exists; it must be a directory. */
async function nearestExisting(dir: string, action: string): Promise<string> {
  let at = dir;
  for (;;) {
    const info = await statOrNull(at, action);
    if (info) {
      if (!info.isDirectory) {
        throw new OutputError(`${action}: ${at} is a file, not a directory`);
      }
      return at;
    }
    const up = dirname(at);
    if (up === at) return at;
    at = up;
  }
}

/**
 * Checks that outputs could be written to a directory, before any work is done: the path is not
 * too long, every existing ancestor is a directory, the process may write there, and an existing
 * directory is empty or holds only files its caresim marker lists. Creates nothing that stays.
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
  checkNameLengths(target, action);
  const info = await statOrNull(target, action);
  if (info && !info.isDirectory) {
    throw new OutputError(`${action}: it exists and is not a directory`);
  }
  if (info) await checkOwnDirectory(target, action);
  const parent = dirname(target);
  if (!writeGranted(target) || !writeGranted(parent)) {
    throw new OutputError(
      `${action}: this process may not write to ${parent} (the deno tasks write only under out/; to write elsewhere run the script with deno run --allow-read --allow-write=${parent})`,
    );
  }
  const existing = await nearestExisting(parent, action);
  if (writeGranted(existing)) {
    try {
      const probe = await Deno.makeTempDir({
        dir: existing,
        prefix: `.${basename(target)}.check-`,
      });
      await Deno.remove(probe);
    } catch (error) {
      throw new OutputError(
        `${action}: ${existing} is not writable (${(error as Error).message})`,
        { cause: error },
      );
    }
  }
  return target;
}

/** Creates the missing ancestors of `dir`, returning those created (outermost first). */
async function makeParents(dir: string, action: string): Promise<string[]> {
  const missing: string[] = [];
  for (let at = dir; !(await statOrNull(at, action)); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const d of missing) await Deno.mkdir(d);
  return missing;
}

/** Deletes a directory the marker describes: its listed files, the marker, then the directory. */
async function removeOwnDirectory(dir: string, marker: OutputMarker): Promise<void> {
  for (const f of marker.files) await Deno.remove(join(dir, f)).catch(() => {});
  await Deno.remove(join(dir, OUTPUT_MARKER)).catch(() => {});
  await Deno.remove(dir);
}

/**
 * Removes what an interrupted earlier write to `parent/name` left behind: empty probes, and
 * temporary directories whose marker lists every file in them and is not locked by a running
 * write. Anything else is left alone.
 */
async function removeStaleTemporaries(parent: string, name: string): Promise<void> {
  const prefixes = [`.${name}.tmp-`, `.${name}.check-`];
  for (const entry of await listNames(parent)) {
    if (!prefixes.some((p) => entry.startsWith(p))) continue;
    const dir = join(parent, entry);
    const info = await Deno.lstat(dir).catch(() => null);
    if (!info?.isDirectory) continue;
    const names = await listNames(dir).catch(() => null);
    if (names === null) continue;
    if (names.length === 0) {
      await Deno.remove(dir).catch(() => {});
      continue;
    }
    const marker = await readOutputMarker(dir);
    if (!marker || foreignNames(names, marker).length > 0) continue;
    const file = await Deno.open(join(dir, OUTPUT_MARKER), { read: true }).catch(() => null);
    if (!file) continue;
    const free = await file.tryLock(true);
    file.close();
    if (free) await removeOwnDirectory(dir, marker).catch(() => {});
  }
}

/** Where a write stands, so a signal can undo it. */
interface WriteState {
  temp?: string;
  old?: string;
  target: string;
  moved: boolean;
}

/**
 * Removes a directory tree, retrying while a write that was in flight when a signal came still
 * adds a file to it (a recursive remove then fails with "directory not empty").
 */
function removeTreeSync(path: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      Deno.removeSync(path, { recursive: true });
      return;
    } catch (error) {
      if (error instanceof Deno.errors.NotFound) return;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

function undoSync(state: WriteState): void {
  if (state.temp && !state.moved) {
    removeTreeSync(state.temp);
    if (state.old) {
      try {
        Deno.renameSync(state.old, state.target);
      } catch { /* nothing to restore */ }
    }
  }
}

/** While a write runs, SIGINT/SIGTERM remove its temporary directory before the process ends. */
function onSignalsUndo(state: WriteState): () => void {
  const signals: Deno.Signal[] = Deno.build.os === "windows" ? ["SIGINT"] : ["SIGINT", "SIGTERM"];
  const handlers = signals.map((signal) => {
    const handler = () => {
      undoSync(state);
      Deno.exit(signal === "SIGINT" ? 130 : 143);
    };
    Deno.addSignalListener(signal, handler);
    return [signal, handler] as const;
  });
  return () => handlers.forEach(([s, h]) => Deno.removeSignalListener(s, h));
}

/**
 * Writes files into a temporary directory beside `outDir`, then renames it to `outDir`
 * (replacing a previous caresim output there, whose files alone are deleted). The directory also
 * gets a marker ({@link OUTPUT_MARKER}) with a random run id and the list of files. Missing parent
 * directories are created only now, and removed again if the write fails. What an interrupted
 * earlier write left beside `outDir` is removed first; while this write runs, SIGINT and SIGTERM
 * remove its temporary directory and end the process (exit code 130 or 143).
 *
 * @param outDir The output directory.
 * @param files File name (plain, no directories) → content, written in this order: text, bytes,
 *   a stream of bytes (for files too large to hold), or a function building the file from the
 *   files before it (e.g. results.xlsx from the CSVs).
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
 *
 * @example A file built from the one before it
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await writeOutputs(`${dir}/out`, {
 *   "a.csv": "x\n1\n",
 *   "b.csv": async (open) => {
 *     const text = await new Response(await open("a.csv")).text();
 *     return new TextEncoder().encode(text.toUpperCase());
 *   },
 * });
 * assert.equal(await Deno.readTextFile(`${dir}/out/b.csv`), "X\n1\n");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeOutputs(
  outDir: string,
  files: Record<string, OutputContent>,
): Promise<string> {
  const action = `Cannot write outputs to ${outDir}`;
  const names = Object.keys(files);
  const bad = names.find((n) => !isPlainFileName(n) || n === OUTPUT_MARKER);
  if (bad !== undefined) {
    throw new OutputError(`${action}: ${JSON.stringify(bad)} is not a plain file name`);
  }
  const target = await checkOutputDir(outDir);
  const parent = dirname(target);
  const name = basename(target);
  const state: WriteState = { target, moved: false };
  let created: string[] = [];
  let stopListening = () => {};
  let lock: Deno.FsFile | undefined;
  try {
    created = await makeParents(parent, action);
    await removeStaleTemporaries(parent, name);
    stopListening = onSignalsUndo(state);
    state.temp = await Deno.makeTempDir({ dir: parent, prefix: `.${name}.tmp-` });
    // makeTempDir creates 0700; give the output directory the usual permissions.
    if (Deno.build.os !== "windows") await Deno.chmod(state.temp, 0o755);
    lock = await Deno.open(join(state.temp, OUTPUT_MARKER), { write: true, createNew: true });
    await lock.lock(true);
    await lock.write(new TextEncoder().encode(outputMarkerText(crypto.randomUUID(), names)));
    const written = new Set<string>();
    const temp = state.temp;
    const open = async (file: string) => {
      if (!written.has(file)) {
        throw new OutputError(`${action}: ${JSON.stringify(file)} is read before it is written`);
      }
      return (await Deno.open(join(temp, file))).readable;
    };
    for (const [file, content] of Object.entries(files)) {
      const path = join(temp, file);
      if (typeof content === "string") await Deno.writeTextFile(path, content);
      else if (content instanceof Uint8Array) await Deno.writeFile(path, content);
      else if (typeof content === "function") await Deno.writeFile(path, await content(open));
      else await content.pipeTo((await Deno.create(path)).writable);
      written.add(file);
    }
    const oldMarker = await readOutputMarker(target);
    if (await statOrNull(target, action)) {
      await checkOwnDirectory(target, action);
      state.old = `${state.temp}.old`;
      await Deno.rename(target, state.old);
    }
    // Windows cannot rename a directory holding an open file; elsewhere the lock stays until the
    // rename so no concurrent cleanup takes this directory for an abandoned one.
    if (Deno.build.os === "windows") {
      lock.close();
      lock = undefined;
    }
    await Deno.rename(state.temp, target);
    state.moved = true;
    lock?.close();
    lock = undefined;
    if (state.old) {
      if (oldMarker) await removeOwnDirectory(state.old, oldMarker).catch(() => {});
      else await Deno.remove(state.old).catch(() => {});
    }
  } catch (error) {
    lock?.close();
    undoSync(state);
    for (const d of created.toReversed()) await Deno.remove(d).catch(() => {});
    if (error instanceof OutputError) throw error;
    throw new OutputError(`${action}: ${(error as Error).message}`, { cause: error });
  } finally {
    stopListening();
  }
  return target;
}
