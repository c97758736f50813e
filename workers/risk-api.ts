// The worker's risk call (issue #14): validate the scenario and the options,
// build the risk model of the plan (the checker's walk) — or take the routes of
// a model built on the main thread (Day mode) — run the Monte Carlo
// in a fresh WASM instance and return PlanRisk — or, for the Risk panel, a
// RiskReport ranked here too, so the main thread does no per-stop work (issue #15).
// Runs in the solver worker.
import { formatIssues, validateScenario } from '../web/src/domain/validate';
import { finishModel, riskModelBuilder, type RiskModel, type RiskPlan } from '../web/src/domain/risk/model';
import type { PlanRisk, RiskOptions } from '../web/src/domain/risk/risk-types';
import { riskReport, type RiskReport } from '../web/src/domain/risk/weakest';
import type { Scenario } from '../web/src/domain/scenario';
import { resolveVariability } from '../web/src/domain/variability';
import { INPUT_ERROR, SCENARIO_GONE, SOLVER_ERROR, namedError, type ModelRiskRequest, type RiskRequest } from './protocol';
import { checkRiskOptions, RiskCache, wasmRisk } from './risk-wasm';

/** This worker's last estimate: the next one samples only the routes it does not hold (an edit's, a new plan's). */
const cache = new RiskCache();

/**
 * The scenario of the last request sent with its text's length (RISK_TEXT_HEAD), as that text, validated, and a model
 * builder for it under the variability it was asked with. An edit of the plan names that scenario by its id
 * (RISK_REF_HEAD), or sends the same text again: it is neither parsed nor validated again, and only the routes the
 * edit changed are walked (at 10,000 stops the three took ~0.3 s of the worker per estimate; issue #15).
 */
let last: Held | null = null;

/** A scenario this worker holds: its sender's id for it, its text, validated, and a builder under one variability. */
interface Held {
  id: number;
  text: string;
  scenario: Scenario;
  variability: string;
  build: (plan: RiskPlan) => RiskModel;
}

/**
 * The head of a request text that gives its scenario text's length and the id its sender gives that text:
 * `{"scenarioChars":N,"scenarioId":K,"scenario":` (risk-client.ts).
 */
const RISK_TEXT_HEAD = /^\{"scenarioChars":(\d{1,12}),"scenarioId":(\d{1,12}),"scenario":/;
/**
 * The head of a request for the scenario this worker was last sent, by its id: `{"scenarioRef":K,` and then the
 * plan and options. The page sends it after an edit of the plan alone: the scenario text (megabytes at 10,000 stops,
 * ~80 ms of the page's time to post) does not cross again.
 */
const RISK_REF_HEAD = /^\{"scenarioRef":(\d{1,12}),/;

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
  const ref = typeof posted === 'string' ? RISK_REF_HEAD.exec(posted.slice(0, 32)) : null;
  if (ref) {
    if (last?.id !== Number(ref[1])) throw namedError(SCENARIO_GONE, `the risk worker no longer holds scenario ${ref[1]}`);
    const request = JSON.parse(`{${(posted as string).slice(ref[0].length)}`) as Omit<RiskRequest, 'scenario'>;
    last = held(last, last, request.variability);
    return { model: last.build(request.plan), options: request.options };
  }
  const split = typeof posted === 'string' ? splitText(posted) : null;
  const request = split ? split.rest : typeof posted === 'string' ? (JSON.parse(posted) as RiskRequest) : posted;
  if ('routes' in request) return { model: finishModel(request.routes), options: request.options };
  const scenarioText = split?.scenarioText;
  let scenario: Scenario;
  if (scenarioText !== undefined && last?.text === scenarioText) {
    scenario = last.scenario;
  } else {
    const valid = validateScenario(scenarioText !== undefined ? JSON.parse(scenarioText) : request.scenario);
    if (!valid.ok) throw namedError(INPUT_ERROR, `the scenario is invalid:\n${formatIssues(valid.issues)}`);
    scenario = valid.scenario;
  }
  if (scenarioText === undefined) {
    return { model: riskModelBuilder(scenario, request.variability ?? resolveVariability(scenario.settings))(request.plan), options: request.options };
  }
  last = held({ id: split!.scenarioId, text: scenarioText, scenario }, last, request.variability);
  return { model: last.build(request.plan), options: request.options };
}

/**
 * The scenario `base` as held under `variability` (the scenario's own when none is given): `prior`'s builder when
 * `prior` holds the same text under the same variability (it keeps the route models it built), else a new one.
 */
function held(base: Pick<Held, 'id' | 'text' | 'scenario'>, prior: Held | null, variability: RiskRequest['variability']): Held {
  const resolved = variability ?? resolveVariability(base.scenario.settings);
  const text = JSON.stringify(resolved);
  if (prior && prior.text === base.text && prior.variability === text) return { ...prior, id: base.id };
  return { ...base, variability: text, build: riskModelBuilder(base.scenario, resolved) };
}

/**
 * A request text with its scenario text's length at its head: that text, and the rest of the request parsed
 * (`{"plan":…,"options":…}`); null for any other text. The scenario is a JSON value of exactly that many characters.
 */
function splitText(posted: string): { scenarioText: string; scenarioId: number; rest: Omit<RiskRequest, 'scenario'> & { scenario?: undefined } } | null {
  const head = RISK_TEXT_HEAD.exec(posted.slice(0, 72));
  if (!head) return null;
  const from = head[0].length;
  const to = from + Number(head[1]);
  if (posted[to] !== ',') throw namedError(INPUT_ERROR, 'the risk request is malformed: its scenario is not as long as it says');
  return { scenarioText: posted.slice(from, to), scenarioId: Number(head[2]), rest: JSON.parse(`{${posted.slice(to + 1)}`) };
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
