// Property-based fuzzing of every file importer (issue #12): each generated case
// ends in a valid result or a clear error naming the place, never an uncaught
// exception or a hang. CI runs a few hundred cases per importer; `npm run fuzz`
// (FUZZ_RUNS=10000) runs ten thousand. The WASM facade is in wasm.test.ts.
import { eventsTarget, scenarioFileTarget, vroomTarget } from './targets-json';
import { csvTarget, xlsxTarget } from './targets-table';
import { fuzzSuite, type FuzzEntry } from './suite';

fuzzSuite([
  [csvTarget('orders'), 400],
  [csvTarget('vehicles'), 400],
  [xlsxTarget('orders'), 250],
  [xlsxTarget('vehicles'), 250],
  [scenarioFileTarget, 400],
  [vroomTarget, 400],
  [eventsTarget, 400],
] as FuzzEntry[]);
