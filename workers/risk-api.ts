// The worker's risk call (issue #14): validate the scenario and the options,
// build the risk model of the plan (the checker's walk) — or take the routes of
// a model built on the main thread (Day mode) — run the Monte Carlo
// in a fresh WASM instance and return PlanRisk — or, for the Risk panel, a
// RiskReport ranked here too, so the main thread does no per-stop work (issue #15).
// Runs in the solver worker.
import { formatIssues, validateScenario } from '../web/src/domain/validate';
import { buildRiskModel, finishModel, type RiskModel } from '../web/src/domain/risk/model';
import type { PlanRisk, RiskOptions } from '../web/src/domain/risk/risk-types';
import { riskReport, type RiskReport } from '../web/src/domain/risk/weakest';
import { resolveVariability } from '../web/src/domain/variability';
import { INPUT_ERROR, SOLVER_ERROR, namedError, type ModelRiskRequest, type RiskRequest } from './protocol';
import { checkRiskOptions, RiskCache, wasmRisk } from './risk-wasm';

/** This worker's last estimate: the next one samples only the routes it does not hold (an edit's, a new plan's). */
const cache = new RiskCache();

/** Estimates the risk of `request.plan`; InputError for a bad scenario or options, SolverError if the WASM fails. */
export async function computeRisk(loadModule: () => Promise<WebAssembly.Module>, posted: RiskRequest | ModelRiskRequest | string): Promise<PlanRisk> {
  const { model, options } = modelOf(posted);
  return runModel(loadModule, model, options);
}

/** The same estimate with its weakest promises ranked from the model built here (what the Risk panel shows). */
export async function computeRiskReport(loadModule: () => Promise<WebAssembly.Module>, posted: RiskRequest | ModelRiskRequest | string): Promise<RiskReport> {
  const { model, options } = modelOf(posted);
  return riskReport(model, await runModel(loadModule, model, options));
}

/** The risk model of a request (a scenario and plan, or Day mode's routes) and its options. */
function modelOf(posted: RiskRequest | ModelRiskRequest | string): { model: RiskModel; options: RiskOptions } {
  const request = typeof posted === 'string' ? (JSON.parse(posted) as RiskRequest) : posted;
  if ('routes' in request) return { model: finishModel(request.routes), options: request.options };
  const valid = validateScenario(request.scenario);
  if (!valid.ok) throw namedError(INPUT_ERROR, `the scenario is invalid:\n${formatIssues(valid.issues)}`);
  const variability = request.variability ?? resolveVariability(valid.scenario.settings);
  return { model: buildRiskModel(valid.scenario, request.plan, variability), options: request.options };
}

async function runModel(loadModule: () => Promise<WebAssembly.Module>, model: RiskModel, options: RiskOptions): Promise<PlanRisk> {
  try {
    checkRiskOptions(options);
  } catch (error) {
    throw namedError(INPUT_ERROR, (error as Error).message);
  }
  try {
    return await wasmRisk(await loadModule(), model, options, cache);
  } catch (error) {
    throw namedError(SOLVER_ERROR, `the risk estimate failed: ${(error as Error).message}`);
  }
}
