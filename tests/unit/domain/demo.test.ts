// The built-in demo (public/demo-scenario.json): the committed file is exactly
// what the seeded generator writes, it is a valid scenario, and it shows the
// domain: every service type, crews with skills, a haul-away, a shipment and
// an order with two windows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES, type Scenario } from '../../../web/src/domain/scenario';
import { validateScenario } from '../../../web/src/domain/validate';
import { DEMO_PATH, buildDemoScenario, demoScenarioJson } from '../../fixtures/demo/generate-demo';

const committed = readFileSync(DEMO_PATH, 'utf8');
const demo = (): Scenario => JSON.parse(committed) as Scenario;

describe('demo scenario', () => {
  it('is the generator output (regenerate with `npx tsx tests/fixtures/demo/generate-demo.ts`)', () => {
    expect(committed).toBe(demoScenarioJson());
    expect(buildDemoScenario()).toEqual(buildDemoScenario());
  });

  it('validates as a current scenario', () => {
    const result = validateScenario(demo());
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(demo()).toMatchObject({ id: 'demo-lyon', name: 'Demo — Lyon, Saturday deliveries', plan: null });
  });

  it('has 80 LYO orders, 4 vans and 2 box trucks from one depot', () => {
    const s = demo();
    expect(s.orders).toHaveLength(80);
    expect(s.orders.every((o, i) => o.id === `LYO-${1001 + i}`)).toBe(true);
    expect(s.vehicles.map((v) => v.id)).toEqual(['van-1', 'van-2', 'van-3', 'van-4', 'truck-1', 'truck-2']);
    expect(s.depots).toHaveLength(1);
  });

  it('uses every service type', () => {
    const types = new Set(demo().orders.map((o) => o.serviceType));
    expect([...types].sort()).toEqual([...SERVICE_TYPES].sort());
  });

  it('gives every vehicle a crew; installer and white-glove crews exist; trucks have a liftgate', () => {
    const s = demo();
    expect(s.vehicles.every((v) => v.crew && v.crew.size >= 1)).toBe(true);
    const skills = new Set(s.vehicles.flatMap((v) => v.crew!.skills));
    expect(skills).toEqual(new Set(['installer', 'white-glove']));
    expect(new Set(s.vehicles.map((v) => v.crew!.size))).toEqual(new Set([1, 2]));
    expect(s.vehicles.filter((v) => v.type === 'box-truck').every((v) => v.features?.includes('liftgate'))).toBe(true);
  });

  it('has haul-aways with pickup amounts, returns and re-deliveries linked to a failed order', () => {
    const s = demo();
    const haulAways = s.orders.filter((o) => o.serviceType === 'haul-away');
    expect(haulAways.length).toBeGreaterThan(0);
    expect(haulAways.every((o) => o.pickupAmounts?.length === s.settings.capacityUnits.length && o.pickupAmounts[0] > 0)).toBe(true);
    expect(s.orders.filter((o) => o.serviceType === 'return').length).toBeGreaterThanOrEqual(2);
    expect(s.orders.filter((o) => o.serviceType === 're-delivery').every((o) => o.failedOrderId)).toBe(true);
  });

  it('has shipments collected at a place with its own window', () => {
    const shipments = demo().orders.filter((o) => o.pickup);
    expect(shipments.length).toBeGreaterThanOrEqual(2);
    for (const o of shipments) {
      expect(o.pickup!.timeWindows.length).toBeGreaterThan(0);
      expect(o.pickup!.address).toMatch(/Lyon$/);
      expect(o.pickupAmounts).toBeUndefined();
      // The goods are collected before the delivery window closes.
      expect(o.pickup!.timeWindows[0].start).toBeLessThan(o.timeWindows[0].end);
    }
  });

  it('has orders with two time windows', () => {
    expect(demo().orders.filter((o) => o.timeWindows.length === 2).length).toBeGreaterThanOrEqual(2);
  });

  it('has exactly two orders no crew can serve: a skill none has, a crew larger than any', () => {
    const s = demo();
    const offered = new Set(s.vehicles.flatMap((v) => [...v.crew!.skills, ...(v.features ?? [])]));
    const largest = Math.max(...s.vehicles.map((v) => v.crew!.size));
    const unservable = s.orders.filter((o) => (o.skills ?? []).some((k) => !offered.has(k)) || (o.crewSize ?? 0) > largest);
    const designs = unservable.map((o) => [o.serviceType, o.skills ?? null, o.crewSize ?? null]);
    expect(designs).toHaveLength(2);
    expect(designs).toEqual(expect.arrayContaining([['room-of-choice', null, 3], ['installation', ['installer', 'electrician'], null]]));
  });

  it('keeps the first order and vehicle plain enough to serve as templates for other fixtures', () => {
    const [order] = demo().orders;
    expect(order).toMatchObject({ serviceType: 'curbside' });
    expect(order.pickup ?? order.skills ?? order.pickupAmounts ?? order.crewSize).toBeUndefined();
    expect(order.timeWindows).toHaveLength(1);
  });
});
