/**
 * Every library folder opens with a README.md or a mod.ts whose module doc says what it holds.
 */
import assert from "node:assert/strict";

const FOLDERS = ["models", "scenarios", "report", "cli", "sim", "studies", "ci_fixtures"];
const root = new URL("../", import.meta.url);

/** The folder's opening text: the README, or the mod.ts's leading doc comment. */
function opening(folder: string): string | undefined {
  for (const name of ["README.md", "mod.ts"]) {
    let text: string;
    try {
      text = Deno.readTextFileSync(new URL(`${folder}/${name}`, root));
    } catch {
      continue;
    }
    if (name === "README.md") return text;
    return /^\s*\/\*\*([\s\S]*?)\*\//.exec(text)?.[1]?.replace(/^\s*\* ?/gm, "");
  }
  return undefined;
}

Deno.test("every library folder opens with a README.md or a documented mod.ts", () => {
  const missing = FOLDERS.filter((folder) => {
    const text = opening(folder);
    // at least one sentence of prose besides a heading
    return text === undefined || !/[A-Za-z][^.\n]{20,}\./.test(text.replace(/^#.*$/gm, ""));
  });
  assert.deepEqual(missing, [], `folders without a README.md or documented mod.ts: ${missing}`);
});
