// The on-time trade-off (issue #14): "Compare on-time targets" plans the open
// scenario at targets 0, 80, 90 and 95 % one after the other through the solve
// client (a short time each), estimates each plan's risk with the same seed and
// samples, and keeps one row per target; "Use this plan" adopts a row's plan
// (checked, like any plan). The rows belong to the scenario's revision: an edit
// makes them stale. Cancel stops the running solve and keeps the rows so far.
import { createStore } from 'solid-js/store';
import type { RiskOptions } from '../domain/risk/risk-types';
import type { Scenario, TravelSource } from '../domain/scenario';
import type { Solution } from '../domain/solution';
import { solveBlocker } from '../domain/validate-entity';
import { resolveRoadTravel } from '../io/road-travel';
import type { SolverClient } from '../solver/client';
import type { ComputeRisk } from '../solver/risk-client';
import { adoptSolvedPlan } from './adopt-plan';
import { DEFAULT_RISK_OPTIONS } from './risk';
import type { ScenarioStore } from './scenario';

/** The targets compared, in percent (0: plan with the mean times). */
export const TRADEOFF_TARGETS = [0, 80, 90, 95] as const;

/** Each compared solve runs at most this long (and no longer than the scenario's own time limit). */
export const TRADEOFF_TIME_S = 4;

/** One target's plan and its figures. */
export interface TradeoffRow {
  target: number;
  cost: number;
  distanceM: number;
  /** Routes with stops. */
  vehicles: number;
  unassigned: number;
  expectedLateStops: number;
  /** Mean simulated P(on time) over the planned stops. */
  onTimeShare: number;
  /** Whether the independent checker accepted the plan (a row it rejects cannot be used). */
  checkOk: boolean;
}

export type TradeoffStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface TradeoffFields {
  status: TradeoffStatus;
  rows: TradeoffRow[];
  /** The target being planned while running. */
  current: number | null;
  error: string | null;
  /** The scenario (id, revision) the rows were planned for. */
  forId: string | null;
  forRevision: number | null;
}

export type TradeoffState = Readonly<TradeoffFields>;

export interface TradeoffActions {
  /** Plans the open scenario at every target (ignored while running or with nothing to plan). */
  compare(): Promise<void>;
  /** Stops after the running solve (its best plan so far still gets a row). */
  cancel(): void;
  /** Makes a row's plan the open scenario's plan; false when the rows are stale or the plan failed the check. */
  use(target: number): boolean;
  /** True when the rows were planned for another scenario or revision than the open one. */
  stale(): boolean;
}

export type TradeoffStore = [state: TradeoffState, actions: TradeoffActions];

interface Kept { snapshot: Scenario; solved: Scenario; travel: TravelSource; solution: Solution }

/** Creates the trade-off store around the solve client and the risk estimate. */
export function createTradeoffStore(scenarioStore: ScenarioStore, client: SolverClient, computeRisk: ComputeRisk, riskOptions: RiskOptions = DEFAULT_RISK_OPTIONS): TradeoffStore {
  const [scenarioState, scenarioActions] = scenarioStore;
  const [state, setState] = createStore<TradeoffFields>({ status: 'idle', rows: [], current: null, error: null, forId: null, forRevision: null });
  const plans = new Map<number, Kept>();
  let cancelled = false;
  let generation = 0;

  const stale = () => state.forId !== (scenarioState.scenario?.id ?? null) || state.forRevision !== (scenarioState.scenario?.revision ?? null);

  async function planAt(snapshot: Scenario, target: number, signal: AbortSignal): Promise<TradeoffRow> {
    const settings = { ...snapshot.settings, onTimeTarget: target || undefined };
    if (!settings.onTimeTarget) delete settings.onTimeTarget;
    const road = await resolveRoadTravel({ ...snapshot, settings }, { signal });
    const options = { ...snapshot.settings.solver, timeLimitS: Math.min(snapshot.settings.solver.timeLimitS, TRADEOFF_TIME_S), explain: false };
    const solution = await client.solve(road.scenario, options, undefined, signal);
    const risk = await computeRisk(road.scenario, solution, riskOptions);
    plans.set(target, { snapshot, solved: road.scenario, travel: road.travel, solution });
    return {
      target, cost: solution.summary.cost, distanceM: solution.summary.distanceM, vehicles: solution.routes.length, unassigned: solution.unassigned.length,
      expectedLateStops: risk.expectedLateStops, onTimeShare: risk.stops.length ? risk.stops.reduce((a, s) => a + s.pOnTime, 0) / risk.stops.length : 1,
      checkOk: solution.check.ok,
    };
  }

  async function compare(): Promise<void> {
    const snapshot = scenarioActions.snapshot();
    if (!snapshot || state.status === 'running') return;
    const blocker = solveBlocker(snapshot);
    if (blocker) return void setState({ status: 'error', error: `Nothing to plan yet: ${blocker}.`, rows: [] });
    const own = ++generation;
    cancelled = false;
    plans.clear();
    const controller = new AbortController();
    setState({ status: 'running', rows: [], current: null, error: null, forId: snapshot.id, forRevision: snapshot.revision });
    try {
      for (const target of TRADEOFF_TARGETS) {
        if (cancelled) break;
        setState('current', target);
        const row = await planAt(snapshot, target, controller.signal);
        if (own !== generation) return;
        setState('rows', state.rows.length, row);
      }
      setState({ status: cancelled ? 'cancelled' : 'done', current: null });
    } catch (error) {
      if (own !== generation) return;
      const name = error instanceof Error ? error.name : '';
      // A newer solve (Optimize) took the solver: what was compared so far stays.
      if (name === 'StaleRunError') return void setState({ status: 'cancelled', current: null });
      setState({ status: 'error', current: null, error: `The comparison failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  return [state, {
    compare,
    cancel() {
      if (state.status !== 'running') return;
      cancelled = true;
      client.cancel();
    },
    use(target) {
      const kept = plans.get(target);
      const row = state.rows.find((r) => r.target === target);
      if (!kept || !row?.checkOk || stale()) return false;
      adoptSolvedPlan(scenarioActions, kept.snapshot, kept.solved, kept.travel, kept.solution);
      return true;
    },
    stale,
  }];
}
