import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import type { Route } from '../../../web/src/domain/solution';
import { smallScenario } from '../../fixtures/small-scenario';
import { buildRoute } from '../../helpers/build-route';

const valid = () => {
  const s = smallScenario();
  const routes: Route[] = [buildRoute(s, 'v1', ['A', 'B', 'C']), buildRoute(s, 'v2', ['D', 'E'])];
  return { s, solution: { routes, unassigned: [] } };
};
const rules = (report: ReturnType<typeof checkSolution>) => report.violations.map((v) => v.rule);

describe('checkSolution', () => {
  it('accepts a correct plan and recomputes its cost and distance', () => {
    const { s, solution } = valid();
    const report = checkSolution(s, solution);
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.distanceM).toBe(solution.routes[0].distanceM + solution.routes[1].distanceM);
    expect(report.cost).toBeCloseTo(solution.routes[0].cost + solution.routes[1].cost, 6);
    expect(report.distanceM).toBeGreaterThan(10_000);
  });

  it('flags a load over capacity in any unit', () => {
    const { s, solution } = valid();
    s.vehicles[0].capacity = [100, 3]; // route A+B+C carries 4 items
    expect(rules(checkSolution(s, solution))).toEqual(['capacity']);
  });

  it('flags a service that cannot start inside its window', () => {
    const { s, solution } = valid();
    s.orders[2].timeWindows = [{ start: 420, end: 425 }]; // C is third on its route: unreachable by 07:05
    const report = checkSolution(s, solution);
    expect(rules(report)).toContain('time-window');
    expect(report.violations.find((v) => v.rule === 'time-window')?.orderId).toBe('C');
  });

  it('flags a return after the shift ends and a departure before it starts', () => {
    const { s, solution } = valid();
    s.vehicles[1].shift = { start: 600, end: 610 };
    const found = checkSolution(s, solution).violations.filter((v) => v.rule === 'shift');
    expect(found.length).toBe(2);
    expect(found.every((v) => v.vehicleId === 'v2')).toBe(true);
  });

  it('flags orders that are missing, repeated, or both routed and unassigned', () => {
    const { s, solution } = valid();
    solution.routes[1] = buildRoute(s, 'v2', ['D', 'A']); // E missing, A twice
    const report = checkSolution(s, { ...solution, unassigned: [{ orderId: 'B', reason: 'x' }] });
    expect(rules(report).sort()).toEqual(['order-missing', 'order-repeated', 'order-repeated']);
  });

  it('flags reported times, distances and costs that differ from the recomputation', () => {
    const { s, solution } = valid();
    solution.routes[0].steps[1].arrivalS -= 60;
    solution.routes[1].distanceM += 5;
    solution.routes[1].cost += 1;
    expect(rules(checkSolution(s, solution)).sort()).toEqual(['cost-mismatch', 'distance-mismatch', 'time-mismatch']);
  });

  it('flags unknown vehicles and a vehicle used twice', () => {
    const { s, solution } = valid();
    const twice = buildRoute(s, 'v1', ['D']);
    const ghost = { ...buildRoute(s, 'v1', ['E']), vehicleId: 'ghost' };
    const report = checkSolution(s, { routes: [solution.routes[0], twice, ghost], unassigned: [{ orderId: 'E', reason: '' }] });
    expect(rules(report).sort()).toEqual(['unknown-vehicle', 'vehicle-reused']);
  });
});
