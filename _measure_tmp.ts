// scratch: year-1 / year-5 figures of the default scenario's baseline
const root = Deno.args[0];
const reps = Number(Deno.args[1] ?? 3);
const { loadScenario } = await import(`${root}/scenarios/load.ts`);
const { SystemModel } = await import(`${root}/models/system_model.ts`);
const { simulateReplication } = await import(`${root}/models/simulate.ts`);
const base = await loadScenario(`${root}/scenarios/default.json`);
const scen = { ...base, careModels: [] };
const rows: Record<string, number[]> = {};
const put = (k: string, v: number) => (rows[k] ??= []).push(v);
for (const years of [1, 5]) {
  for (let r = 0; r < reps; r++) {
    const s = { ...scen, years };
    const res = simulateReplication(s, { replication: r });
    const y = years;
    const a = (m: string) => res.annual.filter((x: any) => x.year === y && x.metric === m && x.segment === undefined).reduce((p: number, x: any) => p + x.value, 0);
    const days = res.daily.population.length;
    const last = res.daily.population.slice(days - 365);
    const pop = last.reduce((p: number, x: number) => p + x, 0) / last.length;
    const cap = res.daily.acuteCapacity.slice(days - 365).reduce((p: number, x: number) => p + x, 0) / 365;
    const chCap = res.daily.careHomeCapacity.slice(days - 365).reduce((p: number, x: number) => p + x, 0) / 365;
    const deaths = a("deaths_in_hospital") + a("deaths_elsewhere");
    put(`y${y} population`, pop);
    put(`y${y} adm/1000`, 1000 * a("emergency_admissions") / pop);
    put(`y${y} ED/1000`, 1000 * a("ed_attendances") / pop);
    put(`y${y} deaths/1000`, 1000 * deaths / pop);
    put(`y${y} hosp death share`, a("deaths_in_hospital") / deaths);
    put(`y${y} acute occ`, a("acute_occupied_beds_mean") / cap);
    put(`y${y} bed days/1000`, 1000 * a("bed_days") / pop);
    put(`y${y} DTOC bed days`, a("delayed_transfer_bed_days"));
    put(`y${y} ED boarding h`, a("ed_boarding_hours"));
    put(`y${y} CH occ`, a("care_home_occupied_mean") / chCap);
    put(`y${y} CH wait d`, a("care_home_wait_days_mean"));
    put(`y${y} DN visits/1000`, 1000 * a("district_nursing_visits") / pop);
    const end = res.population.endByBand;
    const start = res.population.startByBand;
    for (const k of Object.keys(end)) put(`y${y} growth ${k} %/yr`, 100 * (Math.pow(end[k] / start[k], 1 / y) - 1));
  }
}
// segment shares at 65+ via a model run
for (const years of [1, 5]) {
  const m = new SystemModel({ ...scen, years }, { seed: scen.seed, replication: 0 });
  m.run();
  const pop = (m.parts as any).population;
  const counts: Float64Array = pop.counts;
  let old = 0, frail = 0, o85 = 0, f85 = 0, res = 0;
  for (let c = 0; c < counts.length; c++) {
    const b = c >> 3, s = (c >> 1) & 3;
    if (b === 0) continue;
    old += counts[c]; if (s >= 2) frail += counts[c];
    if (b === 3) { o85 += counts[c]; if (s >= 2) f85 += counts[c]; }
    if (c & 1) res += counts[c];
  }
  put(`y${years} 65+ seg3-4 share (end)`, frail / old);
  put(`y${years} 85+ seg3-4 share (end)`, f85 / o85);
  put(`y${years} residents % of 65+ (end)`, res / old);
}
for (const [k, v] of Object.entries(rows).sort()) {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  console.log(k.padEnd(32), mean.toPrecision(4), v.length > 1 ? `(n=${v.length}, range ${Math.min(...v).toPrecision(4)}–${Math.max(...v).toPrecision(4)})` : "");
}
