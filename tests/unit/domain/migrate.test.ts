// Schema v1 → v2: old saved scenarios and files still open, unchanged apart
// from the version; the committed demo (v1) validates after migration.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrateScenario, newerVersionOf } from '../../../web/src/domain/migrate';
import { SCENARIO_VERSION } from '../../../web/src/domain/scenario';
import { validateScenario } from '../../../web/src/domain/validate';
import { smallScenario } from '../../fixtures/small-scenario';

const asV1 = () => ({ ...smallScenario(), version: 1 });

describe('migrateScenario', () => {
  it('stamps v1 data as v2 and keeps every v1 field as it was', () => {
    const v1 = asV1();
    const v2 = migrateScenario(v1) as Record<string, unknown>;
    expect(v2.version).toBe(SCENARIO_VERSION);
    expect({ ...v2, version: 1 }).toEqual(v1);
    expect(v1.version).toBe(1);
  });

  it('leaves current data, other types and non-objects unchanged', () => {
    const current = smallScenario();
    expect(migrateScenario(current)).toEqual(current);
    expect(migrateScenario(null)).toBeNull();
    expect(migrateScenario([1])).toEqual([1]);
    const other = { type: 'something-else', version: 1 };
    expect(migrateScenario(other)).toBe(other);
  });

  it('lets validateScenario open v1 data, including the committed v1 demo', () => {
    const result = validateScenario(asV1());
    expect(result.ok && result.scenario.version).toBe(SCENARIO_VERSION);
    const demo = JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8'));
    const opened = validateScenario(demo);
    expect(opened.ok).toBe(true);
    if (opened.ok) expect(opened.scenario.version).toBe(SCENARIO_VERSION);
  });

  it('stamps v2 data (plan included) as v3 and moves nothing', () => {
    const v2 = { ...smallScenario(), version: 2, plan: { solvedRevision: 0, solution: { routes: [] } }, pins: { orders: { a: 'v' }, routes: [] } };
    const v3 = migrateScenario(v2) as Record<string, unknown>;
    expect(v3.version).toBe(3);
    expect({ ...v3, version: 2 }).toEqual(v2);
  });

  it('recognises data of a newer build and leaves it as it is', () => {
    const newer = { ...smallScenario(), version: SCENARIO_VERSION + 1 };
    expect(newerVersionOf(newer)).toBe(SCENARIO_VERSION + 1);
    expect(newerVersionOf(smallScenario())).toBeNull();
    expect(newerVersionOf({ ...smallScenario(), version: 1 })).toBeNull();
    expect(migrateScenario(newer)).toBe(newer);
  });

  it('rejects a version newer than this build, naming the field', () => {
    const result = validateScenario({ ...smallScenario(), version: SCENARIO_VERSION + 1 });
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['version']);
  });
});

describe('validateScenario on v2 fields', () => {
  it('names the order whose pickup amounts miss a unit, and an unknown item unit', () => {
    const s = smallScenario();
    s.orders[1].pickupAmounts = [3];
    s.settings.itemUnit = 'm3';
    const result = validateScenario(s);
    expect(result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "settings.itemUnit: unknown capacity unit 'm3' (use one of: kg, items)",
      "orders[1] (order 'B').pickupAmounts: needs 2 values, one per capacity unit (kg, items)",
    ]);
  });

  it('names the vehicle of a duplicate break id and a place outside the travel matrix', () => {
    const s = smallScenario();
    s.vehicles[0].breaks = [{ id: 'b', timeWindows: [{ start: 700, end: 800 }], minutes: 20 }, { id: 'b', timeWindows: [{ start: 900, end: 950 }], minutes: 5 }];
    s.travelMatrices = { van: { durationsS: [[0, 1], [1, 0]] } };
    s.orders[0].matrixIndex = 5;
    const result = validateScenario(s);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
      "vehicles[0] (vehicle 'v1').breaks[1].id",
      "orders[0] (order 'A').matrixIndex",
    ]);
  });
});
