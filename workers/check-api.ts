// The checker worker's API as a plain object (testable without a Worker): it holds the
// scenario of the plans being checked and runs the one independent checker, domain/check.ts,
// on each (a plan sent as text, domain/plan-text.ts, is parsed here). It shares nothing with the solver: its
// own worker, its own copy of the scenario.
import { checkSolution } from '../web/src/domain/check';
import type { Scenario } from '../web/src/domain/scenario';
import type { Solution } from '../web/src/domain/solution';
import { fromPlanText, isPlanText } from '../web/src/domain/plan-text';
import { TextPieces } from '../web/src/io/text-pieces';
import { INPUT_ERROR, namedError, type CheckApi } from './protocol';

/** Creates the checker API: `load` a scenario under a key, then `check` plans against it. */
export function createCheckApi(): CheckApi {
  let loaded: { key: number; scenario: Scenario } | null = null;
  const texts = new TextPieces();
  return {
    load(key, posted) {
      const scenario = texts.resolve(posted);
      loaded = { key, scenario: typeof scenario === 'string' ? (JSON.parse(scenario) as Scenario) : scenario };
    },
    textPart: (key, parts) => texts.add(key, parts),
    check(key, solution) {
      // A check against another scenario than the caller meant would be a wrong verdict, not a slow one.
      if (!loaded || loaded.key !== key) throw namedError(INPUT_ERROR, `no scenario loaded under key ${key}`);
      const plan = 'partsKey' in solution ? { head: solution.head, parts: texts.takeList(solution.partsKey) } : solution;
      return checkSolution(loaded.scenario, isPlanText(plan) ? fromPlanText<Pick<Solution, 'routes' | 'unassigned'>>(plan) : plan);
    },
  };
}
