// One depot, vehicle or order checked as a form saves it: the same rules as a
// scenario, each issue named by the form's field label; "lat, lng" parsing;
// what keeps a scenario from being solved; a vehicle with no limit in a unit.
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import { parseLatLng, solveBlocker, validateDepot, validateOrder, validateVehicle } from '../../../web/src/domain/validate-entity';
import { makeBlankScenario } from '../../../web/src/domain/blank';
import { scaledCapacity } from '../../../workers/encode';
import { makeMiniPlan, makeMiniScenario } from '../../fixtures/mini-scenario';

describe('entity validation', () => {
  const scenario = makeMiniScenario();

  it('names the form field and the reason for a vehicle (shift, depot, capacity, duplicate id)', () => {
    const vehicle = { ...scenario.vehicles[0], id: 'v2', shift: { start: 600, end: 3000 }, startDepotId: 'nowhere', capacity: [10] };
    const result = validateVehicle(vehicle, scenario, 'v1');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual({ field: 'shift.end', label: 'Shift end', message: 'must be ≤ 2880 (48 h)' });
    const fixed = validateVehicle({ ...vehicle, shift: { start: 600, end: 900 } }, scenario, 'v1');
    expect(fixed.ok).toBe(false);
    if (fixed.ok) return;
    const labels = fixed.issues.map((i) => `${i.label}: ${i.message}`);
    expect(labels).toContain("Id: another vehicle already has id 'v2'");
    expect(labels).toContain("Start depot: unknown depot 'nowhere'");
    expect(labels.some((l) => l.startsWith('Capacity (kg): needs 2 values'))).toBe(false);
    expect(labels).toContain('Capacity: needs 2 values, one per capacity unit (kg, items)');
  });

  it('accepts an edited vehicle keeping its own id, with no limit (null) in one unit', () => {
    const result = validateVehicle({ ...scenario.vehicles[0], capacity: [null, 5] }, scenario, 'v1');
    expect(result.ok).toBe(true);
  });

  it('labels order windows and amounts by their place in the form', () => {
    const order = { ...scenario.orders[0], timeWindows: [{ start: 600, end: 660 }, { start: 800, end: 700 }], amounts: [-1, 1] };
    const result = validateOrder(order, scenario, order.id);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.label}: ${i.message}`)).toEqual(expect.arrayContaining(['Window 2: window opens after it closes', 'Amount (kg): must be ≥ 0']));
  });

  it('refuses a depot that closes before it opens or takes another depot\'s id', () => {
    const result = validateDepot({ id: 'hub', name: 'Second', lat: 45, lng: 4, open: 600, close: 500 }, scenario);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.label)).toEqual(['Id', 'Closes']);
  });

  it('reads "lat, lng" in the forms people type and says what is wrong otherwise', () => {
    expect(parseLatLng('45.52, -122.68')).toEqual({ ok: true, lat: 45.52, lng: -122.68 });
    expect(parseLatLng(' 45.52 -122.68 ')).toEqual({ ok: true, lat: 45.52, lng: -122.68 });
    expect(parseLatLng('45.52;-122.68')).toEqual({ ok: true, lat: 45.52, lng: -122.68 });
    expect(parseLatLng('-122.68, 45.52')).toMatchObject({ ok: false, message: expect.stringMatching(/outside -90…90/) });
    expect(parseLatLng('Portland')).toMatchObject({ ok: false });
    expect(parseLatLng('45.5, abc')).toMatchObject({ ok: false, message: expect.stringMatching(/numbers/) });
  });

  it('says what a blank scenario needs before it can be solved', () => {
    const blank = makeBlankScenario('b', 'Blank', '2026-12-01');
    expect(solveBlocker(blank)).toMatch(/add a depot/);
    expect(solveBlocker({ ...blank, depots: scenario.depots })).toMatch(/add a vehicle/);
    expect(solveBlocker({ ...blank, depots: scenario.depots, vehicles: scenario.vehicles })).toMatch(/no orders/);
    expect(solveBlocker(scenario)).toBeNull();
  });
});

describe('no capacity limit in a unit', () => {
  it('is never a capacity violation for the checker, however much is loaded', () => {
    const base = makeMiniScenario({ plan: makeMiniPlan() });
    const heavy = { ...base, orders: base.orders.map((o) => ({ ...o, amounts: [100_000, 1] })) };
    const limited = checkSolution(heavy, base.plan!.solution);
    expect(limited.violations.some((v) => v.rule === 'capacity')).toBe(true);
    const unlimited = { ...heavy, vehicles: heavy.vehicles.map((v) => ({ ...v, capacity: [null, v.capacity[1]] })) };
    expect(checkSolution(unlimited, base.plan!.solution).violations.some((v) => v.rule === 'capacity')).toBe(false);
  });

  it('is sent to the solver as the largest Int32, and a huge capacity never wraps around', () => {
    expect(scaledCapacity(null)).toBe(2_147_483_647);
    expect(scaledCapacity(Number.MAX_SAFE_INTEGER)).toBe(2_147_483_647);
    expect(scaledCapacity(12.5)).toBe(1250);
  });
});
