// VROOM problems of tens of thousands of tasks or vehicles (found by tests/fuzz):
// the import neither overflows the stack nor slows down quadratically.
import { describe, expect, it } from 'vitest';
import { importVroomProblem } from '../../../web/src/io/vroom';

describe('large VROOM problems', () => {
  it('reads 40,000 jobs without overflowing the stack, naming each bad one', () => {
    const jobs = Array.from({ length: 40_000 }, () => ({ delivery: [1, 2] }));
    const read = importVroomProblem({ vehicles: [{ id: 1, start: [4.8, 45.7], end: [4.8, 45.7] }], jobs });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors).toHaveLength(40_000);
    expect(read.errors[39_999]).toEqual({ path: 'jobs[39999]', message: 'needs an integer id' });
  });

  it('gives 30,000 vehicles at distinct places their own depots in linear time (was 30,000² comparisons)', () => {
    const vehicles = Array.from({ length: 30_000 }, (_, i) => ({ id: i, start: [4.8 + i * 1e-6, 45.7], end: [4.8 + i * 1e-6, 45.7], capacity: [10] }));
    const started = performance.now();
    const read = importVroomProblem({ vehicles, jobs: [] });
    const ms = performance.now() - started;
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.scenario.depots).toHaveLength(30_000);
    expect(read.scenario.vehicles[29_999].startDepotId).toBe('depot-30000');
    // Quadratic matching took about 14 s here; linear takes about 1 s on this loaded 2-core machine.
    expect(ms).toBeLessThan(10_000);
  });
});
