// The portfolio coordinator (web/src/solver/portfolio.ts): fake workers for the exchange and cancel
// rules, and real WASM instances (in-process solver APIs, each with its own instance) for the plans.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSolverApi } from '../../../workers/solver-api';
import { checkSolution } from '../../../web/src/domain/check';
import { validateScenario } from '../../../web/src/domain/validate';
import type { Scenario } from '../../../web/src/domain/scenario';
import { runPortfolio, type PortfolioWorker } from '../../../web/src/solver/portfolio';
import { workersFor } from '../../../web/src/solver/client';
import { makeEpochExchange } from '../../../web/src/solver/epoch-exchange';
import type { EpochReport, SolveRequest, SolveResult } from '../../../workers/protocol';
import { loadSolverModule } from '../../helpers/load-solver';
import { encode } from '../../../workers/encode';
import { instantiateSolver } from '../../../workers/wasm';

const demo = (): Scenario => {
  const result = validateScenario(JSON.parse(readFileSync(new URL('../../../public/demo-scenario.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('demo scenario invalid');
  return result.scenario;
};

/** An in-process worker: its own solver API, so its own WASM instance per solve. */
function realWorker(): PortfolioWorker & { results: SolveResult[]; epochs: { objective: number; restarted: boolean }[] } {
  const api = createSolverApi(() => loadSolverModule('debug'));
  const results: SolveResult[] = [];
  const epochs: { objective: number; restarted: boolean }[] = [];
  return {
    results,
    epochs,
    solve: async (request, onProgress, onEpoch) => {
      const result = await api.solve(request, onProgress, async (r) => {
        const reply = await onEpoch(r);
        epochs.push({ objective: r.objective, restarted: reply !== null });
        return reply;
      });
      results.push(result);
      return result;
    },
    cancel: (runId) => api.cancel(runId),
  };
}

const routesOf = (r: SolveResult) => r.solution.routes.map((route) => [route.vehicleId, route.steps.map((s) => s.id)]);
const report = (worker: number, epoch: number, objective: number): EpochReport =>
  ({ worker, epoch, objective, routeOffsets: Int32Array.of(0, 1), visits: Int32Array.of(worker + 1) });

describe('epoch exchange', () => {
  it('with a barrier, answers only once every running worker has reported, restarting the clearly worse from the best', async () => {
    const exchange = makeEpochExchange(3, 10, true);
    const answers: (string | null)[] = [];
    const send = (r: EpochReport) => exchange.report(r).then((reply) => { answers[r.worker] = reply ? `${reply.visits[0]}@${reply.seed}` : null; });
    const early = [send(report(2, 0, 120)), send(report(0, 0, 100))];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answers).toEqual([]);
    await Promise.all([...early, send(report(1, 0, 100.1))]);
    // Worker 0 is best (visits [1]); worker 2 is 20 % worse and restarts with seed 10 + 2 + 3·1; worker 1 is within the gap.
    expect(answers).toEqual([null, null, '1@15']);
  });

  it('a worker slightly behind restarts from the best only once it stops improving on its own', async () => {
    const exchange = makeEpochExchange(2, 1, false);
    const at = async (r: EpochReport) => (await exchange.report(r)) !== null;
    expect(await at(report(0, 0, 100))).toBe(false);
    expect(await at(report(1, 0, 100.05))).toBe(false);
    expect(await at(report(1, 1, 100.04))).toBe(false);
    expect(await at(report(1, 2, 100.04))).toBe(true);
  });

  it('a finished worker no longer holds a barrier; release lets waiting workers go on', async () => {
    const exchange = makeEpochExchange(2, 1, true);
    const first = exchange.report(report(0, 0, 50));
    exchange.finished(1);
    expect(await first).toBeNull();
    const second = makeEpochExchange(2, 1, true);
    const waiting = second.report(report(1, 3, 90));
    second.release();
    expect(await waiting).toBeNull();
  });

  it('without a barrier, answers at once against the best plan reported so far', async () => {
    const exchange = makeEpochExchange(2, 1, false);
    expect(await exchange.report(report(0, 0, 100))).toBeNull();
    const reply = await exchange.report(report(1, 0, 200));
    expect(reply && [...reply.visits]).toEqual([1]);
  });
});

describe('runPortfolio with fake workers', () => {
  /** A worker that runs until cancelled, then returns a plan with the given objective. */
  function slowWorker(objective: number): PortfolioWorker & { requests: SolveRequest[] } {
    let stop: () => void = () => {};
    const requests: SolveRequest[] = [];
    return {
      requests,
      solve: (request) => {
        requests.push(request);
        return new Promise((resolve) => {
          stop = () => resolve({ runId: request.runId, objective, stopReason: 'cancelled', solution: { stats: { seed: request.options.seed } } as SolveResult['solution'] });
        });
      },
      cancel: () => stop(),
    };
  }

  it('cancel with several workers resolves with the best plan of all of them', async () => {
    const workers = [slowWorker(300), slowWorker(200), slowWorker(250)];
    const run = runPortfolio({ runId: 4, scenario: demo(), options: { timeLimitS: 60, seed: 7 } }, workers);
    await Promise.resolve();
    run.cancel();
    const result = await run.result;
    expect(result.objective).toBe(200);
    expect(result.solution.stats.seed).toBe(8);
    // Seeds seed, seed+1, …; each worker knows its index.
    expect(workers.map((w) => [w.requests[0].options.seed, w.requests[0].member?.worker])).toEqual([[7, 0], [8, 1], [9, 2]]);
  });
});

describe('runPortfolio with real solver instances', () => {
  it('a worker restarting from another worker\'s best plan takes it over: same vehicles, cost no higher', async () => {
    const encoded = encode(demo(), { timeLimitS: 10, seed: 1 });
    const [from, to] = await Promise.all([instantiateSolver(await loadSolverModule('debug')), instantiateSolver(await loadSolverModule('debug'))]);
    for (const [solver, seed] of [[from, 1], [to, 2]] as const) {
      solver.load(encoded.buffers);
      solver.restart({ routeOffsets: new Int32Array(encoded.buffers.vehicleCount + 1), visits: new Int32Array(0) }, seed);
      solver.improve(30_000, 0.5);
    }
    expect(to.bestCost()).not.toBe(from.bestCost());
    const best = from.readSolution();
    const iterations = to.iterations();
    expect(iterations).toBeGreaterThan(0);
    expect(to.restart(best, 5)).toBe(0);
    // The count goes on across the restart (the solver's own starts again at each construct).
    expect(to.iterations()).toBeGreaterThanOrEqual(iterations);
    // The construction then inserts what the plan left out where it fits: never a worse plan.
    expect(to.bestCost()).toBeLessThanOrEqual(from.bestCost() + 1e-6);
    const vehicleOf = (plan: typeof best) => new Map([...plan.visits].map((node, i) => [node, plan.routeOffsets.findLastIndex((o) => o <= i)]));
    const after = vehicleOf(to.readSolution());
    for (const [node, vehicle] of vehicleOf(best)) expect(after.get(node)).toBe(vehicle);
  });

  const request = (): SolveRequest => ({ runId: 1, scenario: demo(), options: { timeLimitS: 120, seed: 3, maxMoves: 40_000, explain: false } });

  it('W = 2 with a work budget returns a checker-clean plan, the same plan twice', async () => {
    const workers = [realWorker(), realWorker()];
    const solve = async () => (await runPortfolio(request(), workers).result);
    const first = await solve();
    expect(checkSolution(demo(), first.solution).violations).toEqual([]);
    expect(first.stopReason).toBe('completed');
    // 40,000 moves in 8 epochs of 5,000: each worker reports at the 7 inner epoch ends.
    expect(workers.map((w) => w.epochs.length)).toEqual([7, 7]);
    expect(routesOf(await solve())).toEqual(routesOf(first));
  });

  it('explaining a plan after the solve gives what explaining inside it gives, announced as its own phase', async () => {
    const api = createSolverApi(() => loadSolverModule('debug'));
    const phases: string[] = [];
    const inside = await api.solve({ ...request(), options: { ...request().options, explain: true } }, (p) => phases.push(p.phase));
    expect(phases.at(-1)).toBe('explaining');
    const plain = await api.solve(request());
    expect(plain.solution.explanations).toBeUndefined();
    expect(inside.solution.explanations?.length).toBeGreaterThan(0);
    expect(await api.explain({ scenario: demo(), solution: plain.solution })).toEqual(inside.solution.explanations);
  });

  it('W = 1 is the single-worker solve: the same plan as calling the solver directly', async () => {
    const alone = await createSolverApi(() => loadSolverModule('debug')).solve(request());
    const portfolio = await runPortfolio(request(), [realWorker()]).result;
    expect(routesOf(portfolio)).toEqual(routesOf(alone));
    expect(portfolio.objective).toBe(alone.objective);
  });

  it('cancel with two workers resolves with the better of their two best plans, checked clean', async () => {
    const workers = [realWorker(), realWorker()];
    const run = runPortfolio({ runId: 2, scenario: demo(), options: { timeLimitS: 60, seed: 11 } }, workers);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    run.cancel();
    const result = await run.result;
    const own = workers.map((w) => w.results[0]);
    expect(own.map((r) => r.stopReason)).toEqual(['cancelled', 'cancelled']);
    expect(result.objective).toBe(Math.min(...own.map((r) => r.objective)));
    expect(checkSolution(demo(), result.solution).violations).toEqual([]);
  });
});

describe('workersFor', () => {
  const sized = (orders: number, supplied = false) =>
    ({ orders: new Array(orders), depots: [{}], travelMatrices: supplied ? { driving: {} } : undefined }) as unknown as Parameters<typeof workersFor>[0];

  it('gives a scenario the workers asked for while stored matrices fit in 2 GiB, and at least one', () => {
    expect(workersFor(sized(200), 7)).toBe(7);
    expect(workersFor(sized(1999), 7)).toBe(7);
    expect(workersFor(sized(200), 0)).toBe(1);
    // A supplied road matrix is stored whatever its size.
    expect(workersFor(sized(3000, true), 20)).toBe(14);
    expect(workersFor(sized(3999, true), 7)).toBe(7);
    expect(workersFor(sized(3999, true), 16)).toBe(8);
  });

  it('does not cap the built-in model above 2,000 places: its legs are computed on demand', () => {
    expect(workersFor(sized(5000), 7)).toBe(7);
    expect(workersFor(sized(20_000), 7)).toBe(7);
  });
});
