// A plan's risk as it crosses from the risk worker (issue #15): the stops as columns, then objects again on
// the page, with the very numbers and fields the estimate had (a job's stop has no `side` key at all).
import { describe, expect, it } from 'vitest';
import type { PlanRisk, StopRisk } from '../../../../web/src/domain/risk/risk-types';
import { reportFromWire, reportToWire, riskFromWire, riskToWire } from '../../../../web/src/domain/risk/risk-wire';

function planRisk(): PlanRisk {
  const stops: StopRisk[] = [
    { orderId: 'o1', vehicleId: 'van 1', pOnTime: 1, startP10S: 28_800, startP50S: 29_100.5, startP90S: 29_400.25 },
    { orderId: 'ship-7', side: 'pickup', vehicleId: 'van 1', pOnTime: 1 / 3, startP10S: 30_000.123456789, startP50S: 30_001, startP90S: 31_000 },
    { orderId: 'ship-7', side: 'delivery', vehicleId: 'van 1', pOnTime: 0, startP10S: Number.MIN_VALUE, startP50S: 0.1 + 0.2, startP90S: 86_399.99999999999 },
    { orderId: 'Café «Nord» \u0000 ✓', vehicleId: 'truck\u00002', pOnTime: 0.9995, startP10S: -0, startP50S: 1e-300, startP90S: 1e300 },
    { orderId: 'o1', vehicleId: 'van 3', pOnTime: 0.5, startP10S: 3, startP50S: 2, startP90S: 1 },
  ];
  return {
    stops,
    routes: [{ vehicleId: 'van 1', pAllOnTime: 0.25, pShiftOk: 1 }, { vehicleId: 'truck\u00002', pAllOnTime: 0.9995, pShiftOk: 0.5 }],
    expectedLateStops: stops.reduce((n, s) => n + 1 - s.pOnTime, 0),
    samples: 2000,
    seed: 7,
  };
}

describe('risk on the wire', () => {
  it('gives back every stop with the same fields and numbers, through a structured clone as a worker posts it', () => {
    const risk = planRisk();
    const wire = structuredClone(riskToWire(risk));
    const back = riskFromWire(wire);
    expect(back).toEqual(risk);
    back.stops.forEach((s, i) => {
      expect(Object.keys(s)).toEqual(Object.keys(risk.stops[i]));
      for (const k of ['pOnTime', 'startP10S', 'startP50S', 'startP90S'] as const) expect(Object.is(s[k], risk.stops[i][k])).toBe(true);
    });
    expect('side' in back.stops[0]).toBe(false);
  });

  it('sends the stops as columns: one id array, the vehicles once each, numbers in typed arrays', () => {
    const wire = riskToWire(planRisk());
    expect(wire.stops.orderIds).toHaveLength(5);
    expect(wire.stops.vehicleIds).toEqual(['van 1', 'truck\u00002', 'van 3']);
    expect([...wire.stops.vehicleOf]).toEqual([0, 0, 0, 1, 2]);
    expect([...wire.stops.sides]).toEqual([0, 1, 2, 0, 0]);
    expect(wire.stops.startP90S).toBeInstanceOf(Float64Array);
  });

  it('carries a report\'s weakest promises as they are, and an estimate of no stops', () => {
    const report = { risk: planRisk(), weakest: [{ orderId: 'ship-7', vehicleId: 'van 1', pOnTime: 0, startP50S: 0.3, reason: 'long-leg' as const, why: 'long leg: 40 min from the previous stop, 2 min of slack' }] };
    expect(reportFromWire(structuredClone(reportToWire(report)))).toEqual(report);
    const none: PlanRisk = { stops: [], routes: [], expectedLateStops: 0, samples: 1, seed: 1 };
    expect(riskFromWire(structuredClone(riskToWire(none)))).toEqual(none);
  });
});
