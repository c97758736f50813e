// `npm run solve -- <instance> [--time-limit S] [--seed N] [--rounding exact|trunc1|nint] [--out FILE]`
// Solves a Solomon/Gehring–Homberger .txt or VRPLIB .vrp file with the WASM
// solver; writes the plan as VRPLIB .sol and a one-line JSON summary on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { formatSol } from './check-instance';
import { parseInstance, type Rounding } from './instance';
import { runInstance } from './run-solver';

const ROUNDINGS: Rounding[] = ['exact', 'trunc1', 'nint'];

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'time-limit': { type: 'string', default: '10' },
      seed: { type: 'string', default: '1' },
      rounding: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: npm run solve -- <instance.txt|instance.vrp> [--time-limit S] [--seed N] [--rounding exact|trunc1|nint] [--out FILE]');
    return 2;
  }
  const timeLimitS = Number(values['time-limit']);
  const seed = Number(values.seed);
  if (!(timeLimitS > 0)) throw new Error(`--time-limit must be a positive number of seconds, got '${values['time-limit']}'`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got '${values.seed}'`);
  const inst = parseInstance(readFileSync(file, 'utf8'), basename(file));
  // Defaults: the convention of each set's BKS (X nint, Solomon/GH trunc1, Li & Lim double precision).
  const rounding = (values.rounding ?? (inst.kind === 'cvrp' ? 'nint' : inst.kind === 'pdptw' ? 'exact' : 'trunc1')) as Rounding;
  if (!ROUNDINGS.includes(rounding)) throw new Error(`--rounding must be one of ${ROUNDINGS.join(', ')}, got '${rounding}'`);

  const result = await runInstance(inst, { rounding, seed, timeLimitS });
  const sol = formatSol(inst, result.routes, result.check.distance, rounding);
  if (values.out) writeFileSync(values.out, sol);
  else process.stdout.write(sol);
  console.error(JSON.stringify({
    instance: inst.name, rounding, routes: result.check.routes, distance: Number(result.check.distance.toFixed(4)),
    seconds: Number(result.seconds.toFixed(2)), feasible: result.check.ok, unassigned: result.unassigned,
  }));
  if (!result.check.ok) {
    console.error(`checker: the plan is not valid:\n  ${result.check.violations.slice(0, 20).join('\n  ')}`);
    return 1;
  }
  return 0;
}

main().then((code) => { process.exitCode = code; }, (error: Error) => {
  console.error(`${error.name === 'InputError' ? 'error' : 'solver error'}: ${error.message}`);
  process.exitCode = error.name === 'InputError' ? 2 : 1;
});
