/**
 * Reading a text file wherever caresim runs: `Deno.readTextFile` in Deno, `node:fs/promises`
 * in Node; in a browser there is no file system, so the caller is told to fetch the text and
 * parse it. The only file access of scenarios/.
 *
 * @module
 */

interface NodeFs {
  readFile(path: string | URL, encoding: "utf8"): Promise<string>;
}

/**
 * Reads a UTF-8 text file.
 *
 * @param path File path or `file:` URL.
 * @returns The file's text.
 * @throws {Error} If the runtime has no file system (a browser), or as the runtime's read does.
 */
export async function readTextFile(path: string | URL): Promise<string> {
  const deno = (globalThis as { Deno?: { readTextFile(path: string | URL): Promise<string> } })
    .Deno;
  if (deno !== undefined) return await deno.readTextFile(path);
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  const fs = process?.getBuiltinModule?.("node:fs/promises") as NodeFs | undefined;
  if (fs !== undefined) return await fs.readFile(path, "utf8");
  throw new Error(
    "this runtime has no file system: fetch the JSON yourself and pass it to parseScenario",
  );
}

/**
 * Whether an error from {@linkcode readTextFile} means the file does not exist.
 *
 * @param error The error thrown.
 * @returns True for Deno's `NotFound` and Node's `ENOENT`.
 */
export function isNotFound(error: unknown): boolean {
  return (error as { name?: string; code?: string })?.name === "NotFound" ||
    (error as { code?: string })?.code === "ENOENT";
}
