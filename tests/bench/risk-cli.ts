// `npm run risk -- <scenario file with a plan> [--samples N] [--seed S] [--travel-cv X] [--service-cv X] [--not-home P] --out risk.json`
// Estimates the risk of the scenario's plan (issue #14) by the WASM Monte Carlo
// (release build) under the scenario's variability settings, the flags
// overriding them (--service-cv and --not-home for every service type); writes
//   {"stops":[{"order","vehicle","pOnTime","startP50","startP90"}],"routes":[{"vehicle","pAllOnTime","pShiftOk"}],"expectedLateStops"}
// with times as HH:MM (nearest minute; hours past midnight go on: 24:10), and
// prints one summary line. Exit 0 on success, 2 on bad input (the message names the file or flag).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Scenario } from '../../web/src/domain/scenario';
import { buildRiskModel } from '../../web/src/domain/risk/model';
import type { PlanRisk } from '../../web/src/domain/risk/risk-types';
import { resolveVariability, type Variability } from '../../web/src/domain/variability';
import { readScenarioFileData } from '../../web/src/io/scenario-file';
import { wasmRisk } from '../../workers/risk-wasm';
import { solverModule } from './repair-solve';

const USAGE = 'usage: npm run risk -- <scenario file with a plan> [--samples N] [--seed S] [--travel-cv X] [--service-cv X] [--not-home P] --out risk.json';

/** Bad input: exit 2 with this message. */
class InputError extends Error {}

interface Args {
  file: string;
  out: string;
  samples: number;
  seed: number;
  travelCv?: number;
  serviceCv?: number;
  notHome?: number;
}

/** A flag's number, checked by `ok` (undefined when the flag is absent). */
function numberFlag(name: string, text: string | undefined, ok: (x: number) => boolean, rule: string): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || !ok(x)) throw new InputError(`--${name} must be ${rule}, got '${text}'`);
  return x;
}

function readArgs(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: { out: { type: 'string' }, samples: { type: 'string' }, seed: { type: 'string' }, 'travel-cv': { type: 'string' }, 'service-cv': { type: 'string' }, 'not-home': { type: 'string' } },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.out) throw new InputError(USAGE);
  const cv = (x: number) => x >= 0 && x <= 10;
  return {
    file: positionals[0], out: values.out,
    samples: numberFlag('samples', values.samples, (x) => Number.isInteger(x) && x >= 1 && x <= 1e7, 'an integer from 1 to 10000000') ?? 10000,
    seed: numberFlag('seed', values.seed, (x) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff, 'an integer from 0 to 4294967295') ?? 1,
    travelCv: numberFlag('travel-cv', values['travel-cv'], cv, 'a coefficient of variation from 0 to 10'),
    serviceCv: numberFlag('service-cv', values['service-cv'], cv, 'a coefficient of variation from 0 to 10'),
    notHome: numberFlag('not-home', values['not-home'], (x) => x >= 0 && x <= 1, 'a probability from 0 to 1'),
  };
}

/** The scenario of the file, which must carry a plan with at least one route. */
function readScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const read = readScenarioFileData(data);
  if (!read.ok) throw new InputError(`${file}: ${read.message}`);
  if (!read.scenario.plan || read.scenario.plan.solution.routes.length === 0) {
    throw new InputError(`${file}: scenario.plan: there is no plan to assess (solve it first: npm run solve -- ${file} --out ${file})`);
  }
  return read.scenario;
}

/** The scenario's variability with the flags' overrides. */
function variabilityOf(scenario: Scenario, args: Args): Variability {
  const base = resolveVariability(scenario.settings);
  const every = (record: Record<string, number>, x: number | undefined) => (x === undefined ? record : Object.fromEntries(Object.keys(record).map((k) => [k, x])));
  return {
    ...base, travelCv: args.travelCv ?? base.travelCv,
    serviceCv: every(base.serviceCv, args.serviceCv) as Variability['serviceCv'],
    notHome: every(base.notHome, args.notHome) as Variability['notHome'],
  };
}

/** Seconds of the day → "HH:MM" at the nearest minute (hours run on past midnight). */
function hhmm(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The file's JSON shape (issue #14's contract). */
function riskFile(risk: PlanRisk): object {
  return {
    stops: risk.stops.map((s) => ({ order: s.orderId, vehicle: s.vehicleId, pOnTime: s.pOnTime, startP50: hhmm(s.startP50S), startP90: hhmm(s.startP90S) })),
    routes: risk.routes.map((r) => ({ vehicle: r.vehicleId, pAllOnTime: r.pAllOnTime, pShiftOk: r.pShiftOk })),
    expectedLateStops: Math.round(risk.expectedLateStops * 1e4) / 1e4,
  };
}

function summary(risk: PlanRisk, ms: number): string {
  const weakest = risk.stops.reduce<PlanRisk['stops'][number] | null>((w, s) => (w === null || s.pOnTime < w.pOnTime ? s : w), null);
  const pct = (p: number) => `${(p * 100).toFixed(1)} %`;
  const weak = weakest ? `, weakest promise ${weakest.orderId} (${weakest.vehicleId}) ${pct(weakest.pOnTime)}` : '';
  const allOnTime = risk.routes.length ? `, routes all on time ${pct(Math.min(...risk.routes.map((r) => r.pAllOnTime)))}–${pct(Math.max(...risk.routes.map((r) => r.pAllOnTime)))}` : '';
  return `risk: ${risk.stops.length} stops on ${risk.routes.length} routes, ${risk.samples} samples (seed ${risk.seed}) in ${ms} ms: expected late stops ${risk.expectedLateStops.toFixed(2)}${weak}${allOnTime}`;
}

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv);
  const scenario = readScenario(args.file);
  const model = buildRiskModel(scenario, scenario.plan!.solution, variabilityOf(scenario, args));
  const module = await solverModule('release');
  const started = performance.now();
  const risk = await wasmRisk(module, model, { samples: args.samples, seed: args.seed });
  const ms = Math.round(performance.now() - started);
  writeFileSync(args.out, `${JSON.stringify(riskFile(risk), null, 1)}\n`);
  console.log(summary(risk, ms));
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: Error) => {
  console.error(error instanceof InputError ? `error: ${error.message}` : `risk error: ${error.stack ?? error.message}`);
  process.exitCode = error instanceof InputError ? 2 : 1;
});
