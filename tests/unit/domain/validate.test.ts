import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateScenario } from '../../../web/src/domain/validate';
import { smallScenario } from '../../fixtures/small-scenario';

const issuesOf = (data: unknown) => {
  const r = validateScenario(data);
  return r.ok ? [] : r.issues;
};

describe('validateScenario', () => {
  it('accepts the small fixture and the shipped demo scenario', () => {
    expect(validateScenario(smallScenario()).ok).toBe(true);
    const demo = JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8'));
    const result = validateScenario(demo);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.scenario.orders.length).toBeGreaterThanOrEqual(75);
      expect(new Set(result.scenario.vehicles.map((v) => v.type)).size).toBe(2);
      expect(new Set(result.scenario.orders.map((o) => o.serviceType)).size).toBeGreaterThanOrEqual(5);
    }
  });

  // `npm run fuzz`, scenario file, seed 1636053007: a record key holding a colon read as the end of the path.
  it('quotes a record key that is no plain word, so the path reads as one', () => {
    const s = smallScenario() as unknown as { settings: { speedKmh: Record<string, unknown> } };
    s.settings.speedKmh = { 'cargo-bike': 0, 'a: b': 'fast' };
    expect(issuesOf(s).map((i) => i.path)).toEqual(['settings.speedKmh.cargo-bike', 'settings.speedKmh["a: b"]']);
  });

  it('names the order and field of a bad latitude', () => {
    const s = smallScenario();
    s.orders[3].lat = 123;
    expect(issuesOf(s)).toEqual([{ path: "orders[3] (order 'D').lat", message: 'latitude must be ≤ 90' }]);
  });

  it('names the vehicle of an inverted shift window', () => {
    const s = smallScenario();
    s.vehicles[1].shift = { start: 900, end: 600 };
    expect(issuesOf(s)).toEqual([{ path: "vehicles[1] (vehicle 'v2').shift", message: 'window opens after it closes' }]);
  });

  it('rejects unknown service types, missing ids and non-integer minutes', () => {
    const s = smallScenario() as unknown as { orders: Record<string, unknown>[] };
    s.orders[0].serviceType = 'teleport';
    s.orders[1].id = '';
    s.orders[2].serviceMinutes = 2.5;
    const paths = issuesOf(s).map((i) => i.path);
    expect(paths).toEqual(["orders[0] (order 'A').serviceType", 'orders[1] (order #2).id', "orders[2] (order 'C').serviceMinutes"]);
  });

  it('checks references: depots, capacity arity, duplicate ids', () => {
    const s = smallScenario();
    s.vehicles[0].startDepotId = 'nowhere';
    s.vehicles[1].capacity = [100];
    s.orders[4].id = 'A';
    const messages = issuesOf(s).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual([
      "orders[4] (order 'A').id: id is used twice",
      "vehicles[0] (vehicle 'v1').startDepotId: unknown depot 'nowhere'",
      "vehicles[1] (vehicle 'v2').capacity: needs 2 values, one per capacity unit (kg, items)",
    ]);
  });

  it('rejects data that is not a scenario at all, or of another version', () => {
    expect(validateScenario(null).ok).toBe(false);
    expect(issuesOf({ ...smallScenario(), version: 99 })[0].path).toBe('version');
  });
});
