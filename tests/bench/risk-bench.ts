// `npm run bench:risk [-- --orders 200,1000,2000 --samples 10000 --seed 1 --moves 20000]`: samples per
// second of the WASM risk Monte Carlo (issue #14) on rich plans (tests/bench/rich-generate.ts,
// planned by the solver under a fixed move budget, so the plan is reproducible), against the
// target "≥ 10,000 samples of a 1,000-stop plan in ≤ 1 s in one worker". Prints a Markdown table
// (paste into tests/bench/RESULTS.md). The time is the WASM run alone (fresh instance, inputs copied,
// sampling, percentiles); building the model from the plan is timed apart.
// Then robust planning (robust-bench.ts): cost and simulated on-time share per on-time target and slack
// rule on rich sets (`--robust-orders 200,1000 --robust-seeds 1,2 --robust-moves 200000`; `--part
// samples|robust` runs one part only).
import { parseArgs } from 'node:util';
import { buildRiskModel } from '../../web/src/domain/risk/model';
import { resolveVariability } from '../../web/src/domain/variability';
import { createSolverApi } from '../../workers/solver-api';
import { wasmRisk } from '../../workers/risk-wasm';
import { generateRichScenario } from './rich-generate';
import { solverModule } from './repair-solve';
import { robustTable } from './robust-bench';

/** Runs per size: the machine is shared, so the best run is the figure and the median is shown beside it. */
const REPEATS = 5;

interface Row {
  orders: number;
  stops: number;
  routes: number;
  samples: number;
  modelMs: number;
  /** Best of REPEATS runs (wall), their median, and the least CPU time of a run (user + system). */
  runMs: number;
  medianMs: number;
  cpuMs: number;
  expectedLate: number;
}

async function measure(orders: number, samples: number, seed: number, moves: number): Promise<Row> {
  const scenario = generateRichScenario({ orders, seed });
  const loadModule = () => solverModule('release');
  const { solution } = await createSolverApi(loadModule).solve({ runId: 1, scenario, options: { timeLimitS: 600, seed, maxMoves: moves, explain: false } });
  const t0 = performance.now();
  const model = buildRiskModel(scenario, solution, resolveVariability(scenario.settings));
  const modelMs = performance.now() - t0;
  await wasmRisk(await loadModule(), model, { samples: 100, seed }); // warm-up (tier-up of the compiled module)
  const walls: number[] = [];
  const cpus: number[] = [];
  let risk = null;
  for (let rep = 0; rep < REPEATS; rep++) {
    const cpu0 = process.cpuUsage();
    const t1 = performance.now();
    risk = await wasmRisk(await loadModule(), model, { samples, seed });
    walls.push(performance.now() - t1);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  walls.sort((a, b) => a - b);
  cpus.sort((a, b) => a - b);
  return { orders, stops: risk!.stops.length, routes: risk!.routes.length, samples, modelMs, runMs: walls[0], medianMs: walls[REPEATS >> 1], cpuMs: cpus[0], expectedLate: risk!.expectedLateStops };
}

function table(rows: Row[]): string {
  const lines = [
    '| orders | stops planned | routes | samples | model build ms | Monte Carlo ms (best of 5) | median ms | CPU ms | samples / s | stop-samples / s (M) | expected late stops |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const perS = r.samples / (r.runMs / 1000);
    lines.push(`| ${r.orders} | ${r.stops} | ${r.routes} | ${r.samples} | ${r.modelMs.toFixed(0)} | ${r.runMs.toFixed(0)} | ${r.medianMs.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ${Math.round(perS)} | ${((perS * r.stops) / 1e6).toFixed(1)} | ${r.expectedLate.toFixed(2)} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      orders: { type: 'string', default: '200,1000,2000' }, samples: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' }, moves: { type: 'string', default: '20000' },
      part: { type: 'string', default: 'all' }, 'robust-orders': { type: 'string', default: '200,1000' }, 'robust-seeds': { type: 'string', default: '1,2' },
      'robust-moves': { type: 'string', default: '200000' }, 'robust-samples': { type: 'string', default: '4000' },
    },
  });
  if (values.part !== 'robust') await samplesPart(values);
  if (values.part !== 'samples') {
    const list = (text: string) => text.split(',').map(Number);
    console.log(`\nRobust planning: ${values['robust-moves']} moves per solve, ${values['robust-samples']} samples per plan.\n`);
    console.log(await robustTable({ orders: list(values['robust-orders']), seeds: list(values['robust-seeds']), moves: Number(values['robust-moves']), samples: Number(values['robust-samples']) }));
  }
}

async function samplesPart(values: { orders: string; samples: string; seed: string; moves: string }): Promise<void> {
  const rows: Row[] = [];
  for (const orders of values.orders.split(',').map(Number)) {
    const row = await measure(orders, Number(values.samples), Number(values.seed), Number(values.moves));
    console.error(`rich-${orders}: ${row.stops} stops, ${row.samples} samples in ${row.runMs.toFixed(0)} ms`);
    rows.push(row);
  }
  console.log(table(rows));
  const target = rows.find((r) => r.orders === 1000);
  if (target) {
    const ms = (target.runMs * 10000) / target.samples;
    const median = (target.medianMs * 10000) / target.samples;
    console.log(`\nTarget (10,000 samples of the 1,000-order plan, ${target.stops} stops, ≤ 1 s in one worker): best ${ms.toFixed(0)} ms, median ${median.toFixed(0)} ms — ${ms <= 1000 ? 'met' : 'NOT met'}${median > 1000 ? ' (the median is not)' : ''}.`);
  }
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
