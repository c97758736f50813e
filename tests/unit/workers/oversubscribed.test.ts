// A day with more goods than the fleet can carry: some orders must stay out, and the plan should leave out about as
// few as the capacities allow. On plans of 400 stops or more the search may pass through overloaded plans at a
// price (solver-as/assembly/penalty.ts); that price is capped far below an order's unassigned penalty, so on such a
// day an overloaded plan that serves everyone always looked cheaper than a feasible one that leaves orders out: the
// search stayed overloaded and the best plan never moved from the first one (a 700-order Munich day: 110 orders out
// at 6 s and at 30 s alike, where 38 had to be). A plan that starts with orders left out now keeps the feasible-only
// search.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSolverApi } from '../../../workers/solver-api';
import { checkSolution } from '../../../web/src/domain/check';
import { validateScenario } from '../../../web/src/domain/validate';
import type { Order, Scenario, Vehicle } from '../../../web/src/domain/scenario';
import { loadSolverModule } from '../../helpers/load-solver';

/** `stops` orders of 2-60 kg around the demo's depot, any time of day; `vans` vans of 900 kg with plain rules. */
function oversubscribedDay(stops: number, vans: number): Scenario {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  const demo = result.scenario;
  const depot = demo.depots[0];
  let seed = 11;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const { lateness: _, ...template } = demo.orders[0];
  const orders: Order[] = Array.from({ length: stops }, (_, i) => {
    const angle = random() * 2 * Math.PI;
    const radius = 0.01 + Math.sqrt(random()) * 0.08;
    return {
      ...structuredClone(template), id: `O${i + 1}`, customerName: `Customer ${i + 1}`,
      lat: depot.lat + radius * Math.sin(angle), lng: depot.lng + radius * Math.cos(angle) * 1.4,
      amounts: [Math.round(2 + random() * 58), 0], timeWindows: [], serviceMinutes: 4,
    };
  });
  const { breaks: __, crew: ___, ...van } = demo.vehicles[0];
  const vehicles: Vehicle[] = Array.from({ length: vans }, (_, i) => ({ ...structuredClone(van), id: `van-${i + 1}`, name: `Van ${i + 1}`, capacity: [900, 1000], shift: { start: 420, end: 1140 } }));
  return { ...demo, id: 'oversubscribed', vehicles, orders, plan: null };
}

/** The fewest orders whose kilograms cover what the fleet cannot carry: the heaviest first. */
function fewestLeftOut(scenario: Scenario): number {
  const excess = scenario.orders.reduce((s, o) => s + o.amounts[0], 0) - scenario.vehicles.reduce((s, v) => s + v.capacity[0]!, 0);
  const heaviest = scenario.orders.map((o) => o.amounts[0]).sort((a, b) => b - a);
  let covered = 0;
  let count = 0;
  while (covered < excess) covered += heaviest[count++];
  return count;
}

describe('a day with more goods than the fleet can carry', () => {
  it('leaves out about as few orders as the capacities allow, and the best plan improves on the first', async () => {
    const scenario = oversubscribedDay(450, 12);
    const fewest = fewestLeftOut(scenario);
    expect(fewest).toBeGreaterThan(20);
    const api = createSolverApi(() => loadSolverModule('release'));
    const first = await api.solve({ runId: 1, scenario, options: { timeLimitS: 600, seed: 1, maxMoves: 20_000 } });
    const solved = await api.solve({ runId: 2, scenario, options: { timeLimitS: 600, seed: 1, maxMoves: 3_000_000 } });
    const check = checkSolution(scenario, solved.solution);
    expect(check.violations).toEqual([]);
    expect(solved.solution.unassigned.length).toBeGreaterThanOrEqual(fewest);
    expect(solved.solution.unassigned.length, `left out (the fewest possible: ${fewest}; after the first plan: ${first.solution.unassigned.length})`).toBeLessThanOrEqual(Math.ceil(fewest * 1.25));
    expect(solved.solution.unassigned.length).toBeLessThan(first.solution.unassigned.length);
  });
});
