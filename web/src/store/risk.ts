// The risk of the open plan (issue #14): once a checked plan is current (a solve
// landed, a plan was restored or edited), its Monte Carlo risk is estimated in a
// worker, which also ranks the weakest promises, and kept here as one plain value
// (a signal, not a deep store: 10,000 stop figures cost no proxy, issue #15); a
// stale, failed or removed plan clears it. A late answer for an older plan is dropped.
// While a new plan's estimate runs, the stops of the routes it kept as they were keep
// their figures (a route's figures depend on that route alone, reference.ts).
import { createEffect, createSignal, on, untrack } from 'solid-js';
import { unwrap } from 'solid-js/store';
import { buildRiskModel } from '../domain/risk/model';
import type { PlanRisk, RiskOptions, StopRisk } from '../domain/risk/risk-types';
import { riskReport, WEAKEST_COUNT, type WeakPromise } from '../domain/risk/weakest';
import type { Scenario } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { resolveVariability } from '../domain/variability';
import type { ComputeRisk, ComputeRiskReport } from '../solver/risk-client';
import { nextTask } from '../io/next-task';
import { isProvisional } from './provisional';
import type { ScenarioStore } from './scenario';

/** `idle`: no current plan; `running`: estimating; `done`: `risk` is the plan's; `error`: see `error`. */
export type RiskStatus = 'idle' | 'running' | 'done' | 'error';

interface RiskFields {
  status: RiskStatus;
  risk: PlanRisk | null;
  /** The weakest promises of the plan, lowest P(on time) first. */
  weakest: WeakPromise[];
  /** A sentence for the panel while status is `error`. */
  error: string | null;
  /**
   * While a new plan's estimate runs (status `running`): the last estimate's figures of the stops whose routes the
   * new plan kept as they were, on the same data. Exact, since a route's figures depend on that route alone
   * (reference.ts); a view keeps them instead of clearing every whisker and ring of a 10,000-stop plan and drawing
   * them again when the estimate lands (issue #15). Read through `RiskReads` only; `risk` stays null meanwhile.
   */
  carried: Carried | null;
}

/** The stops of a plan's unchanged routes, from the last estimate (see RiskFields.carried). */
export interface Carried {
  risk: PlanRisk;
  /** Vehicles whose route the new plan kept: same departure, same steps in the same order. */
  kept: ReadonlySet<string>;
}

/** An estimate that landed, with what it was made for. */
interface Estimated {
  scenarioId: string;
  dataChanges: number;
  plan: Solution;
  risk: PlanRisk;
}

/** True when two routes leave at the same time and visit the same steps in the same order: the same risk model. */
function sameRoute(a: Solution['routes'][number], b: Solution['routes'][number]): boolean {
  if (a.steps.length !== b.steps.length || a.steps[0]?.departureS !== b.steps[0]?.departureS) return false;
  for (let i = 0; i < a.steps.length; i++) {
    if (a.steps[i].id !== b.steps[i].id || a.steps[i].type !== b.steps[i].type) return false;
  }
  return true;
}

/** What `plan` keeps of the estimate `last` (null: nothing). O(steps) compares; the order index waits for a read. */
function carry(last: Estimated, plan: Solution): Carried | null {
  const before = new Map(last.plan.routes.map((r) => [r.vehicleId, r]));
  const kept = new Set<string>();
  for (const route of plan.routes) {
    const old = before.get(route.vehicleId);
    if (old && route.steps.length > 0 && sameRoute(old, route)) kept.add(route.vehicleId);
  }
  // A stop's vehicle in the estimated plan is its figures' own (StopRisk.vehicleId), found in the estimate's index
  // that its views built already: no index of the old plan's 10,000 steps is built in the task that lands the new
  // one (~9 ms of it, issue #15).
  return kept.size === 0 ? null : { risk: last.risk, kept };
}

/** Read-only for components. */
export type RiskState = Readonly<Omit<RiskFields, 'carried'>>;

/** Reads of the risk store (no verbs: it follows the plan by itself). */
export interface RiskReads {
  /** The figures of one stop of the current plan (a shipment: its side), if estimated. */
  stopRisk(orderId: string, side?: 'pickup' | 'delivery'): StopRisk | undefined;
  /**
   * The risk level of each order of the current plan (a shipment: its weaker side), if estimated, as a plain lookup
   * of the current estimate: one tracked read, however many orders it is asked for.
   */
  orderLevels(): OrderLevels;
}

