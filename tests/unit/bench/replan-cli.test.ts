// `npm run replan` as a child process (release wasm, fixed move budget): the demo
// replanned after the acceptance story's events passes the day check with no done
// stop moved; keep-order cannot absorb a long delay (exit 1); bad input exits 2 naming the field.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDay } from '../../../web/src/domain/day/day-schema';
import { deriveDayState } from '../../../web/src/domain/day/day-state';
import { formatDayTime } from '../../../web/src/domain/day/events';
import type { Scenario } from '../../../web/src/domain/scenario';
import { isOrderStep } from '../../../web/src/domain/solution';
import { validateScenario } from '../../../web/src/domain/validate';
import { readScenarioFile, serializeScenarioFile } from '../../../web/src/io/scenario-file';
import { simulateDayEvents } from '../../bench/repair-events';
import { nodeRepairSolve } from '../../bench/repair-solve';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'tests/bench/replan-cli.ts');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, [cli, ...args, '--max-moves', '20000'], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run replan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replan-'));
  const planned = join(dir, 'demo.fmp.json');
  const eventsFile = join(dir, 'events.json');
  let scenario: Scenario;

  beforeAll(async () => {
    const read = validateScenario(JSON.parse(readFileSync(join(root, 'public/demo-scenario.json'), 'utf8')));
    if (!read.ok) throw new Error('demo invalid');
    const solution = await nodeRepairSolve('release')(read.scenario, { timeLimitS: 10, seed: 1, maxMoves: 100_000 });
    scenario = { ...read.scenario, plan: { solvedRevision: read.scenario.revision, solution: { ...solution, check: { ok: true, violations: [], cost: 0, distanceM: 0, durationS: 0, routes: [] } } } };
    writeFileSync(planned, serializeScenarioFile(scenario));
    const events = simulateDayEvents(scenario, solution.routes, { seed: 3, nowMinutes: 600, delayMinutes: 60, newOrders: 1 });
    const file = events.map(({ id: _id, at, ...e }) => ({ ...e, at: formatDayTime(at) }));
    writeFileSync(eventsFile, JSON.stringify({ type: 'fmp-events', version: 1, events: file }));
  });

  it('replans the demo: one JSON line, exit 0, the written file holds the repaired plan and its log, no done stop moved', async () => {
    const out = join(dir, 'free.fmp.json');
    const { code, stdout, stderr } = await run([planned, '--events', eventsFile, '--at', '10:00', '--level', 'free', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(Object.keys(line)).toEqual(expect.arrayContaining(['atRiskBefore', 'atRiskAfter', 'movedVehicle', 'resequenced', 'costBefore', 'costAfter', 'ms']));
    expect(line.ok).toBe(true);
    const raw = JSON.parse(readFileSync(out, 'utf8'));
    const parsed = parseDay(raw.scenario.day);
    if (!parsed.ok) throw new Error('day invalid');
    const log = parsed.day.events;
    expect(log[log.length - 1].type).toBe('repair-applied');
    const plan = scenario.plan!.solution;
    const before = deriveDayState(scenario, plan, log.slice(0, -1));
    const after = deriveDayState(scenario, plan, log);
    for (const stop of Object.values(before.stops)) if (stop.status === 'done') expect(after.stops[stop.key].vehicleId, stop.key).toBe(stop.vehicleId);
    // The scenario's plan is the repaired one: its routes follow the accepted sequences.
    const repaired = log[log.length - 1] as { routes: { vehicle: string; stops: { id: string }[] }[] };
    const written = readScenarioFile(readFileSync(out, 'utf8'));
    if (!written.ok) throw new Error(written.message);
    // Opened in the app, the repaired day is checked as a day (the checker's day walk), not as a fresh plan.
    expect(written.warnings).toEqual([]);
    expect(written.scenario.plan!.solution.check.violations).toEqual([]);
    expect(written.scenario.plan!.solution.check.ok).toBe(true);
    for (const route of written.scenario.plan!.solution.routes) {
      expect(route.steps.filter(isOrderStep).map((x) => x.id), route.vehicleId).toEqual(repaired.routes.find((r) => r.vehicle === route.vehicleId)!.stops.filter((x) => 'type' in x && x.type !== 'break').map((x) => x.id));
    }
  });

  it('exits 1 when keep-order leaves the rest of the day breaking rules (a 60-minute delay it may not re-plan)', async () => {
    const { code, stdout, stderr } = await run([planned, '--events', eventsFile, '--at', '10:00', '--level', 'keep-order', '--out', join(dir, 'keep.fmp.json')]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout.trim()).ok).toBe(false);
    expect(stderr).toMatch(/^checker: time-window: /m);
  });

  it('warns on stderr of an event the day could not apply as given (an order done that is on no route)', async () => {
    const unrouted = scenario.plan!.solution.unassigned[0]?.orderId;
    expect(unrouted).toBeDefined();
    const file = join(dir, 'offroute.json');
    writeFileSync(file, JSON.stringify({ type: 'fmp-events', version: 1, events: [{ type: 'done', order: unrouted, at: '09:00', id: 'x1' }] }));
    const { code, stdout, stderr } = await run([planned, '--events', file, '--at', '09:00', '--out', join(dir, 'offroute.fmp.json')]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).ok).toBe(true);
    expect(stderr).toBe(`warning: event x1: order '${unrouted}' is done but is on no route\n`);
    // Events after --at are taken as reported, and said so.
    const early = await run([planned, '--events', eventsFile, '--at', '08:00', '--out', join(dir, 'early.fmp.json')]);
    expect(early.stderr).toMatch(/^warning: \d+ events are after --at 08:00 \(the latest at 10:00\): the day takes them as already reported$/m);
  });

  it('exits 2 naming the event index and field of a bad event, and writes nothing', async () => {
    const bad = join(dir, 'bad-events.json');
    writeFileSync(bad, JSON.stringify({ type: 'fmp-events', version: 1, events: [{ type: 'done', order: 'LYO-1001', at: '09:00' }, { type: 'done', order: 'NOPE', at: '09:10' }] }));
    const out = join(dir, 'never.fmp.json');
    const { code, stderr } = await run([planned, '--events', bad, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${bad}: events[1].order`);
    expect(() => readFileSync(out)).toThrow();
  });

  it('exits 2 on a bad level and on a scenario file without a plan', async () => {
    expect((await run([planned, '--events', eventsFile, '--level', 'wild', '--out', join(dir, 'x.json')])).stderr).toContain("--level must be one of keep-order, keep-vehicle, free, got 'wild'");
    const unplanned = join(dir, 'unplanned.fmp.json');
    writeFileSync(unplanned, serializeScenarioFile({ ...scenario, plan: null }));
    const result = await run([unplanned, '--events', eventsFile, '--out', join(dir, 'y.json')]);
    expect([result.code, result.stderr.includes(`${unplanned}: scenario.plan: there is no plan to dispatch`)]).toEqual([2, true]);
  });
});
