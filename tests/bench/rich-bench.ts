// `npm run bench:rich -- [--orders 200|1000|200,1000] [--seed N] [--time-limit S]`
// Generates the rich scenario (rich-generate.ts), solves it through the worker
// API in Node (release wasm), re-checks the plan with the domain checker and
// prints + saves (bench-results/rich-<orders>-<limit>s.json, .md) cost, unassigned and seconds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkSolution } from '../../web/src/domain/check';
import type { Scenario } from '../../web/src/domain/scenario';
import type { Solution } from '../../web/src/domain/solution';
import { createSolverApi } from '../../workers/solver-api';
import { generateRichScenario } from './rich-generate';
import { releaseModule } from './run-solver';

/** One size of the rich set. */
interface RichRow {
  orders: number;
  seed: number;
  timeLimitS: number;
  vehicles: number;
  vehiclesUsed: number;
  cost: number;
  distanceKm: number;
  unassigned: number;
  unassignedShipments: number;
  /** Unassigned orders per service type ('shipment' for shipments). */
  unassignedByType: Record<string, number>;
  /** Stops served late under a soft window, and routes in overtime. */
  lateStops: number;
  overtimeRoutes: number;
  violations: number;
  violationsByRule: Record<string, number>;
  /** First few violation messages. */
  examples: string[];
  seconds: number;
}

const tally = (keys: string[]) => keys.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {});

/** Figures of one solved scenario, recomputed by the checker. */
function richRow(scenario: Scenario, solution: Pick<Solution, 'routes' | 'unassigned'>, seconds: number, timeLimitS: number): RichRow {
  const check = checkSolution(scenario, solution);
  const orders = new Map(scenario.orders.map((o) => [o.id, o]));
  const kindOf = (id: string) => (orders.get(id)?.pickup ? 'shipment' : orders.get(id)?.serviceType ?? 'unknown');
  const unassignedKinds = solution.unassigned.map((u) => kindOf(u.orderId));
  return {
    orders: scenario.orders.length, seed: scenario.settings.solver.seed, timeLimitS, vehicles: scenario.vehicles.length,
    vehiclesUsed: check.routes.length, cost: Math.round(check.cost * 100) / 100, distanceKm: Math.round(check.distanceM / 100) / 10,
    unassigned: solution.unassigned.length, unassignedShipments: unassignedKinds.filter((k) => k === 'shipment').length,
    unassignedByType: tally(unassignedKinds),
    lateStops: check.routes.reduce((n, r) => n + (r.lateStops?.length ?? 0), 0),
    overtimeRoutes: check.routes.filter((r) => (r.overtimeS ?? 0) > 0).length,
    violations: check.violations.length, violationsByRule: tally(check.violations.map((v) => v.rule)),
    examples: check.violations.slice(0, 5).map((v) => `${v.rule}: ${v.message}`), seconds: Math.round(seconds * 10) / 10,
  };
}

/** Generates and solves one size. */
async function runRich(orders: number, seed: number, timeLimitS: number, loadModule = releaseModule): Promise<RichRow> {
  const scenario = generateRichScenario({ orders, seed });
  const api = createSolverApi(loadModule);
  const started = performance.now();
  const { solution } = await api.solve({ runId: 1, scenario, options: { timeLimitS, seed } });
  return richRow(scenario, solution, (performance.now() - started) / 1000, timeLimitS);
}

const fmt = (m: Record<string, number>) => Object.entries(m).map(([k, n]) => `${k} ${n}`).join(', ') || '—';

function markdown(row: RichRow): string {
  return [
    `## rich-${row.orders} (seed ${row.seed}, ${row.timeLimitS} s)`, '',
    '| orders | vehicles used | cost | distance km | unassigned | of which shipments | late stops (soft) | overtime routes | violations | seconds |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${row.orders} | ${row.vehiclesUsed} / ${row.vehicles} | ${row.cost.toFixed(2)} | ${row.distanceKm.toFixed(1)} | ${row.unassigned} | ${row.unassignedShipments} | ${row.lateStops} | ${row.overtimeRoutes} | ${row.violations} | ${row.seconds.toFixed(1)} |`,
    '', `Unassigned by type: ${fmt(row.unassignedByType)}.`, '', `Violations by rule: ${fmt(row.violationsByRule)}.`,
    ...(row.examples.length ? ['', ...row.examples.map((e) => `- ${e}`)] : []), '',
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({ options: { orders: { type: 'string', default: '200,1000' }, seed: { type: 'string', default: '1' }, 'time-limit': { type: 'string' } } });
  const sizes = values.orders!.split(',').map(Number);
  const seed = Number(values.seed);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--orders must be a list of positive integers, got '${values.orders}'`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got '${values.seed}'`);
  mkdirSync('bench-results', { recursive: true });
  for (const orders of sizes) {
    const timeLimitS = values['time-limit'] ? Number(values['time-limit']) : orders >= 1000 ? 120 : 30;
    if (!(timeLimitS > 0)) throw new Error(`--time-limit must be a positive number of seconds, got '${values['time-limit']}'`);
    const row = await runRich(orders, seed, timeLimitS);
    console.log(`rich-${orders}  veh ${row.vehiclesUsed}/${row.vehicles}  cost ${row.cost.toFixed(2)}  ${row.distanceKm.toFixed(1)} km  unassigned ${row.unassigned} (${row.unassignedShipments} shipments)  violations ${row.violations}  ${row.seconds.toFixed(1)} s`);
    if (row.violations) console.log(`  violations by rule: ${fmt(row.violationsByRule)}\n  ${row.examples.join('\n  ')}`);
    console.log(`  unassigned by type: ${fmt(row.unassignedByType)}`);
    const stem = `bench-results/rich-${orders}-${timeLimitS}s`;
    writeFileSync(`${stem}.json`, JSON.stringify({ ...row, date: new Date().toISOString() }, null, 1));
    writeFileSync(`${stem}.md`, markdown(row));
    console.log(`saved ${stem}.json and .md`);
  }
}

main().catch((error: Error) => { console.error(`${error.name === 'InputError' ? 'error' : 'solver error'}: ${error.message}`); process.exitCode = 1; });
