// moveOrder: a hand edit yields a whole new solution (touched routes rebuilt,
// the input untouched), checked by the independent checker, with its cost delta
// and the violations it adds; bestPosition prefers feasible, then cheap.
import { describe, expect, it } from 'vitest';
import { makeMoveEvaluator, moveOrder, positionBefore, REMOVED_BY_HAND, type MoveOutcome } from '../../../web/src/plan/move';
import { routeOrderIds } from '../../../web/src/plan/rebuild-route';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

const ids = (solution: ReturnType<typeof makeMiniSolution>, vehicleId: string) => {
  const route = solution.routes.find((r) => r.vehicleId === vehicleId);
  return route ? routeOrderIds(route) : [];
};

describe('moveOrder', () => {
  it('moves a stop to another (unused) vehicle, checks clean and reports the cost change', () => {
    const scenario = makeMiniScenario();
    const before = makeMiniSolution(scenario);
    const frozen = structuredClone(before);
    const outcome = moveOrder(scenario, before, 'o3', { vehicleId: 'v2', position: 0 })!;
    expect(ids(outcome.solution, 'v1')).toEqual(['o1', 'o2']);
    expect(ids(outcome.solution, 'v2')).toEqual(['o3']);
    expect(outcome.feasible).toBe(true);
    expect(outcome.introduced).toEqual([]);
    expect(outcome.costDelta).toBeCloseTo(outcome.solution.check.cost - before.check.cost, 9);
    expect(outcome.solution.summary.routes).toBe(2);
    expect(before).toEqual(frozen);
  });

  it('reorders within a route and returns null when nothing would change', () => {
    const scenario = makeMiniScenario();
    const before = makeMiniSolution(scenario);
    expect(ids(moveOrder(scenario, before, 'o3', { vehicleId: 'v1', position: 0 })!.solution, 'v1')).toEqual(['o3', 'o1', 'o2']);
    expect(moveOrder(scenario, before, 'o2', { vehicleId: 'v1', position: 1 })).toBeNull();
  });

  it('takes a stop off the plan and puts an unassigned order on a route', () => {
    const scenario = makeMiniScenario();
    const before = makeMiniSolution(scenario);
    const off = moveOrder(scenario, before, 'o1', { vehicleId: null })!;
    expect(off.solution.unassigned).toContainEqual({ orderId: 'o1', reason: REMOVED_BY_HAND });
    expect(off.feasible).toBe(true);
    // o4 weighs 500 kg on a 100 kg van: allowed only as an edit that adds a capacity violation.
    const on = moveOrder(scenario, before, 'o4', { vehicleId: 'v2' })!;
    expect(on.solution.unassigned.map((u) => u.orderId)).not.toContain('o4');
    expect(on.feasible).toBe(false);
    expect(on.introduced.map((v) => v.rule)).toEqual(['capacity']);
  });

  it('drops a route left empty', () => {
    const scenario = makeMiniScenario();
    const single = moveOrder(scenario, makeMiniSolution(scenario), 'o3', { vehicleId: 'v2' })!.solution;
    const back = moveOrder(scenario, single, 'o3', { vehicleId: 'v1' })!.solution;
    expect(back.routes.map((r) => r.vehicleId)).toEqual(['v1']);
  });

  it('puts a stop at its best position when none is given: feasible before cheap', () => {
    const scenario = makeMiniScenario();
    scenario.orders[2].timeWindows = [{ start: 480, end: 500 }];
    const before = makeMiniSolution(makeMiniScenario());
    const outcome = moveOrder(scenario, { ...before, check: { ...before.check, violations: [] } }, 'o3', { vehicleId: 'v1' })!;
    expect(ids(outcome.solution, 'v1')[0]).toBe('o3');
  });

  it('turns "drop before that stop" into a position among the other stops', () => {
    expect(positionBefore(['a', 'b', 'c'], 'a', 'c')).toBe(1);
    expect(positionBefore(['a', 'b', 'c'], 'x', 'b')).toBe(1);
    expect(positionBefore(['a', 'b', 'c'], 'b', null)).toBe(2);
  });
});

