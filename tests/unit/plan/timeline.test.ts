// The timeline and KPI projections: a row per vehicle, a bar per routed stop
// with wait and lateness, whole-hour axis; on-time share counts late stops.
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../../web/src/plan/kpis';
import { moveOrder } from '../../../web/src/plan/move';
import { positionAtTime, projectTimeline, timelineAxis } from '../../../web/src/plan/timeline';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

describe('timeline projection', () => {
  it('has a row per vehicle and a bar per routed stop, on a whole-hour axis', () => {
    const scenario = makeMiniScenario();
    const rows = projectTimeline(scenario, makeMiniSolution(scenario));
    expect(rows.map((r) => [r.vehicleId, r.stops.length])).toEqual([['v1', 3], ['v2', 0]]);
    expect(rows[1].span).toBeNull();
    const o3 = rows[0].stops[2];
    expect(o3.serviceStartS).toBe(600 * 60);
    expect(o3.waitS).toBeGreaterThan(0);
    expect(o3.lateS).toBe(0);
    const axis = timelineAxis(rows);
    expect(axis.fromS % 3600).toBe(0);
    expect(axis.hours[0]).toBe(8);
    expect(positionAtTime(rows[0].stops, 'o1', o3.serviceStartS + 1)).toBe(2);
  });

  it('shows lateness and lowers the on-time share after an infeasible edit', () => {
    const scenario = makeMiniScenario();
    scenario.orders[0].timeWindows = [{ start: 480, end: 485 }];
    const base = makeMiniSolution(makeMiniScenario());
    const late = moveOrder(scenario, base, 'o1', { vehicleId: 'v1', position: 2 })!.solution;
    const stop = projectTimeline(scenario, late)[0].stops.find((s) => s.orderId === 'o1')!;
    expect(stop.lateS).toBe(stop.arrivalS - 485 * 60);
    const kpis = computeKpis(scenario, late);
    expect(kpis.lateStops).toBe(1);
    expect(kpis.onTimeShare).toBeCloseTo(2 / 3, 9);
    expect(kpis.vehiclesUsed).toBe(1);
    expect(kpis.unassigned).toBe(1);
  });
});
