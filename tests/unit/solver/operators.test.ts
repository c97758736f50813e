// Property tests: every operator's evaluate* equals the cost change a plain-JS
// recomputation of the moved routes gives, and apply* produces exactly those
// routes with exact incremental costs, over many random instances and seeds.
import { describe, expect, it } from 'vitest';
import type { ProblemBuffers } from '../../../workers/protocol';
import { checkOperators } from '../../helpers/operator-moves';

describe('operators (property)', () => {
  it('evaluate equals the recomputed cost change and apply yields those routes, distance-only costs', async () => {
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) total += (await checkOperators(seed, { durationCost: false })).checked;
    expect(total).toBeGreaterThan(10000);
  });

  it('with pickups, forbidden vehicles, locked stops and route limits: evaluate agrees with the reference', async () => {
    let checked = 0; let applied = 0;
    for (let seed = 201; seed <= 240; seed++) {
      const result = await checkOperators(seed, { durationCost: seed % 2 === 0, rich: true });
      checked += result.checked; applied += result.applied;
    }
    expect(checked).toBeGreaterThan(10000);
    expect(applied).toBeGreaterThan(60);
  });

  it('evaluate equals the recomputed cost change and apply yields those routes, with per-second costs', async () => {
    let applied = 0;
    for (let seed = 101; seed <= 140; seed++) applied += (await checkOperators(seed, { durationCost: true })).applied;
    expect(applied).toBeGreaterThan(100);
  });

  it('with stops pinned to one vehicle (keep-vehicle repairs): construction keeps them there, evaluate agrees with the reference', async () => {
    let checked = 0; let applied = 0;
    for (let seed = 301; seed <= 330; seed++) {
      const pin = (p: ProblemBuffers, rnd: () => number): void => {
        p.nodeVehicle = p.nodeVehicle ?? new Int32Array(p.nodeCount).fill(-1);
        for (let s = p.depotCount; s < p.nodeCount; s++) if (p.nodeVehicle[s] < 0 && rnd() < 0.5) p.nodeVehicle[s] = Math.floor(rnd() * p.vehicleCount);
      };
      const result = await checkOperators(seed, { durationCost: seed % 2 === 0, rich: seed % 3 === 0, prepare: pin });
      checked += result.checked; applied += result.applied;
    }
    expect(checked).toBeGreaterThan(10000);
    expect(applied).toBeGreaterThan(60);
  });
});
