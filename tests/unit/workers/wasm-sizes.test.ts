// Problem sizes whose supplied travel matrix cannot fit in WASM memory (found by
// tests/fuzz): a named InputError before anything crosses the boundary, not a
// trap inside ("Invalid length", or an index error after N·N overflowed i32).
// The embedded model stores no matrix above 2,000 nodes, so such sizes load, up to the solver's limit of
// places per solve (MAX_SOLVER_NODES).
import { describe, expect, it } from 'vitest';
import { encode } from '../../../workers/encode';
import type { ProblemBuffers } from '../../../workers/protocol';
import { MAX_SOLVER_NODES } from '../../../workers/validate-buffers';
import { makeMiniScenario } from '../../fixtures/mini-scenario';
import { newSolver } from '../../helpers/load-solver';

/** A consistent problem of `nodes` nodes: one depot, one vehicle, no capacity units. */
function sized(nodes: number): ProblemBuffers {
  const base = encode(makeMiniScenario(), { seed: 1, timeLimitS: 1 }).buffers;
  return {
    ...base, nodeCount: nodes, depotCount: 1, vehicleCount: 1, dims: 0, profileCount: 1, windowCount: 1,
    lonLat: new Float64Array(2 * nodes).map((_, i) => (i % 2 === 0 ? 4.8 : 45.7)), demand: new Int32Array(0), serviceS: new Int32Array(nodes),
    twOpenS: new Int32Array(nodes), twCloseS: new Int32Array(nodes).fill(86_400), unassignedPenalty: new Float64Array(nodes).fill(1),
    vehicleStart: new Int32Array(1), vehicleEnd: new Int32Array(1), capacity: new Int32Array(0), shiftStartS: new Int32Array(1),
    shiftEndS: new Int32Array([86_400]), vehicleProfile: new Int32Array(1), vehicleFixedCost: new Float64Array(1),
    vehicleCostPerM: new Float64Array(1), vehicleCostPerS: new Float64Array(1), profileSpeedMps: new Float64Array([8]),
    pickup: undefined, forbidden: undefined, lockSeq: undefined, maxStops: undefined, maxDistanceM: undefined, maxDurationS: undefined,
    maxDrivingS: undefined, nodeFlags: undefined, pair: undefined, nodeVehicle: undefined, windowCost: undefined, overtimeMaxS: undefined, overtimeCostPerS: undefined,
  };
}

describe('problem sizes the solver memory cannot hold', () => {
  it.each([46_341, 70_000, 2 ** 20])('rejects %i nodes with a supplied matrix as an InputError naming nodeCount, and the instance still solves', async (nodes) => {
    const solver = await newSolver();
    let error: unknown = null;
    try {
      // Refused on the size alone, before the (here empty) matrices' lengths are read.
      solver.load({ ...sized(nodes), distanceM: new Int32Array(0), durationS: new Int32Array(0) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ name: 'InputError', message: expect.stringMatching(/^nodeCount: \d+ nodes need 2 travel matrices .* at most 16384 nodes with 1 profile/) });
    solver.load(sized(5));
    solver.construct();
    solver.improve(100);
    expect([...solver.readSolution().visits].sort()).toEqual([1, 2, 3, 4]);
  });

  it('loads 25,000 nodes on the embedded model (travel on demand, all at one address) in little memory', async () => {
    const solver = await newSolver();
    solver.load(sized(MAX_SOLVER_NODES));
    // A stored distance matrix alone would be 25,000² × 4 B = 2.3 GiB.
    expect(solver.memoryBytes()).toBeLessThan(256 * 2 ** 20);
    expect(solver.travel().distanceM(1, MAX_SOLVER_NODES - 1)).toBe(0);
  });

  it.each([MAX_SOLVER_NODES + 1, 46_341, 2 ** 20])('refuses %i nodes on the embedded model as an InputError naming nodeCount and the limit', async (nodes) => {
    const solver = await newSolver();
    let error: unknown = null;
    try {
      solver.load(sized(nodes));
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ name: 'InputError', message: expect.stringMatching(new RegExp(`^nodeCount: ${nodes} places .* \\(at most ${MAX_SOLVER_NODES}\\)`)) });
  });
});
