// The node solve behind `npm run solve -- <scenario>` and the repair benchmarks says why it stopped as the
// worker does: a used-up work budget is 'completed', a time limit 'time-limit'.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../web/src/domain/validate';
import { nodeRepairSolve } from '../../bench/repair-solve';

const demo = () => {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  return result.scenario;
};

describe('nodeRepairSolve', () => {
  it("reports a used-up move budget as 'completed', not as a time limit", async () => {
    const solution = await nodeRepairSolve('debug')(demo(), { timeLimitS: 600, seed: 1, pins: [], maxMoves: 5_000 });
    expect(solution.stopReason).toBe('completed');
    expect(solution.routes.length).toBeGreaterThan(0);
  });
});
