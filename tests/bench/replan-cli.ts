// `npm run replan -- <scenario file with a plan> --events <events file> [--at HH:MM] [--level keep-order|keep-vehicle|free] [--time-limit S] [--seed N] --out <scenario file>`
// Dispatches the plan if the scenario has no day yet, appends the events, repairs the
// rest of the day (web/src/plan/repair.ts), writes the scenario file with the repaired
// plan and its log, and prints ONE JSON line. Exit 0: the repaired plan passes the
// checker walked as a day; 1: it does not; 2: bad input (the message names the file and field).
// Events the day could not apply as given are warnings on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseDay, type DayRecord } from '../../web/src/domain/day/day-schema';
import { deriveDayState } from '../../web/src/domain/day/day-state';
import { parseDayTime, parseEventsFile } from '../../web/src/domain/day/events-file';
import { formatDayTime } from '../../web/src/domain/day/events';
import type { Scenario } from '../../web/src/domain/scenario';
import { readScenarioFileData, serializeScenarioFile } from '../../web/src/io/scenario-file';
import { proposeRepair, REPAIR_LEVELS, type RepairLevel } from '../../web/src/plan/repair';
import { acceptRepairEvent, checkRepair } from '../../web/src/plan/repair-plan';
import { nodeRepairSolve } from './repair-solve';

const USAGE = 'usage: npm run replan -- <scenario file with a plan> --events <events file> [--at HH:MM] [--level keep-order|keep-vehicle|free] [--time-limit S] [--seed N] --out <scenario file>';

/** Bad input: exit 2 with this message. */
class InputError extends Error {}

interface Args {
  scenarioFile: string;
  eventsFile: string;
  out: string;
  at?: string;
  level: RepairLevel;
  timeLimitS: number;
  seed: number;
  maxMoves?: number;
}

