// @vitest-environment node
// The page derives its day again after every event with a keeper (day-derive.ts DayKeeper): the log's working
// state so far (only the events appended since are applied) and each vehicle's last predicted route (taken again
// while nothing its walk reads changed). Property: after every event appended — one at a time and in batches,
// of played days, of random events files of every type, with accepted repairs among them — the kept day equals
// the day derived afresh: its state, prediction, at-risk list, report, predicted plan, and its risk flags. A log
// that is not an extension of the last one, and a scenario edited meanwhile, are derived afresh.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DayRecord } from '../../../web/src/domain/day/day-schema';
import { deriveDayState, type DayState } from '../../../web/src/domain/day/day-state';
import type { DayEvent } from '../../../web/src/domain/day/events';
import { parseEventsFile } from '../../../web/src/domain/day/events-file';
import { simulateDay } from '../../../web/src/domain/day/simulate';
import type { PlanRisk } from '../../../web/src/domain/risk/risk-types';
import type { Scenario } from '../../../web/src/domain/scenario';
import { isOrderStep, type Solution } from '../../../web/src/domain/solution';
import { deriveDay, deriveDayBase, makeDayKeeper, newIssues, predictDayAt, primeDayBase, stateWithKept, withRiskFlags, type DayDerived, type DayKeeper } from '../../../web/src/store/day-derive';
import { randomEventsFile } from '../../bench/repair-events';
import { nodeRepairSolve } from '../../bench/repair-solve';
import { generateRichScenario } from '../../bench/rich-generate';
import { makeRng } from '../../bench/rich-generate';

const solve = nodeRepairSolve('debug');

/** What the page shows of a derived day. */
const shown = (d: DayDerived | null) => d && {
  state: d.state, warnings: d.warnings, prediction: d.prediction, atRisk: d.atRisk, report: d.report, plan: d.view.plan.solution, orders: d.view.orders,
};

/** A made-up Monte Carlo estimate of a day's remaining stops (risk flags follow it). */
function someRisk(d: DayDerived, seed: number): PlanRisk {
  const rng = makeRng(seed);
  const stops = d.prediction.routes.flatMap((r) => r.stops.filter((s) => s.source === 'predicted').map((s) => ({
    orderId: s.orderId, ...(s.type === 'job' ? {} : { side: s.type }), vehicleId: r.vehicleId, pOnTime: rng(), startP10S: 30_000, startP50S: 31_000, startP90S: 32_000,
  })));
  return { stops, routes: [], expectedLateStops: 0, samples: 100, seed };
}

/** An accepted repair moving the last not-yet-reached stop of one route to the end of another's. */
function repairOf(state: DayState, at: number, k: number): DayEvent | null {
  const open = (id: string, type: string) => ['planned', 'en-route'].includes(state.stops[type === 'job' ? id : `${id}/${type}`]?.status ?? '');
  const routes = state.routes.filter((r) => r.stops.some((s) => s.type === 'job' && open(s.id, s.type)));
  if (routes.length < 2) return null;
  const from = routes[k % routes.length], to = routes[(k + 1) % routes.length];
  const moved = [...from.stops].reverse().find((s) => s.type === 'job' && open(s.id, s.type))!;
  return {
    type: 'repair-applied', id: `repair-${k}`, at,
    routes: [{ vehicle: from.vehicleId, stops: from.stops.filter((s) => s !== moved) }, { vehicle: to.vehicleId, stops: [...to.stops, moved] }],
  } as DayEvent;
}

/**
 * A dispatcher's corrections of what was reported, each a later event changing one figure of a stop: a stop done
 * reported done again 20 minutes later, a stop arrived at with its service overrunning by 25 minutes.
 */
function correctionsOf(state: DayState, at: number, k: number): DayEvent[] {
  const out: DayEvent[] = [];
  const done = Object.values(state.stops).filter((s) => s.status === 'done' && s.type === 'job' && s.leftAt !== null);
  const ahead = Object.values(state.stops).filter((s) => s.status === 'en-route' && s.type === 'job');
  if (done.length) {
    const stop = done[k % done.length];
    out.push({ type: 'done', id: `again-${k}`, at: Math.min(1439, stop.leftAt! + 20), order: stop.orderId } as DayEvent);
  }
  if (ahead.length) {
    const stop = ahead[k % ahead.length];
    out.push({ type: 'arrived', id: `arrived-${k}`, at, order: stop.orderId } as DayEvent);
    out.push({ type: 'service-overran', id: `overran-${k}`, at, order: stop.orderId, minutes: 25 } as DayEvent);
  }
  return out;
}

