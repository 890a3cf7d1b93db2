export * from "./_sim/simulation.ts";
export * from "./_sim/resource.ts";
export * from "./_sim/event.ts";
export * from "./_sim/random/mod.ts";
