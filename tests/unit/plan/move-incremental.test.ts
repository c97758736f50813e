// A hand edit's check walks only the routes the edit rebuilt (issue #15: the "Selected stop" preview and
// every drag hover re-checked the whole plan, ~50 ms at 5,000 stops). Its report must be exactly what a
// full check gives, on a plan that breaks many rules on many routes (greedy, unsolved), over a chain of moves.
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import type { Scenario } from '../../../web/src/domain/scenario';
import type { Solution } from '../../../web/src/domain/solution';
import { moveOrder } from '../../../web/src/plan/move';
import { makeLookup, orderStops, rebuildRoute, routeOrderIds } from '../../../web/src/plan/rebuild-route';
import { generateRichScenario } from '../../bench/rich-generate';

/** A deterministic pseudo-random sequence in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

/** Orders dealt round-robin to the vehicles, a few left out: routes late, overloaded, unskilled… */
function greedyPlan(scenario: Scenario): Solution {
  const lookup = makeLookup(scenario);
  const stops = new Map<string, ReturnType<typeof orderStops>>();
  const unassigned: Solution['unassigned'] = [];
  scenario.orders.forEach((order, i) => {
    if (i % 17 === 5) return void unassigned.push({ orderId: order.id, reason: 'left out' });
    const vehicle = scenario.vehicles[i % scenario.vehicles.length];
    stops.set(vehicle.id, [...(stops.get(vehicle.id) ?? []), ...orderStops(order)]);
  });
  const routes = [...stops].map(([vehicleId, list]) => rebuildRoute(scenario, vehicleId, list, lookup));
  const check = checkSolution(scenario, { routes, unassigned });
  const sum = (f: (r: Solution['routes'][number]) => number) => routes.reduce((a, r) => a + f(r), 0);
  return {
    routes, unassigned, check, stopReason: 'time-limit', stats: { seed: 1, iterations: 0, elapsedMs: 0 },
    summary: { cost: sum((r) => r.cost), distanceM: sum((r) => r.distanceM), durationS: sum((r) => r.durationS), routes: routes.length, unassigned: unassigned.length },
  };
}

describe('moveOrder on a plan checked on the same data', () => {
  it('gives the report of a full check after every move of a chain, and reuses the kept routes\' verdicts', () => {
    const scenario = generateRichScenario({ orders: 240, seed: 3 });
    const lookup = makeLookup(scenario);
    let plan = greedyPlan(scenario);
    const rules = new Set(plan.check.violations.map((v) => v.rule));
    // The plan breaks rules of several kinds on many routes: the verdicts taken over are not all empty.
    expect(rules.size).toBeGreaterThanOrEqual(3);
    expect(new Set(plan.check.violations.map((v) => v.vehicleId)).size).toBeGreaterThan(5);
    const random = rng(11);
    let moves = 0;
    let reusedChecks = 0;
    for (let step = 0; step < 80; step++) {
      const order = scenario.orders[Math.floor(random() * scenario.orders.length)];
      const roll = random();
      const vehicleId = roll < 0.1 ? null : scenario.vehicles[Math.floor(random() * scenario.vehicles.length)].id;
      const target = vehicleId === null ? { vehicleId } : { vehicleId, position: roll < 0.5 ? undefined : Math.floor(random() * 12) };
      const quick = moveOrder(scenario, plan, order.id, target, lookup, true);
      const full = moveOrder(scenario, plan, order.id, target, lookup, false);
      expect(quick === null).toBe(full === null);
      if (!quick || !full) continue;
      expect(quick.solution.check).toEqual(full.solution.check);
      expect(quick.solution.check).toEqual(checkSolution(scenario, quick.solution));
      expect(quick.introduced).toEqual(full.introduced);
      expect(quick.costDelta).toBe(full.costDelta);
      // Routes the move kept carry the earlier verdict object itself: they were not walked again.
      const earlier = new Set(plan.check.routes);
      reusedChecks += quick.solution.check.routes.filter((r) => earlier.has(r)).length;
      expect(full.solution.check.routes.some((r) => earlier.has(r))).toBe(false);
      plan = quick.solution;
      moves += 1;
    }
    expect(moves).toBeGreaterThan(50);
    expect(reusedChecks).toBeGreaterThan(moves * 5);
    expect(plan.routes.flatMap(routeOrderIds).length + plan.unassigned.length).toBe(scenario.orders.length);
  });

  it('walks every route again when the earlier report has a plan-level violation', () => {
    const scenario = generateRichScenario({ orders: 60, seed: 4 });
    const plan = greedyPlan(scenario);
    // An order listed twice: "the violations of a vehicle" may no longer be the route's alone.
    const twice: Solution = { ...plan, unassigned: [...plan.unassigned, { orderId: routeOrderIds(plan.routes[0])[0], reason: 'x' }] };
    twice.check = checkSolution(scenario, twice);
    expect(twice.check.violations.some((v) => v.rule === 'order-repeated')).toBe(true);
    const moved = moveOrder(scenario, twice, scenario.orders[10].id, { vehicleId: scenario.vehicles[1].id }, makeLookup(scenario), true)!;
    const earlier = new Set(twice.check.routes);
    expect(moved.solution.check.routes.some((r) => earlier.has(r))).toBe(false);
    expect(moved.solution.check).toEqual(checkSolution(scenario, moved.solution));
  });
});
