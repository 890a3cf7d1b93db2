// deno-lint-ignore-file no-console
/**
 * The ES module bundle (`deno task bundle`) runs outside Deno: in Node (one replication, and
 * replications in parallel on worker_threads) and in headless Chromium (on Web Workers), with
 * byte-identical results to those Deno gets from the sources: the engine model, the replications
 * and every output file (summary.json, summary.csv, the annual, daily and workforce CSVs,
 * report.html), serialised to JSON and compared as strings.
 *
 * This holds because library code computes with `PortableMath` (sim/numerics), not with
 * `Math.exp`, `Math.log` or `Math.pow`, which Deno's, Node's and Chromium's builds of V8 round
 * differently in the last bit for a few per cent of arguments.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import * as caresim from "../mod.ts";
import { workload } from "./bundle/workload.mjs";

const ROOT = new URL("../", import.meta.url);
const BROWSER_DIR = new URL("./browser/", import.meta.url).pathname;
const CHROMIUM = "/usr/bin/chromium";

async function run(command: string, args: string[], cwd?: string): Promise<string> {
  const out = await new Deno.Command(command, { args, cwd, stdout: "piped", stderr: "piped" })
    .output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, `${command} ${args.join(" ")} failed:\n${stderr}`);
  return new TextDecoder().decode(out.stdout).trim().split("\n").at(-1)!;
}

/** The first place two JSON values differ, as `path: actual vs expected`; "" if none. */
function firstDifference(actual: unknown, expected: unknown, path = "$"): string {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (actual.length !== expected.length) {
      return `${path}.length: ${actual.length} vs ${expected.length}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(actual[i], expected[i], `${path}[${i}]`);
      if (d !== "") return d;
    }
    return "";
  }
  if (
    typeof expected === "object" && expected !== null && typeof actual === "object" &&
    actual !== null && !Array.isArray(actual) && !Array.isArray(expected)
  ) {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = (o: object) => Object.keys(o).join(",");
    if (keys(a) !== keys(e)) return `${path} keys: ${keys(a)} vs ${keys(e)}`;
    for (const key of Object.keys(e)) {
      const d = firstDifference(a[key], e[key], `${path}.${key}`);
      if (d !== "") return d;
    }
    return "";
  }
  if (typeof expected === "string" && typeof actual === "string" && actual !== expected) {
    const at = [...expected].findIndex((c, i) => actual[i] !== c);
    const i = at < 0 ? expected.length : at;
    return `${path} at character ${i}: ${JSON.stringify(actual.slice(i - 30, i + 30))} vs ${
      JSON.stringify(expected.slice(i - 30, i + 30))
    }`;
  }
  return Object.is(actual, expected) ? "" : `${path}: ${actual} vs ${expected}`;
}

/** Asserts that two runtimes' serialised results are the same bytes, naming the first change. */
function assertSameBytes(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  assert.fail(
    `${what}: not byte-identical; first difference ${
      firstDifference(JSON.parse(actual), JSON.parse(expected)) || "in the serialisation"
    }`,
  );
}

Deno.test("the bundle runs in Node and headless Chromium with byte-identical results to Deno's", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "caresim-bundle-" });
  try {
    await run(Deno.execPath(), ["run", "-A", "bundle/build.ts", "--out", dir], ROOT.pathname);
    const fromDeno = await workload(caresim, { workers: 2 });
    assert.equal(fromDeno.parallel.length, 3);
    assert.ok(fromDeno.files["summary.json"].length > 1000);
    const expected = JSON.stringify(fromDeno);

    await t.step("Node: one and parallel replications (worker_threads), loadScenario", async () => {
      const script = new URL("./bundle/node_run.mjs", import.meta.url).pathname;
      const single = await run("node", [script, dir, "1"]);
      const parallel = await run("node", [script, dir, "3"]);
      assertSameBytes(parallel, single, "Node's parallel run against its one-worker run");
      assertSameBytes(parallel, expected, "Node against Deno");
      const file = new URL("../scenarios/default.json", import.meta.url).pathname;
      const loaded = await run("node", [script, dir, "1", file]);
      assert.deepEqual(JSON.parse(loaded), await caresim.loadScenario(file));
    });

    const chromiumMissing = !existsSync(CHROMIUM);
    if (chromiumMissing) {
      console.warn(`\n!!! SKIPPING the Chromium step: ${CHROMIUM} is not installed.\n`);
    }
    await t.step({
      name: "headless Chromium: the same bytes on Web Workers",
      ignore: chromiumMissing,
      fn: async () => {
        if (!existsSync(`${BROWSER_DIR}node_modules/playwright-core`)) {
          await run("npm", ["ci", "--no-audit", "--no-fund", "--silent"], BROWSER_DIR);
        }
        for (const file of ["page.html", "workload.mjs"]) {
          await Deno.copyFile(new URL(`./bundle/${file}`, import.meta.url), `${dir}/${file}`);
        }
        const server = Deno.serve(
          { port: 0, hostname: "127.0.0.1", onListen() {} },
          async (req) => {
            const name = new URL(req.url).pathname.slice(1);
            if (!/^[\w.]+$/.test(name)) return new Response("not found", { status: 404 });
            try {
              const body = await Deno.readFile(`${dir}/${name}`);
              const type = name.endsWith(".html") ? "text/html" : "text/javascript";
              return new Response(body, { headers: { "content-type": type } });
            } catch {
              return new Response("not found", { status: 404 });
            }
          },
        );
        try {
          const url = `http://127.0.0.1:${server.addr.port}/page.html`;
          const out = JSON.parse(
            await run("node", [`${BROWSER_DIR}run_page.mjs`, url], BROWSER_DIR),
          );
          assert.deepEqual(out.pageErrors, []);
          assert.deepEqual(out.consoleErrors, []);
          assert.equal(out.result.error, undefined, out.result.error);
          assertSameBytes(out.result.ok, expected, "Chromium against Deno (and so Node)");
        } finally {
          await server.shutdown();
        }
      },
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
