// Worker entry of the independent checker (issue #15): checks plans off the main thread,
// in a worker of its own, so the check stays independent of the solver. See check-api.ts.
import * as Comlink from 'comlink';
import { createCheckApi } from './check-api';

Comlink.expose(createCheckApi());
