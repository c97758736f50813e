// @vitest-environment node
// Fuzzing the WASM facade with a real solver instance (issue #12). Node's own
// environment: under happy-dom a Node Buffer is no buffer source for WebAssembly.
import { wasmTarget } from './target-wasm';
import { fuzzSuite, type FuzzEntry } from './suite';

fuzzSuite([[wasmTarget, 300]] as FuzzEntry[]);
