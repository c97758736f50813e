// Property-based fuzzing of the spreadsheet importers (issue #12): each generated
// case ends in a valid result or a clear error naming the place, never an
// uncaught exception or a hang. CI runs a few hundred cases per importer;
// `npm run fuzz` (FUZZ_RUNS=10000) runs ten thousand. One file per family so
// vitest runs the families in parallel.
import { csvTarget } from './targets-table';
import { fuzzSuite, type FuzzEntry } from './suite';

fuzzSuite([
  [csvTarget('orders'), 400],
  [csvTarget('vehicles'), 400],
] as FuzzEntry[]);
