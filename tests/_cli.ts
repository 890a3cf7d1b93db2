/**
 * Runs a caresim command in a subprocess for the CLI tests. Private to tests/.
 *
 * @module
 */

import { OUTPUT_MARKER } from "../report/output_marker.ts";

const ROOT = new URL("../", import.meta.url).pathname;

/** The outcome of a command. */
export interface CommandResult {
  /** Exit code. */
  code: number;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

/**
 * Runs `deno run -A cli/<command>.ts args…` from the repository root.
 *
 * @param command "sim", "merge" or "schema".
 * @param args Arguments.
 * @param env Extra environment variables.
 * @returns Exit code and output.
 */
export async function runCli(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<CommandResult> {
  const out = await cliCommand(command, args, env).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/**
 * The subprocess of a caresim command, not yet started (for tests that signal it).
 *
 * @param command "sim", "merge" or "schema".
 * @param args Arguments.
 * @param env Extra environment variables.
 * @returns The command.
 */
export function cliCommand(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Deno.Command {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${ROOT}cli/${command}.ts`, ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  });
}

/** A small, fast scenario (1 year, 3,000 people, 4 replications). */
export const SMALL_SCENARIO = {
  version: 1,
  name: "small",
  years: 1,
  replications: 4,
  seed: 3,
  population: { size: 3000 },
};

/**
 * Reads every file of an output directory but its marker (whose run id differs every run).
 *
 * @param dir Directory.
 * @returns Name → bytes.
 */
export async function readDir(dir: string): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for await (const e of Deno.readDir(dir)) {
    if (e.name !== OUTPUT_MARKER) files[e.name] = await Deno.readFile(`${dir}/${e.name}`);
  }
  return files;
}
