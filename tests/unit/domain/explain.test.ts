// Explanations: for an unassigned (or late) order, per vehicle, the rule that
// blocks the best insertion and the smallest fix in plain words.
import { describe, expect, it } from 'vitest';
import { explainOrder, explainSolution, groupsOf, VEHICLES_KEPT } from '../../../web/src/domain/explain';
import { describeExplanation } from '../../../web/src/domain/explain-text';
import type { Scenario } from '../../../web/src/domain/scenario';
import { planRoute, rulesScenario } from '../../fixtures/rules-scenario';
import { evaluateRoute, makeEvalContext } from '../../../web/src/domain/route-eval';

/** A plan serving A and B on Van 1, with C unassigned. */
const explainC = (s: Scenario) => explainOrder(s, { routes: [planRoute(s, 'v1', ['A', 'B'])], unassigned: [{ orderId: 'C', reason: '' }] }, 'C');
const only = (s: Scenario) => explainC(s).vehicles[0];

describe('explainOrder', () => {
  it('says where an order fits when nothing blocks it', () => {
    const e = explainC(rulesScenario());
    expect(e.vehicles[0]).toMatchObject({ blockedBy: null, reason: 'none', fixes: [] });
    expect(e.summary).toMatch(/^order 'C' fits: Van 1: fits at stop \d/);
  });

  it('skill: names a skill no vehicle in the fleet has', () => {
    const s = rulesScenario();
    s.orders[2].serviceType = 'installation';
    expect(only(s)).toMatchObject({ blockedBy: 'skill', reason: 'skill-or-crew', position: -1 });
    expect(explainC(s).summary).toBe("order 'C' needs a vehicle with skill installer (none in the fleet)");
  });

  it('crew: names the crew size needed', () => {
    const s = rulesScenario();
    s.orders[2].crewSize = 3;
    expect(only(s).text).toBe('Van 1: needs a crew of 3 (Van 1 has 2)');
  });

  it('capacity: the load at some point exceeds capacity by the amount to free', () => {
    const s = rulesScenario();
    s.orders[2].amounts = [99, 1];
    expect(only(s)).toMatchObject({ blockedBy: 'capacity', reason: 'capacity' });
    expect(only(s).text).toBe('Van 1: Van 1 needs 1 kg more capacity');
  });

  it('window unreachable: widen the window by the minutes missing', () => {
    const s = rulesScenario();
    s.orders[2].timeWindows = [{ start: 300, end: 470 }];
    const v = only(s);
    expect(v).toMatchObject({ blockedBy: 'time-window', reason: 'window' });
    expect(v.fixes[0].text).toMatch(/^widen the window by \d+ min$/);
    expect(v.fixes[0].amount).toBeGreaterThan(10 * 60);
  });

  it('shift: allow overtime on the vehicle', () => {
    const s = rulesScenario();
    s.orders[2].serviceMinutes = 600;
    expect(only(s)).toMatchObject({ blockedBy: 'shift', reason: 'shift-or-depot' });
    expect(only(s).text).toMatch(/^Van 1: allow \d+ min overtime on Van 1$/);
  });

  it('depot hours: keep the depot open longer', () => {
    const s = rulesScenario();
    s.orders[2].serviceMinutes = 500;
    s.depots[0].close = 900;
    expect(only(s).fixes.map((f) => f.rule)).toEqual(['depot-hours']);
    expect(only(s).text).toMatch(/keep depot 'Hub' open \d+ min longer/);
  });

  it('range: the extra kilometres the vehicle needs', () => {
    const s = rulesScenario();
    const km = planRoute(s, 'v1', ['A', 'B']).distanceM / 1000;
    s.vehicles[0].limits = { maxDistanceKm: Math.ceil(km) };
    expect(only(s)).toMatchObject({ blockedBy: 'max-distance', reason: 'range' });
    expect(only(s).text).toMatch(/Van 1 needs [\d.]+ km more range/);
  });

  it('max stops: one more stop', () => {
    const s = rulesScenario();
    s.vehicles[0].limits = { maxStops: 2 };
    expect(only(s).text).toBe('Van 1: allow 1 more stop on Van 1');
  });

  it('break: widen the break window when the order pushes the break out of it', () => {
    const s = rulesScenario();
    // C must start by 08:20 and lasts 90 min; the break must start 09:00–09:20: every insertion breaks something.
    s.vehicles[0].breaks = [{ id: 'lunch', timeWindows: [{ start: 540, end: 560 }], minutes: 20 }];
    s.orders[2].serviceMinutes = 90;
    s.orders[2].timeWindows = [{ start: 480, end: 500 }];
    const plan = { routes: [planRoute(s, 'v1', ['A', 'B', { type: 'break', id: 'lunch' }])], unassigned: [{ orderId: 'C', reason: '' }] };
    const e = explainOrder(s, plan, 'C');
    expect(e.vehicles[0].reason).toBe('break');
    expect(e.vehicles[0].text).toMatch(/widen break 'lunch' of Van 1 by \d+ min/);
  });

  it('ranks vehicles: the summary names the smallest fix over the fleet', () => {
    const s = rulesScenario();
    s.orders[2].serviceType = 'white-glove';
    s.vehicles.push({ ...s.vehicles[0], id: 'v2', name: 'Van 2', crew: { size: 2, skills: ['white-glove'] }, limits: { maxStops: 0 } });
    const e = explainC(s);
    expect(e.vehicles.map((v) => v.reason)).toEqual(['skill-or-crew', 'max-stops']);
    expect(e.summary).toBe("order 'C': Van 2: allow 1 more stop on Van 2");
  });

  it('skill held by many: names the first three holders and counts the rest (one line per vehicle stays short)', () => {
    const s = rulesScenario();
    s.orders[2].serviceType = 'white-glove';
    for (let i = 2; i <= 6; i++) s.vehicles.push({ ...s.vehicles[0], id: `v${i}`, name: `Van ${i}`, crew: { size: 2, skills: ['white-glove'] } });
    expect(only(s).text).toBe('Van 1: needs a vehicle with skill white-glove (Van 1 lacks it; Van 2, Van 3, Van 4 and 2 more have it)');
    s.vehicles.splice(3);
    expect(only(s).text).toBe('Van 1: needs a vehicle with skill white-glove (Van 1 lacks it; Van 2, Van 3 have it)');
  });
});

