// The day's risk store (issue #14, Day mode): the rest of the day is estimated
// through the injected estimator when the day changes, at most once per
// throttle interval and one estimate at a time (the last change always gets
// estimated); the previous figures stay while a new estimate runs; another day
// clears them and drops a late answer; and the figures feed the at-risk list.
import { createRoot, createSignal } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveDayState } from '../../../web/src/domain/day/day-state';
import { predictDay } from '../../../web/src/domain/day/eta';
import type { RiskModel } from '../../../web/src/domain/risk/model';
import type { PlanRisk } from '../../../web/src/domain/risk/risk-types';
import type { Scenario } from '../../../web/src/domain/scenario';
import { withRiskFlags, type DayDerived } from '../../../web/src/store/day-derive';
import { createDayRisk, type DayRisk } from '../../../web/src/store/day-risk';
import { smallScenario } from '../../fixtures/small-scenario';
import { buildRoute } from '../../helpers/build-route';

let disposeRoot: () => void = () => {};
afterEach(() => disposeRoot());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function dayAt(minutes: number, id = 'small'): DayDerived {
  const s: Scenario = { ...smallScenario(), id };
  const plan = { routes: [buildRoute(s, 'v1', ['A', 'B', 'C'], 7 * 3600)], unassigned: [] };
  const state = deriveDayState(s, plan, []);
  const prediction = predictDay(s, state, minutes);
  const day = { dispatchedAt: '2026-11-21T07:00:00Z', events: [], settings: { riskMarginMinutes: 15, minOnTimeProbability: 0.8 } } as unknown as DayDerived['day'];
  return { scenario: s, day, plan: plan as unknown as DayDerived['plan'], state, warnings: [], nowMinutes: minutes, prediction, atRisk: prediction.atRisk, report: null as never, view: null as never };
}
/** Figures for the stops A, B, C of van 1: B on time with chance `p`, the others always. */
const figures = (p: number): PlanRisk => ({
  stops: ['A', 'B', 'C'].map((orderId) => ({ orderId, vehicleId: 'v1', pOnTime: orderId === 'B' ? p : 1, startP10S: 30000, startP50S: 31000, startP90S: 32000 })),
  routes: [], expectedLateStops: 1 - p, samples: 10, seed: 1,
});

function setup(throttleMs: number) {
  return createRoot((dispose) => {
    disposeRoot = dispose;
    const [day, setDay] = createSignal<DayDerived | null>(dayAt(6 * 60));
    const calls: { model: RiskModel; at: number; resolve(r: PlanRisk): void }[] = [];
    const compute = (model: RiskModel) => new Promise<PlanRisk>((resolve) => { calls.push({ model, at: Date.now(), resolve }); });
    const risk: DayRisk = createDayRisk(day, compute, throttleMs, { samples: 10, seed: 1 });
    return { setDay, calls, risk };
  });
}

describe('createDayRisk', () => {
  it('estimates the day, throttled, one at a time, keeping the last figures while the next runs', async () => {
    const { setDay, calls, risk } = setup(300);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0].model.routes.map((r) => r.stops.map((s) => s.id))).toEqual([['A', 'B', 'C']]);
    expect(risk.state.status).toBe('running');
    // Changes while one runs: none starts until it is answered.
    for (let m = 1; m <= 5; m++) setDay(dayAt(6 * 60 + m));
    await sleep(50);
    expect(calls).toHaveLength(1);
    calls[0].resolve(figures(0.5));
    // The last change is estimated next, the previous figures shown meanwhile.
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1].model.routes[0].departS).toBe(7 * 3600);
    expect(risk.state.status).toBe('running');
    expect(risk.stopRisk('B')?.pOnTime).toBe(0.5);
    expect(risk.orderLevels()('B')).toBe('high');
    calls[1].resolve(figures(0.7));
    await vi.waitFor(() => expect(risk.state.status).toBe('done'));
    expect(risk.stopRisk('B')?.pOnTime).toBe(0.7);
    // Never two estimates closer than the interval.
    setDay(dayAt(7 * 60));
    expect(calls).toHaveLength(2);
    await vi.waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(295);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(295);
  });

  it('another day clears the figures and drops a late answer', async () => {
    const { setDay, calls, risk } = setup(0);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    calls[0].resolve(figures(0.5));
    await vi.waitFor(() => expect(risk.state.status).toBe('done'));
    setDay(dayAt(6 * 60, 'other'));
    expect(risk.state.risk).toBeNull();
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    calls[1].resolve(figures(0.4));
    await vi.waitFor(() => expect(risk.stopRisk('B')?.pOnTime).toBe(0.4));
    setDay(dayAt(6 * 60 + 1, 'other'));
    await vi.waitFor(() => expect(calls).toHaveLength(3));
    setDay(dayAt(6 * 60, 'third'));
    expect(risk.state.risk).toBeNull();
    calls[2].resolve(figures(0.3)); // an answer for 'other', too late
    await sleep(20);
    expect(risk.state.risk).toBeNull();
  });
});

describe('withRiskFlags', () => {
  it('adds the stops below the day’s minOnTimeProbability to the at-risk list', () => {
    const d = dayAt(6 * 60);
    expect(d.atRisk).toEqual([]);
    expect(withRiskFlags(d, figures(0.85))).toBe(d);
    const flagged = withRiskFlags(d, figures(0.62))!;
    expect(flagged.atRisk).toEqual([{ vehicleId: 'v1', orderId: 'B', reason: 'on time with 62 % chance: likely start 08:20–08:53 for its window 08:00–12:00' }]);
    expect(withRiskFlags(null, figures(0.1))).toBeNull();
  });
});
