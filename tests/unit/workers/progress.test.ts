// Progress reports carry the best plan's cost as the KPI bar reads a plan: the route
// cost apart from the orders left out and their penalty (which only the solver's
// objective adds), a shipment counted as one order and a missing break as none.
import { describe, expect, it } from 'vitest';
import { encode } from '../../../workers/encode';
import { planFigures } from '../../../workers/progress';
import { SUMMARY_COST, SUMMARY_COUNT, SUMMARY_DISTANCE, type Progress } from '../../../workers/protocol';
import { createSolverApi } from '../../../workers/solver-api';
import { resolveOrder, unassignedPenalty } from '../../../web/src/domain/service-types';
import type { Scenario } from '../../../web/src/domain/scenario';
import { makeMiniScenario } from '../../fixtures/mini-scenario';
import { makeShipmentScenario } from '../../fixtures/mini-shipment';
import { loadSolverModule } from '../../helpers/load-solver';

const penaltyOf = (scenario: Scenario, orderId: string) =>
  unassignedPenalty(scenario.settings, resolveOrder(scenario.settings, scenario.orders.find((o) => o.id === orderId)!).priority);

describe('planFigures', () => {
  it('splits the summary cost into route cost and the penalty of the unassigned orders', () => {
    const scenario = makeShipmentScenario();
    scenario.orders[3].priority = 4;
    scenario.vehicles[0].breaks = [{ id: 'lunch', timeWindows: [{ start: 720, end: 780 }], minutes: 30 }];
    const encoded = encode(scenario, { timeLimitS: 1, seed: 1 });
    const nodesOf = (id: string) => encoded.nodeIds.flatMap((nodeId, node) => (nodeId === id ? [node] : []));
    // o2 is a shipment: two nodes, one order; the lunch break is a node but no order.
    expect(nodesOf('o2')).toHaveLength(2);
    const unassigned = Int32Array.from([...nodesOf('o2'), ...nodesOf('o4'), ...nodesOf('lunch')]);
    const penalty = penaltyOf(scenario, 'o2') + penaltyOf(scenario, 'o4');
    expect(penalty).toBeGreaterThan(0);
    const summary = new Float64Array(SUMMARY_COUNT);
    summary[SUMMARY_COST] = 1234.5 + penalty;
    summary[SUMMARY_DISTANCE] = 56_789;
    expect(planFigures({ summary, unassigned }, encoded)).toEqual({ routeCost: 1234.5, unassigned: 2, penalty, distanceM: 56_789 });
  });

  it('reports no penalty when every order is served', () => {
    const scenario = makeMiniScenario();
    const summary = new Float64Array(SUMMARY_COUNT);
    summary[SUMMARY_COST] = 321;
    summary[SUMMARY_DISTANCE] = 4_321;
    expect(planFigures({ summary, unassigned: new Int32Array(0) }, encode(scenario, { timeLimitS: 1, seed: 1 }))).toEqual({ routeCost: 321, unassigned: 0, penalty: 0, distanceM: 4_321 });
  });
});

describe('solver progress', () => {
  it('reports the route cost apart from an order no vehicle can carry, the objective never rising', async () => {
    // o4 weighs 500 kg, every van carries 100: it stays out of every plan.
    const scenario = makeMiniScenario();
    const api = createSolverApi(() => loadSolverModule('debug'));
    const all: Progress[] = [];
    const result = await api.solve({ runId: 3, scenario, options: { timeLimitS: 0.5, seed: 1 } }, (p) => all.push(p));
    expect(result.solution.unassigned.map((u) => u.orderId)).toEqual(['o4']);
    // Named phases first (no plan yet, so no figures), then the search…
    expect(all.slice(0, 3).map((p) => p.phase)).toEqual(['reading', 'matrix', 'constructing']);
    expect(all.slice(0, 3).every((p) => Number.isNaN(p.routeCost))).toBe(true);
    // …and the explanations of the plan found last.
    expect(all.at(-1)?.phase).toBe('explaining');
    const progress = all.slice(3, -1);
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) {
      expect(p.phase).toBe('searching');
      expect(p.unassigned).toBeGreaterThanOrEqual(1);
      expect(p.penalty).toBeGreaterThanOrEqual(penaltyOf(scenario, 'o4'));
      // Route cost is what routes cost: far below one order's penalty here.
      expect(p.routeCost).toBeGreaterThan(0);
      expect(p.routeCost).toBeLessThan(penaltyOf(scenario, 'o4'));
    }
    const objective = progress.map((p) => p.routeCost + p.penalty);
    objective.slice(1).forEach((value, i) => expect(value).toBeLessThanOrEqual(objective[i] + 1e-6));
  });
});
