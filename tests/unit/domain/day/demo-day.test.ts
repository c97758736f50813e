// The demo's day, on a plan solved in Node (any plan the solver returns: the
// assertions hold for every valid plan). With nothing reported the prediction is
// the plan itself; after the acceptance story's events (first stops done, a
// 60-minute delay, a failed attempt, an urgent order) the ETAs move as reported.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayReport } from '../../../../web/src/domain/day/day-report';
import { deriveDayState } from '../../../../web/src/domain/day/day-state';
import { predictDay } from '../../../../web/src/domain/day/eta';
import type { DayEvent } from '../../../../web/src/domain/day/events';
import { checkSolution } from '../../../../web/src/domain/check';
import type { Scenario } from '../../../../web/src/domain/scenario';
import { isOrderStep, type Route } from '../../../../web/src/domain/solution';
import { validateScenario } from '../../../../web/src/domain/validate';
import type { UncheckedSolution } from '../../../../workers/protocol';
import { createSolverApi } from '../../../../workers/solver-api';
import { loadSolverModule } from '../../../helpers/load-solver';

const demo = (): Scenario => {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  return result.scenario;
};

describe('the demo day', () => {
  let s: Scenario;
  let plan: UncheckedSolution;
  /** Used routes, longest first, so the story has stops to work with. */
  let busy: Route[];
  const stopsOf = (r: Route) => r.steps.filter(isOrderStep);

  beforeAll(async () => {
    s = demo();
    const api = createSolverApi(() => loadSolverModule('debug'));
    ({ solution: plan } = await api.solve({ runId: 1, scenario: s, options: { timeLimitS: 1, seed: 1 } }));
    expect(checkSolution(s, plan).violations).toEqual([]);
    busy = plan.routes.filter((r) => stopsOf(r).length >= 3).sort((a, b) => stopsOf(b).length - stopsOf(a).length);
    expect(busy.length).toBeGreaterThanOrEqual(3);
  });

  it('with nothing reported before the day starts, predicts exactly the dispatched plan', () => {
    const prediction = predictDay(s, deriveDayState(s, plan, []), 0);
    for (const route of plan.routes) {
      const predicted = prediction.routes.find((r) => r.vehicleId === route.vehicleId)!;
      expect(predicted.steps.map((x) => [x.type, x.id, x.arrivalS, x.waitS, x.departureS]), route.vehicleId).toEqual(route.steps.map((x) => [x.type, x.id, x.arrivalS, x.waitS, x.departureS]));
      expect(predicted.violations).toEqual([]);
      expect(predicted.cost).toBeCloseTo(route.cost, 6);
    }
  });

  it('after the first stops, a 60-minute delay, a failed attempt and an urgent order: ETAs move as reported', () => {
    const [r1, r2, r3] = busy;
    const [a, b] = stopsOf(r1);
    const f = stopsOf(r3)[0];
    const min = (sec: number) => sec / 60;
    const now = Math.max(min(b.departureS), min(f.departureS)) + 1; // may carry seconds: the clock is Math.round(now × 60) s
    const urgent = { ...s.orders[0], id: 'URG-1', priority: 9, timeWindows: [{ start: Math.ceil(now), end: Math.ceil(now) + 120 }] };
    let n = 0;
    const ev = (e: Record<string, unknown>) => ({ id: `e${++n}`, ...e }) as unknown as DayEvent;
    const base = [
      ev({ type: 'done', order: a.id, stop: a.type === 'job' ? undefined : a.type, at: min(a.departureS) }),
      ev({ type: 'done', order: b.id, stop: b.type === 'job' ? undefined : b.type, at: min(b.departureS) }),
      ev({ type: 'failed', order: f.id, stop: f.type === 'job' ? undefined : f.type, at: min(f.departureS), reason: 'not-home' }),
      ev({ type: 'new-order', at: now, order: urgent }),
    ];
    const withDelay = [...base, ev({ type: 'delay', vehicle: r2.vehicleId, at: now, minutes: 60 })];
    const before = predictDay(s, deriveDayState(s, plan, base), now);
    const state = deriveDayState(s, plan, withDelay);
    const after = predictDay(s, state, now);
    expect(state.issues).toEqual([]);
    // Done stops keep their actual times.
    const p1 = after.routes.find((r) => r.vehicleId === r1.vehicleId)!;
    expect(p1.stops.slice(0, 2).map((x) => [x.source, x.endS])).toEqual([['actual', a.departureS], ['actual', b.departureS]]);
    // The delayed vehicle reaches its next stop exactly 60 min later than without the delay, and nothing earlier.
    const next = (p: typeof after) => p.routes.find((r) => r.vehicleId === r2.vehicleId)!.stops.find((x) => x.source === 'predicted')!;
    expect(next(after).arrivalS! - next(before).arrivalS!).toBe(3600);
    const arrivals = (p: typeof after) => p.routes.find((r) => r.vehicleId === r2.vehicleId)!.stops.map((x) => x.arrivalS!);
    arrivals(after).forEach((t, i) => expect(t).toBeGreaterThanOrEqual(arrivals(before)[i]));
    // Nothing not yet reached is predicted before the clock.
    for (const r of after.routes) for (const x of r.stops) if (x.source === 'predicted') expect(x.arrivalS!).toBeGreaterThanOrEqual(after.nowS);
    // The failed attempt's re-delivery and the urgent order wait for a repair; every risk says why.
    expect(state.unassigned).toEqual(expect.arrayContaining([`${f.id}-R1`, 'URG-1']));
    expect(after.atRisk.every((x) => x.reason.length > 10)).toBe(true);
    const report = dayReport(s, plan, state, after);
    expect(report.total.stops).toMatchObject({ done: 2, failed: f.type === 'pickup' ? 2 : 1 });
    expect(JSON.stringify(predictDay(s, deriveDayState(s, plan, withDelay), now))).toBe(JSON.stringify(after));
  });
});
