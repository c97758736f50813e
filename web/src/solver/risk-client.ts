// Main-thread side of the risk estimate (issue #14): the Monte Carlo runs in a
// solver worker of its own (spawned lazily), so a risk estimate never competes
// with a running solve for the same worker and never blocks the main thread.
import type * as Comlink from 'comlink';
import { SCENARIO_GONE, type RiskRequest, type SentText, type SolverWorkerApi } from '../../../workers/protocol';
import { riskPlanText, type RiskModel, type RiskPlan } from '../domain/risk/model';
import type { PlanRisk, RiskOptions } from '../domain/risk/risk-types';
import type { RiskReport } from '../domain/risk/weakest';
import { reportFromWire, riskFromWire } from '../domain/risk/risk-wire';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { nextTask } from '../io/next-task';
import { piecesOf, textForCall, textLength } from '../io/text-pieces';
import { makeWorkerHandle } from './worker-handle';

/** Computes the risk of a plan off the main thread; takes plain data (unwrap a store first: proxies cannot be posted). */
export type ComputeRisk = (scenario: Scenario, plan: Pick<Solution, 'routes'>, options: RiskOptions) => Promise<PlanRisk>;

/**
 * The same with the weakest promises ranked off the main thread (the Risk panel's figures). `scenarioText`, when
 * the caller has it, is `scenario`'s JSON text without its plan (store/scenario.ts `textWithoutPlan`), sent as it is.
 */
export type ComputeRiskReport = (scenario: Scenario, plan: Pick<Solution, 'routes'>, options: RiskOptions, scenarioText?: string | readonly string[]) => Promise<RiskReport>;

/** Computes the risk of a model built on the main thread (Day mode) off the main thread. */
export type ComputeModelRisk = (model: RiskModel, options: RiskOptions) => Promise<PlanRisk>;

/** A risk estimator around its own worker. */
export interface RiskClient {
  computeRisk: ComputeRisk;
  computeRiskReport: ComputeRiskReport;
  computeModelRisk: ComputeModelRisk;
  /** Terminates the worker. */
  dispose(): void;
}

/** Routes written per piece of a request's plan (~2,000 steps: about a millisecond). */
const ROUTES_PER_PIECE = 64;
/** Milliseconds of writing before the next piece waits for a task of its own. */
const SLICE_MS = 8;

/**
 * The JSON text of `routes` as the risk model reads them (riskPlanText: vehicle, departure, steps' kinds and ids; a
 * third of their full text), in pieces written a few milliseconds per task.
 */
export async function riskRoutesPieces(routes: RiskPlan['routes']): Promise<string[]> {
  const pieces = ['['];
  let start = performance.now();
  for (let i = 0; i < routes.length; i += ROUTES_PER_PIECE) {
    if (performance.now() - start > SLICE_MS) { await nextTask(); start = performance.now(); }
    if (i > 0) pieces.push(',');
    pieces.push(riskPlanText(routes.slice(i, i + ROUTES_PER_PIECE)).slice(1, -1));
  }
  pieces.push(']');
  return pieces;
}

function spawnWorker(): Worker {
  return new Worker(new URL('../../../workers/solver.worker.ts', import.meta.url), { type: 'module', name: 'risk' });
}

/** Makes a risk client; a crashed worker rejects the pending estimate and is replaced on the next call. */
export function makeRiskClient(createWorker: () => Worker = spawnWorker): RiskClient {
  const handle = makeWorkerHandle(createWorker, 'risk worker');
  /** The scenario text last sent whole to the worker `target`, under the id `id`. */
  let held: { target: Comlink.Remote<SolverWorkerApi>; text: string | readonly string[]; id: number } | null = null;
  let nextId = 0;
  /** Plain data (the raw store or a snapshot) sent as JSON text: a string crosses as one copy of its bytes,
   * where structured-cloning a 10,000-stop scenario and plan was a long task (issue #15). The plan travels
   * once, as `plan`: the scenario's own copy of it is not needed there. The scenario is the caller's text of it,
   * or written at once (the store may change it later); the plan's routes, which nothing changes (a stored plan is frozen, a solve's
   * result is new), as the risk model reads them (riskRoutesPieces), in slices of a few milliseconds (both in one task
   * took ~40 ms at 10,000 stops). The request's
   * text is its pieces, never joined here: a large one is posted a group of pieces per task (io/text-pieces.ts).
   * The scenario's text leads with its length and an id, so the worker can tell the text it
   * holds from a new one without parsing it (workers/risk-api.ts); when the worker was sent that very text last, the
   * request names it by id instead (`{"scenarioRef":K,…`): an edit of the plan alone does not post the scenario's
   * megabytes again (at 10,000 stops ~80 ms of the page's time, issue #15). `whole` sends it whole all the same.
   */
  const requestPieces = (scenarioText: string | readonly string[], rest: string[], whole: boolean): string[] => {
    const target = handle.remote();
    if (!whole && held && held.target === target && held.text === scenarioText) return [`{"scenarioRef":${held.id}`, ...rest];
    held = { target, text: scenarioText, id: ++nextId };
    const pieces = piecesOf(scenarioText);
    return [`{"scenarioChars":${textLength(pieces)},"scenarioId":${held.id},"scenario":`, ...pieces, ...rest];
  };
  let nextKey = 0;
  /** Calls `call` on the worker with the request `pieces` make: as one string when small, else sent in pieces first. */
  const send = async <T>(pieces: string[], call: (target: Comlink.Remote<SolverWorkerApi>, request: string | SentText) => Promise<T>): Promise<T> => {
    const target = handle.remote();
    // Watched from the first piece: a worker that dies between pieces rejects the call instead of leaving it waiting.
    const failed = handle.crashed();
    const request = await Promise.race([textForCall(pieces, ++nextKey, (key, parts) => target.textPart(key, parts)), failed]);
    return Promise.race([call(target, request), failed]);
  };
  /**
   * Sends the request (by reference when it can), and whole once more if the worker no longer holds its scenario;
   * the plan's routes are written once for both.
   */
  const ask = async <T>(scenario: Scenario, plan: Pick<Solution, 'routes'>, options: RiskOptions, text: string | readonly string[] | undefined, call: (target: Comlink.Remote<SolverWorkerApi>, request: string | SentText) => Promise<T>): Promise<T> => {
    const scenarioText = text ?? JSON.stringify({ ...scenario, plan: null } satisfies RiskRequest['scenario']);
    const rest = [',"plan":{"routes":', ...(await riskRoutesPieces(plan.routes)), `},"options":${JSON.stringify(options satisfies RiskRequest['options'])}}`];
    try {
      return await send(requestPieces(scenarioText, rest, false), call);
    } catch (error) {
      if ((error as Error | null)?.name !== SCENARIO_GONE) throw error;
      return send(requestPieces(scenarioText, rest, true), call);
    }
  };
  return {
    async computeRisk(scenario, plan, options) {
      return riskFromWire(await ask(scenario, plan, options, undefined, (target, request) => target.computeRisk(request)));
    },
    async computeRiskReport(scenario, plan, options, scenarioText) {
      return reportFromWire(await ask(scenario, plan, options, scenarioText, (target, request) => target.computeRiskReport(request)));
    },
    async computeModelRisk(model, options) {
      const target = handle.remote();
      const failed = handle.crashed();
      // The tables are rebuilt in the worker from the CVs: only the routes travel (plain data, copied by the message
      // itself; a JSON round trip first was 20-40 ms of a 10,000-stop day's task).
      return riskFromWire(await Promise.race([target.computeRisk({ routes: model.routes, options: { ...options } }), failed]));
    },
    dispose: handle.terminate,
  };
}
