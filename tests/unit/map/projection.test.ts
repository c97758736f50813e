// The map projection: every order is one point, placed on its route; a routed
// shipment is drawn as routed (not as unassigned), with its pickup place as a
// second point, and its route line passes the pickup place before the customer.
import { describe, expect, it } from 'vitest';
import { projectRoutes, projectRoutesInSlices, projectStops, projectStopsInSlices, reusingMapProjector, scenarioBounds, type MapDrawing } from '../../../web/src/map/projection';
import type { Slices } from '../../../web/src/store/staged';
import type { Plan, Scenario } from '../../../web/src/domain/scenario';
import { moveOrder } from '../../../web/src/plan/move';
import { makeMiniPlan, makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';
import { makeShipmentScenario } from '../../fixtures/mini-shipment';

describe('map projection', () => {
  it('places routed jobs on their route and marks the rest unassigned', () => {
    const scenario = makeMiniScenario();
    scenario.plan = makeMiniPlan(scenario);
    const stops = projectStops(scenario, scenario.plan);
    expect(stops.map((s) => [s.orderId, s.status, s.sequence, s.pickup])).toEqual([
      ['o1', 'planned', 1, null], ['o2', 'planned', 2, null], ['o3', 'planned', 3, null], ['o4', 'unassigned', null, null],
    ]);
  });

  it('draws a routed shipment as routed, with its pickup place as a stop', () => {
    const scenario = makeShipmentScenario();
    const stops = projectStops(scenario, scenario.plan);
    const o2 = stops.find((s) => s.orderId === 'o2')!;
    expect(o2).toMatchObject({ status: 'planned', vehicleId: 'v1', sequence: 3, at: [45.77, 4.84] });
    expect(o2.pickup).toMatchObject({ at: [45.755, 4.845], address: 'Shop, Lyon', sequence: 2 });
    expect(o2.pickup!.serviceStartS!).toBeLessThan(o2.serviceStartS!);
    expect(stops.find((s) => s.orderId === 'o3')!.sequence).toBe(4);
    expect(stops.filter((s) => s.status === 'unassigned').map((s) => s.orderId)).toEqual(['o4']);
    const [line] = projectRoutes(scenario, scenario.plan);
    expect(line.points).toEqual([[45.75, 4.85], [45.76, 4.83], [45.755, 4.845], [45.77, 4.84], [45.74, 4.87], [45.75, 4.85]]);
  });

  it('shows a shipment\'s pickup place before any plan, unplanned', () => {
    const scenario = makeShipmentScenario();
    const o2 = projectStops(scenario, null).find((s) => s.orderId === 'o2')!;
    expect(o2).toMatchObject({ status: 'unplanned', sequence: null });
    expect(o2.pickup).toMatchObject({ sequence: null, serviceStartS: null });
  });

  it('projects the same stops a slice at a time: the visits first, then perSlice orders a step', () => {
    const scenario = makeShipmentScenario();
    const slices = projectStopsInSlices(scenario, scenario.plan, 1);
    let steps = 1;
    while (!slices.step()) steps += 1;
    expect(steps).toBe(scenario.orders.length + 1);
    expect(slices.result()).toEqual(projectStops(scenario, scenario.plan));
    const bigSlices = projectStopsInSlices(scenario, scenario.plan, scenario.orders.length);
    expect(bigSlices.step()).toBe(true);
    expect(bigSlices.result()).toEqual(projectStops(scenario, scenario.plan));
  });

  it('projects the same route lines a slice at a time: the places first, then perSlice routes a step', () => {
    const scenario = makeShipmentScenario();
    const plan = scenario.plan!;
    // A second route (the first one again, on another vehicle) and an empty one: three routes, two lines.
    const [first] = plan.solution.routes;
    const empty = { ...first, vehicleId: 'v-empty', steps: first.steps.filter((s) => s.type === 'start' || s.type === 'end') };
    const twoRoutes = { ...plan, solution: { ...plan.solution, routes: [first, empty, { ...first, vehicleId: 'v-copy' }] } };
    const slices = projectRoutesInSlices(scenario, twoRoutes, 1);
    let steps = 1;
    while (!slices.step()) steps += 1;
    expect(steps).toBe(4);
    expect(slices.result()).toEqual(projectRoutes(scenario, twoRoutes));
    expect(slices.result().map((l) => l.vehicleId)).toEqual([first.vehicleId, 'v-copy']);
  });

  it('frames every depot and order, none when there is none, and takes 200,000 places without overflowing', () => {
    const scenario = makeMiniScenario();
    const places = [...scenario.depots, ...scenario.orders];
    expect(scenarioBounds(scenario)).toEqual([
      [Math.min(...places.map((p) => p.lat)), Math.min(...places.map((p) => p.lng))],
      [Math.max(...places.map((p) => p.lat)), Math.max(...places.map((p) => p.lng))],
    ]);
    expect(scenarioBounds({ ...scenario, depots: [], orders: [] })).toBeNull();
    const many = Array.from({ length: 200_000 }, (_, i) => ({ ...scenario.orders[0], id: `o${i}`, lat: 45 + i / 1e6, lng: 4 - i / 1e6 }));
    expect(scenarioBounds({ ...scenario, depots: [], orders: many })).toEqual([[45, 4 - 199_999 / 1e6], [45 + 199_999 / 1e6, 4]]);
  });
});

/** Every slice of `slices`, and how many steps that took. */
function complete(slices: Slices<MapDrawing>): { drawing: MapDrawing; steps: number } {
  let steps = 1;
  while (!slices.step()) steps++;
  return { drawing: slices.result(), steps };
}

/** A fresh projection of `plan`, for comparison. */
const fresh = (scenario: Scenario, plan: Plan | null): MapDrawing => ({ first: projectStops(scenario, plan), second: projectRoutes(scenario, plan) });

/** The mini scenario with six vans and twenty orders, five routes served and o4 (500 kg) unassigned. */
function fleetScenario(): { scenario: Scenario; plan: Plan } {
  const scenario = makeMiniScenario();
  for (let v = 3; v <= 6; v++) scenario.vehicles.push({ ...structuredClone(scenario.vehicles[0]), id: `v${v}`, name: `Van ${v}` });
  for (let o = 5; o <= 20; o++) {
    scenario.orders.push({ ...structuredClone(scenario.orders[0]), id: `o${o}`, customerName: `Customer o${o}`, lat: 45.74 + o / 1000, lng: 4.82 + o / 1500, amounts: [5, 1], timeWindows: [{ start: 480, end: 1080 }] });
  }
  const served = { v1: ['o1', 'o2', 'o3'], v2: ['o5', 'o6', 'o7'], v3: ['o8', 'o9', 'o10', 'o11'], v4: ['o12', 'o13', 'o14', 'o15'], v5: ['o16', 'o17', 'o18', 'o19', 'o20'] };
  return { scenario, plan: { solvedRevision: scenario.revision, solution: makeMiniSolution(scenario, served) } };
}

describe('map projection of one plan after another (reusingMapProjector)', () => {
  it('after a hand move projects only the two routes it touched, and hands back what a fresh projection makes', () => {
    const { scenario, plan } = fleetScenario();
    const project = reusingMapProjector();
    const first = complete(project(scenario, plan, 1)).drawing;
    expect(first).toEqual(fresh(scenario, plan));
    const moved = moveOrder(scenario, plan.solution, 'o6', { vehicleId: 'v3', position: 1 })!.solution;
    const next: Plan = { ...plan, solution: moved };
    const { drawing, steps } = complete(project(scenario, next, 1));
    expect(steps).toBe(1);
    expect(drawing).toEqual(fresh(scenario, next));
    // The untouched routes keep their line objects, their orders their points; the touched ones are new.
    const lineOf = (d: MapDrawing, vehicleId: string) => d.second.find((l) => l.vehicleId === vehicleId);
    for (const v of ['v1', 'v4', 'v5']) expect(lineOf(drawing, v)).toBe(lineOf(first, v));
    for (const v of ['v2', 'v3']) expect(lineOf(drawing, v)).not.toBe(lineOf(first, v));
    const pointOf = (d: MapDrawing, orderId: string) => d.first.find((p) => p.orderId === orderId)!;
    for (const o of ['o1', 'o4', 'o12', 'o20']) expect(pointOf(drawing, o)).toBe(pointOf(first, o));
    for (const o of ['o5', 'o6', 'o8', 'o11']) expect(pointOf(drawing, o)).not.toBe(pointOf(first, o));
    expect(pointOf(drawing, 'o6')).toMatchObject({ vehicleId: 'v3', sequence: 2, status: 'planned' });
    expect(pointOf(drawing, 'o9').sequence).toBe(3);

    // A stop taken off its route (unassigned), and a route emptied: its line goes, its orders are unassigned.
    const off = moveOrder(scenario, moved, 'o1', { vehicleId: null, position: 0 })!.solution;
    const third = complete(project(scenario, { ...plan, solution: off }, 1)).drawing;
    expect(third).toEqual(fresh(scenario, { ...plan, solution: off }));
    expect(pointOf(third, 'o1').status).toBe('unassigned');
    const emptied = { ...off, routes: off.routes.filter((r) => r.vehicleId !== 'v5') };
    const fourth = complete(project(scenario, { ...plan, solution: emptied }, 1)).drawing;
    expect(fourth).toEqual(fresh(scenario, { ...plan, solution: emptied }));
    expect(lineOf(fourth, 'v5')).toBeUndefined();
    expect(pointOf(fourth, 'o20').status).toBe('unassigned');
    expect(pointOf(fourth, 'o12')).toBe(pointOf(third, 'o12'));
  });

  it('projects whole again for new data (an edit in place at the next version), another scenario, or no plan', () => {
    const { scenario, plan } = fleetScenario();
    const project = reusingMapProjector();
    const first = complete(project(scenario, plan, 1)).drawing;
    // The store edits an order in place, in the same array, and counts a data edit.
    scenario.orders[0].customerName = 'Renamed in place';
    scenario.orders[11].lat += 0.01;
    const edited = complete(project(scenario, plan, 2)).drawing;
    expect(edited).toEqual(fresh(scenario, plan));
    expect(edited.first[0].customerName).toBe('Renamed in place');
    expect(edited.second.find((l) => l.vehicleId === 'v4')).not.toBe(first.second.find((l) => l.vehicleId === 'v4'));
    expect(edited.first[19]).not.toBe(first.first[19]);
    // Another scenario object of the same data, and the same scenario without a plan.
    const copy = structuredClone(scenario);
    expect(complete(project(copy, plan, 2)).drawing).toEqual(fresh(copy, plan));
    const none = complete(project(copy, null, 2)).drawing;
    expect(none).toEqual(fresh(copy, null));
    expect(none.first.every((p) => p.status === 'unplanned')).toBe(true);
  });

  it('projects whole a plan that moved most orders: every point made again, in the slices of a first projection', () => {
    const { scenario, plan } = fleetScenario();
    const project = reusingMapProjector();
    const first = complete(project(scenario, plan, 1)).drawing;
    // Every route reversed: each order's sequence changes.
    const reversed = structuredClone(plan);
    reversed.solution = makeMiniSolution(scenario, { v1: ['o3', 'o2', 'o1'], v2: ['o7', 'o6', 'o5'], v3: ['o11', 'o10', 'o9', 'o8'], v4: ['o15', 'o14', 'o13', 'o12'], v5: ['o20', 'o19', 'o18', 'o17', 'o16'] });
    const { drawing: again, steps } = complete(project(scenario, reversed, 1));
    expect(steps).toBeGreaterThan(1);
    expect(again).toEqual(fresh(scenario, reversed));
    expect(again.first.filter((p, i) => p === first.first[i])).toEqual([]);
  });
});

