// The WASM matrix built from lon/lat equals the TypeScript travel model of
// web/src/domain/geo.ts bit for bit, and a supplied matrix is used as-is.
import { describe, expect, it } from 'vitest';
import { PARAM_CIRCUITY, PARAM_COUNT } from '../../../workers/protocol';
import { roadDistanceM, travelTimeS } from '../../../web/src/domain/geo';
import { newSolver } from '../../helpers/load-solver';
import { makeRandom, randomProblem } from '../../helpers/random-problem';

describe('matrix', () => {
  it('distance and every profile duration equal geo.ts on random points', async () => {
    for (const [seed, spread] of [[1, 0.2], [2, 5], [3, 120]] as const) {
      const rnd = makeRandom(seed);
      const { problem } = randomProblem(seed, { stops: 40, profiles: 3 });
      const n = problem.nodeCount;
      const lonLat = new Float64Array(2 * n);
      for (let i = 0; i < n; i++) {
        lonLat[2 * i] = Math.max(-180, Math.min(180, 13.4 + (rnd() - 0.5) * spread));
        lonLat[2 * i + 1] = Math.max(-90, Math.min(90, 52.5 + (rnd() - 0.5) * spread * 0.5));
      }
      const params = new Float64Array(PARAM_COUNT);
      params[PARAM_CIRCUITY] = 1.3;
      const speeds = Float64Array.from([8.33, 6.1, 12.5]);
      const solver = await newSolver();
      solver.load({ ...problem, distanceM: undefined, durationS: undefined, lonLat, profileSpeedMps: speeds, params });
      for (let p = 0; p < 3; p++) {
        const { distanceM, durationS } = solver.readMatrix(p);
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
          const expected = i === j ? 0 : roadDistanceM(lonLat[2 * i], lonLat[2 * i + 1], lonLat[2 * j], lonLat[2 * j + 1], 1.3);
          expect(distanceM[i * n + j]).toBe(expected);
          expect(durationS[i * n + j]).toBe(travelTimeS(expected, speeds[p]));
        }
      }
    }
  });

  it('travel computed on demand (no stored matrix) equals geo.ts and the stored matrix on many random pairs', async () => {
    const { problem } = randomProblem(4, { stops: 300, profiles: 2 });
    const n = problem.nodeCount;
    const rnd = makeRandom(4);
    const lonLat = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      // Mostly a city, some far away (other countries, across the antimeridian, near a pole).
      const spread = i % 10 === 0 ? 300 : 0.3;
      lonLat[2 * i] = Math.max(-180, Math.min(180, 4.85 + (rnd() - 0.5) * spread));
      lonLat[2 * i + 1] = Math.max(-89.9, Math.min(89.9, 45.76 + (rnd() - 0.5) * spread * 0.5));
    }
    const params = new Float64Array(PARAM_COUNT);
    params[PARAM_CIRCUITY] = 1.3;
    const speeds = Float64Array.from([7.77, 6.66]);
    const embedded = { ...problem, distanceM: undefined, durationS: undefined, lonLat, profileSpeedMps: speeds, params };
    const onDemand = await newSolver();
    onDemand.raw.setMatrixNodeLimit(0);
    onDemand.load(embedded);
    expect(onDemand.raw.matrixPtr(0, 0)).toBe(0); // nothing N × N is stored
    const stored = await newSolver();
    stored.load(embedded);
    expect(stored.raw.matrixPtr(0, 0)).not.toBe(0);
    const legs = onDemand.travel();
    const matrices = [stored.readMatrix(0), stored.readMatrix(1)];
    for (let pair = 0; pair < 20_000; pair++) {
      const i = Math.floor(rnd() * n); const j = Math.floor(rnd() * n);
      const expected = i === j ? 0 : roadDistanceM(lonLat[2 * i], lonLat[2 * i + 1], lonLat[2 * j], lonLat[2 * j + 1], 1.3);
      expect(legs.distanceM(i, j)).toBe(expected);
      expect(legs.distanceM(j, i)).toBe(expected); // symmetric: the search relies on it (two-opt reversals)
      expect(matrices[0].distanceM[i * n + j]).toBe(expected);
      for (let p = 0; p < 2; p++) {
        expect(legs.durationS(p, i, j)).toBe(travelTimeS(expected, speeds[p]));
        expect(matrices[p].durationS[i * n + j]).toBe(travelTimeS(expected, speeds[p]));
      }
    }
  });

  it('a leg outside the nodes is an error, not a read past the buffer', async () => {
    const { problem } = randomProblem(5, { stops: 5, profiles: 1 });
    const solver = await newSolver();
    solver.load(problem);
    expect(() => solver.travel().distanceM(0, problem.nodeCount)).toThrow();
    expect(() => solver.travel().durationS(1, 0, 1)).toThrow();
  });

  it('a supplied matrix is used unchanged', async () => {
    const { problem } = randomProblem(9, { stops: 12, profiles: 2 });
    const solver = await newSolver();
    solver.load(problem);
    const n = problem.nodeCount;
    for (let p = 0; p < 2; p++) {
      const { distanceM, durationS } = solver.readMatrix(p);
      expect(distanceM).toEqual(problem.distanceM);
      expect(durationS).toEqual(problem.durationS!.slice(p * n * n, (p + 1) * n * n));
    }
  });
});