describe('moving a shipment', () => {
  it('keeps pickup before delivery and may place the delivery later than right after the pickup', async () => {
    const { makeShipmentScenario } = await import('../../fixtures/mini-shipment');
    const scenario = makeShipmentScenario();
    // The shipment's delivery window opens late: the best plan delivers o2 after o3, not right after its pickup.
    scenario.orders[1].timeWindows = [{ start: 900, end: 1000 }];
    const solution = scenario.plan!.solution;
    const outcome = moveOrder(scenario, solution, 'o2', { vehicleId: 'v2' })!;
    expect(outcome).not.toBeNull();
    const route = outcome.solution.routes.find((r) => r.vehicleId === 'v2')!;
    const kinds = route.steps.filter((s) => s.id === 'o2').map((s) => s.type);
    expect(kinds).toEqual(['pickup', 'delivery']);
    // The moved order's stops on v2 pass every rule (o1 and o3 stay on v1).
    expect(outcome.introduced.filter((v) => v.message.includes('o2'))).toEqual([]);
  });

  it('moves a shipment within its own route at its best placement, feasibly and no dearer', async () => {
    const { makeShipmentScenario } = await import('../../fixtures/mini-shipment');
    const scenario = makeShipmentScenario();
    const outcome = moveOrder(scenario, scenario.plan!.solution, 'o2', { vehicleId: 'v1' })!;
    expect(outcome.feasible).toBe(true);
    expect(outcome.costDelta).toBeLessThanOrEqual(0);
    const steps = outcome.solution.routes.find((r) => r.vehicleId === 'v1')!.steps.filter((s) => s.type !== 'start' && s.type !== 'end');
    expect(steps.findIndex((s) => s.type === 'pickup')).toBeLessThan(steps.findIndex((s) => s.type === 'delivery'));
    expect(steps.map((s) => s.id).sort()).toEqual(['o1', 'o2', 'o2', 'o3']);
  });
});

describe('makeMoveEvaluator', () => {
  const serviceOf = (o: MoveOutcome, vehicleId: string, orderId: string) => o.solution.routes.find((r) => r.vehicleId === vehicleId)!.steps.find((s) => s.id === orderId)!.serviceS;

  it('keeps its lookups across plan changes, and makes them again once the data version moves', () => {
    const scenario = makeMiniScenario();
    scenario.plan = { solvedRevision: scenario.revision, solution: makeMiniSolution(scenario) };
    let version = 0;
    const evaluator = makeMoveEvaluator(() => scenario, () => version);
    const o3ToV2 = () => evaluator.evaluate('o3', { vehicleId: 'v2', position: 0 })!;
    expect(serviceOf(o3ToV2(), 'v2', 'o3')).toBe(300);
    // A move applied: the plan changes, the results go.
    const moved = evaluator.evaluate('o1', { vehicleId: 'v1', position: 2 })!;
    expect(ids(moved.solution, 'v1')).toEqual(['o2', 'o3', 'o1']);
    scenario.plan = { solvedRevision: scenario.revision, solution: moved.solution };
    evaluator.clear();
    expect(ids(o3ToV2().solution, 'v1')).toEqual(['o2', 'o1']);
    // An order edited in place (as the store does): the lookups made for the old data are kept until the data
    // version moves (the store moves it with every data edit)...
    scenario.orders.find((o) => o.id === 'o3')!.serviceMinutes = 20;
    evaluator.clear();
    expect(serviceOf(o3ToV2(), 'v2', 'o3')).toBe(300);
    // ...then made again.
    version += 1;
    evaluator.clear();
    expect(serviceOf(o3ToV2(), 'v2', 'o3')).toBe(1200);
  });

  it('without a data version, makes its lookups again after every clear', () => {
    const scenario = makeMiniScenario();
    scenario.plan = { solvedRevision: scenario.revision, solution: makeMiniSolution(scenario) };
    const evaluator = makeMoveEvaluator(() => scenario);
    expect(serviceOf(evaluator.evaluate('o3', { vehicleId: 'v2', position: 0 })!, 'v2', 'o3')).toBe(300);
    scenario.orders.find((o) => o.id === 'o3')!.serviceMinutes = 20;
    evaluator.clear();
    expect(serviceOf(evaluator.evaluate('o3', { vehicleId: 'v2', position: 0 })!, 'v2', 'o3')).toBe(1200);
  });
});
