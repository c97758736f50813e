// @vitest-environment node
// proposeRepair on seeded days of the demo (fixed move budgets, never the clock):
// never worse than the plan as it stands, done stops and frozen prefixes never move,
// keep-vehicle keeps every stop on its vehicle, keep-order only re-times.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayRecord } from '../../../web/src/domain/day/day-schema';
import { deriveDayState, stopKey } from '../../../web/src/domain/day/day-state';
import { DEFAULT_DAY_SETTINGS, predictDay } from '../../../web/src/domain/day/eta';
import type { DayEvent, RouteStopRef } from '../../../web/src/domain/day/events';
import type { Scenario } from '../../../web/src/domain/scenario';
import { isOrderStep, type Solution } from '../../../web/src/domain/solution';
import { validateScenario } from '../../../web/src/domain/validate';
import { MARGIN_COST_PER_MINUTE } from '../../../web/src/domain/day/repair-margin';
import { buildRepairProblem } from '../../../web/src/domain/day/repair-problem';
import { marginOptions, proposeRepair, repairContext, solveBudgetS, SOLVE_RESERVE_S, MIN_SOLVE_S, type RepairLevel, type RepairProposal } from '../../../web/src/plan/repair';
import { checkRepair, checkRepairPaused } from '../../../web/src/plan/repair-plan';
import { dayAfter, dayAfterPaused } from '../../../web/src/plan/repair-score';
import { deriveDayBase, makeDayKeeper, stateWithKept } from '../../../web/src/store/day-derive';
import { simulateDayEvents } from '../../bench/repair-events';
import { nodeRepairSolve } from '../../bench/repair-solve';

const demo = (): Scenario => {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  return result.scenario;
};
const solve = nodeRepairSolve('debug');
const MOVES = 20_000;

