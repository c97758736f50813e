// The map projection: every order is one point, placed on its route; a routed
// shipment is drawn as routed (not as unassigned), with its pickup place as a
// second point, and its route line passes the pickup place before the customer.
import { describe, expect, it } from 'vitest';
import { projectRoutes, projectRoutesInSlices, projectStops, projectStopsInSlices, scenarioBounds } from '../../../web/src/map/projection';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';
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
