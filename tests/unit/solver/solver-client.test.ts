// The main-thread side of the solver workers (solver/client.ts): the callbacks a solve hands a worker (progress,
// epoch reports) must not keep the run alive once the solve has settled. A worker may hold its proxies of them
// until a garbage collection of its own; the client gives it relays that are cut when its solve settles, so a
// late call reaches nothing, and the run's scenario copy and plans are not kept reachable through them.
import * as Comlink from 'comlink';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { toPlanText } from '../../../web/src/domain/plan-text';
import { makeSolverClient, type CheckedProgress } from '../../../web/src/solver/client';
import type { PlanChecker } from '../../../web/src/solver/check-client';
import type { WireProgress, WireSolveRequest } from '../../../workers/protocol';
import { wireSolverApi } from '../../../workers/solver-wire';
import { PIECE_CHARS } from '../../../web/src/io/text-pieces';
import { makeMiniScenario, makeMiniSolution } from '../../fixtures/mini-scenario';

/** A solver worker that keeps the progress callback it is given, reports once through it and returns `plan`. */
function keepingWorker(kept: { progress?: (p: WireProgress) => Promise<void> }): Worker {
  const { port1, port2 } = new MessageChannel();
  const { check: _check, ...plan } = makeMiniSolution();
  Comlink.expose({
    solve: async (request: { runId: number }, onProgress: (p: WireProgress) => Promise<void>) => {
      kept.progress = onProgress;
      await onProgress({ runId: request.runId, phase: 'searching', iteration: 1, elapsedMs: 10, routeCost: 5, unassigned: 0, penalty: 0, distanceM: 1000, objective: 5 });
      return { runId: request.runId, solution: toPlanText(plan), stopReason: 'completed', objective: 5 };
    },
    cancel: () => {},
  }, port2);
  return portWorker(port1);
}

/** A stand-in for `new Worker(...)` on one end of a MessageChannel. */
function portWorker(port1: MessagePort): Worker {
  const worker = {
    postMessage: (message: unknown, transfer: Transferable[] = []) => port1.postMessage(message, transfer),
    addEventListener: (type: string, listener: EventListener) => { if (type === 'message') { port1.addEventListener('message', listener); port1.start(); } },
    removeEventListener: (type: string, listener: EventListener) => { if (type === 'message') port1.removeEventListener('message', listener); },
    terminate: () => port1.close(),
  };
  return worker as unknown as Worker;
}

/** A checker that passes every plan (its verdict is not what this file tests). */
const passing: PlanChecker = {
  forScenario: () => async () => makeMiniSolution().check,
  dispose: () => {},
};

/** A full garbage collection (V8's gc, exposed for this file). */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** A progress handler that holds a large value, and a weak reference to that value. */
function heavyHandler(seen: CheckedProgress[]) {
  const payload = { orders: Array.from({ length: 10_000 }, (_, i) => ({ id: `o${i}` })) };
  return { onProgress: (p: CheckedProgress) => { if (payload.orders.length > 0) seen.push(p); }, ref: new WeakRef(payload) };
}