describe('proposeRepair on the demo', () => {
  let s: Scenario;
  let plan: Pick<Solution, 'routes' | 'unassigned'>;
  const dayOf = (events: DayEvent[]): DayRecord => ({ dispatchedAt: 360, dispatchedPlan: { solvedRevision: 0, solution: plan as never }, events });
  const repair = (day: DayRecord, level: RepairLevel, nowMinutes: number, seed = 1) =>
    proposeRepair(s, day, { level, nowS: nowMinutes * 60, timeLimitS: 10, seed, maxMoves: MOVES }, solve);

  beforeAll(async () => {
    s = demo();
    plan = await solve(s, { timeLimitS: 10, seed: 1, maxMoves: 100_000 });
  });

  /** Every route of the proposal begins with its vehicle's frozen prefix; done and failed stops stay where they were. */
  function expectPastKept(day: DayRecord, p: RepairProposal): void {
    const ctx = repairContext(s, day, { nowS: p.atS });
    for (const start of ctx.starts) {
      const route = p.routes.find((r) => r.vehicle === start.vehicleId);
      expect(route?.stops.slice(0, start.frozen.length) ?? [], start.vehicleId).toEqual(start.frozen.map((x) => ({ type: x.type, id: x.id })));
    }
    const after = deriveDayState(s, plan, [...day.events, { type: 'repair-applied', id: 'accept', at: p.atS / 60, routes: p.routes }]);
    for (const stop of Object.values(ctx.state.stops)) {
      if (stop.status === 'done' || stop.status === 'failed') expect(after.stops[stop.key].vehicleId, stop.key).toBe(stop.vehicleId);
    }
  }

  it.each([[1, 600], [2, 660], [3, 720]])('seed %i at %i min: never worse than the plan as it stands, past kept, at every level', async (seed, now) => {
    const day = dayOf(simulateDayEvents(s, plan.routes, { seed, nowMinutes: now, delayMinutes: 45, newOrders: 1 }));
    for (const level of ['keep-order', 'keep-vehicle', 'free'] as const) {
      const p = await repair(day, level, now, seed);
      expect(p.objectiveAfter, level).toBeLessThanOrEqual(p.objectiveBefore);
      expect(p.source === 'current', level).toBe(p.objectiveAfter === p.objectiveBefore);
      expectPastKept(day, p);
    }
  });

  it('given the day as it stands (the page\'s state and margin-rule prediction) and paused between its steps, proposes and checks what it does in one go', async () => {
    const now = 660;
    const day = dayOf(simulateDayEvents(s, plan.routes, { seed: 4, nowMinutes: now, delayMinutes: 45, newOrders: 1 }));
    const state = deriveDayState(s, plan, day.events);
    // The page's kept derivation of this day, for the candidates' states.
    const keeper = makeDayKeeper();
    deriveDayBase({ ...s, day }, keeper);
    let keptStates = 0;
    const stateWith = (events: readonly DayEvent[], more: readonly DayEvent[]) => {
      const kept = stateWithKept(s, day, events, more, keeper);
      if (kept) keptStates += 1;
      return kept;
    };
    const known = { state, prediction: predictDay(s, state, now, DEFAULT_DAY_SETTINGS), stateWith };
    let pauses = 0;
    for (const level of ['keep-order', 'free'] as const) {
      const alone = await proposeRepair(s, day, { level, nowS: now * 60, timeLimitS: 10, seed: 1, maxMoves: MOVES }, solve);
      const given = await proposeRepair(s, day, { level, nowS: now * 60, timeLimitS: 10, seed: 1, maxMoves: MOVES, known, pause: async () => { pauses += 1; } }, solve);
      expect(given, level).toEqual(alone);
      expect(repairContext(s, day, { nowS: now * 60, known }).state).toBe(state);
      // Its check, its walks paused between and the day as it stands given, is the check made in one go.
      expect(await checkRepairPaused(s, day, given, { known }, async () => { pauses += 1; }), level).toEqual(checkRepair(s, day, given));
    }
    // Between the context, the first scoring, the solve and the diff (keep-order: no solve).
    expect(pauses).toBeGreaterThanOrEqual(6);
    // Every candidate's and check's state came from the keeper: keep-order (candidate, check), free (two or more).
    expect(keptStates).toBeGreaterThanOrEqual(5);
  });

  it('walks a candidate\'s prediction a slice per pause, into the same day as walked in one go', async () => {
    const now = 630;
    const day = dayOf(simulateDayEvents(s, plan.routes, { seed: 2, nowMinutes: now, delayMinutes: 30, newOrders: 1 }));
    const ctx = repairContext(s, day, { nowS: now * 60 });
    const routes = ctx.state.routes.map((r) => ({ vehicle: r.vehicleId, stops: r.stops as RouteStopRef[] }));
    const moved = [{ ...routes[0], stops: routes[0].stops.slice(0, -1) }, { ...routes[1], stops: [...routes[1].stops, routes[0].stops[routes[0].stops.length - 1]] }];
    for (const candidate of [routes, moved]) {
      let pauses = 0;
      // Slices of 0 ms: a route per slice, a pause after each.
      const paused = await dayAfterPaused(ctx, candidate, async () => { pauses += 1; }, 0);
      const once = dayAfter(ctx, candidate);
      expect(paused).toEqual(once);
      expect(pauses).toBeGreaterThanOrEqual(once.state.routes.length + 2);
    }
  });

  it('prices the day\'s at-risk margin for the solver on every order, the stops at risk now included', () => {
    const day = { ...dayOf(simulateDayEvents(s, plan.routes, { seed: 1, nowMinutes: 600, delayMinutes: 45, newOrders: 1 })), settings: { riskMarginMinutes: 20 } };
    const ctx = repairContext(s, day, { nowS: 600 * 60 });
    const options = marginOptions(ctx);
    expect(options).toEqual({ margin: { marginMinutes: 20, costPerMinute: MARGIN_COST_PER_MINUTE } });
    const problem = buildRepairProblem(s, ctx.state, ctx.prediction, ctx.starts, { keepVehicle: false, ...options });
    const atRisk = new Set(ctx.prediction.atRisk.flatMap((r) => (r.orderId ? [r.orderId] : [])));
    const timed = problem.scenario.orders.filter((o) => atRisk.has(o.id) && o.timeWindows.length > 0);
    expect(timed.length).toBeGreaterThan(0);
    for (const o of timed) expect(o.lateness?.costPerMinute, o.id).toBeGreaterThanOrEqual(MARGIN_COST_PER_MINUTE);
  });

  it('keep-order proposes the plan as it stands, re-timed: nothing moved or re-sequenced', async () => {
    const day = dayOf(simulateDayEvents(s, plan.routes, { seed: 4, nowMinutes: 630, delayMinutes: 60, newOrders: 1 }));
    const p = await repair(day, 'keep-order', 630);
    expect([p.source, p.diff.moved, p.diff.resequenced]).toEqual(['current', [], []]);
    expect(p.routes).toEqual(repairContext(s, day, { nowS: 630 * 60 }).state.routes.map((r) => ({ vehicle: r.vehicleId, stops: r.stops })));
    expect(p.diff.unassignedAfter).toContain('URG-1');
  });

  it('keep-vehicle puts no stop on another vehicle; free places the urgent order and passes the day check', async () => {
    const day = dayOf(simulateDayEvents(s, plan.routes, { seed: 5, nowMinutes: 600, delayMinutes: 60, newOrders: 1 }));
    const keep = await repair(day, 'keep-vehicle', 600);
    // A stop may be left unassigned (to null) when its vehicle cannot make it any more, never put on another vehicle.
    expect(keep.diff.moved.filter((m) => m.from !== null && m.to !== null)).toEqual([]);
    const free = await repair(day, 'free', 600);
    expect(free.source).toBe('solver');
    expect(free.diff.unassignedAfter).not.toContain('URG-1');
    expect(checkRepair(s, day, free).violations).toEqual([]);
    expect(free.diff.atRiskAfter).toBeLessThanOrEqual(free.diff.atRiskBefore);
  });

  it('a broken-down vehicle hands its stops over: none stays on it after a free repair', async () => {
    const events = simulateDayEvents(s, plan.routes, { seed: 6, nowMinutes: 600, breakdown: true });
    const day = dayOf(events);
    const broken = (events.find((e) => e.type === 'unavailable') as { vehicle: string }).vehicle;
    const p = await repair(day, 'free', 600);
    const ctx = repairContext(s, day, { nowS: 600 * 60 });
    const start = ctx.starts.find((x) => x.vehicleId === broken)!;
    expect(p.routes.find((r) => r.vehicle === broken)?.stops.filter(isOrderStep)).toEqual(start.frozen.filter(isOrderStep));
    const handed = start.tail.filter(isOrderStep).map((x) => stopKey(x.id, x.type));
    expect(p.diff.moved.map((m) => m.key).sort()).toEqual(expect.arrayContaining(handed.sort()));
  });

  it('a vehicle that breaks down with a shipment collected: the shipment stays unassigned, said so, never off the plan unsaid', async () => {
    const route = plan.routes.find((r) => r.steps.some((x) => x.type === 'pickup'))!;
    const steps = route.steps.filter(isOrderStep);
    const upTo = steps.findIndex((x) => x.type === 'pickup');
    const shipment = steps[upTo].id;
    const leftS = steps[upTo].departureS;
    const events: DayEvent[] = steps.slice(0, upTo + 1).map((x, i) => ({ id: `d${i}`, type: 'done', order: x.id, ...(x.type === 'job' ? {} : { stop: x.type }), at: x.departureS / 60 }) as DayEvent);
    const now = Math.ceil(leftS / 60) + 5;
    events.push({ id: 'u', type: 'unavailable', vehicle: route.vehicleId, at: now, lat: s.depots[0].lat, lng: s.depots[0].lng, reason: 'breakdown' } as DayEvent);
    const day = dayOf(events);
    const p = await repair(day, 'free', now);
    expect(p.routes.flatMap((r) => r.stops).some((x) => x.type === 'delivery' && x.id === shipment)).toBe(false);
    expect(p.diff.unassignedAfter).toContain(shipment);
    const plan2 = checkRepair(s, day, p).plan;
    const name = s.vehicles.find((v) => v.id === route.vehicleId)!.name;
    expect(plan2.unassigned.find((u) => u.orderId === shipment)?.reason).toBe(`picked up by '${name}', which is unavailable: its goods are on board, no other vehicle can deliver it`);
    const after = deriveDayState(s, plan, [...events, { type: 'repair-applied', id: 'accept', at: now, routes: p.routes }]);
    expect(after.unassigned).toContain(shipment);
    expect(after.stops[stopKey(shipment, 'pickup')].status).toBe('done');
  });

  it('a solve that fails on a warm start with breaks in place is started again from the stops alone', async () => {
    const day = dayOf(simulateDayEvents(s, plan.routes, { seed: 2, nowMinutes: 660, delayMinutes: 45, newOrders: 1 }));
    const calls: boolean[] = [];
    const flaky: typeof solve = async (scenario, options) => {
      const withBreaks = (options.initialRoutes ?? []).some((r) => r.stops.some((x) => 'breakId' in x));
      calls.push(withBreaks);
      if (withBreaks) throw new Error('solver: a route became infeasible');
      return solve(scenario, options);
    };
    const p = await proposeRepair(s, day, { level: 'free', nowS: 660 * 60, timeLimitS: 10, seed: 1, maxMoves: MOVES }, flaky);
    expect(calls.slice(0, 2)).toEqual([true, false]);
    expect(checkRepair(s, day, p).violations).toEqual([]);
    // An error that is not about the breaks still reaches the caller.
    const broken: typeof solve = async () => { throw new Error('worker gone'); };
    const noBreaks = { ...s, vehicles: s.vehicles.map((v) => ({ ...v, breaks: undefined })) };
    await expect(proposeRepair(noBreaks, dayOf([]), { level: 'free', nowS: 600 * 60, timeLimitS: 10, seed: 1, maxMoves: MOVES }, broken)).rejects.toThrow('worker gone');
  });

  it('a vehicle idle until after its break window closed is given work: the missing break is a fact of the past, before and after the repair is accepted', () => {
    // The dispatched plan without one vehicle's route: that vehicle waits at its depot all morning.
    const idle = plan.routes.find((r) => r.steps.some(isOrderStep))!;
    const vehicle = s.vehicles.find((v) => v.id === idle.vehicleId)!;
    const closes = Math.max(...(vehicle.breaks ?? []).flatMap((b) => b.timeWindows.map((w) => w.end)));
    expect(closes, 'the demo vehicle has a break').toBeGreaterThan(0);
    const now = closes + 60;
    const dispatched = { routes: plan.routes.filter((r) => r !== idle), unassigned: [...plan.unassigned, ...idle.steps.filter(isOrderStep).map((x) => ({ orderId: x.id, reason: 'test' }))] };
    const day: DayRecord = { dispatchedAt: 360, dispatchedPlan: { solvedRevision: 0, solution: dispatched as never }, events: [] };
    const ctx = repairContext(s, day, { nowS: now * 60 });
    const open = idle.steps.filter(isOrderStep).map((x) => x.id).filter((id) => {
      const o = s.orders.find((x) => x.id === id)!;
      return !o.pickup && (o.timeWindows ?? []).every((w) => w.end >= now + 120);
    });
    expect(open.length, 'an order of that route can still be served after the break window').toBeGreaterThan(0);
    const routes = [
      ...ctx.starts.filter((x) => x.vehicleId !== idle.vehicleId).map((x) => ({ vehicle: x.vehicleId, stops: [...x.frozen, ...x.tail].map((y) => ({ type: y.type, id: y.id }) as RouteStopRef) })),
      { vehicle: idle.vehicleId, stops: [{ type: 'job' as const, id: open[0] }] },
    ];
    const breakMissing = (vs: { rule: string; vehicleId?: string }[]) => vs.filter((v) => v.rule === 'break-missing' && v.vehicleId === idle.vehicleId);
    const proposal = { atS: now * 60, routes };
    const before = checkRepair(s, day, proposal);
    expect(breakMissing(before.violations)).toEqual([]);
    expect(breakMissing(before.facts).length).toBeGreaterThan(0);
    const accepted: DayRecord = { ...day, events: [{ type: 'repair-applied', id: 'accept', at: now, routes }] };
    expect(breakMissing(checkRepair(s, accepted, proposal).violations)).toEqual([]);
  });
});

describe('solveBudgetS', () => {
  it('gives the solve what the walks so far, a slower second scoring walk and the reserve leave of the limit', () => {
    expect(solveBudgetS(1, 0.1, 0.08)).toBeCloseTo(1 - 0.1 - 0.08 * 1.25 - SOLVE_RESERVE_S, 9);
  });
  it('never less than MIN_SOLVE_S', () => {
    expect(solveBudgetS(1, 0.95, 0.2)).toBe(MIN_SOLVE_S);
  });
});
