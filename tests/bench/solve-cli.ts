// `npm run solve -- <instance> [--time-limit S] [--seed N] [--rounding exact|trunc1|nint] [--date YYYY-MM-DD] [--out FILE] [--workers W] [--cpu-time]`
// Solves a Solomon/Gehring–Homberger .txt or VRPLIB .vrp file with the WASM
// solver and writes the plan as VRPLIB .sol; a VROOM problem (.json) is solved
// as a scenario and written in VROOM's solution shape; the project's own scenario
// file (its `type`) is solved with its pins and, with --out, written back with the
// plan. All print a one-line JSON summary on stderr; exit 1 when the checker
// rejects the plan, 2 on bad input.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatSol } from './check-instance';
import { parseInstance, type Rounding } from './instance';
import { runInstance } from './run-solver';
import { runInstancePortfolio } from './run-portfolio';
import { vroomCli } from './vroom-run';
import { checkSolution } from '../../web/src/domain/check';
import { isScenarioFileData, readScenarioFileData, serializeScenarioFile } from '../../web/src/io/scenario-file';
import { NO_PINS, solverPins } from '../../web/src/plan/pins';
import { nodeRepairSolve } from './repair-solve';

const ROUNDINGS: Rounding[] = ['exact', 'trunc1', 'nint'];

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'time-limit': { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      rounding: { type: 'string' },
      out: { type: 'string' },
      date: { type: 'string' },
      // Hidden (benchmark instances only): a fixed work budget instead of the time limit, for
      // reproducible before/after comparisons of solver changes.
      'max-moves': { type: 'string' },
      // Benchmark instances: W solver workers (worker_threads) as a portfolio, each for the whole time limit.
      workers: { type: 'string', default: '1' },
      // Benchmark instances, one worker: the time limit counts this process's CPU time, not the wall clock
      // (tables made on a shared machine; `seconds` in the summary is then CPU seconds).
      'cpu-time': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: npm run solve -- <instance.txt|instance.vrp|problem.json|scenario.fmp.json> [--time-limit S] [--seed N] [--rounding exact|trunc1|nint] [--date YYYY-MM-DD] [--out FILE]');
    return 2;
  }
  const timeLimitS = Number(values['time-limit']);
  const seed = Number(values.seed);
  if (!(timeLimitS > 0)) throw new Error(`--time-limit must be a positive number of seconds, got '${values['time-limit']}'`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got '${values.seed}'`);
  const maxMoves = values['max-moves'] === undefined ? undefined : Number(values['max-moves']);
  if (maxMoves !== undefined && !(Number.isInteger(maxMoves) && maxMoves > 0)) throw new Error(`--max-moves must be a positive integer, got '${values['max-moves']}'`);
  const scenarioFile = /\.json$/i.test(file) ? scenarioFileData(file) : undefined;
  if (scenarioFile !== undefined) return solveScenarioFile(file, scenarioFile, { timeLimitS, seed, maxMoves, out: values.out });
  if (/\.json$/i.test(file)) return solveVroom(file, { timeLimitS, seed, date: values.date, out: values.out, rounding: values.rounding });
  const inst = parseInstance(readFileSync(file, 'utf8'), basename(file));
  // Defaults: the convention of each set's BKS (X nint, Solomon/GH trunc1, Li & Lim double precision).
  const rounding = (values.rounding ?? (inst.kind === 'cvrp' ? 'nint' : inst.kind === 'pdptw' ? 'exact' : 'trunc1')) as Rounding;
  if (!ROUNDINGS.includes(rounding)) throw new Error(`--rounding must be one of ${ROUNDINGS.join(', ')}, got '${rounding}'`);

  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a positive integer, got '${values.workers}'`);
  if (values['cpu-time'] && workers !== 1) throw new Error('--cpu-time counts the whole process: use it with --workers 1');
  const result = workers === 1
    ? await runInstance(inst, { rounding, seed, timeLimitS, maxMoves, clock: values['cpu-time'] ? 'cpu' : 'wall' })
    : await runInstancePortfolio(inst, file, { rounding, seed, timeLimitS, maxMoves }, workers);
  const sol = formatSol(inst, result.routes, result.check.distance, rounding);
  if (values.out) writeFileSync(values.out, sol);
  else process.stdout.write(sol);
  console.error(JSON.stringify({
    instance: inst.name, rounding, routes: result.check.routes, distance: Number(result.check.distance.toFixed(4)),
    seconds: Number(result.seconds.toFixed(2)), feasible: result.check.ok, unassigned: result.unassigned, iterations: result.iterations,
  }));
  if (!result.check.ok) {
    console.error(`checker: the plan is not valid:\n  ${result.check.violations.slice(0, 20).join('\n  ')}`);
    return 1;
  }
  return 0;
}

/** Parsed JSON of a scenario file (recognised by its `type`), else undefined. */
function scenarioFileData(file: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  } catch {
    return undefined;
  }
  return isScenarioFileData(data) ? data : undefined;
}

/** The project's scenario file: solved with its pins, checked, and with --out written back with the plan. */
async function solveScenarioFile(file: string, data: unknown, o: { timeLimitS: number; seed: number; maxMoves?: number; out?: string }): Promise<number> {
  const read = readScenarioFileData(data);
  if (!read.ok) {
    console.error(`error: ${file}: ${read.message}`);
    return 2;
  }
  const { scenario } = read;
  const pins = solverPins(read.pins ?? NO_PINS, scenario.plan?.solution ?? null, scenario.vehicles.map((v) => v.id), scenario.orders.map((x) => x.id));
  const started = performance.now();
  const solution = await nodeRepairSolve('release')(scenario, { timeLimitS: o.timeLimitS, seed: o.seed, pins, maxMoves: o.maxMoves });
  const check = checkSolution(scenario, solution);
  if (o.out) writeFileSync(o.out, serializeScenarioFile({ ...scenario, plan: { solvedRevision: scenario.revision, solution: { ...solution, check } } }, read.pins));
  console.error(JSON.stringify({
    scenario: scenario.id, routes: solution.routes.length, cost: Math.round(check.cost * 100) / 100, unassigned: solution.unassigned.length,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)), feasible: check.ok, stopReason: solution.stopReason,
    iterations: solution.stats.iterations,
  }));
  for (const v of check.violations.slice(0, 20)) console.error(`checker: ${v.rule}: ${v.message}`);
  return check.ok ? 0 : 1;
}

/** A VROOM problem: solution JSON to --out or stdout, notes and summary on stderr. */
async function solveVroom(file: string, o: { timeLimitS: number; seed: number; date?: string; out?: string; rounding?: string }): Promise<number> {
  if (o.rounding) console.error('warning: --rounding applies to benchmark instances only; a VROOM problem uses its own units (seconds, metres)');
  const result = await vroomCli(readFileSync(file, 'utf8'), basename(file), o);
  if (result.stdout) {
    if (o.out) writeFileSync(o.out, result.stdout);
    else process.stdout.write(result.stdout);
  }
  for (const line of result.stderr) console.error(line);
  return result.code;
}

main().then((code) => { process.exitCode = code; }, (error: Error) => {
  console.error(`${error.name === 'InputError' ? 'error' : 'solver error'}: ${error.message}`);
  process.exitCode = error.name === 'InputError' ? 2 : 1;
});
