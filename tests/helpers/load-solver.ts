// Loads the solver .wasm from disk in Node (fs) and instantiates fresh copies,
// the test-side byte source for workers/wasm.ts (the browser fetches instead).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ProblemBuffers } from '../../workers/protocol';
import { compileSolver, instantiateSolver, type RawSolverExports, type SolverInstance } from '../../workers/wasm';

const modules = new Map<string, Promise<WebAssembly.Module>>();

/** Path of a build target's .wasm (`npm run asbuild:debug` / `asbuild:release` write them). */
export function solverWasmPath(target: 'debug' | 'release' = 'debug'): string {
  return fileURLToPath(new URL(`../../solver-as/build/${target}.wasm`, import.meta.url));
}

/** Compiles the target once per process. */
export function loadSolverModule(target: 'debug' | 'release' = 'debug'): Promise<WebAssembly.Module> {
  let module = modules.get(target);
  if (!module) {
    module = compileSolver(readFileSync(solverWasmPath(target)));
    modules.set(target, module);
  }
  return module;
}

/** A fresh solver instance (clean memory) of the given target. */
export async function newSolver(target: 'debug' | 'release' = 'debug'): Promise<SolverInstance> {
  return instantiateSolver(await loadSolverModule(target));
}

/** Stops of each route of a plan. */
export type Routes = number[][];

/** The working plan's routes, walked from each start site through `next`. */
export function workingRoutes(raw: RawSolverExports, p: ProblemBuffers): Routes {
  const routes: Routes = [];
  for (let r = 0; r < p.vehicleCount; r++) {
    const stops: number[] = [];
    for (let site = raw.testLink(0, p.nodeCount + r); site < p.nodeCount; site = raw.testLink(0, site)) stops.push(site);
    routes.push(stops);
  }
  return routes;
}
