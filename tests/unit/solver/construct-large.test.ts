// The first plan of a problem above GRANULAR_CONSTRUCT_NODES nodes skips routes that cannot take a stop or
// cannot beat its best position (construct-prune.ts): the plan must be the very plan built without those
// skips, and feasible for the independent checker.
import { describe, expect, it } from 'vitest';
import { checkSolution } from '../../../web/src/domain/check';
import { validateScenario } from '../../../web/src/domain/validate';
import { decode } from '../../../workers/decode';
import { encode } from '../../../workers/encode';
import { generateRichScenario } from '../../bench/rich-generate';
import { newSolver } from '../../helpers/load-solver';

/** solver-as/assembly/construct.ts GRANULAR_CONSTRUCT_NODES. */
const GRANULAR_CONSTRUCT_NODES = 2000;

describe('first plan of a large problem', () => {
  it('is the same plan with and without skipping routes, and feasible', async () => {
    const valid = validateScenario(generateRichScenario({ orders: 1750, seed: 3 }));
    if (!valid.ok) throw new Error('generated scenario does not validate');
    const encoded = encode(valid.scenario, { timeLimitS: 1, seed: 3 });
    expect(encoded.buffers.nodeCount).toBeGreaterThan(GRANULAR_CONSTRUCT_NODES);
    const plans = [];
    for (const pruning of [1, 0]) {
      const solver = await newSolver();
      solver.raw.testConstructPruning(pruning);
      solver.load(encoded.buffers);
      solver.construct();
      plans.push({ solver, buffers: solver.readSolution() });
    }
    const [pruned, full] = plans;
    expect(Array.from(pruned.buffers.routeOffsets)).toEqual(Array.from(full.buffers.routeOffsets));
    expect(Array.from(pruned.buffers.visits)).toEqual(Array.from(full.buffers.visits));
    expect(Array.from(pruned.buffers.unassigned)).toEqual(Array.from(full.buffers.unassigned));
    expect(Array.from(pruned.buffers.summary)).toEqual(Array.from(full.buffers.summary));
    const solution = decode(pruned.buffers, {
      scenario: valid.scenario, encoded, travel: pruned.solver.travel(), stopReason: 'completed',
      stats: { seed: 3, iterations: 0, elapsedMs: 0 },
    });
    expect(solution.routes.length).toBeGreaterThan(0);
    expect(checkSolution(valid.scenario, solution).violations).toEqual([]);
  });
});