/** The risk level of each order of one estimate; reads nothing reactive. */
export type OrderLevels = (orderId: string) => RiskLevel | undefined;

/** The levels of the weakest probabilities per order (weakestPerOrder). */
export function levelsOf(perOrder: ReadonlyMap<string, number>): OrderLevels {
  return (orderId) => {
    const p = perOrder.get(orderId);
    return p === undefined ? undefined : riskLevel(p);
  };
}

/** How a stop's promise holds: `low` risk at P(on time) ≥ 0.9, `medium` at ≥ 0.6, `high` below. */
export type RiskLevel = 'low' | 'medium' | 'high';

/** The level of a probability of being on time. */
export function riskLevel(pOnTime: number): RiskLevel {
  if (pOnTime >= 0.9) return 'low';
  return pOnTime >= 0.6 ? 'medium' : 'high';
}

/** The lowest P(on time) of each order over its stops. */
export function weakestPerOrder(stops: readonly StopRisk[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of stops) out.set(s.orderId, Math.min(out.get(s.orderId) ?? 1, s.pOnTime));
  return out;
}

/** The risk store as `[state, reads]`. */
export type RiskStore = [state: RiskState, reads: RiskReads];

/** The default estimate: 2,000 sampled days, seed 1. */
export const DEFAULT_RISK_OPTIONS: RiskOptions = { samples: 2000, seed: 1 };

/** How many weak promises the panel lists. */
export { WEAKEST_COUNT };

const EMPTY: RiskFields = { status: 'idle', risk: null, weakest: [], error: null, carried: null };

/** Turns a failed estimate into a sentence. */
export function describeRiskError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `The risk of this plan could not be estimated: ${message}.`;
}

/**
 * A report estimator around a bare risk estimator, ranking on the main thread: for tests and callers
 * that fake `computeRisk`. The app asks the risk worker for the report instead.
 */
export function reportOnMainThread(compute: ComputeRisk): ComputeRiskReport {
  return async (scenario, plan, options) => {
    const risk = await compute(scenario, plan, options);
    return riskReport(buildRiskModel(scenario, plan, resolveVariability(scenario.settings)), risk);
  };
}

/** Follows the scenario's plan and keeps its risk; needs a reactive owner. */
export function createRiskStore(scenarioStore: ScenarioStore, compute: ComputeRiskReport, options: RiskOptions = DEFAULT_RISK_OPTIONS): RiskStore {
  const [scenarioState, scenarioActions] = scenarioStore;
  const [fields, setFields] = createSignal<RiskFields>(EMPTY);
  const setState = (next: RiskFields) => setFields(Object.freeze(next));
  let generation = 0;
  /** The last estimate that landed (kept for what a next plan leaves as it was). */
  let last: Estimated | null = null;

  async function estimate(scenario: Scenario, own: number): Promise<void> {
    const plan = scenario.plan!.solution;
    const dataChanges = untrack(() => scenarioState.dataChanges);
    const carried = last && last.scenarioId === scenario.id && last.dataChanges === dataChanges ? carry(last, plan) : null;
    setState({ ...EMPTY, status: 'running', carried });
    // In a task of its own: building the request copies the whole scenario (about 40 ms at 10,000 stops),
    // which would otherwise lengthen the task that delivered the plan (issue #15).
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (own !== generation) return;
    try {
      // The scenario's text as the store last wrote it (the solve's, for its plan), or written in slices if its data
      // changed since; a change that matters moves `current`, and `generation` then drops the answer.
      // Its pieces, never joined on the page: they are posted a group per task (io/text-pieces.ts).
      const soon = scenarioActions.piecesWithoutPlanSoon();
      const text = soon instanceof Promise ? await soon : soon;
      if (own !== generation) return;
      const { risk, weakest } = await compute(scenario, plan, options, text ?? undefined);
      if (own !== generation) return;
      // The answer is read (decoded into the estimate) in the task that received it; the views take it in the next
      // one: at 10,000 stops the two were one task of 60-80 ms (issue #15).
      await nextTask();
      if (own !== generation) return;
      last = { scenarioId: scenario.id, dataChanges, plan, risk };
      setState({ status: 'done', risk, weakest, error: null, carried: null });
    } catch (error) {
      if (own === generation) setState({ ...EMPTY, status: 'error', error: describeRiskError(error) });
    }
  }

  const current = () => (scenarioState.planStatus === 'valid' ? scenarioState.scenario?.plan : undefined);
  createEffect(on(current, (plan) => {
    const own = ++generation;
    // A best-so-far plan shown during a solve is replaced within a second: its risk waits for the result.
    // (The plan is the store's immutable value: its solution is the very object the solve delivered.)
    if (plan && isProvisional(plan.solution)) return void setState({ ...EMPTY, status: 'running' });
    // The raw scenario, not a deep copy: posting it to the risk worker copies it anyway (at 10,000 stops a
    // second copy is a long task, issue #15). Any change that matters moves `current`, so `generation` drops the answer.
    const scenario = plan ? unwrap(scenarioState.scenario) : null;
    if (!scenario?.plan) return void setState({ ...EMPTY });
    void estimate(scenario, own);
  }));
  const state: RiskState = {
    get status() { return fields().status; },
    get risk() { return fields().risk; },
    get weakest() { return fields().weakest; },
    get error() { return fields().error; },
  };
  return [state, estimateReads(() => state.risk, () => fields().carried)];
}