describe('a day derived again after each event with a keeper equals the day derived afresh', () => {
  let rich: Scenario;
  let plan: Pick<Solution, 'routes' | 'unassigned'>;
  beforeAll(async () => {
    rich = generateRichScenario({ orders: 200, seed: 7 });
    plan = await solve(rich, { timeLimitS: 30, seed: 1, maxMoves: 60_000 });
  });

  /** The store's scenario after each append: the same data objects, the same dispatched plan, a new log array. */
  const dispatched = () => ({ solvedRevision: 0, solution: plan as never });

  /**
   * Appends `events` in batches of the given sizes (cycled), each derived with `keeper` and afresh; every few
   * appends the risk flags of a made-up estimate too. Returns how many routes were taken from an earlier state.
   */
  function appendAndCompare(data: Scenario, keeper: DayKeeper, dispatchedPlan: DayRecord['dispatchedPlan'], events: DayEvent[], sizes: number[], label: string, repairs = false): number {
    let taken = 0;
    let previous: DayDerived | null = null;
    let log: DayEvent[] = [];
    for (let i = 0, b = 0; i < events.length; b++) {
      const batch = events.slice(i, i + sizes[b % sizes.length]);
      i += batch.length;
      const now = Math.max(360, ...batch.map((e) => e.at)) + (b % 3);
      log = [...log, ...batch];
      if (repairs && b % 5 === 4 && previous) {
        const repair = repairOf(previous.state, now, b);
        if (repair) log = [...log, repair];
      }
      if (b % 7 === 6 && previous) log = [...log, ...correctionsOf(previous.state, now, b)];
      const scenario: Scenario = { ...data, day: { dispatchedAt: 360, dispatchedPlan, events: log } };
      const kept = predictDayAt(deriveDayBase(scenario, keeper), now, keeper)!;
      const fresh = deriveDay(scenario, now)!;
      expect(shown(kept), `${label}: ${log.length} events at ${now} min`).toEqual(shown(fresh));
      if (b % 4 === 0) {
        const risk = someRisk(fresh, b + 1);
        expect(shown(withRiskFlags(kept, risk)), `${label}: flags of ${log.length} events`).toEqual(shown(withRiskFlags(fresh, risk)));
      }
      expect(keeper.state.kept?.events.length, 'the keeper holds the log derived').toBe(log.length);
      if (previous) taken += kept.prediction.routes.filter((r) => previous!.prediction.routes.includes(r)).length;
      previous = kept;
    }
    return taken;
  }

  it.each([2, 4, 7])('Play-the-day simulation, seed %i, appended one event at a time and in batches, with repairs', (seed) => {
    const events = simulateDay(rich, plan as never, { seed, untilS: 16 * 3600, delayChance: 0.6 });
    expect(events.length).toBeGreaterThan(100);
    const keeper = makeDayKeeper();
    const taken = appendAndCompare(rich, keeper, dispatched(), events, [1, 1, 1, 3, 1, 17, 2], `seed ${seed}`, true);
    // The property holds with routes taken from earlier states, not only with every route walked again.
    expect(taken).toBeGreaterThan(events.length);
  });

  it('random events files of every type, in and out of order, seeds 1 to 12, one keeper throughout', () => {
    let read = 0;
    const keeper = makeDayKeeper();
    for (let seed = 1; seed <= 12; seed++) {
      const parsed = parseEventsFile(randomEventsFile(rich, plan.routes, plan.unassigned.map((u) => u.orderId), seed), rich);
      if (!parsed.ok) continue;
      read += 1;
      // Each file starts another log: not an extension of the last, so derived afresh, then followed.
      appendAndCompare(rich, keeper, dispatched(), parsed.events, [1, 2], `seed ${seed}`, seed % 2 === 0);
    }
    expect(read).toBeGreaterThan(6);
  });

  it('a scenario edited between two events, and a dispatch again, start the keeper anew', () => {
    const events = simulateDay(rich, plan as never, { seed: 3, untilS: 13 * 3600, delayChance: 0.6 });
    const keeper = makeDayKeeper();
    const first = dispatched();
    appendAndCompare(rich, keeper, first, events.slice(0, 40), [1, 5], 'before the edit');
    // A window moved and a vehicle's shift shortened: other objects, the same log.
    const edited: Scenario = {
      ...rich,
      orders: rich.orders.map((o, i) => (i === 3 ? { ...o, timeWindows: [{ start: 600, end: 630 }] } : o)),
      vehicles: rich.vehicles.map((v, i) => (i === 0 ? { ...v, shift: { ...v.shift, end: v.shift.end - 120 } } : v)),
    };
    const now = events[39].at + 1;
    const log = events.slice(0, 41);
    const scenario: Scenario = { ...edited, day: { dispatchedAt: 360, dispatchedPlan: first, events: log } };
    expect(shown(predictDayAt(deriveDayBase(scenario, keeper), now, keeper))).toEqual(shown(deriveDay(scenario, now)));
    expect(keeper.data).toBe(scenario);
    // Dispatched again: another plan object, the log from its start.
    appendAndCompare(edited, keeper, dispatched(), events.slice(0, 30), [2, 7], 'dispatched again');
  });

  it('a day primed a step per pause (primeDayBase, a large Dispatch) is the day derived afresh, and the keeper then takes it as kept', async () => {
    const played = simulateDay(rich, plan as never, { seed: 4, untilS: 12 * 3600, delayChance: 0.5 });
    for (const cut of [0, 60]) {
      const keeper = makeDayKeeper();
      const data = { ...rich };
      const day: DayRecord = { dispatchedAt: 360, dispatchedPlan: dispatched(), events: played.slice(0, cut) };
      let pauses = 0;
      await primeDayBase({ ...data, day }, keeper, async () => { pauses += 1; });
      // The working state, the orders' needs, and (with events) the events applied: each ends a step.
      expect(pauses, `${cut} events`).toBe(cut > 0 ? 3 : 2);
      const primed = keeper.state.kept!;
      expect(primed.state).toEqual(deriveDayState({ ...data, day }, plan as never, day.events));
      // The store's derivation on another object with the same data and day: the primed state taken as kept.
      const base = deriveDayBase({ ...data, day: { ...day } }, keeper)!;
      expect(base.state.orders).toBe(primed.orders);
      expect(shown(predictDayAt(base, 700, keeper))).toEqual(shown(deriveDay({ ...data, day }, 700)));
    }
  });

  it("a repair candidate's state from the keeper (stateWithKept) is the state derived afresh, and leaves the keeper as it was", () => {
    const played = simulateDay(rich, plan as never, { seed: 6, untilS: 13 * 3600, delayChance: 0.6 });
    let compared = 0;
    for (const cut of [0, 40, played.length >> 1, played.length]) {
      for (let k = 0; k < 4; k++) {
        const keeper = makeDayKeeper();
        const day: DayRecord = { dispatchedAt: 360, dispatchedPlan: dispatched(), events: played.slice(0, cut) };
        const scenario: Scenario = { ...rich, day };
        const base = deriveDayBase(scenario, keeper)!;
        // A repair moving a stop (k: which routes), or the day's own next events with one after them.
        const repair = repairOf(base.state, Math.max(420, played[cut - 1]?.at ?? 420), k);
        if (!repair) continue;
        const more = k === 3 ? [...played.slice(cut, cut + 25), repair] : [repair];
        const kept = stateWithKept(scenario, day, day.events, more, keeper);
        expect(kept, `after ${cut} events, candidate ${k}`).toEqual(deriveDayState(scenario, base.plan as never, [...day.events, ...more]));
        compared += 1;
        // Another log than the keeper's: null (the caller derives afresh).
        expect(stateWithKept(scenario, day, [...day.events, repair], [repair], keeper)).toBeNull();
        // The kept state is untouched: the day with the repair appended after all derives as afresh.
        const next: Scenario = { ...rich, day: { ...day, events: [...day.events, ...more] } };
        expect(shown(predictDayAt(deriveDayBase(next, keeper), 780, keeper)), `after ${cut} events: kept after the candidate`).toEqual(shown(deriveDay(next, 780)));
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("an events file's check (newIssues) with the keeper finds what it finds deriving afresh, and leaves the keeper as it was", () => {
    const played = simulateDay(rich, plan as never, { seed: 5, untilS: 12 * 3600, delayChance: 0.6 });
    let checked = 0, found = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const parsed = parseEventsFile(randomEventsFile(rich, plan.routes, plan.unassigned.map((u) => u.orderId), seed), rich);
      if (!parsed.ok) continue;
      for (const cut of [0, played.length >> 1, played.length]) {
        const keeper = makeDayKeeper();
        const day: DayRecord = { dispatchedAt: 360, dispatchedPlan: dispatched(), events: played.slice(0, cut) };
        const scenario: Scenario = { ...rich, day };
        const base = deriveDayBase(scenario, keeper)!;
        // Its repairs, new orders and failures (re-deliveries) applied to a copy: the same verdict as afresh.
        // The day's own next events (they apply cleanly) in turn with the random file.
        const more = cut < played.length && seed % 3 === 0 ? played.slice(cut, cut + 60) : parsed.events.slice(0, 40 + seed);
        const withKeeper = newIssues(scenario, day, more, base.state, keeper);
        expect(withKeeper, `seed ${seed}, after ${cut} events`).toBe(newIssues(scenario, day, more, base.state));
        checked += 1;
        if (withKeeper) found += 1;
        // The kept state is untouched: the file appended after all derives as afresh.
        const next: Scenario = { ...rich, day: { ...day, events: [...day.events, ...more] } };
        expect(shown(predictDayAt(deriveDayBase(next, keeper), 720, keeper)), `seed ${seed}: kept after the check`).toEqual(shown(deriveDay(next, 720)));
      }
    }
    expect(checked).toBeGreaterThan(15);
    // Files with an event the day cannot apply, and files without one, both checked.
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(checked);
  });
});
