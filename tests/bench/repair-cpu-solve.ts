// Diagnostic-only solve (tests/bench/repair-diagnose.ts): the repair solve of repair-solve.ts, but
// any wasm file and a limit in CPU seconds of this process (comparable on a loaded shared machine).
import { readFileSync } from 'node:fs';
import type { RepairSolve } from '../../web/src/plan/repair';
import { validateScenario } from '../../web/src/domain/validate';
import { decode } from '../../workers/decode';
import { encode, pinnedInitialPlan } from '../../workers/encode';
import { Status } from '../../workers/protocol';
import { compileSolver, instantiateSolver } from '../../workers/wasm';

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** A RepairSolve on `wasmPath` whose time limit is CPU time; stats.elapsedMs is CPU ms. */
export function cpuRepairSolve(wasmPath: string): RepairSolve {
  const module = compileSolver(readFileSync(wasmPath));
  return async (scenario, options) => {
    const valid = validateScenario(scenario);
    if (!valid.ok) throw new Error('invalid');
    const started = cpuMs();
    const encoded = encode(valid.scenario, options);
    const instance = await instantiateSolver(await module);
    instance.load(encoded.buffers);
    instance.construct(pinnedInitialPlan(encoded, options.pins, options.initialRoutes));
    const limitMs = options.timeLimitS * 1000;
    let done = false;
    if (options.maxMoves !== undefined) {
      for (let spent = 0; spent < options.maxMoves && !done; spent += 1000) done = instance.improve(1000, spent / options.maxMoves) === Status.Done;
    } else {
      while (!done && cpuMs() - started < limitMs) done = instance.improve(200, Math.min(1, (cpuMs() - started) / limitMs)) === Status.Done;
    }
    const travel = instance.travel();
    const stats = { seed: options.seed, iterations: instance.iterations(), elapsedMs: Math.round(cpuMs() - started) };
    return decode(instance.readSolution(), { scenario: valid.scenario, encoded, travel, stopReason: done ? 'converged' : 'time-limit', stats });
  };
}