/** One estimate's stop figures by order id, per side (a job's under `job`): no key written per stop. */
type StopIndex = Record<'job' | 'pickup' | 'delivery', Map<string, StopRisk>>;
const indexes = new WeakMap<PlanRisk, StopIndex>();

function indexStops(stops: readonly StopRisk[]): StopIndex {
  const index: StopIndex = { job: new Map(), pickup: new Map(), delivery: new Map() };
  for (const s of stops) index[s.side ?? 'job'].set(s.orderId, s);
  return index;
}

const levelLookups = new WeakMap<PlanRisk, OrderLevels>();
const noLevels: OrderLevels = () => undefined;

/** The stop figures of an estimate by order id and side, indexed on first use. */
function indexOf(risk: PlanRisk): StopIndex {
  let index = indexes.get(risk);
  if (!index) indexes.set(risk, (index = indexStops(risk.stops)));
  return index;
}

/** The levels of an estimate's orders, one lookup per estimate, its table built on the first level asked for. */
function levelsOfEstimate(risk: PlanRisk): OrderLevels {
  let lookup = levelLookups.get(risk);
  if (!lookup) {
    let table: OrderLevels | null = null;
    lookup = (orderId) => (table ??= levelsOf(weakestPerOrder(risk.stops)))(orderId);
    levelLookups.set(risk, lookup);
  }
  return lookup;
}

const carriedLevels = new WeakMap<Carried, OrderLevels>();

/**
 * The reads of the estimate `risk()` gives (a tracked read of it per call), each made on first use and kept per
 * estimate: memos over its 10,000 stops ran in the task that delivered it, with the panel's and the map's work
 * (a long task, issue #15); the levels' table is built on the first level asked for. Without an estimate, what
 * `carried()` keeps of the last one (the stops of the routes the plan left as they were).
 */
export function estimateReads(risk: () => PlanRisk | null | undefined, carried: () => Carried | null = () => null): RiskReads {
  return {
    stopRisk(orderId, side) {
      const current = risk();
      if (current) return indexOf(current)[side ?? 'job'].get(orderId);
      const kept = carried();
      if (!kept) return undefined;
      const stop = indexOf(kept.risk)[side ?? 'job'].get(orderId);
      return stop !== undefined && kept.kept.has(stop.vehicleId) ? stop : undefined;
    },
    orderLevels() {
      const current = risk();
      if (current) return levelsOfEstimate(current);
      const kept = carried();
      if (!kept) return noLevels;
      let lookup = carriedLevels.get(kept);
      if (!lookup) {
        // The last estimate's own table (built already when a view read its levels), filtered.
        const levels = levelsOfEstimate(kept.risk);
        const index = indexOf(kept.risk);
        lookup = (orderId) => {
          const stop = index.job.get(orderId) ?? index.pickup.get(orderId) ?? index.delivery.get(orderId);
          return stop !== undefined && kept.kept.has(stop.vehicleId) ? levels(orderId) : undefined;
        };
        carriedLevels.set(kept, lookup);
      }
      return lookup;
    },
  };
}
