// Robust planning (issue #14): the quantile factors grow with the target, 0 % loads
// exactly the plain encoding, higher targets never shorten a duration, and a
// robust plan is checker-clean with the mean times and at least as punctual.
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import { quantileFactor, robustFactors, typicalPrefix, type RobustRule } from '../../../web/src/domain/risk/robust';
import type { Scenario } from '../../../web/src/domain/scenario';
import { resolveVariability } from '../../../web/src/domain/variability';
import { encode } from '../../../workers/encode';
import type { ProblemBuffers } from '../../../workers/protocol';
import { loadSolve } from '../../../workers/robust';
import { createSolverApi } from '../../../workers/solver-api';
import type { SolverInstance } from '../../../workers/wasm';
import { generateRichScenario } from '../../bench/rich-generate';
import { loadSolverModule, newSolver } from '../../helpers/load-solver';
import { ruleOrder, rulesScenario } from '../../fixtures/rules-scenario';

const withTarget = (s: Scenario, target?: number): Scenario => ({ ...s, settings: { ...s.settings, onTimeTarget: target } });

/** Loads the problem of `scenario` as a solve would and returns the buffers the searching instance got. */
async function loadedBuffers(scenario: Scenario, rule?: RobustRule): Promise<ProblemBuffers> {
  let last: ProblemBuffers | undefined;
  const spy = async (): Promise<SolverInstance> => {
    const real = await newSolver('debug');
    return { ...real, load: (p: ProblemBuffers) => { last = p; real.load(p); } };
  };
  const encoded = encode(scenario, { timeLimitS: 1, seed: 1 });
  await loadSolve(spy, scenario, encoded, rule);
  return last!;
}

describe('robust factors', () => {
  const variability = resolveVariability({} as Scenario['settings']);

  it('grow with the target and the CV, are 1 without variation, and off at 0 %', () => {
    expect(quantileFactor(0.9, 0)).toBe(1);
    expect(quantileFactor(0.8, 0.25)).toBeLessThan(quantileFactor(0.9, 0.25));
    expect(quantileFactor(0.9, 0.25)).toBeLessThan(quantileFactor(0.95, 0.25));
    expect(quantileFactor(0.9, 0.1)).toBeLessThan(quantileFactor(0.9, 0.25));
    expect(robustFactors(0, variability, 5)).toBeNull();
    expect(robustFactors(undefined, variability, 5)).toBeNull();
    const [a, b, c] = [80, 90, 95].map((t) => robustFactors(t, variability, 5)!);
    expect(a.travel).toBeGreaterThan(1);
    expect(a.travel).toBeLessThan(b.travel);
    expect(b.travel).toBeLessThan(c.travel);
    expect(a.service.curbside).toBeLessThan(b.service.curbside);
  });

  it('the per-leg rule is the most conservative; the prefix rule shrinks the CV by the typical prefix', () => {
    const leg = robustFactors(90, variability, 9, 'leg')!;
    const prefix = robustFactors(90, variability, 9, 'prefix')!;
    expect(prefix.travel).toBeCloseTo(quantileFactor(0.9, variability.travelCv / 3), 12);
    expect(leg.travel).toBeGreaterThan(prefix.travel);
    expect(robustFactors(90, variability, 9, 'prefix-travel')!.service.curbside).toBe(1);
    expect(typicalPrefix({ orders: new Array(40).fill({}), vehicles: new Array(4).fill({}) })).toBe(5);
  });
});

describe('robust loading', () => {
  const scenario = generateRichScenario({ orders: 40, seed: 3 });

  it('0 % (and no target) loads the plain encoding, byte for byte', async () => {
    const plain = encode(scenario, { timeLimitS: 1, seed: 1 }).buffers;
    for (const target of [undefined, 0]) {
      const loaded = await loadedBuffers(withTarget(scenario, target));
      expect(Object.keys(loaded).sort()).toEqual(Object.keys(plain).sort());
      for (const key of Object.keys(plain) as (keyof ProblemBuffers)[]) {
        const [x, y] = [plain[key], loaded[key]];
        if (ArrayBuffer.isView(x)) expect(Buffer.from((y as Int32Array).buffer).equals(Buffer.from((x as Int32Array).buffer)), key).toBe(true);
        else expect(y, key).toEqual(x);
      }
    }
  });

  it('inflates durations and services monotonically in the target; distances and windows stay', async () => {
    const plain = encode(scenario, { timeLimitS: 1, seed: 1 }).buffers;
    // The legs the solver plans with: the robust instance's own matrix (built from the slowed speeds).
    const plannedWith = async (target: number) => {
      const { instance } = await loadSolve(() => newSolver('debug'), withTarget(scenario, target), encode(withTarget(scenario, target), { timeLimitS: 1, seed: 1 }));
      return { matrix: instance.readMatrix(0), buffers: await loadedBuffers(withTarget(scenario, target)) };
    };
    const [b80, b90, b95] = await Promise.all([80, 90, 95].map(plannedWith));
    const mean = await newSolver('debug');
    mean.load(plain);
    const meanDurations = mean.readMatrix(0).durationS;
    expect(b80.matrix.distanceM).toEqual(mean.readMatrix(0).distanceM);
    expect(b80.buffers.twOpenS).toEqual(plain.twOpenS);
    const longer = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).every((x, i) => x >= b[i]);
    expect(longer(b80.matrix.durationS, meanDurations)).toBe(true);
    expect(longer(b90.matrix.durationS, b80.matrix.durationS)).toBe(true);
    expect(longer(b95.matrix.durationS, b90.matrix.durationS)).toBe(true);
    expect(longer(b80.buffers.serviceS, plain.serviceS) && longer(b95.buffers.serviceS, b90.buffers.serviceS)).toBe(true);
    expect(Array.from(b90.matrix.durationS).some((x, i) => x > b80.matrix.durationS[i])).toBe(true);
  });
});