function readArgs(argv: string[]): Args {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      events: { type: 'string' }, out: { type: 'string' }, at: { type: 'string' }, level: { type: 'string', default: 'free' },
      'time-limit': { type: 'string', default: '1' }, seed: { type: 'string', default: '1' },
      // Hidden (tests): a fixed move budget instead of the time limit, so a run is reproducible.
      'max-moves': { type: 'string' },
    },
  });
  if (!positionals[0] || !values.events || !values.out) throw new InputError(USAGE);
  const level = values.level as RepairLevel;
  if (!REPAIR_LEVELS.includes(level)) throw new InputError(`--level must be one of ${REPAIR_LEVELS.join(', ')}, got '${values.level}'`);
  const timeLimitS = Number(values['time-limit']);
  if (!(timeLimitS > 0)) throw new InputError(`--time-limit must be a positive number of seconds, got '${values['time-limit']}'`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new InputError(`--seed must be a non-negative integer, got '${values.seed}'`);
  const maxMoves = values['max-moves'] === undefined ? undefined : Number(values['max-moves']);
  if (maxMoves !== undefined && !(Number.isInteger(maxMoves) && maxMoves > 0)) throw new InputError(`--max-moves must be a positive integer, got '${values['max-moves']}'`);
  return { scenarioFile: positionals[0], eventsFile: values.events, out: values.out, at: values.at, level, timeLimitS, seed, maxMoves };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot be read (${(error as Error).message})`);
  }
}

/** The scenario (validated by the scenario file reader) and its raw `day`, which that reader does not keep yet. */
function readScenario(file: string): { scenario: Scenario; rawDay: unknown } {
  let data: unknown;
  try {
    data = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const read = readScenarioFileData(data);
  if (!read.ok) throw new InputError(`${file}: ${read.message}`);
  const envelope = data as { scenario?: { day?: unknown }; day?: unknown };
  return { scenario: read.scenario, rawDay: envelope.scenario?.day ?? envelope.day };
}

/** The scenario's day, or a new one dispatching its plan. */
function dayOf(file: string, scenario: Scenario, rawDay: unknown, dispatchAt: number): DayRecord {
  if (rawDay !== undefined) {
    const parsed = parseDay(rawDay);
    if (parsed.ok) return parsed.day;
    const issue = parsed.issues[0];
    const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
    throw new InputError(`${file}: scenario.day${path}: ${issue.message}`);
  }
  const plan = scenario.plan;
  if (!plan || plan.solution.routes.length === 0) throw new InputError(`${file}: scenario.plan: there is no plan to dispatch (solve it first: npm run solve -- ${file} --out ${file})`);
  const { routes, unassigned, summary } = plan.solution;
  const solution = { routes, unassigned, summary } as unknown as DayRecord['dispatchedPlan']['solution'];
  return { dispatchedAt: dispatchAt, dispatchedPlan: { solvedRevision: plan.solvedRevision, solution }, events: [] };
}

/** The events file's events not yet in the log (an event imported twice keeps its id, so it is skipped). */
function newEvents(file: string, scenario: Scenario, day: DayRecord): DayRecord['events'] {
  const known = deriveDayState(scenario, day.dispatchedPlan.solution as never, day.events).orders.slice(scenario.orders.length);
  const parsed = parseEventsFile(readText(file), scenario, known);
  if (!parsed.ok) throw new InputError(parsed.issues.map((i) => `${file}: ${i.path}: ${i.message}`).join('\n'));
  const ids = new Set(day.events.map((e) => e.id));
  return parsed.events.filter((e) => !ids.has(e.id));
}

/** Minutes of the day for --at (default: the last event, else the dispatch). */
function clockOf(args: Args, scenario: Scenario, day: DayRecord): number {
  if (args.at === undefined) return Math.max(day.dispatchedAt, ...day.events.map((e) => e.at));
  const time = parseDayTime(args.at, scenario.settings.date);
  if ('error' in time) throw new InputError(`--at ${time.error}`);
  return time.at;
}

async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  const args = readArgs(argv);
  const { scenario, rawDay } = readScenario(args.scenarioFile);
  const firstDeparture = Math.min(...(scenario.plan?.solution.routes ?? []).map((r) => r.steps[0]?.departureS ?? Infinity)) / 60;
  const dispatched = dayOf(args.scenarioFile, scenario, rawDay, Number.isFinite(firstDeparture) ? Math.floor(firstDeparture) : 0);
  const day: DayRecord = { ...dispatched, events: [...dispatched.events, ...newEvents(args.eventsFile, scenario, dispatched)] };
  const nowS = Math.round(clockOf(args, scenario, day) * 60);
  const options = { level: args.level, nowS, timeLimitS: args.timeLimitS, seed: args.seed, maxMoves: args.maxMoves };
  const proposal = await proposeRepair(scenario, day, options, nodeRepairSolve('release'));
  const check = checkRepair(scenario, day, proposal);
  const accepted: DayRecord = { ...day, events: [...day.events, acceptRepairEvent(scenario, day, proposal)] };
  const out = { ...scenario, plan: { solvedRevision: scenario.revision, solution: check.plan }, day: accepted };
  writeFileSync(args.out, serializeScenarioFile(out));
  const d = proposal.diff;
  console.log(JSON.stringify({
    atRiskBefore: d.atRiskBefore, atRiskAfter: d.atRiskAfter, movedVehicle: d.moved.filter((m) => m.from !== null).length, resequenced: d.resequenced.length,
    costBefore: round2(d.costBefore), costAfter: round2(d.costAfter), ms: Math.round(performance.now() - started),
    source: proposal.source, unassignedAfter: d.unassignedAfter.length, ok: check.ok,
  }));
  const later = day.events.filter((e) => e.at * 60 > nowS + 30);
  if (later.length) console.error(`warning: ${later.length} event${later.length === 1 ? ' is' : 's are'} after --at ${formatDayTime(nowS / 60)} (the latest at ${formatDayTime(Math.max(...later.map((e) => e.at)))}): the day takes them as already reported`);
  // Events the day could not apply as given (an order done that is on no route, an unknown stop…): said, not dropped.
  for (const issue of deriveDayState(scenario, accepted.dispatchedPlan.solution as never, accepted.events).issues) console.error(`warning: event ${issue.eventId}: ${issue.message}`);
  for (const v of check.violations.slice(0, 20)) console.error(`checker: ${v.rule}: ${v.message}`);
  return check.ok ? 0 : 1;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: Error) => {
  console.error(error instanceof InputError ? `error: ${error.message}` : `repair error: ${error.stack ?? error.message}`);
  process.exitCode = error instanceof InputError ? 2 : 1;
});