describe('solver client', () => {
  it('reports during the solve reach the handler; a report through the kept callback after it does not', async () => {
    const kept: { progress?: (p: WireProgress) => Promise<void> } = {};
    const client = makeSolverClient(() => keepingWorker(kept), () => 1, passing);
    const seen: CheckedProgress[] = [];
    const solution = await client.solve(makeMiniScenario(), { timeLimitS: 1, seed: 1 }, (p) => seen.push(p));
    expect(solution.routes.map((r) => r.vehicleId)).toEqual(makeMiniSolution().routes.map((r) => r.vehicleId));
    // During the solve the report came through.
    expect(seen.map((p) => p.elapsedMs)).toEqual([10]);
    // After it, the worker's kept callback still answers, but the run's handler hears nothing.
    await kept.progress!({ runId: 1, phase: 'searching', iteration: 2, elapsedMs: 999, routeCost: 4, unassigned: 0, penalty: 0, distanceM: 1000, objective: 4 });
    expect(seen.map((p) => p.elapsedMs)).toEqual([10]);
    client.dispose();
  });

  it('once a solve has settled, nothing of the run stays reachable through the callbacks the worker keeps', async () => {
    const kept: { progress?: (p: WireProgress) => Promise<void> } = {};
    const client = makeSolverClient(() => keepingWorker(kept), () => 1, passing);
    const seen: CheckedProgress[] = [];
    let handler: ReturnType<typeof heavyHandler> | null = heavyHandler(seen);
    const ref = handler.ref;
    await client.solve(makeMiniScenario(), { timeLimitS: 1, seed: 1 }, handler.onProgress);
    handler = null;
    expect(seen).toHaveLength(1);
    // The run's last messages may still be in flight on a loaded machine (one CI run found the payload alive after a
    // single task): collect until they have landed, for up to a second. A run that keeps the payload fails anyway.
    for (let i = 0; i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      collect();
      if (ref.deref() === undefined) break;
    }
    expect(kept.progress).toBeDefined(); // the worker still holds its proxy
    expect(ref.deref()).toBeUndefined();
    client.dispose();
  });

  it("answers a worker's plan report once the plan was shown and the page settled, a figures report at once", async () => {
    const log: string[] = [];
    const { port1, port2 } = new MessageChannel();
    const { check: _check, ...plan } = makeMiniSolution();
    const figures = { runId: 1, phase: 'searching' as const, iteration: 1, elapsedMs: 10, routeCost: 5, unassigned: 0, penalty: 0, distanceM: 1000, objective: 5 };
    Comlink.expose({
      solve: async (request: { runId: number }, onProgress: (p: WireProgress) => Promise<void>) => {
        await onProgress({ ...figures, runId: request.runId });
        log.push('figures answered');
        await onProgress({ ...figures, runId: request.runId, elapsedMs: 20, plan: toPlanText(plan) });
        log.push('plan answered');
        return { runId: request.runId, solution: toPlanText(plan), stopReason: 'completed', objective: 5 };
      },
      cancel: () => {},
    }, port2);
    const page: { settle?: () => void } = {};
    const pageSettled = () => new Promise<void>((resolve) => { log.push('page drawing'); page.settle = resolve; });
    const client = makeSolverClient(() => portWorker(port1), () => 1, passing, pageSettled);
    const solved = client.solve(makeMiniScenario(), { timeLimitS: 1, seed: 1 }, (p) => log.push(p.plan ? 'plan shown' : 'figures shown'));
    while (!page.settle) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    expect(log).toEqual(['figures shown', 'figures answered', 'plan shown', 'page drawing']);
    page.settle();
    await solved;
    expect(log.slice(4)).toEqual(['plan answered']);
    client.dispose();
  });

  it('sends a large scenario text before the solve call, a group of pieces per task, and the solver reads it whole', async () => {
    const seen = { parts: [] as number[], posted: [] as unknown[], solved: [] as unknown[] };
    const { port1, port2 } = new MessageChannel();
    const { check: _check, ...plan } = makeMiniSolution();
    const wired = wireSolverApi({
      solve: async (request) => {
        seen.solved.push(request.scenario);
        return { runId: request.runId, solution: plan, stopReason: 'completed', objective: 5 };
      },
      cancel: () => {},
      explain: async () => [],
      computeRisk: async () => { throw new Error('not used'); },
      computeRiskReport: async () => { throw new Error('not used'); },
    });
    Comlink.expose({
      ...wired,
      textPart: (key: number, parts: string[]) => { seen.parts.push(parts.reduce((n, p) => n + p.length, 0)); wired.textPart(key, parts); },
      solve: (request: WireSolveRequest, ...rest: [never?, never?]) => { seen.posted.push(request.scenario); return wired.solve(request, ...rest); },
    }, port2);
    const client = makeSolverClient(() => portWorker(port1), () => 1, passing);
    const scenario = makeMiniScenario();
    // Over two pieces' worth of text (the scenario with a long name).
    const input = JSON.stringify({ ...scenario, name: 'x'.repeat(2 * PIECE_CHARS + 10), plan: null });
    await client.solve(scenario, { timeLimitS: 1, seed: 1 }, undefined, undefined, input);
    expect(seen.parts).toEqual([PIECE_CHARS, PIECE_CHARS, input.length - 2 * PIECE_CHARS]);
    expect(seen.posted).toEqual([{ textKey: 1 }]);
    expect(seen.solved).toEqual([input]);
    // A small one goes in the call.
    const small = JSON.stringify({ ...scenario, plan: null });
    await client.solve(scenario, { timeLimitS: 1, seed: 1 }, undefined, undefined, small);
    expect(seen.posted.at(-1)).toBe(small);
    expect(seen.parts).toHaveLength(3);
    // Pieces as the store wrote them (never joined on the page): posted in groups, read whole by the solver.
    const cut = [input.slice(0, 1000), input.slice(1000, PIECE_CHARS + 5), input.slice(PIECE_CHARS + 5)];
    await client.solve(scenario, { timeLimitS: 1, seed: 1 }, undefined, undefined, cut);
    expect(seen.parts.slice(3)).toEqual([PIECE_CHARS, PIECE_CHARS, input.length - 2 * PIECE_CHARS]);
    expect(seen.posted.at(-1)).toEqual({ textKey: expect.any(Number) });
    expect(seen.solved.at(-1)).toBe(input);
    client.dispose();
  });
});
