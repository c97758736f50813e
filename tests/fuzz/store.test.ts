// Property-based fuzzing of the import store flow over persisted (fake) IndexedDB:
// a rejected import leaves storage unchanged, an accepted one stores a valid scenario.
import { storeTarget } from './target-store';
import { fuzzSuite, type FuzzEntry } from './suite';

fuzzSuite([[storeTarget, 300]] as FuzzEntry[]);
