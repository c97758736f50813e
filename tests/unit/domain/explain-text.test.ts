// Plain words of the Unassigned panel: the blocking rule over the fleet and one
// line per vehicle that names the vehicle once, smallest fix first.
import { describe, expect, it } from 'vitest';
import { explainOrder, type VehicleExplanation } from '../../../web/src/domain/explain';
import { blockingRule, describeExplanation, vehicleFixLine } from '../../../web/src/domain/explain-text';
import type { Scenario } from '../../../web/src/domain/scenario';
import { planRoute, rulesScenario } from '../../fixtures/rules-scenario';

/** The rules scenario with a second, empty van. */
function twoVans(): Scenario {
  const s = rulesScenario();
  s.vehicles.push({ ...structuredClone(s.vehicles[0]), id: 'v2', name: 'Van 2' });
  return s;
}

/** C unassigned while Van 1 serves A and B. */
const describeC = (s: Scenario, limit?: number) =>
  describeExplanation(explainOrder(s, { routes: [planRoute(s, 'v1', ['A', 'B'])], unassigned: [{ orderId: 'C', reason: '' }] }, 'C'), s.vehicles, limit);

const vehicle = (more: Partial<VehicleExplanation>): VehicleExplanation =>
  ({ vehicleId: 'v1', blockedBy: 'capacity', reason: 'capacity', position: 0, fixes: [{ rule: 'x', amount: 1, text: '' }], text: '', score: 1, ...more });

describe('vehicleFixLine', () => {
  it('drops the vehicle prefix when the fix itself names the vehicle', () => {
    expect(vehicleFixLine(vehicle({ text: 'Van 2: Van 2 needs 40 kg more capacity' }), 'Van 2')).toBe('Van 2 needs 40 kg more capacity');
    expect(vehicleFixLine(vehicle({ text: 'Van 2: allow 8 min overtime on Van 2' }), 'Van 2')).toBe('Allow 8 min overtime on Van 2');
  });

  it('keeps the prefix when the fix does not say whose it is, or names it only in parentheses', () => {
    expect(vehicleFixLine(vehicle({ text: 'Van 2: widen the window by 13 min' }), 'Van 2')).toBe('Van 2: widen the window by 13 min');
    expect(vehicleFixLine(vehicle({ text: 'Van 2: needs a crew of 3 (Van 2 has 2)' }), 'Van 2')).toBe('Van 2: needs a crew of 3 (has 2)');
  });

  it('a missing skill names the vehicle once and says who has the skill', () => {
    const s = twoVans();
    s.vehicles[1].crew = { size: 2, skills: ['installer'] };
    s.vehicles[1].limits = { maxStops: 0 };
    s.orders[2].serviceType = 'installation';
    expect(describeC(s).fixes).toEqual(['Allow 1 more stop on Van 2', 'Van 1: needs a vehicle with skill installer (Van 2 has it)']);
    s.vehicles[1].crew = { size: 2, skills: [] };
    expect(describeC(s).fixes[0]).toBe('Van 1: needs a vehicle with skill installer (none in the fleet)');
  });

  it('a vehicle the order fits on keeps its name and the position', () => {
    expect(vehicleFixLine(vehicle({ reason: 'none', fixes: [], text: 'Van 1: fits at stop 3 (+5.18 cost)' }), 'Van 1')).toBe('Van 1: fits at stop 3 (+5.18 cost)');
  });
});

