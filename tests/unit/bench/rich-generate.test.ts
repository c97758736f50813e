// The rich benchmark generator: deterministic per seed, valid, and exercising
// every rule of issue #4 at once (service types, shipments, hubs, crews, breaks, limits).
import { describe, expect, it } from 'vitest';
import { SERVICE_TYPES } from '../../../web/src/domain/scenario';
import { capabilityGap, resolveOrder } from '../../../web/src/domain/service-types';
import { validateScenario } from '../../../web/src/domain/validate';
import { fleetSize, generateRichScenario } from '../../bench/rich-generate';

describe('generateRichScenario', () => {
  const s = generateRichScenario({ orders: 200, seed: 1 });

  it('gives the identical scenario for the same seed and a different one for another seed', () => {
    expect(generateRichScenario({ orders: 200, seed: 1 })).toEqual(s);
    expect(generateRichScenario({ orders: 200, seed: 2 }).orders).not.toEqual(s.orders);
  });

  it('validates, at 200 and at 1,000 orders', () => {
    expect(validateScenario(s).ok).toBe(true);
    const big = generateRichScenario({ orders: 1000, seed: 1 });
    expect(validateScenario(big).ok).toBe(true);
    expect([big.orders.length, big.vehicles.length]).toEqual([1000, fleetSize(1000)]);
  });

  it('has orders of every service type, shipments, haul-away pickups, re-deliveries, 1–2 windows, priorities and soft lateness', () => {
    const plain = s.orders.filter((o) => !o.pickup);
    expect(new Set(plain.map((o) => o.serviceType))).toEqual(new Set(SERVICE_TYPES));
    expect(s.orders.filter((o) => o.pickup).length).toBeGreaterThan(5);
    expect(s.orders.some((o) => o.serviceType === 'haul-away' && o.pickupAmounts)).toBe(true);
    expect(s.orders.filter((o) => o.serviceType === 're-delivery').every((o) => o.failedOrderId)).toBe(true);
    expect(new Set(s.orders.map((o) => o.timeWindows.length))).toEqual(new Set([1, 2]));
    expect(new Set(s.orders.map((o) => o.priority)).size).toBeGreaterThan(5);
    expect(s.orders.some((o) => o.lateness)).toBe(true);
    expect(s.orders.some((o) => o.skills?.includes('liftgate'))).toBe(true);
  });

  it('has several hubs with opening hours and vehicles that start and end at different hubs', () => {
    expect(s.depots.length).toBe(3);
    expect(new Set(s.vehicles.map((v) => v.startDepotId)).size).toBe(3);
    expect(s.vehicles.some((v) => v.startDepotId !== v.endDepotId)).toBe(true);
    expect(s.depots.every((d) => d.open > 0 && d.close < 1440)).toBe(true);
  });

  it('has a mixed fleet: vans and box trucks, crews of 1–2 with skills, features, shifts, breaks, overtime and limits', () => {
    expect(new Set(s.vehicles.map((v) => v.type))).toEqual(new Set(['van', 'box-truck']));
    expect(s.settings.capacityUnits).toEqual(['kg', 'm3', 'items']);
    expect(new Set(s.vehicles.map((v) => v.crew!.size))).toEqual(new Set([1, 2]));
    const skills = new Set(s.vehicles.flatMap((v) => v.crew!.skills));
    expect(skills).toEqual(new Set(['white-glove', 'installer']));
    expect(s.vehicles.some((v) => v.features?.includes('liftgate'))).toBe(true);
    expect(new Set(s.vehicles.map((v) => v.shift.start)).size).toBe(3);
    expect(s.vehicles.every((v) => v.breaks?.length === 1 && v.breaks[0].timeWindows.length === 1)).toBe(true);
    expect(s.vehicles.some((v) => v.overtime)).toBe(true);
    expect(s.vehicles.every((v) => v.limits?.maxStops && v.limits.maxDistanceKm && v.limits.maxDurationMinutes)).toBe(true);
  });

  it('gives every order at least one vehicle with the crew, skills and capacity it needs', () => {
    for (const order of s.orders) {
      const needs = resolveOrder(s.settings, order);
      const able = s.vehicles.filter((v) => {
        const gap = capabilityGap(v, needs);
        const fits = v.capacity.every((c, k) => c === null || (needs.delivery[k] <= c && needs.pickup[k] <= c));
        return gap.missingSkills.length === 0 && gap.crewShort === 0 && fits;
      });
      expect(able.length, `order ${order.id}`).toBeGreaterThan(0);
    }
  });
});
