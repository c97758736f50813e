// One minimal instance per final-mile rule (issue 4): each test changes one
// thing in the rules fixture so that exactly that rule decides the verdict.
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import type { Scenario } from '../../../web/src/domain/scenario';
import type { Route } from '../../../web/src/domain/solution';
import { planRoute, ruleOrder, rulesScenario } from '../../fixtures/rules-scenario';

const rulesOf = (s: Scenario, routes: Route[], unassigned: string[] = []) =>
  checkSolution(s, { routes, unassigned: unassigned.map((orderId) => ({ orderId, reason: '' })) }).violations.map((v) => v.rule).sort();
const pickup = (id: string) => ({ type: 'pickup' as const, id });
const delivery = (id: string) => ({ type: 'delivery' as const, id });

describe('final-mile rules in the checker', () => {
  it('accepts the base plan', () => {
    const s = rulesScenario();
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', 'B', 'C'])])).toEqual([]);
  });

  it('skill: an installation needs a crew with skill installer', () => {
    const s = rulesScenario();
    s.orders[0].serviceType = 'installation';
    const report = checkSolution(s, { routes: [planRoute(s, 'v1', ['A', 'B', 'C'])], unassigned: [] });
    expect(report.violations.map((v) => v.rule)).toEqual(['skill']);
    expect(report.violations[0].message).toBe("order 'A' needs skill installer, which 'Van 1' does not have");
    s.vehicles[0].features = ['installer'];
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', 'B', 'C'])])).toEqual([]);
  });

  it('crew-size: an order overriding crew size 3 does not fit a crew of 2', () => {
    const s = rulesScenario();
    s.orders[1].crewSize = 3;
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', 'B', 'C'])])).toEqual(['crew-size']);
  });

  it('a vehicle without crew (v1 data) is not checked for crew or skills', () => {
    const s = rulesScenario();
    s.orders[0].serviceType = 'white-glove';
    delete s.vehicles[0].crew;
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', 'B', 'C'])])).toEqual([]);
  });

  it('capacity at every point: a haul-away collected first fills the truck before the deliveries leave it', () => {
    const s = rulesScenario();
    s.vehicles[0].capacity = [100, 3];
    s.orders[0] = { ...s.orders[0], serviceType: 'return', amounts: [0, 0], pickupAmounts: [5, 1] };
    // Items on board: start 2 (B, C); C, B, A gives 1, 2 (B drops 1, takes 2), 3. A, B, C gives 3, then 4 after B.
    s.orders[1] = { ...s.orders[1], serviceType: 'haul-away', pickupAmounts: [5, 2] };
    expect(rulesOf(s, [planRoute(s, 'v1', ['C', 'B', 'A'])])).toEqual([]);
    const report = checkSolution(s, { routes: [planRoute(s, 'v1', ['A', 'B', 'C'])], unassigned: [] });
    expect(report.violations.map((v) => v.rule)).toEqual(['capacity']);
    expect(report.violations[0].message).toBe("'Van 1' carries 4 items at 'B', capacity 3");
  });

  it('shipment precedence and same vehicle', () => {
    const s = rulesScenario();
    s.orders[2].pickup = { lat: 45.74, lng: 4.83, address: 'Store', timeWindows: [], serviceMinutes: 5 };
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', pickup('C'), 'B', delivery('C')])])).toEqual([]);
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', delivery('C'), 'B', pickup('C')])])).toEqual(['shipment-precedence']);
    s.vehicles.push({ ...s.vehicles[0], id: 'v2', name: 'Van 2' });
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', pickup('C'), 'B']), planRoute(s, 'v2', [delivery('C')])])).toEqual(['shipment-split', 'shipment-split']);
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', 'C', 'B'])])).toEqual(['stop-type']);
  });

  it('breaks: taken inside their window, and not skipped', () => {
    const s = rulesScenario();
    s.vehicles[0].breaks = [{ id: 'lunch', timeWindows: [{ start: 720, end: 780 }], minutes: 30 }];
    const brk = { type: 'break' as const, id: 'lunch' };
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', brk, 'B', 'C'])])).toEqual([]);
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', 'B', 'C'])])).toEqual(['break-missing']);
    s.vehicles[0].breaks[0].timeWindows = [{ start: 480, end: 485 }];
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', 'B', brk, 'C'])])).toEqual(['break-window']);
  });

  it('limits: max stops, max duration, max driving, max distance', () => {
    const s = rulesScenario();
    const route = () => [planRoute(s, 'v1', ['A', 'B', 'C'])];
    s.vehicles[0].limits = { maxStops: 2 };
    expect(rulesOf(s, route())).toEqual(['max-stops']);
    s.vehicles[0].limits = { maxDurationMinutes: 40 };
    expect(rulesOf(s, route())).toEqual(['max-duration']);
    s.vehicles[0].limits = { maxDrivingMinutes: 5 };
    expect(rulesOf(s, route())).toEqual(['max-driving']);
    s.vehicles[0].limits = { maxDistanceKm: 2 };
    expect(rulesOf(s, route())).toEqual(['max-distance']);
  });

  it('vehicle-specific end depot and its opening hours', () => {
    const s = rulesScenario();
    s.vehicles[0].endDepotId = 'north';
    const route = planRoute(s, 'v1', ['A', 'B', 'C']);
    expect(route.steps.at(-1)?.id).toBe('north');
    expect(rulesOf(s, [route])).toEqual([]);
    s.depots[1].close = 500;
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', 'B', 'C'])])).toEqual(['depot-hours']);
    s.depots[1].close = 1200;
    expect(rulesOf(s, [{ ...route, steps: route.steps.map((x, i) => (i === route.steps.length - 1 ? { ...x, id: 'hub' } : x)) }])).toEqual(['route-shape']);
  });

  it('soft lateness: allowed up to its max, costed per minute; beyond it a time-window violation', () => {
    const s = rulesScenario();
    const late = planRoute(s, 'v1', ['A', 'B', 'C']);
    const arrivalC = late.steps[3].arrivalS;
    s.orders[2].timeWindows = [{ start: 480, end: Math.floor(arrivalC / 60) - 10 }];
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', 'B', 'C'])])).toEqual(['time-window']);
    s.orders[2].lateness = { maxMinutes: 15, costPerMinute: 2 };
    const route = planRoute(s, 'v1', ['A', 'B', 'C']);
    const report = checkSolution(s, { routes: [route], unassigned: [] });
    expect(report.violations).toEqual([]);
    const lateS = arrivalC - (Math.floor(arrivalC / 60) - 10) * 60;
    expect(report.routes[0].lateStops).toEqual([{ orderId: 'C', lateS }]);
    expect(report.routes[0].latenessCost).toBeCloseTo((lateS / 60) * 2, 6);
    expect(report.cost).toBeCloseTo(late.cost + (lateS / 60) * 2, 6);
  });

  it('soft overtime: costs per minute up to its max, then the shift rule', () => {
    const s = rulesScenario();
    const endS = planRoute(s, 'v1', ['A', 'B', 'C']).steps.at(-1)!.arrivalS;
    s.vehicles[0].shift.end = Math.floor(endS / 60) - 5;
    expect(rulesOf(s, [planRoute(s, 'v1', ['A', 'B', 'C'])])).toEqual(['shift']);
    s.vehicles[0].overtime = { maxMinutes: 10, costPerMinute: 1.5 };
    const report = checkSolution(s, { routes: [planRoute(s, 'v1', ['A', 'B', 'C'])], unassigned: [] });
    expect(report.violations).toEqual([]);
    expect(report.routes[0].overtimeCost).toBeCloseTo(((endS - s.vehicles[0].shift.end * 60) / 60) * 1.5, 6);
  });

  it('unassigned penalty grows with priority and is reported apart from the cost', () => {
    const s = rulesScenario();
    s.orders[2].serviceType = 're-delivery';
    s.settings.unassignedPenalty = { base: 100, perPriority: 10 };
    const report = checkSolution(s, { routes: [planRoute(s, 'v1', ['A'])], unassigned: [{ orderId: 'B', reason: '' }, { orderId: 'C', reason: '' }] });
    expect(report.ok).toBe(true);
    expect(report.unassigned).toEqual([{ orderId: 'B', priority: 1, penalty: 110 }, { orderId: 'C', priority: 4, penalty: 140 }]);
    expect(report.unassignedPenalty).toBe(250);
    expect(report.cost).toBeCloseTo(planRoute(s, 'v1', ['A']).cost, 6);
  });

  it('a user travel matrix replaces the embedded model for its vehicle type', () => {
    const s = rulesScenario();
    s.orders = [ruleOrder('A', 45.76, 4.84, { matrixIndex: 1 })];
    s.depots[0].matrixIndex = 0;
    s.travelMatrices = { van: { durationsS: [[0, 600], [900, 0]], distancesM: [[0, 5000], [7000, 0]] } };
    const route = planRoute(s, 'v1', ['A']);
    expect(route.distanceM).toBe(12_000);
    expect(route.steps[1].arrivalS).toBe(480 * 60 + 600);
    expect(route.steps[2].arrivalS).toBe(480 * 60 + 600 + 600 + 900);
    expect(rulesOf(s, [route])).toEqual([]);
  });
});

describe('orders of the rules fixture', () => {
  it('are valid', () => {
    expect(rulesScenario().orders.every((o) => o.amounts.length === 2)).toBe(true);
  });
});

describe('checker robustness', () => {
  it('an unknown order on a route does not shift the time comparison of the stops after it', () => {
    const s = rulesScenario();
    const route = planRoute(s, 'v1', ['A', 'B']);
    const ghost = { ...route.steps[1], id: 'ghost' };
    const steps = [route.steps[0], ghost, ...route.steps.slice(1)];
    // The ghost is driven to nowhere: recomputed times of A and B are unchanged.
    const rules = checkSolution(s, { routes: [{ ...route, steps }], unassigned: [{ orderId: 'C', reason: '' }] }).violations.map((v) => v.rule);
    expect(rules).toEqual(['unknown-order']);
  });
});