describe('blockingRule', () => {
  const nameOf = (id: string) => ({ v1: 'Van 1', v2: 'Van 2' })[id] ?? id;

  it('one rule on every vehicle: says so in a sentence', () => {
    expect(blockingRule([vehicle({}), vehicle({ vehicleId: 'v2' })], nameOf)).toBe('Capacity: no vehicle has room for it');
  });

  it('different rules: names each with its vehicles, the rule with the smallest fix first', () => {
    const rule = blockingRule([vehicle({ score: 5 }), vehicle({ vehicleId: 'v2', reason: 'window', score: 2 })], nameOf);
    expect(rule).toBe('Blocked by time window (Van 2); capacity (Van 1)');
  });

  it('many vehicles under one rule are counted, not listed', () => {
    const many = ['a', 'b', 'c', 'd'].map((vehicleId) => vehicle({ vehicleId, reason: 'window' }));
    expect(blockingRule([vehicle({}), ...many], nameOf)).toBe('Blocked by capacity (Van 1); time window (4 vehicles)');
  });

  it('an order that fits somewhere says where, whatever blocks it elsewhere', () => {
    expect(blockingRule([vehicle({}), vehicle({ vehicleId: 'v2', reason: 'none', fixes: [] })], nameOf)).toMatch(/^Fits on Van 2 as it is/);
  });

  it('no vehicle at all', () => {
    expect(blockingRule([], nameOf)).toMatch(/^No vehicle in the fleet/);
  });
});

describe('describeExplanation', () => {
  it('too heavy for both vans: the capacity rule, then the emptier van first', () => {
    const s = twoVans();
    s.orders[2].amounts = [199, 1];
    expect(describeC(s)).toEqual({
      rule: 'Capacity: no vehicle has room for it',
      fixes: ['Van 2 needs 99 kg more capacity', 'Van 1 needs 101 kg more capacity'],
    });
  });

  it('every blocking reason reads as a sentence, with one fix line per vehicle', () => {
    const cases: [string, (s: Scenario) => void, RegExp][] = [
      ['skill', (s) => { s.orders[2].serviceType = 'installation'; }, /^Skill: /],
      ['crew', (s) => { s.orders[2].crewSize = 3; }, /^Crew size: /],
      ['skill and crew', (s) => { s.orders[2].serviceType = 'installation'; s.orders[2].crewSize = 3; }, /^Skill or crew: /],
      ['capacity', (s) => { s.orders[2].amounts = [199, 1]; }, /^Capacity: /],
      ['window', (s) => { s.orders[2].timeWindows = [{ start: 300, end: 470 }]; }, /^Time window: /],
      ['shift', (s) => { s.orders[2].serviceMinutes = 600; }, /^Shift: /],
      ['depot', (s) => { s.orders[2].serviceMinutes = 500; s.depots[0].close = 900; }, /^Shift: /],
      ['range', (s) => {
        s.vehicles[0].limits = { maxDistanceKm: Math.ceil(planRoute(s, 'v1', ['A', 'B']).distanceM / 1000) };
        s.vehicles[1].limits = { maxDistanceKm: 1 };
      }, /^Range: /],
      ['duration', (s) => {
        s.vehicles[0].limits = { maxDurationMinutes: Math.ceil(planRoute(s, 'v1', ['A', 'B']).durationS / 60) };
        s.vehicles[1].limits = { maxDurationMinutes: 5 };
      }, /^Route duration: /],
      ['stops', (s) => { s.vehicles.forEach((v) => { v.limits = { maxStops: 0 }; }); s.vehicles[0].limits = { maxStops: 2 }; }, /^Stops per route: /],
    ];
    for (const [label, change, rule] of cases) {
      const s = twoVans();
      change(s);
      const why = describeC(s);
      expect(why.rule, label).toMatch(rule);
      expect(why.fixes, label).toHaveLength(2);
      for (const line of why.fixes) expect(line, label).toMatch(/Van [12]/);
    }
  });

  it('shows at most `limit` vehicles', () => {
    const s = twoVans();
    s.orders[2].amounts = [199, 1];
    expect(describeC(s, 1).fixes).toEqual(['Van 2 needs 99 kg more capacity']);
  });

  it('an order the scenario does not have: the explanation says so', () => {
    const s = twoVans();
    const why = describeExplanation(explainOrder(s, { routes: [], unassigned: [] }, 'ghost'), s.vehicles);
    expect(why).toEqual({ rule: "order 'ghost' is not in the scenario", fixes: [] });
  });
});
