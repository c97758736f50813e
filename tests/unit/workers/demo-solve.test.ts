// The demo solved in Node for 2 s (seed 1), as the app's Optimize does: the plan
// passes the independent check, shipments are picked up before they are
// delivered on one route, crews get only the work they can do, and the two
// orders the demo cannot serve are unassigned with a plain explanation; every
// driver on the road takes the lunch break.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import { explainOrder } from '../../../web/src/domain/explain';
import { describeExplanation } from '../../../web/src/domain/explain-text';
import type { Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { resolveOrder } from '../../../web/src/domain/service-types';
import type { Route } from '../../../web/src/domain/solution';
import { validateScenario } from '../../../web/src/domain/validate';
import type { UncheckedSolution } from '../../../workers/protocol';
import { createSolverApi } from '../../../workers/solver-api';
import { loadSolverModule } from '../../helpers/load-solver';

const demo = (): Scenario => {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  return result.scenario;
};

const SERVING = new Set(['job', 'pickup', 'delivery']);

describe('the demo solved for 2 s', () => {
  let scenario: Scenario;
  let solution: UncheckedSolution;
  const vehicleOf = (route: Route): Vehicle => scenario.vehicles.find((v) => v.id === route.vehicleId)!;
  const routeOf = (orderId: string) => solution.routes.find((r) => r.steps.some((s) => SERVING.has(s.type) && s.id === orderId));
  /** The orders designed to be unservable: an installation needing an electrician, a piano needing three movers. */
  const electrician = (): Order => scenario.orders.find((o) => o.skills?.includes('electrician'))!;
  const piano = (): Order => scenario.orders.find((o) => o.crewSize === 3)!;

  beforeAll(async () => {
    scenario = demo();
    const api = createSolverApi(() => loadSolverModule('debug'));
    ({ solution } = await api.solve({ runId: 1, scenario, options: { timeLimitS: 2, seed: 1 } }));
  });

  it('passes the independent check with no violation', () => {
    expect(checkSolution(scenario, solution).violations).toEqual([]);
  });

  it('serves every order once (a shipment as a pickup, then its delivery, on one route) or lists it unassigned', () => {
    const unassigned = new Set(solution.unassigned.map((u) => u.orderId));
    for (const order of scenario.orders) {
      const routes = solution.routes.filter((r) => r.steps.some((s) => SERVING.has(s.type) && s.id === order.id));
      if (unassigned.has(order.id)) {
        expect(routes, order.id).toHaveLength(0);
        continue;
      }
      expect(routes, order.id).toHaveLength(1);
      const types = routes[0].steps.filter((s) => s.id === order.id).map((s) => s.type);
      expect(types, order.id).toEqual(order.pickup ? ['pickup', 'delivery'] : ['job']);
    }
  });

  it('plans both shipments', () => {
    const shipments = scenario.orders.filter((o) => o.pickup);
    expect(shipments.length).toBeGreaterThanOrEqual(2);
    for (const order of shipments) expect(routeOf(order.id), order.id).toBeDefined();
  });

  it('gives each crew only work it can do: installers install, two-person crews carry inside, trucks lift pallets', () => {
    for (const route of solution.routes) {
      const vehicle = vehicleOf(route);
      const offered = new Set([...vehicle.crew!.skills, ...(vehicle.features ?? [])]);
      for (const step of route.steps.filter((s) => s.type === 'job' || s.type === 'pickup')) {
        const order = scenario.orders.find((o) => o.id === step.id)!;
        const needs = resolveOrder(scenario.settings, order);
        expect(needs.skills.filter((k) => !offered.has(k)), `${order.id} on ${vehicle.id}`).toEqual([]);
        expect(needs.crewSize, `${order.id} on ${vehicle.id}`).toBeLessThanOrEqual(vehicle.crew!.size);
        if (order.serviceType === 'installation') expect(vehicle.crew!.skills, order.id).toContain('installer');
      }
    }
  });

  it('leaves only the two unservable orders unassigned, each with an explanation naming its rule', () => {
    const ids = solution.unassigned.map((u) => u.orderId).sort();
    expect(ids).toEqual([electrician().id, piano().id].sort());
    for (const id of ids) {
      const explanation = explainOrder(scenario, solution, id);
      expect(explanation.summary.length, id).toBeGreaterThan(0);
      expect(explanation.vehicles.every((v) => v.reason !== 'none'), id).toBe(true);
    }
    const skill = explainOrder(scenario, solution, electrician().id);
    expect(skill.summary).toBe(`order '${electrician().id}' needs a vehicle with skill electrician (none in the fleet)`);
    expect(describeExplanation(skill, scenario.vehicles).rule).toBe('Skill: no vehicle has the skill it needs');

    const crew = explainOrder(scenario, solution, piano().id);
    expect(crew.summary).toBe(`order '${piano().id}': Van 1: needs a crew of 3 (Van 1 has 2)`);
    expect(crew.vehicles.every((v) => v.blockedBy === 'crew-size')).toBe(true);
    expect(describeExplanation(crew, scenario.vehicles)).toEqual({
      rule: 'Crew size: no vehicle has a crew that large',
      fixes: ['Van 1: needs a crew of 3 (has 2)', 'Van 2: needs a crew of 3 (has 2)', 'Van 3: needs a crew of 3 (has 1)'],
    });
  });

  it('gives every driver on the road a 30-minute lunch break starting 12:00–13:30, and keeps curbside lateness within 15 minutes', () => {
    expect(solution.routes.length).toBeGreaterThan(0);
    for (const route of solution.routes) {
      const breaks = route.steps.filter((s) => s.type === 'break');
      expect(breaks.map((b) => b.id), route.vehicleId).toEqual(['lunch']);
      const start = breaks[0].arrivalS + breaks[0].waitS;
      expect(start).toBeGreaterThanOrEqual(720 * 60);
      expect(start).toBeLessThanOrEqual(810 * 60);
      expect(breaks[0].serviceS).toBe(30 * 60);
    }
    for (const late of checkSolution(scenario, solution).routes.flatMap((r) => r.lateStops ?? [])) {
      expect(scenario.orders.find((o) => o.id === late.orderId)!.serviceType).toBe('curbside');
      expect(late.lateS).toBeLessThanOrEqual(15 * 60);
    }
  });
});
