// The search loop logs how to replay a solver abort: every improve(moves, progress) call in order, so an
// abort seen once under the clock's pacing can be run again on a fresh instance with the same seed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { namedError, SOLVER_ERROR, Status } from '../../../workers/protocol';
import { searchLoop } from '../../../workers/search-loop';
import type { SolverInstance } from '../../../workers/wasm';

/** An instance whose improve answers Running until call `failAt` (1-based), which throws `error`. */
function failing(failAt: number, error: Error) {
  const seen: [number, number][] = [];
  const instance = {
    improve(moves: number, progress = -1) {
      seen.push([moves, progress]);
      if (seen.length === failAt) throw error;
      return Status.Running;
    },
  } as unknown as SolverInstance;
  return { instance, seen };
}

afterEach(() => { vi.restoreAllMocks(); });

describe('searchLoop', () => {
  it('logs every improve call before a solver abort, and rethrows it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const abort = namedError(SOLVER_ERROR, 'solver: a route became infeasible');
    const { instance, seen } = failing(3, abort);
    await expect(searchLoop(instance, { startedMs: performance.now(), limitMs: 60_000, maxMoves: 1000 }, { isCancelled: () => false })).rejects.toBe(abort);
    expect(seen).toEqual([[200, 0], [200, 0.2], [200, 0.4]]);
    expect(logged).toHaveBeenCalledTimes(1);
    const line = String(logged.mock.calls[0][0]);
    expect(line).toContain('a route became infeasible');
    expect(JSON.parse(line.slice(line.indexOf('replay: ') + 'replay: '.length))).toEqual(seen.flat());
  });

  it('logs nothing for other errors', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { instance } = failing(2, new Error('something else'));
    await expect(searchLoop(instance, { startedMs: performance.now(), limitMs: 60_000, maxMoves: 1000 }, { isCancelled: () => false })).rejects.toThrow('something else');
    expect(logged).not.toHaveBeenCalled();
  });
});