describe('large fleets', () => {
  /** Van 1 is one item short; Vans 2–12 lack the white-glove skill. */
  function bigFleet(): Scenario {
    const s = rulesScenario();
    s.orders[2].serviceType = 'white-glove';
    s.vehicles[0].crew = { size: 2, skills: ['white-glove'] };
    s.orders[2].amounts = [1, 10];
    for (let i = 2; i <= 12; i++) s.vehicles.push({ ...s.vehicles[0], id: `v${i}`, name: `Van ${i}`, crew: { size: 2, skills: [] } });
    return s;
  }

  it(`keeps the ${VEHICLES_KEPT} vehicles with the smallest fixes, in fleet order, and counts the whole fleet by rule`, () => {
    const e = explainC(bigFleet());
    expect(e.vehicles.map((v) => v.vehicleId)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'v10']);
    expect(e.groups).toEqual([
      { reason: 'capacity', count: 1, vehicleIds: ['v1'], rules: ['capacity'] },
      { reason: 'skill-or-crew', count: 11, vehicleIds: ['v2', 'v3', 'v4'], rules: ['skill'] },
    ]);
    // The panel's sentence counts all eleven, not the nine kept.
    expect(describeExplanation(e, bigFleet().vehicles).rule).toBe('Blocked by capacity (Van 1); skill or crew (11 vehicles)');
  });

  it('a plan saved before groups existed (every vehicle kept) reads the same', () => {
    const s = bigFleet();
    const e = explainC(s);
    const all = s.vehicles.map((vehicle) => explainOrder({ ...s, vehicles: [vehicle] }, { routes: [planRoute(s, 'v1', ['A', 'B'])], unassigned: [] }, 'C').vehicles[0]);
    expect(groupsOf(all)).toEqual(e.groups);
    // (Explained one vehicle at a time, a skill fix cannot name the holders: only the rule sentence is compared.)
    expect(describeExplanation({ ...e, vehicles: all, groups: undefined }, s.vehicles).rule).toBe(describeExplanation(e, s.vehicles).rule);
  });
});

