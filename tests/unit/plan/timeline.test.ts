// The timeline and KPI projections: a row per vehicle, a bar per routed stop
// with wait and lateness, whole-hour axis; on-time share counts late stops.
import { describe, expect, it } from 'vitest';
import { computeKpis, kpisInSlices, planCost, planCostOf } from '../../../web/src/plan/kpis';
import { moveOrder } from '../../../web/src/plan/move';
import { positionAtTime, projectTimeline, reusingProjector, timelineAxis } from '../../../web/src/plan/timeline';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';
import { makeShipmentScenario } from '../../fixtures/mini-shipment';

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
    // The unassigned order's penalty: base + per priority × its priority, found through the same order index.
    scenario.settings.unassignedPenalty = { base: 1000, perPriority: 7 };
    const missing = scenario.orders.find((o) => o.id === late.unassigned[0].orderId)!;
    expect(computeKpis(scenario, late).unassignedPenalty).toBe(1000 + 7 * (missing.priority ?? 1));
    // The run store's shortcut to the cost figures gives the KPI bar's.
    expect(planCostOf(scenario, late)).toEqual(planCost(computeKpis(scenario, late)));
    expect(planCostOf(scenario, base)).toEqual(planCost(computeKpis(scenario, base)));
  });

  it('counts the KPIs a part per step to the same figures, a bounded part each', () => {
    const scenario = makeMiniScenario();
    scenario.orders[0].timeWindows = [{ start: 480, end: 485 }];
    const late = moveOrder(scenario, makeMiniSolution(makeMiniScenario()), 'o1', { vehicleId: 'v1', position: 2 })!.solution;
    for (const [orders, routes] of [[1, 1], [2, 1], [1, 5], [1000, 1000]]) {
      const job = kpisInSlices(scenario, late, orders, routes);
      expect(() => job.result()).toThrow();
      let steps = 1;
      while (!job.step()) steps += 1;
      expect(job.result()).toEqual(computeKpis(scenario, late));
      expect(steps).toBe(Math.ceil(scenario.orders.length / orders) + Math.ceil(late.routes.length / routes));
      expect(job.step()).toBe(true);
    }
    expect(computeKpis(scenario, late).lateStops).toBe(1);
  });

  it('draws a shipment as its pickup bar, then its delivery bar, and counts both stops in the KPIs', () => {
    const scenario = makeShipmentScenario();
    const solution = scenario.plan!.solution;
    expect(solution.check.violations).toEqual([]);
    const [row] = projectTimeline(scenario, solution);
    expect(row.stops.map((s) => [s.sequence, s.stepType, s.orderId])).toEqual([
      [1, 'job', 'o1'], [2, 'pickup', 'o2'], [3, 'delivery', 'o2'], [4, 'job', 'o3'],
    ]);
    const [pickup, delivery] = row.stops.filter((s) => s.orderId === 'o2');
    expect(pickup.serviceStartS).toBeLessThan(delivery.serviceStartS);
    // Each bar shows the windows of its own place: the shop's for the pickup, the customer's for the delivery.
    expect(pickup.windows).toEqual([{ startS: 480 * 60, endS: 1000 * 60 }]);
    expect(delivery.windows).toEqual([{ startS: 480 * 60, endS: 720 * 60 }]);
    expect(row.span).not.toBeNull();
    // A drop is placed among orders (a shipment once): after o1 and the shipment's pickup → position 2.
    expect(positionAtTime(row.stops, 'o3', delivery.serviceStartS - 1)).toBe(2);
    expect(positionAtTime(row.stops, 'o3', delivery.serviceStartS + 1)).toBe(2);
    expect(positionAtTime(row.stops, 'o1', pickup.serviceStartS + 1)).toBe(1);
    const kpis = computeKpis(scenario, solution);
    expect(kpis).toMatchObject({ vehiclesUsed: 1, lateStops: 0, onTimeShare: 1, unassigned: 1 });
  });

  it('judges a pickup late against its pickup window, not the delivery window', () => {
    const scenario = makeShipmentScenario();
    const solution = scenario.plan!.solution;
    const pickupStep = solution.routes[0].steps.find((s) => s.type === 'pickup')!;
    scenario.orders[1].pickup!.timeWindows = [{ start: 400, end: Math.floor(pickupStep.arrivalS / 60) - 10 }];
    const stops = projectTimeline(scenario, solution)[0].stops;
    expect(stops.find((s) => s.stepType === 'pickup')!.lateS).toBeGreaterThan(0);
    expect(stops.find((s) => s.stepType === 'delivery')!.lateS).toBe(0);
    const kpis = computeKpis(scenario, solution);
    expect(kpis.lateStops).toBe(1);
    expect(kpis.onTimeShare).toBeCloseTo(3 / 4, 9);
  });

  it('hands back the last plan\'s row for a vehicle whose route and data are as they were, and only then', () => {
    const scenario = makeMiniScenario();
    const base = makeMiniSolution(scenario);
    const split = moveOrder(scenario, base, 'o3', { vehicleId: 'v2', position: 0 })!.solution;
    // o4 joins v2: v1's route is served as before.
    const joined = moveOrder(scenario, split, 'o4', { vehicleId: 'v2', position: 1 })!.solution;
    const project = reusingProjector();
    const first = scenario.vehicles.map(project(scenario, split, 1));
    const second = scenario.vehicles.map(project(scenario, joined, 1));
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    // What is handed back is what a fresh projection makes.
    expect(second).toEqual(projectTimeline(scenario, joined));
    expect(second[1].stops.map((s) => s.orderId)).toEqual(['o3', 'o4']);
    // Routes are compared by their steps' contents, not by identity: a plan read again (a copy) keeps every row.
    const copied = scenario.vehicles.map(project(scenario, structuredClone(joined), 1));
    expect(copied[0]).toBe(second[0]);
    expect(copied[1]).toBe(second[1]);
    // A route whose times changed is made again, though it serves the same stops.
    const later = structuredClone(joined);
    for (const step of later.routes.find((r) => r.vehicleId === 'v1')!.steps) { step.arrivalS += 60; step.departureS += 60; }
    const third = scenario.vehicles.map(project(scenario, later, 1));
    expect(third[0]).not.toBe(second[0]);
    expect(third[1]).toBe(second[1]);
    expect(third).toEqual(projectTimeline(scenario, later));
    // Edited data (a new orders array, a new vehicle object) makes every row again: a name or window may differ.
    const renamed = { ...scenario, orders: scenario.orders.map((o) => ({ ...o, customerName: `${o.customerName}!` })) };
    const fourth = renamed.vehicles.map(project(renamed, later, 1));
    expect(fourth[0]).not.toBe(third[0]);
    expect(fourth[0].stops[0].label).toBe('Customer o1!');
    const refitted = { ...renamed, vehicles: renamed.vehicles.map((v) => ({ ...v })) };
    const fifth = refitted.vehicles.map(project(refitted, later, 1));
    expect(fifth[0]).not.toBe(fourth[0]);
    expect(fifth).toEqual(projectTimeline(refitted, later));
  });

  it('makes the rows again after a data edit made in place, in the same orders array (the store edits that way)', () => {
    const scenario = makeMiniScenario();
    const solution = makeMiniSolution(scenario);
    const project = reusingProjector();
    const first = scenario.vehicles.map(project(scenario, solution, 1));
    const served = first.find((r) => r.stops.length > 0)!.stops[0];
    const order = scenario.orders.find((o) => o.id === served.orderId)!;
    // The store's edit: the same array and the same order object, changed, and the next data version.
    order.customerName = 'Renamed in place';
    order.timeWindows = [{ start: 600, end: 660 }];
    const again = scenario.vehicles.map(project(scenario, solution, 1));
    // At the same data version the rows are the ones made before (nothing said the data changed)...
    expect(again).toEqual(first);
    const edited = scenario.vehicles.map(project(scenario, solution, 2));
    // ...at the next, the edited order's row is made again from its new name and window.
    expect(edited).toEqual(projectTimeline(scenario, solution));
    const stop = edited.flatMap((r) => r.stops).find((s) => s.orderId === order.id)!;
    expect(stop.label).toBe('Renamed in place');
    expect(stop.windows).toEqual([{ startS: 36_000, endS: 39_600 }]);
  });
});
