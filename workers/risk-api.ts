// The worker's risk call (issue #14): validate the scenario and the options,
// build the risk model of the plan (the checker's walk), run the Monte Carlo
// in a fresh WASM instance and return PlanRisk. Runs in the solver worker.
import { formatIssues, validateScenario } from '../web/src/domain/validate';
import { buildRiskModel } from '../web/src/domain/risk/model';
import type { PlanRisk } from '../web/src/domain/risk/risk-types';
import { resolveVariability } from '../web/src/domain/variability';
import { INPUT_ERROR, SOLVER_ERROR, namedError, type RiskRequest } from './protocol';
import { checkRiskOptions, wasmRisk } from './risk-wasm';

/** Estimates the risk of `request.plan`; InputError for a bad scenario or options, SolverError if the WASM fails. */
export async function computeRisk(loadModule: () => Promise<WebAssembly.Module>, request: RiskRequest): Promise<PlanRisk> {
  const valid = validateScenario(request.scenario);
  if (!valid.ok) throw namedError(INPUT_ERROR, `the scenario is invalid:\n${formatIssues(valid.issues)}`);
  try {
    checkRiskOptions(request.options);
  } catch (error) {
    throw namedError(INPUT_ERROR, (error as Error).message);
  }
  const variability = request.variability ?? resolveVariability(valid.scenario.settings);
  const model = buildRiskModel(valid.scenario, request.plan, variability);
  try {
    return await wasmRisk(await loadModule(), model, request.options);
  } catch (error) {
    throw namedError(SOLVER_ERROR, `the risk estimate failed: ${(error as Error).message}`);
  }
}
