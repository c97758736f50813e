// Worker entry: compiles the solver once (streaming from its own .wasm asset)
// and exposes the solver API through Comlink, its plans as text (solver-wire.ts).
// Everything else is in solver-api.ts.
import * as Comlink from 'comlink';
import wasmUrl from '../solver-as/build/release.wasm?url';
import { createSolverApi } from './solver-api';
import { wireSolverApi } from './solver-wire';
import { compileSolver } from './wasm';

let compiled: Promise<WebAssembly.Module> | null = null;
const loadModule = () =>
  (compiled ??= compileSolver(fetch(wasmUrl)).catch((error: unknown) => {
    compiled = null; // let the next solve try again
    throw error;
  }));

Comlink.expose(wireSolverApi(createSolverApi(loadModule)));
