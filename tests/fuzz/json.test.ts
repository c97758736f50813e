// Property-based fuzzing of the JSON importers: scenario file, VROOM problem, events file.
import { eventsTarget, scenarioFileTarget, vroomTarget } from './targets-json';
import { fuzzSuite, type FuzzEntry } from './suite';

fuzzSuite([
  [scenarioFileTarget, 400],
  [vroomTarget, 400],
  [eventsTarget, 400],
] as FuzzEntry[]);
