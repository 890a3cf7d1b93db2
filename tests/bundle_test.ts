// deno-lint-ignore-file no-console
/**
 * The ES module bundle (`deno task bundle`) runs outside Deno: in Node (one replication, and
 * replications in parallel on worker_threads) and in headless Chromium (on Web Workers), with
 * the results Deno gets from the sources.
 *
 * Node's and Chromium's results are byte-identical to each other, and a parallel run to a
 * one-worker run. Deno's build of V8 rounds Math.exp, Math.log, Math.pow and the trigonometric
 * functions differently in the last bit for a few per cent of arguments (about 10 % of exp and
 * 6 % of log over 10^5 random arguments, against Node 20 here), so against Deno every count and
 * label is identical and every other number agrees to 1e-12 relative (in this workload, 42 of
 * 2,780 numbers differ, by at most 4e-15).
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

/** Asserts equal structure, strings, booleans and integers, and floats to `relTol`. */
function assertClose(actual: unknown, expected: unknown, relTol: number, path = "$"): void {
  if (typeof expected === "number" && typeof actual === "number") {
    if (Number.isInteger(expected)) assert.equal(actual, expected, path);
    else {
      const scale = Math.max(Math.abs(expected), Math.abs(actual), 1e-300);
      assert.ok(Math.abs(actual - expected) / scale <= relTol, `${path}: ${actual} vs ${expected}`);
    }
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), path);
    assert.equal(actual.length, expected.length, `${path}.length`);
    expected.forEach((e, i) => assertClose(actual[i], e, relTol, `${path}[${i}]`));
  } else if (typeof expected === "object" && expected !== null) {
    assert.equal(typeof actual, "object", path);
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    assert.deepEqual(Object.keys(a).sort(), Object.keys(e).sort(), path);
    for (const key of Object.keys(e)) assertClose(a[key], e[key], relTol, `${path}.${key}`);
  } else {
    assert.equal(actual, expected, path);
  }
}

Deno.test("the bundle runs in Node and headless Chromium with Deno's results", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "caresim-bundle-" });
  let nodeOutput = "";
  try {
    await run(Deno.execPath(), ["run", "-A", "bundle/build.ts", "--out", dir], ROOT.pathname);
    const expected = await workload(caresim, { workers: 2 });
    assert.equal(expected.parallel.length, 3);

    await t.step("Node: one and parallel replications (worker_threads), loadScenario", async () => {
      const script = new URL("./bundle/node_run.mjs", import.meta.url).pathname;
      const single = await run("node", [script, dir, "1"]);
      const parallel = await run("node", [script, dir, "3"]);
      assert.equal(parallel, single, "Node's parallel run differs from its one-worker run");
      assertClose(JSON.parse(parallel), expected, 1e-12);
      nodeOutput = parallel;
      const file = new URL("../scenarios/default.json", import.meta.url).pathname;
      const loaded = await run("node", [script, dir, "1", file]);
      assert.deepEqual(JSON.parse(loaded), await caresim.loadScenario(file));
    });

    const chromiumMissing = !existsSync(CHROMIUM);
    if (chromiumMissing) {
      console.warn(`\n!!! SKIPPING the Chromium step: ${CHROMIUM} is not installed.\n`);
    }
    await t.step({
      name: "headless Chromium: the same on Web Workers, within 1e-12 of Node",
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
          assertClose(JSON.parse(out.result.ok), expected, 1e-12);
          // Chromium's and Node's V8 builds may round Math.exp/log/pow differently in the last
          // bit (as Deno's does): every figure within 1e-12 relative of Node's.
          if (nodeOutput !== "") {
            assertClose(JSON.parse(out.result.ok), JSON.parse(nodeOutput), 1e-12);
          }
        } finally {
          await server.shutdown();
        }
      },
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
