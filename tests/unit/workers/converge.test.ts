// The worker loop stops when the search has converged, not at the time limit:
// a small plan is done after a bounded amount of work whatever the limit.
import { describe, expect, it } from 'vitest';
import { createSolverApi } from '../../../workers/solver-api';
import { checkSolution } from '../../../web/src/domain/check';
import { loadSolverModule } from '../../helpers/load-solver';
import { smallScenario } from '../../fixtures/small-scenario';

describe('solve stops when converged', () => {
  it('returns a 5-order plan with stopReason converged after a bounded number of iterations under a 30 s limit', async () => {
    const api = createSolverApi(() => loadSolverModule('debug'));
    const scenario = smallScenario();
    const result = await api.solve({ runId: 1, scenario, options: { timeLimitS: 30, seed: 1 } });
    expect(result.stopReason).toBe('converged');
    expect(result.solution.stopReason).toBe('converged');
    // Patience for 5 stops is 2,000 ruin-and-recreate steps after the last better plan; running to a
    // 30 s limit would take hundreds of thousands.
    expect(result.solution.stats.iterations).toBeGreaterThanOrEqual(2000);
    expect(result.solution.stats.iterations).toBeLessThan(20_000);
    expect(checkSolution(scenario, result.solution).violations).toEqual([]);
    expect(result.solution.unassigned).toEqual([]);
  });
});
