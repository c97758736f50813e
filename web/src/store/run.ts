// The run aggregate: one solve at a time through the solver client, its progress
// and its outcome. A finished solve is stored whole as the scenario's plan; a
// failure becomes a visible message and the previous plan stays untouched.
import { createEffect, on } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Progress, SolverPin } from '../../../workers/protocol';
import type { Scenario, TravelSource } from '../domain/scenario';
import type { Solution, StopReason } from '../domain/solution';
import { solveBlocker } from '../domain/validate-entity';
import { planMeasure, type PlanMeasure } from '../domain/pricing';
import type { CheckedProgress, SolverClient } from '../solver/client';
import { localTravel, resolveRoadTravel, routingUrlOf, type RoadTravelOptions } from '../io/road-travel';
import { makeBestSoFar } from './provisional';
import { nextTask } from '../io/next-task';
import type { ScenarioStore } from './scenario';
import { adoptSolvedPlan, headOf, type ScenarioHead } from './adopt-plan';
import type { TextSnapshot } from './plan-value';
import { describeRunError, finalCostPoint, sameCost, type CostPoint } from './run-report';

/** Life cycle of a solve: `done` and `error` stay until the next Optimize. */
export type RunStatus = 'idle' | 'running' | 'done' | 'error';

interface RunFields {
  status: RunStatus;
  /** Latest progress of the running (or last) solve (its best-so-far plan goes to the scenario, not here). */
  progress: Omit<Progress, 'plan'> | null;
  /** Human-readable reason of the last failure, shown while status is `error`. */
  error: string | null;
  /** Why the last successful solve stopped. */
  stopReason: StopReason | null;
  /** Cancel was asked for; waiting for the best plan so far. */
  cancelling: boolean;
  /**
   * The best plan's cost over time during the running (or last) solve: one point per change of the
   * best plan; a finished solve ends on its plan's own figures (those of the KPI bar).
   */
  costHistory: CostPoint[];
  /**
   * What the run panel follows of the best plan: its cost, or its km when the fleet drives for free (its cost
   * then says nothing about the routes). Set when a solve starts, from the vehicles at the click.
   */
  measure: PlanMeasure;
  /** Road matrix blocks fetched from the routing service before the solve (issue #14), null outside that phase. */
  routing: { done: number; total: number } | null;
}

/** Read-only for components: they change it through the actions. */
export type RunState = Readonly<RunFields>;

/** Verbs the run panel calls; components never set run state directly. */
export interface RunActions {
  /** Solves the open scenario and stores the checked result as its plan. */
  optimize(): Promise<void>;
  /** Stops the running solve and keeps its best plan so far. */
  cancel(): void;
  dismissError(): void;
  /** Aborts a running solve (the provider is going away). */
  dispose(): void;
}

/** The run store as `[state, actions]`. */
export type RunStore = [state: RunState, actions: RunActions];

/** Tuning of the run store (tests shorten the hard-abort delay). */
export interface RunOptions {
  /** After Cancel, a solve still running this long is aborted hard (worker terminated). */
  hardAbortAfterMs?: number;
  /** Pins the solver must keep, read when a solve starts. */
  pins?: () => SolverPin[];
  /** How road matrices are fetched from the routing service (tests pass their own cache). */
  roadTravel?: Omit<RoadTravelOptions, 'signal' | 'onProgress'>;
}

const DEFAULT_HARD_ABORT_MS = 5000;