describe('explainSolution', () => {
  it('explains every unassigned order and every stop late under a soft window', () => {
    const s = rulesScenario();
    const arrival = planRoute(s, 'v1', ['A', 'B']).steps[2].arrivalS;
    s.orders[1].timeWindows = [{ start: 480, end: Math.floor(arrival / 60) - 3 }];
    s.orders[1].lateness = { maxMinutes: 30, costPerMinute: 1 };
    const list = explainSolution(s, { routes: [planRoute(s, 'v1', ['A', 'B'])], unassigned: [{ orderId: 'C', reason: '' }] });
    expect(list.map((e) => [e.orderId, e.kind])).toEqual([['C', 'unassigned'], ['B', 'late']]);
    expect(list[1].lateS).toBeGreaterThan(0);
    // Serving B first makes it on time: the smallest fix is a resequence.
    expect(list[1].vehicles[0].text).toMatch(/^Van 1: fits at stop 1/);
  });

  it('a stop late whatever the sequence: widen its window', () => {
    const s = rulesScenario();
    const arrival = planRoute(s, 'v1', ['B']).steps[1].arrivalS;
    s.orders[1].timeWindows = [{ start: 480, end: Math.floor(arrival / 60) - 3 }];
    s.orders[1].lateness = { maxMinutes: 30, costPerMinute: 1 };
    const plan = { routes: [planRoute(s, 'v1', ['B'])], unassigned: ['A', 'C'].map((orderId) => ({ orderId, reason: '' })) };
    const late = explainSolution(s, plan).find((e) => e.kind === 'late')!;
    expect(late.vehicles[0].text).toMatch(/^Van 1: widen the window by [34] min$/);
    // Late under the allowance breaks no rule, yet the window is what blocks an on-time stop.
    expect(late.vehicles[0].reason).toBe('window');
    expect(describeExplanation(late, s.vehicles).rule).toBe('Time window: no route can reach it inside its window');
  });

  it('a shipment late at both legs: one explanation, each window named', () => {
    const s = rulesScenario();
    s.orders[1].pickup = { lat: 45.8, lng: 4.9, address: 'Shop', timeWindows: [], serviceMinutes: 5 };
    const legs = [{ type: 'pickup' as const, id: 'B' }, { type: 'delivery' as const, id: 'B' }];
    const steps = planRoute(s, 'v1', legs).steps;
    const endBefore = (i: number) => Math.floor(steps[i].arrivalS / 60) - 3;
    s.orders[1].pickup.timeWindows = [{ start: 420, end: endBefore(1) }];
    s.orders[1].timeWindows = [{ start: 420, end: endBefore(2) }];
    s.orders[1].lateness = { maxMinutes: 30, costPerMinute: 1 };
    const plan = { routes: [planRoute(s, 'v1', legs)], unassigned: ['A', 'C'].map((orderId) => ({ orderId, reason: '' })) };
    const late = explainSolution(s, plan).filter((e) => e.kind === 'late');
    expect(late.map((e) => e.orderId)).toEqual(['B']);
    expect(late[0].lateS).toBeGreaterThanOrEqual(3 * 60);
    expect(late[0].vehicles[0].text).toMatch(/^Van 1: widen the pickup window by [34] min and widen the delivery window by [34] min$/);
    // Past the allowance the checker's violations say which leg broke its window.
    s.orders[1].lateness = undefined;
    const check = planRoute(s, 'v1', legs);
    const ev = evaluateRoute(makeEvalContext(s), s.vehicles[0], legs, check.steps[0].departureS);
    expect(ev.violations.filter((v) => v.rule === 'time-window').map((v) => [v.orderId, v.atPickup ?? false])).toEqual([['B', true], ['B', false]]);
  });

  it('explains at most `lateAtMost` late stops, the first in route order; unassigned orders all', () => {
    const s = rulesScenario();
    const plan = { routes: [planRoute(s, 'v1', ['A', 'B', 'C'])], unassigned: [] };
    for (const [i, order] of s.orders.entries()) {
      order.timeWindows = [{ start: 480, end: Math.floor(plan.routes[0].steps[i + 1].arrivalS / 60) - 3 }];
      order.lateness = { maxMinutes: 60, costPerMinute: 1 };
    }
    expect(explainSolution(s, plan).map((e) => e.orderId)).toEqual(['A', 'B', 'C']);
    expect(explainSolution(s, plan, 2).map((e) => e.orderId)).toEqual(['A', 'B']);
    const withUnassigned = { routes: [planRoute(s, 'v1', ['A', 'B'])], unassigned: [{ orderId: 'C', reason: '' }] };
    expect(explainSolution(s, withUnassigned, 0).map((e) => [e.orderId, e.kind])).toEqual([['C', 'unassigned']]);
    expect(explainSolution(s, withUnassigned).map((e) => [e.orderId, e.kind])).toEqual([['C', 'unassigned'], ['A', 'late'], ['B', 'late']]);
  });
});