describe('robust solve (fixed move budget)', () => {
  const api = createSolverApi(() => loadSolverModule('debug'));
  // An ample fleet (the rich set's vehicles twice over): every order fits at either target, so the
  // robust plan can buy its slack with routes and must be at least as punctual.
  const rich = generateRichScenario({ orders: 40, seed: 2 });
  const scenario = { ...rich, vehicles: [...rich.vehicles, ...rich.vehicles.map((v) => ({ ...v, id: `${v.id}-b`, name: `${v.name} B` }))] };
  const options = { timeLimitS: 3600, seed: 2, maxMoves: 20000, explain: false };
  const onTime = async (s: Scenario) => {
    const { solution } = await api.solve({ runId: 1, scenario: s, options });
    const risk = await api.computeRisk({ scenario: s, plan: solution, options: { samples: 2000, seed: 5 } });
    return { solution, share: risk.stops.reduce((a, x) => a + x.pOnTime, 0) / risk.stops.length, stops: risk.stops.length };
  };

  it('at 90 % the plan is checker-clean with the mean times, and at least as punctual as at 0 %', async () => {
    const base = await onTime(withTarget(scenario, 0));
    const robust = await onTime(withTarget(scenario, 90));
    expect(checkSolution(withTarget(scenario, 90), robust.solution).violations).toEqual([]);
    expect(checkSolution(scenario, base.solution).violations).toEqual([]);
    expect([base.solution.unassigned.length, robust.solution.unassigned.length]).toEqual([0, 0]);
    expect(robust.stops).toBe(base.stops);
    expect(robust.share).toBeGreaterThanOrEqual(base.share);
  });
});

describe('robust solve with a supplied travel matrix', () => {
  it('plans with longer legs but shows and checks the matrix\'s own times, each service as early as its window allows', async () => {
    const s = rulesScenario();
    s.settings.onTimeTarget = 95;
    s.orders = [ruleOrder('A', 45.76, 4.84, { matrixIndex: 1 })];
    s.depots[0].matrixIndex = 0;
    s.travelMatrices = { van: { durationsS: [[0, 600], [900, 0]], distancesM: [[0, 5000], [7000, 0]] } };
    const api = createSolverApi(() => loadSolverModule('debug'));
    const { solution } = await api.solve({ runId: 1, scenario: s, options: { timeLimitS: 3600, seed: 1, maxMoves: 2000, explain: false } });
    const [start, stop, end] = solution.routes[0].steps;
    expect(stop.arrivalS - start.departureS).toBe(600);
    expect(stop.waitS).toBe(0);
    expect(end.arrivalS - stop.departureS).toBe(900);
    expect(solution.routes[0].distanceM).toBe(12_000);
    expect(checkSolution(s, solution).violations).toEqual([]);
  });
});

describe('robust solve progress', () => {
  it('reports the route cost at the mean times, as the finished plan\'s (the solver\'s own prices longer times)', async () => {
    const s = withTarget(generateRichScenario({ orders: 40, seed: 3 }), 90);
    const api = createSolverApi(() => loadSolverModule('debug'));
    const seen: number[] = [];
    // One chunk of work: the only progress message of the search describes the final plan (the phases before it carry no figures).
    const { solution } = await api.solve({ runId: 1, scenario: s, options: { timeLimitS: 3600, seed: 1, maxMoves: 200, explain: false } }, (p) => { if (p.phase === 'searching') seen.push(p.routeCost); });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeCloseTo(solution.summary.cost, 6);
  });
});
