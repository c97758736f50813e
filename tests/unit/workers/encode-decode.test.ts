import { describe, expect, it } from 'vitest';
import { encode, AMOUNT_SCALE, SUPPLIED_MATRIX_MAX_PLACES } from '../../../workers/encode';
import { decode, type Travel } from '../../../workers/decode';
import { checkSolution } from '../../../web/src/domain/check';
import { roadDistanceM, travelTimeS } from '../../../web/src/domain/geo';
import type { SolutionBuffers } from '../../../workers/protocol';
import { smallScenario } from '../../fixtures/small-scenario';
import { buildRoute } from '../../helpers/build-route';

/** Travel from the encoded coordinates with the domain formula (stands in for the WASM matrix). */
function travelFrom(lonLat: Float64Array, speeds: Float64Array, circuity: number): Travel {
  const d = (i: number, j: number) => roadDistanceM(lonLat[2 * i], lonLat[2 * i + 1], lonLat[2 * j], lonLat[2 * j + 1], circuity);
  return { distanceM: d, durationS: (p, i, j) => travelTimeS(d(i, j), speeds[p]) };
}

describe('encode', () => {
  it('puts depots first, then orders, with ids kept in JS tables', () => {
    const s = smallScenario();
    const { buffers: b, nodeIds, vehicleIds } = encode(s, { seed: 3, timeLimitS: 1 });
    expect(nodeIds).toEqual(['hub', 'A', 'B', 'C', 'D', 'E']);
    expect(vehicleIds).toEqual(['v1', 'v2']);
    expect([b.nodeCount, b.depotCount, b.vehicleCount, b.dims]).toEqual([6, 1, 2, 2]);
    expect(Array.from(b.lonLat!.subarray(2, 4))).toEqual([4.8357, 45.764]);
    expect(Array.from(b.demand.subarray(2, 4))).toEqual([30 * AMOUNT_SCALE, 1 * AMOUNT_SCALE]);
    expect([b.twOpenS[4], b.twCloseS[4], b.serviceS[4]]).toEqual([600 * 60, 900 * 60, 20 * 60]);
    expect([b.twOpenS[0], b.twCloseS[0]]).toEqual([360 * 60, 1200 * 60]);
    expect(b.unassignedPenalty[0]).toBe(0);
    expect(b.unassignedPenalty[1]).toBeGreaterThan(0);
  });

  it('refuses a supplied road matrix over SUPPLIED_MATRIX_MAX_PLACES places with a message, before allocating it', () => {
    const s = smallScenario();
    const orders = Array.from({ length: SUPPLIED_MATRIX_MAX_PLACES }, (_, i) => ({ ...s.orders[i % s.orders.length], id: `o${i}` }));
    // The matrix content is never read: the size is refused first (a real one would be 4,001 × 4,001).
    const travelMatrices = Object.fromEntries(s.vehicles.map((v) => [v.type, { durationsS: [] as number[][] }]));
    expect(() => encode({ ...s, orders, travelMatrices }, { seed: 1, timeLimitS: 1 }))
      .toThrow(`${SUPPLIED_MATRIX_MAX_PLACES + s.depots.length} places (depots, orders, pickups) are more than a supplied road matrix may have in the browser (at most ${SUPPLIED_MATRIX_MAX_PLACES}`);
    // Without the matrix the same scenario encodes (the embedded model has no such limit).
    expect(encode({ ...s, orders }, { seed: 1, timeLimitS: 1 }).buffers.nodeCount).toBe(SUPPLIED_MATRIX_MAX_PLACES + s.depots.length);
  });

  it('gives vehicles with different speed factors different speed profiles', () => {
    const { buffers: b } = encode(smallScenario(), { seed: 1, timeLimitS: 1 });
    expect(b.profileCount).toBe(2);
    expect(Array.from(b.vehicleProfile)).toEqual([0, 1]);
    expect(b.profileSpeedMps[1]).toBeCloseTo(b.profileSpeedMps[0] / 1.2, 12);
    expect(b.vehicleCostPerM[0]).toBeCloseTo(0.5 / 1000, 12);
  });

  it('rounds amounts conservatively: demand up, capacity down', () => {
    const s = smallScenario();
    s.orders[0].amounts = [0.015, 1];
    s.vehicles[0].capacity = [99.999, 5];
    const { buffers: b } = encode(s, { seed: 1, timeLimitS: 1 });
    expect(b.demand[2]).toBe(2);
    expect(b.capacity[0]).toBe(9999);
  });
});

describe('decode', () => {
  it('rebuilds routes, steps and times that the independent checker accepts', () => {
    const s = smallScenario();
    const enc = encode(s, { seed: 1, timeLimitS: 1 });
    const expectedV1 = buildRoute(s, 'v1', ['B', 'A']);
    const expectedV2 = buildRoute(s, 'v2', ['D', 'E', 'C']);
    const buffers: SolutionBuffers = {
      routeOffsets: Int32Array.from([0, 2, 5]),
      visits: Int32Array.from([2, 1, 4, 5, 3]),
      // The solver reports each service start (arrival + wait).
      arrivalS: Int32Array.from([expectedV1, expectedV2].flatMap((r) => r.steps.filter((st) => st.type === 'job').map((st) => st.arrivalS + st.waitS))),
      routeStartS: Int32Array.from([expectedV1.steps[0].departureS, expectedV2.steps[0].departureS]),
      unassigned: new Int32Array(0),
      summary: new Float64Array(6),
    };
    const travel = travelFrom(enc.buffers.lonLat!, enc.buffers.profileSpeedMps, s.settings.circuityFactor);
    const solution = decode(buffers, { scenario: s, encoded: enc, travel, stopReason: 'completed', stats: { seed: 1, iterations: 0, elapsedMs: 0 } });
    expect(solution.routes).toEqual([expectedV1, expectedV2]);
    expect(solution.summary.routes).toBe(2);
    expect(solution.summary.distanceM).toBe(expectedV1.distanceM + expectedV2.distanceM);
    expect(checkSolution(s, solution).violations).toEqual([]);
  });

  it('lists unassigned orders by id and skips unused vehicles', () => {
    const s = smallScenario();
    const enc = encode(s, { seed: 1, timeLimitS: 1 });
    const buffers: SolutionBuffers = {
      routeOffsets: Int32Array.from([0, 0, 4]), visits: Int32Array.from([1, 2, 3, 4]), arrivalS: new Int32Array(4),
      routeStartS: Int32Array.from([0, 420 * 60]), unassigned: Int32Array.from([5]), summary: new Float64Array(6),
    };
    const travel = travelFrom(enc.buffers.lonLat!, enc.buffers.profileSpeedMps, 1.3);
    const solution = decode(buffers, { scenario: s, encoded: enc, travel, stopReason: 'cancelled', stats: { seed: 1, iterations: 0, elapsedMs: 0 } });
    expect(solution.routes.map((r) => r.vehicleId)).toEqual(['v2']);
    expect(solution.unassigned.map((u) => u.orderId)).toEqual(['E']);
    expect(solution.stopReason).toBe('cancelled');
  });
});
