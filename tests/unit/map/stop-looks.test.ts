// Looks of the stop dots (StopMarkers.tsx): while a route is active, the planned stops and pickup places of the
// other routes are faded (smaller, see-through, no ring), as their lines are; unassigned stops never are, and
// with no route active nothing is.
import { describe, expect, it } from 'vitest';
import { drawOrder, Look, lookStyle, pickupLook, riskPerStop, stopLook } from '../../../web/src/map/stop-looks';
import type { StopPoint } from '../../../web/src/map/projection';

const stop = (vehicleId: string | null, status: StopPoint['status'] = 'planned'): StopPoint => ({
  orderId: 'o1', at: [45.75, 4.85], pickup: null, status, vehicleId, sequence: 1, serviceStartS: 36_000, color: '#1f77b4',
  customerName: 'A', address: 'B', serviceLabel: 'Curbside',
} as StopPoint);

describe('stop dot looks', () => {
  it('fades the planned stops of every route but the active one, by risk otherwise', () => {
    expect(stopLook(stop('v1'), undefined, null)).toBe(Look.Planned);
    expect(stopLook(stop('v1'), 'high', null)).toBe(Look.High);
    expect(stopLook(stop('v1'), 'medium', 'v1')).toBe(Look.Medium);
    expect(stopLook(stop('v2'), 'high', 'v1')).toBe(Look.Faded);
    expect(stopLook(stop(null, 'unassigned'), undefined, 'v1')).toBe(Look.Unassigned);
    expect(pickupLook(stop('v2'), 'v1')).toBe(Look.PickupFaded);
    expect(pickupLook(stop('v1'), 'v1')).toBe(Look.Pickup);
    expect(pickupLook(stop(null, 'unassigned'), 'v1')).toBe(Look.PickupUnassigned);
  });

  it('draws a faded dot smaller, see-through and without a ring, in its route colour', () => {
    const planned = lookStyle(stop('v2'), Look.Planned);
    const faded = lookStyle(stop('v2'), Look.Faded);
    expect(faded.fillColor).toBe(planned.fillColor);
    expect(faded.radius).toBeLessThan(planned.radius);
    expect(faded.fillOpacity).toBeLessThan(planned.fillOpacity / 2);
    expect(faded.weight).toBe(0);
    expect(planned.weight).toBeGreaterThan(0);
    expect(lookStyle(stop('v2'), Look.PickupFaded).radius).toBeLessThan(lookStyle(stop('v2'), Look.Pickup).radius);
  });
});

describe('drawOrder', () => {
  it('with a route active, draws the faded stops first, so the active route and the unassigned stops lie on top', () => {
    const stops = [stop('v1'), stop('v2'), stop(null, 'unassigned'), stop('v2'), stop('v1')];
    expect(Array.from(drawOrder(stops, 'v2')!)).toEqual([0, 4, 1, 2, 3]);
    expect(Array.from(drawOrder(stops, 'v1')!)).toEqual([1, 3, 0, 2, 4]);
  });

  it('with no route active, keeps the stops in their own order', () => {
    expect(drawOrder([stop('v1'), stop('v2')], null)).toBeNull();
  });

  it('gives each stop its order\'s risk level, one lookup per planned stop, none for a stop not planned', () => {
    const stops = [{ ...stop('v1'), orderId: 'a' }, { ...stop(null, 'unassigned'), orderId: 'b' }, { ...stop('v2'), orderId: 'c' }, { ...stop('v2'), orderId: 'd' }];
    const asked: string[] = [];
    const levels: Record<string, 'low' | 'high'> = { a: 'high', b: 'low', c: 'low' };
    expect(riskPerStop(stops, (id) => { asked.push(id); return levels[id]; })).toEqual(['high', undefined, 'low', undefined]);
    expect(asked).toEqual(['a', 'c', 'd']);
  });
});
