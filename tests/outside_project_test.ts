/**
 * caresim is importable from another Deno project that has no import map of its own: a
 * temporary project outside the repository imports mod.ts by file URL, by relative path and by
 * an http: URL (the repository served locally, as a web host would), and runs an engine model
 * and a scenario. Library modules carry their npm dependencies as
 * versioned `npm:` specifiers, so nothing depends on caresim's deno.json.
 */
import assert from "node:assert/strict";
import { relative } from "node:path";

const MOD = new URL("../mod.ts", import.meta.url);

function program(specifier: string): string {
  return `import { parseScenario, Resource, Simulation, simulateReplication } from "${specifier}";
const sim = new Simulation({ seed: 1 });
const desk = new Resource(sim, { name: "desk", capacity: 2 });
const service = sim.stream("service");
for (let i = 0; i < 10; i++) {
  sim.process((function* () {
    using seat = desk.request();
    yield seat;
    yield sim.timeout(service.exponential(1));
  })());
}
sim.run();
const scenario = parseScenario({ version: 1, name: "outside", years: 1, population: { size: 2000 } });
const result = simulateReplication(scenario, { seed: 1, replication: 0 });
console.log(JSON.stringify({ served: desk.stats().released, scenario: result.scenario }));
`;
}

Deno.test("another project imports mod.ts by file URL, path and http: URL, with no import map", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "caresim-outside-" });
  const root = new URL("../", import.meta.url);
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (req) => {
    const path = new URL(req.url).pathname;
    if (path.includes("..") || !/\.(ts|json)$/.test(path)) return new Response("", { status: 404 });
    try {
      const body = await Deno.readFile(new URL(`.${path}`, root));
      const type = path.endsWith(".json") ? "application/json" : "application/typescript";
      return new Response(body, { headers: { "content-type": type } });
    } catch {
      return new Response("", { status: 404 });
    }
  });
  const host = `127.0.0.1:${server.addr.port}`;
  try {
    const byPath = relative(dir, MOD.pathname);
    const cases = [
      { name: "by file URL", file: "by_url.ts", specifier: MOD.href },
      { name: "by relative path", file: "by_path.ts", specifier: byPath },
      { name: "by http: URL", file: "by_http.ts", specifier: `http://${host}/mod.ts` },
    ];
    for (const c of cases) {
      await t.step(c.name, async () => {
        await Deno.writeTextFile(`${dir}/${c.file}`, program(c.specifier));
        const out = await new Deno.Command(Deno.execPath(), {
          args: ["run", "--allow-read", "--allow-env", `--allow-import=${host}`, c.file],
          cwd: dir,
          stdout: "piped",
          stderr: "piped",
        }).output();
        const stderr = new TextDecoder().decode(out.stderr);
        assert.equal(out.code, 0, `the outside project failed:\n${stderr}`);
        const result = JSON.parse(new TextDecoder().decode(out.stdout));
        assert.deepEqual(result, { served: 10, scenario: "outside" });
      });
    }
  } finally {
    await server.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});
