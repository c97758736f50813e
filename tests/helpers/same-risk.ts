// The WASM risk estimate equals the JS reference (issue #14): same stops, same
// counts, percentiles to rounding.
import { expect } from 'vitest';
import type { PlanRisk } from '../../web/src/domain/risk/risk-types';

/** Asserts that `b` has the figures of `a` (percentiles within 1e-9 s). */
export function expectSameRisk(a: PlanRisk, b: PlanRisk): void {
  expect(b.stops.map((s) => [s.orderId, s.vehicleId, s.pOnTime])).toEqual(a.stops.map((s) => [s.orderId, s.vehicleId, s.pOnTime]));
  expect(b.routes).toEqual(a.routes);
  a.stops.forEach((s, i) => {
    for (const key of ['startP10S', 'startP50S', 'startP90S'] as const) expect(Math.abs(b.stops[i][key] - s[key])).toBeLessThanOrEqual(1e-9);
  });
  expect(Math.abs(b.expectedLateStops - a.expectedLateStops)).toBeLessThanOrEqual(1e-9);
}