/** Creates the run store around a solver client and the scenario store it plans for. */
export function createRunStore(client: SolverClient, scenarioStore: ScenarioStore, options: RunOptions = {}): RunStore {
  const [scenarioState, scenarioActions] = scenarioStore;
  const [state, setState] = createStore<RunFields>({ status: 'idle', progress: null, error: null, stopReason: null, cancelling: false, costHistory: [], measure: 'cost', routing: null });
  let controller: AbortController | null = null;
  let hardAbortTimer: ReturnType<typeof setTimeout> | undefined;

  const finish = (patch: Partial<RunFields>) => {
    clearTimeout(hardAbortTimer);
    controller = null;
    setState({ cancelling: false, ...patch });
  };

  // "Nothing to plan yet" is about the scenario as it was: once it changes, the message is out of date.
  let blockedAt: { id: string; revision: number } | null = null;
  createEffect(on(() => [scenarioState.scenario?.id, scenarioState.scenario?.revision] as const, ([id, revision]) => {
    if (blockedAt && state.status === 'error' && (blockedAt.id !== id || blockedAt.revision !== revision)) {
      blockedAt = null;
      setState({ status: 'idle', error: null });
    }
  }, { defer: true }));

  const addPoint = (point: CostPoint) => {
    const last = state.costHistory[state.costHistory.length - 1];
    // Only changes of the best plan are kept, so a long solve stays a short list.
    if (!last || !sameCost(last, point)) setState('costHistory', state.costHistory.length, point);
  };

  const bestSoFar = makeBestSoFar(scenarioStore);
  /**
   * `snapshot()`: the scenario as it was at the click (its head: see adopt-plan.ts ScenarioHead); `solved()`: the one
   * the solver saw (its road matrices, if any).
   */
  const progressOf = (snapshot: () => ScenarioHead, solved: () => Pick<Scenario, 'travelMatrices'>, travel: TravelSource) => (p: CheckedProgress) => {
    const { plan, ...figures } = p;
    // Before the search there is no plan yet, so no cost point.
    if (p.phase === 'searching') addPoint({ elapsedMs: p.elapsedMs, cost: p.routeCost, unassigned: p.unassigned, penalty: p.penalty, distanceM: p.distanceM });
    setState('progress', figures);
    if (plan) bestSoFar.show(snapshot(), solved(), travel, plan);
  };

  /** Says what `scenario` lacks to be planned, as the run's error, when it lacks something; true then. */
  const blocked = (scenario: Scenario): boolean => {
    const blocker = solveBlocker(scenario);
    if (!blocker) return false;
    blockedAt = { id: scenario.id, revision: scenario.revision };
    finish({ status: 'error', error: `Nothing to plan yet: ${blocker}.`, progress: null });
    return true;
  };

  async function optimize(): Promise<void> {
    if (state.status === 'running') return;
    const clicked = scenarioActions.current();
    if (!clicked || blocked(clicked)) return;
    const own = new AbortController();
    controller = own;
    setState({ status: 'running', progress: null, error: null, stopReason: null, cancelling: false, costHistory: [], measure: planMeasure(clicked.vehicles), routing: null });
    // The scenario as text (what the solver reads); a copy is parsed from it only when needed (a routing service's
    // matrices are fetched for it, or the scenario changed before the solve ended). A large scenario's text is
    // written a slice per task after the click, not in it (issue #15).
    const soon = scenarioActions.snapshotWithTextSoon();
    let copied: TextSnapshot | null;
    try {
      copied = soon instanceof Promise ? await soon : soon;
    } catch (error) {
      // Status is 'running' already: a failure here must end the run, not leave it waiting.
      return finish({ status: 'error', error: describeRunError(error) });
    }
    // Nothing runs between the text and these reads: the store holds what the text says.
    const now = scenarioActions.current();
    // Cancelled, disposed, or another scenario opened while the text was written: nothing was started.
    if (!copied || !now || now.id !== clicked.id || own.signal.aborted || state.cancelling) return finish({ status: 'idle' });
    // Its data may have changed while the text was written.
    if (soon instanceof Promise && blocked(now)) return;
    const pins = options.pins?.() ?? [];
    const solveOptions = { ...now.settings.solver, ...(pins.length > 0 ? { pins } : {}) };
    const scenarioId = now.id;
    const routed = !!routingUrlOf(now);
    // The scenario at the click as far as storing its plans goes (nothing has run since the text was written).
    const head = headOf(now);
    try {
      let solved: Pick<Scenario, 'travelMatrices'>;
      let travel: TravelSource;
      let solving: Promise<Solution>;
      if (routed) {
        const road = await resolveRoadTravel(copied.copy(), { ...options.roadTravel, signal: own.signal, onProgress: (done, total) => setState('routing', { done, total }) });
        setState('routing', null);
        ({ scenario: solved, travel } = road);
        // The snapshot's own text when the solve is on it (not on a copy with road matrices).
        const onRoads = road.scenario;
        solving = client.solve(onRoads, solveOptions, progressOf(() => head, () => onRoads, travel), own.signal, onRoads === copied.copy() ? copied.pieces : undefined);
      } else {
        // Without a routing service the solve starts at once, on the click's text: the client reads the live
        // scenario only in this call (its size). No copy of the scenario is made: the solve's plans need its head.
        travel = localTravel(now).travel;
        solved = {};
        solving = client.solve(now, solveOptions, progressOf(() => head, () => solved, travel), own.signal, copied.pieces);
      }
      const solution = await solving;
      bestSoFar.settled();
      // The plan is read (decoded from the worker's answer) in the task that received it; the store and every view
      // take it in the next one: at 10,000 stops the two were one task of 50-70 ms (issue #15).
      await nextTask();
      // The user opened another scenario meanwhile: this plan belongs to nothing on screen.
      if (scenarioState.scenario?.id !== scenarioId) return finish({ status: 'idle' });
      storePlan(head, solved, travel, solution);
      // Always the last point, so the chart runs to the end of the solve on the plan's own figures. Its penalties
      // are those of the orders at the click: the store's own while unchanged since (no copy to parse), else the
      // click's copy.
      const problem = scenarioActions.current();
      const atClick = problem?.id === head.id && problem.revision === head.revision ? problem : copied.copy();
      setState('costHistory', state.costHistory.length, finalCostPoint(atClick, solution, state.progress?.elapsedMs ?? 0));
      finish({ status: 'done', stopReason: solution.stopReason });
    } catch (error) {
      // A newer run owns the state now.
      if (error instanceof Error && error.name === 'StaleRunError') return;
      bestSoFar.restore();
      if (own.signal.aborted && state.routing) return finish({ status: 'idle', routing: null });
      finish({ status: 'error', error: describeRunError(error), routing: null });
    }
  }

  /** Stores the plan with its travel source (adopt-plan.ts). */
  function storePlan(snapshot: ScenarioHead, solved: Pick<Scenario, 'travelMatrices'>, travel: TravelSource, solution: Solution): void {
    adoptSolvedPlan(scenarioActions, snapshot, solved, travel, solution);
  }

  const actions: RunActions = {
    optimize,
    cancel() {
      if (state.status !== 'running' || state.cancelling) return;
      // Still fetching road matrices: nothing to keep, stop at once.
      if (state.routing) return void controller?.abort();
      setState('cancelling', true);
      client.cancel();
      const pending = controller;
      hardAbortTimer = setTimeout(() => pending?.abort(), options.hardAbortAfterMs ?? DEFAULT_HARD_ABORT_MS);
    },
    dismissError() {
      if (state.status === 'error') setState({ status: 'idle', error: null });
    },
    dispose() {
      clearTimeout(hardAbortTimer);
      controller?.abort();
    },
  };
  return [state, actions];
}
